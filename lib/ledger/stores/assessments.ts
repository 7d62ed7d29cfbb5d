import { dateOf } from '../derive';
import { LedgerError } from '../errors';
import { newId } from '../ids';
import { assessmentSchema, type Assessment } from '../../model/assessment';
import type { LedgerCore } from './core';

// Legitimate-interest assessments (Art. 6(1)(f)): every edit is a new version; a basis names the version it relied on.

export class AssessmentStore {
  constructor(private readonly core: LedgerCore) {}

  async listAssessments() {
    const now = this.core.now();
    return this.core.read(['assessments'], async (db) => {
      const all = await db.assessments.toArray();
      const latest = new Map<string, Assessment>();
      for (const a of all) if ((latest.get(a.id)?.version ?? 0) < a.version) latest.set(a.id, a);
      return [...latest.values()]
        .sort((a, b) => a.title.localeCompare(b.title))
        .map((a) => ({ id: a.id, title: a.title, version: a.version, reviewDate: a.reviewDate, createdAt: a.createdAt, reviewDue: dateOf(a.reviewDate) < now }));
    });
  }
  async getAssessment(id: string, version?: number) {
    return this.core.read(['assessments', 'bases'], async (db) => {
      const versions = (await db.assessments.where('id').equals(id).toArray()).sort((a, b) => a.version - b.version);
      const a = version ? versions.find((v) => v.version === version) : versions[versions.length - 1];
      if (!a) throw new LedgerError('not-found', 'This assessment does not exist.', 'id');
      const contactCount = await db.bases.filter((b) => b.type === 'legitimate_interest' && b.assessmentId === id).count();
      return { assessment: a, versions: versions.map((v) => v.version), contactCount };
    });
  }
  /** Saves an assessment; editing one stores a new version and keeps the old (bases name the version they relied on). */
  async saveAssessment(input: Omit<Assessment, 'id' | 'version' | 'createdAt'> & { id?: string }): Promise<{ id: string; version: number }> {
    return this.core.write(async (db) => {
      const id = input.id ?? newId();
      const prev = await db.assessments.where('id').equals(id).toArray();
      if (input.id && prev.length === 0) throw new LedgerError('not-found', 'This assessment does not exist.', 'id');
      const version = prev.reduce((m, a) => Math.max(m, a.version), 0) + 1;
      const parsed = assessmentSchema.safeParse({ ...input, id, version, createdAt: this.core.nowIso() });
      if (!parsed.success) {
        const i = parsed.error.issues[0]!;
        throw new LedgerError('invalid-assessment', i.message, i.path.join('.'));
      }
      await db.assessments.put(parsed.data);
      await this.core.audit(db, { actor: await this.core.actor(db), action: 'assessment-saved', detail: { assessmentId: id, version } });
      return { id, version };
    });
  }
}
