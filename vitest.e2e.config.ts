import { defineConfig } from 'vitest/config';

// End-to-end tests drive a real Chromium with the built extension: one browser per file, files in series.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
