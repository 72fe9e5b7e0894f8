import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    // Builds the site (at the root and under a base path) once for the built-site checks.
    globalSetup: ['tests/site/global-setup.ts'],
    testTimeout: 60000,
    hookTimeout: 300000,
  },
});
