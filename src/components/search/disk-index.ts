/**
 * The index for file:// (search-disk/, src/lib/search/disk.ts) as the page loads it: every file is
 * a classic script calling `baokanSearchDisk(data)`, inserted as a `<script src>` (no fetch, no
 * modules from file://). The manifest gives the shards and the months; a month's records are
 * loaded when a search first needs them.
 */
import { diskFragment, diskCandidates } from '../../lib/search/disk-match.ts';
import {
  decodeMonth,
  DISK_CALLBACK,
  DISK_MANIFEST,
  DISK_VERSION,
  type DiskManifest,
  type DiskMonth,
  type DiskMonthEntry,
  type DiskRecord,
} from '../../lib/search/disk-read.ts';
import { unreadableDiskFile } from '../../lib/search/messages.ts';
import type { Proposed } from '../../lib/search/results.ts';
import type { Shard } from '../../lib/search/shards.ts';

/** The index for file:// below `root` (`../search-disk/`, as the page reaches it). */
export class DiskIndex {
  /** the search shards, once the manifest is read */
  shards: Shard[] = [];
  /** newest first, once the manifest is read */
  months: DiskMonthEntry[] = [];
  /** month → its records, once loaded */
  private readonly loaded = new Map<string, DiskRecord[]>();
  /** file → its loading */
  private readonly loading = new Map<string, Promise<void>>();

  constructor(private readonly root: string) {
    // Every file of search-disk/ is a script that calls this with its data.
    (window as unknown as Record<string, unknown>)[DISK_CALLBACK] = (data: DiskManifest | DiskMonth) =>
      this.receive(data);
  }

  private receive(data: DiskManifest | DiskMonth): void {
    if (!data || data.v !== DISK_VERSION) return;
    if (data.kind === 'manifest') {
      this.shards = data.shards ?? [];
      this.months = data.months ?? [];
    } else if (data.kind === 'month') this.loaded.set(data.month, decodeMonth(data));
  }

  /** The manifest: resolves once it has run, rejects when it cannot be read. */
  readManifest(): Promise<void> {
    return this.script(DISK_MANIFEST);
  }

  /** Load a file with a <script src>; resolves once it has run, rejects when it cannot be read. */
  private script(file: string): Promise<void> {
    let p = this.loading.get(file);
    if (!p) {
      p = new Promise<void>((resolve, reject) => {
        const el = document.createElement('script');
        el.src = this.root + file;
        el.setAttribute('charset', 'utf-8');
        el.onload = () => resolve();
        el.onerror = () => {
          this.loading.delete(file);
          el.remove();
          reject(new Error(unreadableDiskFile(file)));
        };
        document.head.appendChild(el);
      });
      this.loading.set(file, p);
    }
    return p;
  }

  /** Whether a month's records are at hand. */
  has(m: DiskMonthEntry): boolean {
    return this.loaded.has(m.month);
  }

  /** Load the months not loaded yet; `progress` after each (months at hand, of all). */
  async load(
    months: readonly DiskMonthEntry[],
    progress: (done: number, total: number) => void,
  ): Promise<void> {
    const missing = months.filter((m) => !this.has(m));
    let done = months.length - missing.length;
    if (missing.length) progress(done, months.length);
    await Promise.all(
      missing.map(async (m) => {
        await this.script(m.file);
        progress(++done, months.length);
      }),
    );
  }

  /** The candidates in the (loaded) months: records with the filters whose text holds every term. */
  candidates(
    months: readonly DiskMonthEntry[],
    filters: Record<string, string[]>,
    terms: readonly string[],
  ): Proposed[] {
    const records = months.flatMap((m) => this.loaded.get(m.month) ?? []);
    return diskCandidates(records, filters, terms).map((r) => {
      const d = diskFragment(r, this.root);
      return { score: undefined, data: () => Promise.resolve(d) };
    });
  }
}
