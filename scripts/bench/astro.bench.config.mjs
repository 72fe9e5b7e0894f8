// @ts-check
/**
 * The project's own Astro config, with the output and cache folders moved out of the repo so a
 * benchmark build never touches dist/ or node_modules/.astro of a concurrent build.
 *   BAOKAN_BENCH_DIST       outDir (required)
 *   BAOKAN_BENCH_CACHE      cacheDir (content-layer data store)
 *   BAOKAN_BENCH_NO_SEARCH  when set, the search integrations (baokan-pagefind, and baokan-disk-search,
 *                           which reads what Pagefind wrote) are left out
 */
import config from '../../astro.config.mjs';

const outDir = process.env.BAOKAN_BENCH_DIST;
if (!outDir) throw new Error('BAOKAN_BENCH_DIST must name the output folder');

const integrations = (config.integrations ?? [])
  .flat()
  .filter(
    (i) =>
      i &&
      !(process.env.BAOKAN_BENCH_NO_SEARCH && ['baokan-pagefind', 'baokan-disk-search'].includes(i.name)),
  );

export default {
  ...config,
  integrations,
  outDir,
  cacheDir: process.env.BAOKAN_BENCH_CACHE ?? `${outDir}-cache`,
};
