import { describe, expect, it } from 'vitest';
import { renderProvenance, type ProvenanceArticle } from './provenance.ts';
import { seedArticles } from '../../../tests/support/seed-articles.ts';

const seed000 = seedArticles('000_846a23c3b34aff37.txt');
const seed001 = seedArticles('001_3b959c98e2937adc.txt');
const get = (m: Map<string, ProvenanceArticle>, id: string): ProvenanceArticle => {
  const a = m.get(id);
  if (!a) throw new Error(`no article ${id}`);
  return a;
};
const synthetic = (over: Partial<ProvenanceArticle>): ProvenanceArticle => ({
  id: 'x-a001',
  title: 't',
  headline: 't',
  kind: 'news',
  paragraphs: [],
  captions: [],
  tables: [],
  references: [],
  signature: null,
  edits: [],
  sourceFile: 'x.txt',
  sourceLines: [],
  duplicatesRemoved: [],
  ...over,
});

describe('renderProvenance', () => {
  it('wraps everything in a closed details with the summary 原文与处理说明 and names the file', () => {
    const html = renderProvenance(get(seed000, 'hengyang-daily-2021-03-06-a001'));
    expect(html).toMatch(/^<details class="provenance"><summary>原文与处理说明<\/summary>/u);
    expect(html).toMatch(/<\/details>$/u);
    expect(html).not.toContain(' open');
    // article 1 of seed 000 runs from line 3 (headline) to line 17
    expect(html).toContain(
      '<p class="provenance-file">来源文件：<code>000_846a23c3b34aff37.txt</code>，第3—17行。</p>',
    );
  });

  it('lists every non-blank source line with its number and an L<no> anchor', () => {
    const html = renderProvenance(get(seed000, 'hengyang-daily-2021-03-06-a001'));
    const ids = [...html.matchAll(/<li id="(L\d+)"/gu)].map((m) => m[1]);
    // lines 3, 5, 7 … 17 carry text in seed 000; the even lines between them are blank
    expect(ids).toEqual(['L3', 'L5', 'L7', 'L9', 'L11', 'L13', 'L15', 'L17']);
    expect(html).toContain(
      '<li id="L17" class="source-line"><a class="line-no" href="#L17" aria-label="第17行">17</a> ' +
        '<span class="line-text">市领导张霞参加活动。</span></li>',
    );
    expect(html).toContain('<span class="line-text">本报讯（记者 许珂 实习生付星婷）“唱支山歌给党听');
  });

  it('links rejoined column splits to their lines and marks those lines', () => {
    const html = renderProvenance(get(seed000, 'hengyang-daily-2021-03-06-a001'));
    expect(html).toContain(
      '<li class="edit edit-rejoined">分栏处断开的段落已接续（<a href="#L9">第9行</a>、<a href="#L11">第11行</a>）。</li>',
    );
    expect(html).toContain('<li id="L11" class="source-line changed">');
  });

  it('describes a lifted caption and the paragraph joined across it (seed 000, line 93)', () => {
    const html = renderProvenance(get(seed000, 'hengyang-daily-2021-03-06-a007'));
    expect(html).toContain(
      '<li class="edit edit-caption">图片说明“志愿者为老人理发”原插在段落之中，已移出（<a href="#L93">第93行</a>）。</li>',
    );
    expect(html).toContain('（<a href="#L89">第89行</a>、<a href="#L95">第95行</a>）');
  });

  it('describes a byline printed over two lines (seed 000, lines 65 and 67)', () => {
    const html = renderProvenance(get(seed000, 'hengyang-daily-2021-03-06-a005'));
    expect(html).toContain(
      '<li class="edit edit-byline">跨行印出的署名已接续（<a href="#L65">第65行</a>、<a href="#L67">第67行</a>）。</li>',
    );
  });

  it('describes a headline printed over two lines (seed 001, lines 78 and 80)', () => {
    const html = renderProvenance(get(seed001, 'hengyang-daily-2022-04-01-a005'));
    expect(html).toContain(
      '<li class="edit edit-heading">分两行印出的标题已合并为一行（<a href="#L78">第78行</a>、<a href="#L80">第80行</a>）。</li>',
    );
  });

  it('shows a removed duplicate with its text and where the kept copy is (seed 000, line 61 kept at 71/73)', () => {
    const a = get(seed000, 'hengyang-daily-2021-03-06-a004');
    const linked = renderProvenance(a, {
      articleHref: (id) => (id.endsWith('a005') ? '../a005/index.html' : null),
    });
    expect(linked).toContain(
      '<li class="edit edit-duplicate">重复印出的文字已删去（<a href="#L61">第61行</a>）：<q class="removed-text">今年春运以来，交通执法人员始终奋战在春运第一线，保障市民平安出行。',
    );
    expect(linked).toContain(
      '，保留在另一篇 <a href="../a005/index.html">hengyang-daily-2021-03-06-a005</a> ' +
        '<a href="../a005/index.html#L71">第71行</a>、<a href="../a005/index.html#L73">第73行</a>。</li>',
    );
    // described once, not again from the edit note
    expect(linked.match(/重复印出/gu)).toHaveLength(1);
    expect(linked).toContain('<li id="L61" class="source-line changed removed">');

    const unlinked = renderProvenance(a);
    expect(unlinked).toContain(
      '保留在另一篇 <code>hengyang-daily-2021-03-06-a005</code> 第71行、第73行。</li>',
    );
  });

  it('links a duplicate kept in the same article to its own lines', () => {
    const html = renderProvenance(
      synthetic({
        sourceLines: [
          { no: 1, text: '甲' },
          { no: 2, text: '甲' },
        ],
        duplicatesRemoved: [{ text: '甲', lines: [2], keptIn: 'x-a001', keptLines: [1] }],
      }),
    );
    expect(html).toContain('，保留在本篇<a href="#L1">第1行</a>。</li>');
  });

  it('says so when nothing was changed, and escapes markup in source lines and file names', () => {
    const html = renderProvenance(
      synthetic({ sourceFile: '<b>.txt', sourceLines: [{ no: 4, text: '<script>alert(1)</script> **x**' }] }),
    );
    expect(html).toContain('<p class="provenance-edits">原文照录，未作改动。</p>');
    expect(html).toContain('<span class="line-text">&#x3C;script>alert(1)&#x3C;/script> **x**</span>');
    expect(html).toContain('<code>&#x3C;b>.txt</code>，第4行。');
    expect(html).not.toMatch(/<script|<b>/u);
  });

  it('lists editorial corrections and links the file name when a source address is given', () => {
    const html = renderProvenance(
      synthetic({
        sourceLines: [{ no: 3, text: '衡阳市长' }],
        corrections: [{ line: 3, from: '市长', to: '市委', note: '错字', authority: '原版面' }],
      }),
      { sourceHref: '../source.txt' },
    );
    expect(html).toContain('<a href="../source.txt"><code>x.txt</code></a>');
    expect(html).toContain(
      '<li class="edit edit-correction">编辑更正（<a href="#L3">第3行</a>）：<q>市长</q> 改为 <q>市委</q>。错字（依据：原版面）</li>',
    );
    expect(html).toContain('<li id="L3" class="source-line corrected">');
  });
});

describe('the parser’s decisions in the panel', () => {
  it('tells why lines 9 and 11 of seed 000 were joined, in words, linked to the lines', () => {
    // seed 000 line 9 ends …“衡阳 and line 11 goes on 群众”…: one sentence broken at a column
    const a = get(seed000, 'hengyang-daily-2021-03-06-a001');
    expect(a.decisions?.some((d) => d.kind === 'join' && d.lines.join('|') === '9|11')).toBe(true);
    const html = renderProvenance(a);
    expect(html).toContain('<h3 class="provenance-heading">判断依据</h3>');
    expect(html).toMatch(
      /<li class="decision decision-join"><a href="#L9">第9行<\/a>、<a href="#L11">第11行<\/a>分栏处接为一段。<span class="decision-basis">依据：[^<]*[\u4e00-\u9fff][^<]*。<\/span><\/li>/u,
    );
  });

  it('has no such section for an article without decisions', () => {
    expect(renderProvenance(synthetic({}))).not.toContain('判断依据');
  });
});
