/**
 * Astro integration: sitemaps written at astro:build:done from the pages actually built. However
 * large the archive, no file grows without bound: `sitemap-index.xml` lists `sitemap-1.xml`,
 * `sitemap-2.xml` …, each with at most 50,000 URLs (the sitemaps.org limit; 50 MB is never
 * reached with URLs of this length). URLs are absolute: the site's origin (BAOKAN_SITE, or
 * package.json homepage) + base + the page's path, in sorted order so the output is deterministic.
 * Without an origin no sitemap is written (a relative sitemap is not valid), and the build says so.
 */
import type { AstroIntegration } from 'astro';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { absoluteUrl } from '../lib/site/address.ts';
import { isWhole, PARTITION_DIR, PARTITION_PAGES, readPartition } from '../lib/site/partition.ts';
import { writeSiteFile } from './kept-output.ts';

/** What a partition of a partitioned build hands to the merge for the sitemap. */
export interface PartitionPages {
  /** the site's origin and base path as this build was configured (none: no sitemap) */
  site: string | null;
  base: string;
  /** the paths of the pages it built */
  pages: string[];
}

/**
 * In a partitioned build (src/lib/site/partition.ts) the sitemap needs every partition's pages:
 * each writes the paths it built to `_partition/pages.json`, and the merge writes the sitemap.
 */
export async function writePartitionPages(site: string, pages: PartitionPages): Promise<void> {
  await mkdir(join(site, PARTITION_DIR), { recursive: true });
  const sorted = { ...pages, pages: [...pages.pages].sort() };
  await writeFile(join(site, PARTITION_DIR, PARTITION_PAGES), JSON.stringify(sorted) + '\n');
}

/** URLs per sitemap file (sitemaps.org: at most 50,000). */
export const SITEMAP_LIMIT = 50_000;

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escape text for an XML element or attribute. */
export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** Absolute URL of a built page: `https://site/base/path/` (each path segment percent-encoded). */
export function pageUrl(site: string, base: string, pathname: string): string {
  return absoluteUrl(site, base, pathname, true)!;
}

/** Pages that belong in a sitemap: everything but the error page. */
export function sitemapPaths(pathnames: readonly string[]): string[] {
  const out = new Set<string>();
  for (const p of pathnames) {
    const path = p.replace(/^\/+/, '');
    if (/^404(?:\/|\.html)?$/.test(path)) continue;
    out.add(path);
  }
  return [...out].sort();
}

/** Split into groups of at most `size`. */
export function chunk<T>(xs: readonly T[], size = SITEMAP_LIMIT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** One `<urlset>` file. */
export function urlsetXml(urls: readonly string[]): string {
  const body = urls.map((u) => `<url><loc>${xmlEscape(u)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NS}">\n${body}\n</urlset>\n`;
}

/** The `<sitemapindex>` file. */
export function sitemapIndexXml(sitemapUrls: readonly string[]): string {
  const body = sitemapUrls.map((u) => `<sitemap><loc>${xmlEscape(u)}</loc></sitemap>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${NS}">\n${body}\n</sitemapindex>\n`;
}

/** File name → contents of every sitemap file for these pages. */
export function sitemapFiles(
  pathnames: readonly string[],
  site: string,
  base: string,
  limit = SITEMAP_LIMIT,
): Map<string, string> {
  const files = new Map<string, string>();
  const parts = chunk(sitemapPaths(pathnames), limit);
  parts.forEach((paths, k) => {
    files.set(`sitemap-${k + 1}.xml`, urlsetXml(paths.map((p) => pageUrl(site, base, p))));
  });
  files.set('sitemap-index.xml', sitemapIndexXml([...files.keys()].map((f) => pageUrl(site, base, f))));
  return files;
}

export default function sitemapIntegration(): AstroIntegration {
  let site: string | undefined;
  let base = '/';
  return {
    name: 'baokan-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
        base = config.base;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        if (!isWhole(readPartition(process.env))) {
          await writePartitionPages(fileURLToPath(dir), {
            site: site ?? null,
            base,
            pages: pages.map((p) => p.pathname),
          });
          logger.info(`partitioned build: ${pages.length} page paths kept for the merge's sitemap`);
          return;
        }
        if (!site) {
          logger.warn(
            'no sitemap: a sitemap needs absolute URLs; set BAOKAN_SITE (or package.json homepage)',
          );
          return;
        }
        const started = performance.now();
        const out = fileURLToPath(dir);
        const files = sitemapFiles(
          pages.map((p) => p.pathname),
          site,
          base,
        );
        await mkdir(out, { recursive: true });
        // in a kept output folder, the parts that are the same stay where they are
        for (const [name, xml] of files) await writeSiteFile(out, name, xml);
        const urls = sitemapPaths(pages.map((p) => p.pathname)).length;
        logger.info(
          `${urls} URLs in ${files.size - 1} sitemap file(s) + sitemap-index.xml in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
