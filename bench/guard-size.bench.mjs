// Benchmark (issues #4/#5): size of each content script, minified + gzip. Target ≤ 60 KB each.
// Usage: node bench/guard-size.bench.mjs   (OG_OUT_DIR=build folder (default .output-bench), SKIP_BUILD=1)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.env.OG_OUT_DIR ?? '.output-bench';
const scriptsDir = path.resolve(root, outDir, 'chrome-mv3', 'content-scripts');
const limit = 60 * 1024;

if (!process.env.SKIP_BUILD || !existsSync(scriptsDir)) {
  const r = spawnSync(path.join(root, 'node_modules', '.bin', 'wxt'), ['build', '-e', 'linkedin', '-e', 'gmail', '-e', 'outlook'], {
    cwd: root,
    env: { ...process.env, OG_OUT_DIR: outDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

let ok = true;
console.log('content script size (production build, minified + gzip -9)');
for (const file of readdirSync(scriptsDir).filter((f) => f.endsWith('.js')).sort()) {
  const raw = readFileSync(path.join(scriptsDir, file));
  const gz = gzipSync(raw, { level: 9 }).length;
  const pass = gz <= limit;
  ok &&= pass;
  console.log(`  ${file.padEnd(14)} ${(raw.length / 1024).toFixed(1).padStart(7)} KB min   ${(gz / 1024).toFixed(1).padStart(6)} KB gzip   target ≤ 60 KB  ${pass ? 'PASS' : 'FAIL'}`);
}
process.exitCode = ok ? 0 : 1;
