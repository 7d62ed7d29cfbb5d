#!/usr/bin/env node
// Builds the extension, then photographs the hold and the composer marker (tests/e2e/guard/hold-screenshots.ts)
// and the management pages, popup and side panel (tests/e2e/pages/screenshots.ts) in both languages into
// docs/screenshots/.
//   OG_OUT_DIR=.output-x   build folder (default .output-screenshots)      SKIP_BUILD=1   reuse the last build
//   SCREENSHOTS=hold|pages  only that set
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, OG_OUT_DIR: process.env.OG_OUT_DIR ?? '.output-screenshots' };
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  if (result.error) {
    console.error(`Could not run ${cmd}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!process.env.SKIP_BUILD) {
  console.log(`[screenshots] building the extension into ${env.OG_OUT_DIR}/chrome-mv3 …`);
  run(bin('wxt'), ['build']);
}
const only = process.env.SCREENSHOTS;
if (only !== 'pages') run(bin('tsx'), ['--tsconfig', path.join(root, 'tsconfig.json'), path.join(root, 'tests', 'e2e', 'guard', 'hold-screenshots.ts')]);
if (only !== 'hold') run(bin('tsx'), ['--tsconfig', path.join(root, 'tsconfig.json'), path.join(root, 'tests', 'e2e', 'pages', 'screenshots.ts')]);
