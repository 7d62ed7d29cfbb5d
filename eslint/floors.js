// The floors of the code base: which folder may import which. A path pattern such as `**/lib/ledger/**` in
// no-restricted-imports does not see `../ledger/db` from inside lib/, so this rule resolves every
// import (relative, and the `@/` / `~/` aliases of WXT's tsconfig) to a project path and checks the folder
// it lands in against FLOORS. The order is described in README.md ("What is where") and
// docs/architecture.md; tests/unit/architecture.test.ts checks that the same graph has no cycle.
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const CONTENT_UI = ['lib/guard', 'lib/sites', 'lib/messaging', 'components', 'lib/identity', 'lib/rules', 'lib/model'];
const PAGES = ['components', 'lib/messaging', 'lib/csv', 'lib/sync', 'lib/guard', 'lib/identity', 'lib/rules', 'lib/model'];

/**
 * Floor → the other floors it may import. A floor not listed here (tests, scripts, bench) is not checked.
 * An entry `folder/file` allows that one file of another floor and nothing else of it.
 */
export const FLOORS = {
  // The ground floor: the records and words every other floor shares (pure Zod, nothing of the project).
  'lib/model': [],
  'lib/rules': ['lib/model'],
  'lib/identity': [],
  'lib/ledger': ['lib/model', 'lib/identity', 'lib/rules'],
  'lib/messaging': ['lib/model', 'lib/rules', 'lib/identity'],
  'lib/csv': ['lib/model', 'lib/ledger', 'lib/messaging', 'lib/identity', 'lib/rules'],
  'lib/backup': ['lib/model', 'lib/ledger', 'lib/messaging', 'lib/identity', 'lib/rules'],
  'lib/sync': ['lib/model', 'lib/ledger', 'lib/messaging', 'lib/identity', 'lib/rules'],
  // The router checks a sender's origin against the sites' host list; nothing else of the sites.
  'lib/background': ['lib/model', 'lib/ledger', 'lib/messaging', 'lib/csv', 'lib/backup', 'lib/sync', 'lib/identity', 'lib/rules', 'lib/sites/hosts'],
  components: ['lib/model', 'lib/messaging', 'lib/identity', 'lib/rules'],
  'lib/guard': ['lib/model', 'lib/messaging', 'components', 'lib/identity', 'lib/rules'],
  'lib/sites': ['lib/model', 'lib/guard', 'lib/messaging', 'components', 'lib/identity', 'lib/rules'],
  'entrypoints/background': ['lib/background'],
  'entrypoints/linkedin.content': CONTENT_UI,
  'entrypoints/gmail.content': CONTENT_UI,
  'entrypoints/outlook.content': CONTENT_UI,
  'entrypoints/guard-frame': ['lib/model', 'components', 'lib/guard', 'lib/messaging', 'lib/identity', 'lib/rules'],
  'entrypoints/options': PAGES,
  'entrypoints/popup': [...PAGES, 'entrypoints/options'],
  'entrypoints/sidepanel': [...PAGES, 'entrypoints/options'],
};

/** The floor of a project path: lib/<area>, components, entrypoints/<entry>; undefined outside them. */
export function floorOf(path) {
  const parts = path.split('/');
  if ((parts[0] === 'lib' || parts[0] === 'entrypoints') && parts.length > 1) return `${parts[0]}/${parts[1].replace(/\.[cm]?[jt]sx?$/, '')}`;
  if (parts[0] === 'components') return 'components';
  return undefined;
}

/** The project path an import specifier points at, or undefined for a package. */
export function projectPathOf(specifier, fromFile) {
  let abs;
  if (specifier.startsWith('.')) abs = resolve(dirname(fromFile), specifier);
  else {
    const alias = /^(?:@@|~~|@|~)\/(.*)$/.exec(specifier);
    if (!alias) return undefined;
    abs = resolve(ROOT, alias[1]);
  }
  const rel = relative(ROOT, abs).split('\\').join('/');
  return rel.startsWith('..') ? undefined : rel.replace(/\.[cm]?[jt]sx?$/, '');
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'An import may go only to the floors its own floor stands on (eslint/floors.js).' },
    schema: [],
    messages: {
      wrongFloor:
        '{{from}} may not import {{target}} ({{to}}): {{from}} stands on {{allowed}}. Move the shared piece down a floor, or pass it in from the caller.',
    },
  },
  create(context) {
    const file = relative(ROOT, context.filename).split('\\').join('/');
    const from = floorOf(file);
    const allowed = from && FLOORS[from];
    if (!allowed) return {};
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const target = projectPathOf(node.source.value, context.filename);
      if (!target) return;
      const to = floorOf(target);
      if (!to || to === from) return;
      if (allowed.some((a) => a === to || target === a || target.startsWith(a + '/'))) return;
      context.report({
        node: node.source,
        messageId: 'wrongFloor',
        data: { from, to, target, allowed: allowed.length ? allowed.join(', ') : 'nothing else of the project' },
      });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { floors: rule } };
