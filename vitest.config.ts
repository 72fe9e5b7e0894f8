import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit`: everything that needs no built site (parser, editorial files, helpers,
 * integrations on their own, scripts; the build-integrity tests run their own builds) — `npx
 * vitest run --project unit` takes seconds. `site`: the checks on a built site, after a global
 * setup that builds it twice (at the root, and under a base path with small search shards).
 * `npm test` runs both.
 */
const site = [
  'tests/site/**/*.test.ts',
  'tests/search/recall.test.ts',
  'src/integrations/pagefind-reproducible.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60000,
    hookTimeout: 300000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...site],
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: site,
          // Builds the site (at the root and under a base path) once for the built-site checks.
          globalSetup: ['tests/site/global-setup.ts'],
        },
      },
    ],
  },
});
