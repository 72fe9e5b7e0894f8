/** Tables (tab-separated rows): added to the open article, or an item of their own. */
import { blockLines, type Stage } from '../assembly.ts';
import { isTable } from '../block-shapes.ts';
import { visibleLength } from '../../text/characters.ts';

export const table: Stage = (a, i) => {
  const b = a.blocks[i]!;
  if (!isTable(b)) return 0;
  const lines = blockLines(b);
  const d = a.open() ?? a.newDraft();
  const rows = b.lines.map((l) => l.text.split('\t').map((c) => c.trim()));
  d.tables.push({
    rows,
    // a first row of short cells is the header row
    header: rows.length > 1 && rows[0]!.every((c) => visibleLength(c) <= 12),
    lines: { start: lines[0]!, end: lines[lines.length - 1]! },
  });
  a.touch(d, lines);
  return 1;
};
