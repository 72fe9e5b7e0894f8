import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentHash, hashedName, isHashedAsset } from './asset-names.ts';

describe('hashed asset names', () => {
  it('name an asset by the start of the SHA-256 of its content', () => {
    // sha256("body{}") computed independently of the module
    const digest = createHash('sha256').update('body{}').digest('hex');
    expect(hashedName('site', 'css', 'body{}')).toBe(`site.${digest.slice(0, 10)}.css`);
    expect(contentHash(new TextEncoder().encode('body{}'))).toBe(digest.slice(0, 10));
  });

  it('are the same for the same content and differ when a byte changes', () => {
    expect(hashedName('reader', 'js', 'a()')).toBe(hashedName('reader', 'js', 'a()'));
    expect(hashedName('reader', 'js', 'a()')).not.toBe(hashedName('reader', 'js', 'b()'));
  });

  it('are told apart from other top-level files', () => {
    expect(isHashedAsset('site.0123456789.css')).toBe(true);
    expect(isHashedAsset('reader.abcdef0123.js')).toBe(true);
    for (const p of [
      'site.css',
      'reader.js',
      'sw.js',
      'site.0123456789.css.br',
      'site.012345678.css',
      'site.0123456789.html',
      'search/site.0123456789.css',
      'site.ABCDEF0123.css',
    ])
      expect(isHashedAsset(p), p).toBe(false);
  });
});
