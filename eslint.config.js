import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import floors from './eslint/floors.js';

// The layers are enforced here (style.md §9): a broken boundary is a lint error whose message teaches.
const ledgerImport = {
  group: ['**/lib/ledger', '**/lib/ledger/**', '@/lib/ledger', '@/lib/ledger/**', 'dexie'],
  message:
    'The ledger lives only in the background (the extension origin). Content scripts and UI reach it through lib/messaging.',
};

export default tseslint.config(
  { ignores: ['.output/**', '.output-*/**', '**/.output*/**', '.wxt/**', 'node_modules/**', 'bench/results/**', 'tests/fixtures/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Which folder may import which: the table and its reasons are in eslint/floors.js.
    files: ['lib/**', 'components/**', 'entrypoints/**'],
    plugins: { local: floors },
    rules: { 'local/floors': 'error' },
  },
  {
    files: ['lib/rules/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['wxt', 'wxt/**', 'webextension-polyfill', 'dexie', '**/lib/ledger/**', '@/lib/ledger/**', '**/lib/sites/**', '**/lib/guard/**', '**/lib/messaging/**', 'preact', 'preact/**'],
              message: 'lib/rules is the law: pure functions of its input. No DOM, no browser APIs, no ledger, no UI.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'document', message: 'lib/rules knows nothing of the DOM.' },
        { name: 'window', message: 'lib/rules knows nothing of the DOM.' },
        { name: 'browser', message: 'lib/rules uses no browser APIs.' },
        { name: 'chrome', message: 'lib/rules uses no browser APIs.' },
        { name: 'fetch', message: 'lib/rules does no I/O.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The clock is an input of the engine (send date); never read it here.' },
      ],
    },
  },
  {
    // The ground floor holds records, not behaviour: Zod only, no browser, no DOM, no database, no clock.
    files: ['lib/model/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['wxt', 'wxt/**', 'webextension-polyfill', 'dexie', 'preact', 'preact/**'], message: 'lib/model is pure Zod records: no browser, no database, no UI.' }] },
      ],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'lib/model describes records; the clock belongs to whoever writes one.' }],
    },
  },
  {
    files: ['entrypoints/*.content/**', 'lib/sites/**', 'lib/guard/**', 'components/**', 'entrypoints/options/**', 'entrypoints/popup/**', 'entrypoints/sidepanel/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ledgerImport] }] },
  },
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ledgerImport,
            { group: ['wxt/browser', 'webextension-polyfill'], message: 'Components take props and call callbacks; no browser.* here.' },
          ],
        },
      ],
    },
  },
);
