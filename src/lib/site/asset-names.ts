/**
 * Names of the site's own assets that carry a digest of their content (`site.<hash>.css`,
 * `reader.<hash>.js`): the same on every build of the same code, a new name when a byte changes.
 * A name that never changes its content can be cached for a year and marked immutable
 * (src/lib/site/wire.ts writes that rule; the service worker takes such files from its cache).
 */
import { createHash } from 'node:crypto';

/** Hex digits of the digest in a hashed name. */
export const HASH_LENGTH = 10;

/** The short content digest of an asset: the first HASH_LENGTH hex digits of its SHA-256. */
export function contentHash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex').slice(0, HASH_LENGTH);
}

/** `<stem>.<hash>.<ext>` for an asset with that content (`site.3f2a9c01de.css`). */
export function hashedName(stem: string, ext: string, content: string | Uint8Array): string {
  return `${stem}.${contentHash(content)}.${ext}`;
}

/** A top-level hashed asset of the site: a lowercase stem, the digest, `.css` or `.js`. */
export const HASHED_ASSET = new RegExp(`^[a-z][a-z0-9-]*\\.[0-9a-f]{${HASH_LENGTH}}\\.(?:css|js)$`);

/** Whether a site path (no leading slash) is one of the site's own hashed assets at its top. */
export function isHashedAsset(path: string): boolean {
  return HASHED_ASSET.test(path);
}
