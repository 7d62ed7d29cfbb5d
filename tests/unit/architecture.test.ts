// The import graph of the extension's own code must have no cycle: a cycle makes load order decide which
// module sees the other half-initialised, and it blurs which layer stands on which (docs/architecture.md).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const ROOTS = ['lib', 'components', 'entrypoints'];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function importGraph(): Map<string, string[]> {
  const options: ts.CompilerOptions = {
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    module: ts.ModuleKind.ESNext,
    allowImportingTsExtensions: true,
    baseUrl: ROOT,
    paths: { '@/*': ['./*'], '~/*': ['./*'], '@@/*': ['./*'], '~~/*': ['./*'] },
  };
  const files = ROOTS.flatMap((r) => sourceFiles(join(ROOT, r)));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const deps: string[] = [];
    for (const ref of info.importedFiles) {
      const resolved = ts.resolveModuleName(ref.fileName, file, options, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      const rel = relative(ROOT, resolved.resolvedFileName);
      if (ROOTS.some((r) => rel.startsWith(r + '/'))) deps.push(rel);
    }
    graph.set(relative(ROOT, file), deps);
  }
  return graph;
}

/** The first cycle found by depth-first search, as a path that starts and ends at the same node. */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    state.set(n, 'open');
    stack.push(n);
    for (const d of graph.get(n) ?? []) {
      if (d === n) continue;
      if (state.get(d) === 'open') return [...stack.slice(stack.indexOf(d)), d];
      if (!state.has(d)) {
        const c = visit(d);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(n, 'done');
    return null;
  };
  for (const n of [...graph.keys()].sort()) {
    if (!state.has(n)) {
      const c = visit(n);
      if (c) return c;
    }
  }
  return null;
}

/** A file's folder as a layer: lib/<area>, lib/sites/<site> counted as lib/sites, components, entrypoints/<entry>. */
function folderOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'lib') return `lib/${parts[1]?.replace(/\.tsx?$/, '')}`;
  if (parts[0] === 'entrypoints') return `entrypoints/${parts[1]?.replace(/\.tsx?$/, '')}`;
  return parts[0]!;
}

describe('architecture', () => {
  const graph = importGraph();

  it('sees the code it checks (the resolver finds relative and @/ imports)', () => {
    expect(graph.size).toBeGreaterThan(50);
    const edges = [...graph.values()].reduce((n, d) => n + d.length, 0);
    expect(edges).toBeGreaterThan(100);
    expect(graph.get('lib/ledger/db.ts')).toContain('lib/ledger/key-filter.ts');
  });

  it('counts type-only imports too: the guard core declares its parts\' faces and imports none of the parts', () => {
    const parts = ['composers', 'verdicts', 'intercept', 'hold-flow', 'hold-actions', 'sent-watch'].map((p) => `lib/guard/${p}.ts`);
    expect(graph.get('lib/guard/core.ts')).toContain('lib/guard/hold-ui.ts');
    expect(graph.get('lib/guard/core.ts')!.filter((d) => parts.includes(d))).toEqual([]);
  });

  it('has no import cycle between files', () => {
    const cycle = findCycle(graph);
    expect(cycle, cycle ? `import cycle: ${cycle.join(' → ')}` : '').toBeNull();
  });

  it('has no import cycle between folders (layers)', () => {
    const folders = new Map<string, Set<string>>();
    for (const [file, deps] of graph) {
      const from = folderOf(file);
      const set = folders.get(from) ?? new Set<string>();
      folders.set(from, set);
      for (const d of deps) if (folderOf(d) !== from) set.add(folderOf(d));
    }
    const cycle = findCycle(new Map([...folders].map(([k, v]) => [k, [...v]])));
    expect(cycle, cycle ? `folder cycle: ${cycle.join(' → ')}` : '').toBeNull();
  });
});
