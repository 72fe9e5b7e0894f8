// @ts-check
/**
 * The project's own Astro config, with the output and cache folders moved out of the repo so a
 * benchmark build never touches dist/ or node_modules/.astro of a concurrent build.
 *   BAOKAN_BENCH_DIST       outDir (required)
 *   BAOKAN_BENCH_CACHE      cacheDir (content-layer data store)
 *   BAOKAN_BENCH_NO_SEARCH  when set, the search integration (baokan-pagefind) is left out
 *   BAOKAN_BENCH_STORAGE    content-layer storage: `chunked` or `single-file` (experimental.collectionStorage)
 *   BAOKAN_BENCH_PROBE      when set, a stand-in article route (probe-article.astro) is added at
 *                           /probe/<article-id>/, for measuring before the site renders articles
 */
import config from '../../astro.config.mjs';

const outDir = process.env.BAOKAN_BENCH_DIST;
if (!outDir) throw new Error('BAOKAN_BENCH_DIST must name the output folder');

const integrations = (config.integrations ?? [])
  .flat()
  .filter((i) => i && !(process.env.BAOKAN_BENCH_NO_SEARCH && i.name === 'baokan-pagefind'));

if (process.env.BAOKAN_BENCH_PROBE) {
  integrations.push({
    name: 'baokan-bench-probe',
    hooks: {
      'astro:config:setup': ({ injectRoute }) =>
        injectRoute({
          pattern: '/probe/[...id]',
          entrypoint: new URL('./probe-article.astro', import.meta.url),
          prerender: true,
        }),
    },
  });
}

const storage = process.env.BAOKAN_BENCH_STORAGE;

export default {
  ...config,
  ...(storage
    ? {
        experimental: {
          ...config.experimental,
          collectionStorage: /** @type {'chunked' | 'single-file'} */ (storage),
        },
      }
    : {}),
  integrations,
  outDir,
  cacheDir: process.env.BAOKAN_BENCH_CACHE ?? `${outDir}-cache`,
};
