#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts (with tsx) and bench/*.bench.mjs (with node), one after
// another (they measure time; running them side by side would spoil each other's numbers).
// Usage: node scripts/bench.mjs [name-filter…]   e.g. node scripts/bench.mjs guard ledger
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const filters = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts') || f.endsWith('.bench.mjs'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

if (files.length === 0) {
  console.log('No benchmarks found in bench/.');
  process.exit(0);
}

const results = [];
for (const file of files) {
  const runner = file.endsWith('.ts') ? [path.join(root, 'node_modules', '.bin', 'tsx'), [path.join('bench', file)]] : [process.execPath, [path.join('bench', file)]];
  console.log(`\n=== ${file} ${'='.repeat(Math.max(0, 70 - file.length))}`);
  const started = Date.now();
  const run = spawnSync(runner[0], runner[1], { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ file, status: run.error ? `could not start (${run.error.message})` : run.status === 0 ? 'ok' : `exit ${run.status ?? run.signal}`, seconds });
}

console.log('\n=== summary');
for (const r of results) console.log(`  ${r.status === 'ok' ? '✓' : '✗'} ${r.file.padEnd(40)} ${r.status.padEnd(12)} ${r.seconds} s`);
process.exit(results.every((r) => r.status === 'ok') ? 0 : 1);
