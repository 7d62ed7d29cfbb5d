#!/usr/bin/env node
// Builds the extension once, then runs the real-browser tests against that build.
// Usage: node scripts/e2e.mjs [vitest args…]
//   OG_OUT_DIR=.output-x   build folder (default .output)      SKIP_BUILD=1   reuse the last build
//   OG_ENTRYPOINTS=background,linkedin   build only these entrypoints (wxt build -e …)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.env.OG_OUT_DIR ?? '.output';
const env = { ...process.env, OG_OUT_DIR: outDir };
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  if (result.error) {
    console.error(`Could not run ${cmd}: ${result.error.message}`);
    process.exit(1);
  }
  return result.status ?? 1;
}

if (!process.env.SKIP_BUILD) {
  console.log(`[e2e] building the extension into ${outDir}/chrome-mv3 …`);
  const only = (process.env.OG_ENTRYPOINTS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const status = run(bin('wxt'), ['build', ...only.flatMap((name) => ['-e', name])]);
  if (status !== 0) process.exit(status);
}
process.exit(run(bin('vitest'), ['run', '-c', 'vitest.e2e.config.ts', ...process.argv.slice(2)]));
