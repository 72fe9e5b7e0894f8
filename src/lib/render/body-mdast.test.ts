import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { buildBodyMdast } from './body-mdast.ts';
import { signatureLines } from './rehype-signature.ts';
import { seedArticles } from '../../../tests/support/seed-articles.ts';

const all = (node: Nodes): Nodes[] => [node, ...('children' in node ? node.children.flatMap(all) : [])];

describe('buildBodyMdast', () => {
  it('keeps every piece of seed text in text nodes and makes no html nodes (seed 001)', () => {
    for (const a of seedArticles('001_3b959c98e2937adc.txt').values()) {
      const nodes = all(buildBodyMdast(a));
      expect(nodes.map((n) => n.type)).not.toContain('html');
      const texts = nodes.flatMap((n) => (n.type === 'text' ? [n.value] : []));
      for (const p of a.paragraphs) expect(texts).toContain(p.text);
      for (const row of a.tables.flatMap((t) => t.rows))
        for (const cell of row) if (cell) expect(texts).toContain(cell);
      if (a.signature) expect(texts).toContain(a.signature.text);
    }
  });

  it('orders a continued-from marker first and the signature last', () => {
    const root = buildBodyMdast({
      id: 'a',
      title: 't',
      headline: 't',
      kind: 'notice',
      paragraphs: [{ id: 'p1', role: 'text', text: '正文', lines: [3] }],
      captions: [],
      tables: [],
      references: [{ kind: 'continued-from', text: '（上接第一版）', page: 1, mark: null, line: 2 }],
      signature: { text: '某局\n2020年1月1日', lines: [5, 6] },
    });
    expect(root.children.map((n) => n.data?.hProperties?.dataBk)).toEqual([
      'reference',
      'paragraph',
      'signature',
    ]);
  });
});

describe('signatureLines', () => {
  it('splits printed lines and a trailing date', () => {
    expect(signatureLines('中共衡阳市委\n衡阳市人民政府\n2022年3月31日')).toEqual([
      '中共衡阳市委',
      '衡阳市人民政府',
      '2022年3月31日',
    ]);
    expect(signatureLines('纪检监察组 2020年11月17日')).toEqual(['纪检监察组', '2020年11月17日']);
    expect(signatureLines('衡阳日报')).toEqual(['衡阳日报']);
  });
});
