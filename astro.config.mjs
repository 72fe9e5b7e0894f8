// @ts-check
import { defineConfig } from 'astro/config';

// Deployment target is configurable so the same build works at a domain root or under a sub-path.
//   BAOKAN_SITE=https://example.org BAOKAN_BASE=/archive/ npm run build
const site = process.env.BAOKAN_SITE || undefined;
const base = process.env.BAOKAN_BASE || '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: {
    format: 'directory',
  },
});
