import { defineConfig } from 'vitest/config';

// Real-browser tests: each file launches Chromium with the built extension (scripts/e2e.mjs builds it
// once). Files run one after another — the machine is small and every file starts its own browser.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
  },
});
