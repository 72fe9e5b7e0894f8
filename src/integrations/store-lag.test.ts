import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { putOffWrites, storeLag, writeNow, type WritableStore, type Writeback } from './store-lag.ts';

/** Astro's own store class (an internal, read from its file as store-file.ts reads it). */
const { MutableDataStore } = (await import(
  pathToFileURL(resolve('node_modules/astro/dist/content/mutable-data-store.js')).href
)) as {
  MutableDataStore: {
    fromFile(f: URL): Promise<WritableStore & { waitUntilSaveComplete(): Promise<void> }>;
  };
};

/** A store file of `n` article records, written by Astro's own store, and the store read back from it. */
async function storeOf(n: number) {
  const dir = mkdtempSync(join(tmpdir(), 'baokan-store-lag-'));
  const file = pathToFileURL(join(dir, 'data-store.json'));
  const first = await MutableDataStore.fromFile(file);
  for (let i = 0; i < n; i++) first.set('articles', `a${i}`, { id: `a${i}`, data: { n: i } });
  await first.waitUntilSaveComplete();
  const store = await MutableDataStore.fromFile(file);
  const heard: Writeback[] = [];
  return { file, store, heard, text: () => readFileSync(file, 'utf8') };
}

describe('the content store written back once enough of it changed', () => {
  it('puts the write off while at most the share changed, and writes what the store holds after', async () => {
    const { store, heard, text } = await storeOf(300);
    const before = text();
    putOffWrites(store, 1, (w) => heard.push(w));
    // 3 of 301 records (1 %): put off, the file as it was
    store.set('articles', 'new1', { id: 'new1', data: { n: -1 } });
    store.set('articles', 'a1', { id: 'a1', data: { n: 'changed' } });
    store.set('articles', 'a1', { id: 'a1', data: { n: 'changed again' } });
    store.delete('articles', 'a2');
    await store.waitUntilSaveComplete();
    expect(heard.at(-1)).toEqual({ changed: 3, total: 300, written: false });
    expect(text()).toBe(before);
    // a fourth: more than 1 %, written as Astro writes it
    store.set('articles', 'new2', { id: 'new2', data: { n: -2 } });
    await store.waitUntilSaveComplete();
    expect(heard.at(-1)).toEqual({ changed: 4, total: 301, written: true });
    expect(text()).not.toBe(before);
    expect(text()).toContain('changed again');
    expect(text()).not.toContain('"a2"');
  });

  it('writes a cleared store at once, and every change at 0 %', async () => {
    const cleared = await storeOf(50);
    putOffWrites(cleared.store, 100, (w) => cleared.heard.push(w));
    cleared.store.clearAll();
    cleared.store.set('articles', 'only', { id: 'only', data: {} });
    await cleared.store.waitUntilSaveComplete();
    expect(cleared.heard.at(-1)?.written).toBe(true);
    expect(cleared.text()).not.toContain('"a1"');

    const always = await storeOf(1000);
    putOffWrites(always.store, 0, (w) => always.heard.push(w));
    always.store.set('articles', 'x', { id: 'x', data: {} });
    await always.store.waitUntilSaveComplete();
    expect(always.heard.at(-1)).toEqual({ changed: 1, total: 1001, written: true });
    expect(always.text()).toContain('"x"');
  });

  it('a store read from a file put off reads what was last written', async () => {
    const { file, store, text } = await storeOf(200);
    putOffWrites(store, 5, () => undefined);
    store.set('articles', 'later', { id: 'later', data: {} });
    await store.waitUntilSaveComplete();
    const next = await MutableDataStore.fromFile(file);
    expect(next._collections.get('articles')?.has('later')).toBe(false);
    expect(next._collections.get('articles')?.size).toBe(200);
    expect(text()).not.toContain('later');
  });
});

describe('BAOKAN_STORE_LAG', () => {
  it('is 1 % unless set; 0 writes every build', () => {
    expect(storeLag({})).toBe(1);
    expect(storeLag({ BAOKAN_STORE_LAG: ' ' })).toBe(1);
    expect(storeLag({ BAOKAN_STORE_LAG: '0' })).toBe(0);
    expect(storeLag({ BAOKAN_STORE_LAG: '2.5' })).toBe(2.5);
    expect(writeNow(1, 1_000_000, 0)).toBe(true);
    expect(writeNow(2_370, 237_000, 1)).toBe(false);
    expect(writeNow(2_371, 237_000, 1)).toBe(true);
  });

  it('refuses anything else in one line', () => {
    for (const bad of ['x', '-1', '101', 'NaN'])
      expect(() => storeLag({ BAOKAN_STORE_LAG: bad })).toThrow(
        new RegExp(`^BAOKAN_STORE_LAG must be a number from 0 to 100 \\(a percentage\\), not "${bad}"$`),
      );
  });
});
