import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pageWritten } from './account.ts';

const site = mkdtempSync(join(tmpdir(), 'baokan-account-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));
mkdirSync(join(site, 'p/2024/01/16/1'), { recursive: true });
writeFileSync(join(site, 'p/2024/01/16/1/index.html'), '<p>');

describe('whether a page of the account is in the site', () => {
  it('finds a page written, and misses one that is not there', () => {
    const written = pageWritten(site, { kind: 'whole' }, new Set());
    expect(written('p/2024/01/16/1/')).toBe(true);
    expect(written('p/2024/01/16/1')).toBe(true);
    expect(written('p/2024/01/16/2/')).toBe(false);
  });

  it('takes a page Astro left in place at its word, and looks for the others', () => {
    const written = pageWritten(site, { kind: 'whole' }, new Set(['p/2023/05/12/3/index.html']));
    expect(written('p/2023/05/12/3/')).toBe(true);
    expect(written('p/2023/05/12/4/')).toBe(false);
    expect(written('p/2024/01/16/1/')).toBe(true);
  });

  it("counts a page of another part of a partitioned build as not this build's to write", () => {
    const written = pageWritten(site, { kind: 'years', from: 2020, to: 2021 }, new Set());
    expect(written('p/2024/01/16/2/')).toBe(true);
    expect(written('p/2020/01/16/2/')).toBe(false);
  });
});
