import type { GuardVerdict } from '../messaging/guard';
import type { PageRecipient } from '../messaging/common';
import type { ComposerSnapshot } from './adapter';
import { withTimeout } from './ask';
import { langOfView, type HoldAction } from '../../components/guard/HoldDialog';
import { strings } from '../../components/guard/strings';
import { isRefusal } from './pending-events';
import { keyOf, type GuardCore, type Hold, type Watched, type HoldActions } from './core';

// What the hold dialog's buttons do: cancel, send a draft found clean, check again, insert the notice,
// remove a recipient, put recipients on the do-not-contact list, open the basis form, or send anyway
// (recorded in the ledger first, or queued while the background is away).

export function createHoldActions(core: GuardCore): HoldActions {
  const { adapter, ask, lang, checkTimeoutMs, recorder } = core;
  const { paint, closeHold, release, recheck } = lazyHolds(core);

  async function onAction(w: Watched, hold: Hold, action: HoldAction) {
    if (w.hold !== hold) return;
    const verdict = hold.view.kind === 'verdict' ? hold.view.verdict : null;
    // the rep's language setting comes with the verdict
    const said = strings[langOfView(hold.view, lang)];
    const run = async (work: () => Promise<void> | void) => {
      hold.busy = true;
      hold.error = undefined;
      paint(w, hold);
      try {
        await work();
      } catch (error) {
        hold.error = (error as Error)?.message ?? String(error);
      }
      hold.busy = false;
      paint(w, hold);
    };
    // the explanation from the marker never sends: its Send and "send anyway" only close it
    if (hold.explain && (action.kind === 'send' || action.kind === 'send-anyway')) action = { kind: 'cancel' };
    switch (action.kind) {
      case 'cancel':
        closeHold(w, hold);
        return;
      case 'send': {
        if (verdict?.decision !== 'allow') return;
        let current: string | null = null;
        try {
          current = w.handle ? keyOf(w.handle.read()) : null;
        } catch {
          current = null;
        }
        // The draft changed since it was found clean: check what would really leave.
        if (current !== hold.key) await run(() => recheck(w, hold));
        else release(w, hold, verdict);
        return;
      }
      case 'recheck':
        await run(() => recheck(w, hold));
        return;
      case 'choose-products':
        // the rep's pick replaces what the engine found, for this composer's checks from now on
        w.products = action.products.slice(0, 20);
        await run(() => recheck(w, hold));
        return;
      case 'insert-disclosure':
        await run(async () => {
          const text = verdict?.disclosure?.[langOfView(hold.view, lang)];
          if (!text || !w.handle) throw new Error('no disclosure text');
          w.handle.insertText(text);
          await recheck(w, hold);
        });
        return;
      case 'remove-recipient':
        await run(async () => {
          if (!w.handle?.removeRecipient?.(action.key)) throw new Error(lang === 'nl' ? 'ontvanger kon niet worden verwijderd' : 'the recipient could not be removed');
          await recheck(w, hold);
        });
        return;
      case 'do-not-contact':
        await run(async () => {
          // the dialog names one person, a scope (all channels unless the rep narrowed it) and a reason
          const recipients = action.key ? only(hold.snapshot, action.key) : recipientsOffering(verdict, hold.snapshot, 'do-not-contact');
          if (recipients.length === 0 || !hold.snapshot) throw new Error('no recipient');
          await ask({ type: 'suppression/add-for-recipients', recipients, scope: action.scope ?? scopeOf(hold.snapshot.channel), reason: action.reason ?? 'Marked do-not-contact in the hold dialog' });
          await recheck(w, hold);
        });
        return;
      case 'record-basis':
        await run(async () => {
          const recipients = action.key ? only(hold.snapshot, action.key) : recipientsOffering(verdict, hold.snapshot, 'record-basis');
          if (recipients.length === 0) throw new Error('no recipient');
          await ask({ type: 'ui/open-record-basis', recipients });
          hold.hint = said.recordBasisHint;
        });
        return;
      case 'open-setup':
        await run(async () => {
          // no notice with gaps: the organisation's details come first
          await ask({ type: 'ui/open-setup' });
          hold.hint = said.setupHint;
        });
        return;
      case 'send-anyway': {
        const decision: 'warn' | 'block' = verdict?.decision === 'warn' ? 'warn' : 'block';
        if (verdict && (!verdict.overridesAllowed || verdict.overridable === false)) return;
        const snapshot = hold.snapshot;
        const codes = verdict ? [...verdict.findings, ...verdict.recipients.flatMap((r) => r.findings)].map((f) => f.code) : ['GUARD-UNCHECKED'];
        hold.busy = true;
        paint(w, hold);
        // a retry after a failed re-send: this draft's override is in the ledger already
        const recorded = hold.overriddenFor !== undefined && hold.overriddenFor === hold.key;
        // Also when the composer could not be read (no snapshot): the override and its reason are logged.
        if (!recorded) {
          const event = {
            kind: 'send-anyway' as const,
            site: adapter.site,
            channel: snapshot?.channel ?? adapter.defaultChannel,
            recipients: snapshot?.recipients.slice(0, 500) ?? [],
            codes: [...new Set(codes)].slice(0, 200),
            reason: action.reason.slice(0, 2000),
            ...(action.justification ? { justification: action.justification } : {}),
            decision,
          };
          try {
            // A background that hangs counts as away (below), not as a dialog that stays busy for ever.
            await withTimeout(ask({ type: 'ledger/record-event', event }), checkTimeoutMs);
          } catch (error) {
            if (isRefusal(error)) {
              // The background answered and says no to the override (policy, reason): do not send — also when
              // the check itself failed, since the policy does not depend on the check.
              hold.busy = false;
              hold.error = (error as Error)?.message ?? String(error);
              paint(w, hold);
              return;
            }
            // The background is away (or never talked to this frame): the override is queued in storage.local
            // and retried — by this page, or by the next one once this one is gone — and the send goes.
            await recorder.queue(event);
          }
          hold.overriddenFor = hold.key;
        }
        if (w.hold !== hold) return;
        release(w, hold, null);
        return;
      }
    }
  }

  return { onAction };
}

/** the hold flow's calls, looked up when called (the parts are wired after they are made) */
function lazyHolds(core: GuardCore) {
  return {
    paint: (w: Watched, hold: Hold) => core.holds.paint(w, hold),
    closeHold: (w: Watched, hold: Hold) => core.holds.closeHold(w, hold),
    release: (w: Watched, hold: Hold, verdict: GuardVerdict | null) => core.holds.release(w, hold, verdict),
    recheck: (w: Watched, hold: Hold) => core.holds.recheck(w, hold),
  };
}

/** The one page recipient a per-recipient button named. */
function only(snapshot: ComposerSnapshot | null, key: string): PageRecipient[] {
  return snapshot?.recipients.filter((r) => r.key === key) ?? [];
}

function scopeOf(channel: string): 'all' | 'email' | 'phone' | 'linkedin' {
  if (channel === 'email') return 'email';
  if (channel.startsWith('linkedin')) return 'linkedin';
  if (channel === 'sms' || channel === 'call' || channel === 'automated_call' || channel === 'whatsapp') return 'phone';
  return 'all';
}

/** The page recipients whose findings offer this fix (all not-allowed recipients when none say so). */
function recipientsOffering(verdict: GuardVerdict | null, snapshot: ComposerSnapshot | null, fix: string): PageRecipient[] {
  if (!snapshot) return [];
  if (!verdict) return snapshot.recipients;
  const offering = new Set(verdict.recipients.filter((r) => r.findings.some((f) => f.fixes.some((x) => x.kind === fix))).map((r) => r.key));
  if (offering.size === 0) {
    for (const r of verdict.recipients) if (r.decision !== 'allow') offering.add(r.key);
  }
  const picked = snapshot.recipients.filter((r) => offering.has(r.key));
  return picked.length ? picked : snapshot.recipients;
}
