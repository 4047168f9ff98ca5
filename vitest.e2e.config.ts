import { defineConfig } from 'vitest/config';

// Real-browser tests: they drive the built extension in Debian's Chromium, one file at a time.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
