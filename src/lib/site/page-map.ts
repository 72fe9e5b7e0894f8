/**
 * The 版面示意 of a page (版): one tile per article in reading order, its size growing with the
 * article's length relative to the longest on the page. The text layer has no coordinates, so this
 * is a schematic, not the printed layout.
 */

/** A tile's size class (the stylesheet gives each its span). */
export type TileSize = 'size-xl' | 'size-l' | 'size-m' | 'size-s';

/** The tile size of each article, from the articles' lengths in characters (in page order). */
export function tileSizes(lengths: readonly number[]): TileSize[] {
  const longest = Math.max(1, ...lengths);
  return lengths.map((n) => {
    const share = n / longest;
    if (share > 0.66 && n > 800) return 'size-xl';
    if (share > 0.4 && n > 400) return 'size-l';
    if (share > 0.15) return 'size-m';
    return 'size-s';
  });
}
