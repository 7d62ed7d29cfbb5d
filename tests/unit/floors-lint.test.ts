// The floor rule of eslint/floors.js sees relative and aliased imports that path patterns miss.
import { resolve } from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain-JS ESLint plugin without type declarations
import floors from '../../eslint/floors.js';

const ROOT = resolve(__dirname, '../..');

function floorErrors(file: string, code: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  return linter
    .verify(code, [{ files: ['**/*.ts'], plugins: { local: floors }, rules: { 'local/floors': 'error' } }], resolve(ROOT, file))
    .map((m) => m.message);
}

describe('the floors lint rule', () => {
  it('refuses a relative import of the ledger from the guard', () => {
    const errors = floorErrors('lib/guard/x.ts', "import { a } from '../ledger/schema';\nexport { a };\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('lib/guard may not import lib/ledger/schema');
  });

  it('refuses an @/ import of the ledger from a content script', () => {
    const errors = floorErrors('entrypoints/gmail.content/index.ts', "import { a } from '@/lib/ledger/db';\nexport { a };\n");
    expect(errors[0]).toContain('entrypoints/gmail.content may not import lib/ledger/db');
  });

  it('keeps the model on the ground floor: it imports nothing of the project', () => {
    expect(floorErrors('lib/model/x.ts', "export { a } from '../rules/input';\n")).toHaveLength(1);
    expect(floorErrors('lib/model/x.ts', "export { a } from './fields';\n")).toEqual([]);
  });

  it('lets every floor stand on the model', () => {
    expect(floorErrors('lib/rules/x.ts', "export { a } from '../model/vocabulary';\n")).toEqual([]);
    expect(floorErrors('entrypoints/gmail.content/index.ts', "export { a } from '@/lib/model/vocabulary';\n")).toEqual([]);
  });

  it('keeps the rules pure: not even messaging', () => {
    expect(floorErrors('lib/rules/x.ts', "export { a } from '../messaging/guard';\n")).toHaveLength(1);
  });

  it('allows imports within a floor and down to the floors it stands on', () => {
    const code = "import { a } from './composers';\nimport { b } from '../messaging/guard';\nimport { c } from '@/lib/rules/verdict';\nexport { a, b, c };\n";
    expect(floorErrors('lib/guard/x.ts', code)).toEqual([]);
  });

  it('allows one named file of a floor and nothing else of it', () => {
    expect(floorErrors('lib/background/router.ts', "export { a } from '../sites/hosts';\n")).toEqual([]);
    expect(floorErrors('lib/background/router.ts', "export { a } from '../sites/gmail/adapter';\n")).toHaveLength(1);
  });
});
