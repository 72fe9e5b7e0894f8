import { describe, expect, it } from 'vitest';
import { detectColumns, lineWidth, unwrap } from './unwrap.ts';
import { detectLayout, toBlocks } from './blocks.ts';
import { assemble } from './assemble.ts';

/** The logical lines of `input` as text, with their source line numbers. */
function logical(input: string): string[] {
  return unwrap(input.split('\n'))
    .filter((l) => l.text.trim())
    .map((l) => `${[l.no, ...(l.more ?? [])].join(',')}: ${l.text.trim()}`);
}

// A 17-em column, as a PDF text layer prints it: paragraphs blank-separated, every line of a
// paragraph as wide as the column but the last (or an em short, where punctuation was squeezed),
// numbers cut anywhere.
const COLUMN17 = [
  '青溪报  2025年3月1日  星期六  第三版  经济',
  '',
  '铁路集装箱中心站的24小时',
  '',
  '本报北京1月14日电（记者 沈靖然）',
  '夜深露重，星斗满天。重庆铁路集装',
  '箱中心站灯火通明，一线人员彻夜坚守',
  '。',
  '',
  '1月13日凌晨1点，清脆的汽笛声响起',
  '，一列满载木材的回程中欧班列到达中',
  '心站。调车长雷白林接到指令，第一时',
  '间到达货线，准备作业。',
  '',
  '雷白林和徒弟配合默契，回顾202',
  '4年，不到30分钟便用调车机车将整列',
  '集装箱转运至货场，全年共转运集装箱',
  '12万标箱。',
  '',
  '责任编辑：刘洋  版式：赵磊',
].join('\n');

describe('lineWidth', () => {
  it('counts CJK as 1 and half-width characters as 0.5 to 1, trailing white space not at all', () => {
    expect(lineWidth('夜深露重，星斗满天。')).toEqual({ min: 10, max: 10 });
    expect(lineWidth('回顾2024年  ')).toEqual({ min: 5, max: 7 });
    expect(lineWidth('　　首行缩进')).toEqual({ min: 6, max: 6 });
  });
});

describe('detectColumns', () => {
  it('finds the width that most lines followed by another line share', () => {
    expect(detectColumns(COLUMN17.split('\n'))).toEqual([17]);
  });

  it('finds no column in a file of one paragraph per line, nor in blank-separated paragraphs', () => {
    const perLine = [
      '　　本报讯（记者 许珂）3月5日，学雷锋主题志愿服务活动拉开帷幕。',
      '　　近年来，我市认真贯彻落实习近平总书记关于志愿服务工作的系列重要讲话精神。',
      '　　现场，市领导先后为13支志愿服务总队授旗。',
      '　　市领导张霞参加活动。',
      '　　杨洪峰强调，要深刻认识做好今年工作的极端重要性，深入抓好各项工作落地见效。',
      '　　本次活动分别在学校、社区、机关、广场、乡村设置5个集中服务点。',
    ];
    expect(detectColumns(perLine)).toEqual([]);
    expect(detectColumns(perLine.flatMap((l) => [l, '']))).toEqual([]);
  });

  it('does not take a signature or a list of equal short lines for a column', () => {
    const signature = ['中共衡阳市委', '衡阳市人民政府', '2022年3月31日', '', '正文。'];
    expect(detectColumns(signature)).toEqual([]);
  });

  it('finds two columns in a page set in two widths', () => {
    const narrow = ['一二三四五六七八九十', '一二三四五六七八九十', '一二三四五六七八九十', '完。', ''];
    const wide = ['一二三四五六七八九十一二三四五六', '一二三四五六七八九十一二三四五六', '完。', ''];
    const lines = [...narrow, ...narrow, ...wide, ...wide, ...wide];
    expect(detectColumns(lines)).toEqual([10, 16]);
  });
});

describe('unwrap', () => {
  it('joins every line that fills its column with the next, keeping all source line numbers', () => {
    expect(logical(COLUMN17)).toEqual([
      '1: 青溪报  2025年3月1日  星期六  第三版  经济',
      '3: 铁路集装箱中心站的24小时',
      '5,6,7,8: 本报北京1月14日电（记者 沈靖然）夜深露重，星斗满天。重庆铁路集装箱中心站灯火通明，一线人员彻夜坚守。',
      '10,11,12,13: 1月13日凌晨1点，清脆的汽笛声响起，一列满载木材的回程中欧班列到达中心站。调车长雷白林接到指令，第一时间到达货线，准备作业。',
      '15,16,17,18: 雷白林和徒弟配合默契，回顾2024年，不到30分钟便用调车机车将整列集装箱转运至货场，全年共转运集装箱12万标箱。',
      '20: 责任编辑：刘洋  版式：赵磊',
    ]);
  });

  it('keeps a space that stood at the cut, and adds none to a cut number or Latin word', () => {
    const lines = [
      '临江晚报讯 (全媒体记者',
      ' 吴齐强 通讯员 颜珂)开年',
      '即满产。比亚迪汽车有限公',
      '司总装车间产线上，BY',
      'D新车正满负荷生产。',
      '',
      '一二三四五六七八九十一二',
      '三四五六七八九十一二三四',
      '完。',
    ];
    expect(unwrap(lines, [12]).map((l) => l.text)).toEqual([
      '临江晚报讯 (全媒体记者 吴齐强 通讯员 颜珂)开年即满产。比亚迪汽车有限公司总装车间产线上，BYD新车正满负荷生产。',
      '',
      '一二三四五六七八九十一二三四五六七八九十一二三四完。',
    ]);
  });

  it('does not continue a full line into an indented line or a table row', () => {
    const lines = ['一二三四五六七八九十', '　　一二三四五六七八', '一二三四五六七八九十', '甲\t乙'];
    expect(unwrap(lines, [10]).map((l) => l.text)).toEqual([
      '一二三四五六七八九十',
      '　　一二三四五六七八一二三四五六七八九十',
      '甲\t乙',
    ]);
  });

  it('leaves a file that is not hard-wrapped line for line as it was', () => {
    const lines = ['标题', '', '第一段正文，有十个字。', '第二行。', '', '中共衡阳市委', '2022年3月31日'];
    expect(unwrap(lines)).toEqual(lines.map((text, i) => ({ no: i + 1, text })));
  });
});

describe('blocks of a hard-wrapped file', () => {
  it('reads it as blank-separated paragraphs, one logical line each', () => {
    const lines = COLUMN17.split('\n');
    expect(detectLayout(lines)).toBe('blank-separated');
    const blocks = toBlocks(lines);
    expect(blocks.map((b) => b.lines.length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(blocks[4]!.text).toBe(
      '雷白林和徒弟配合默契，回顾2024年，不到30分钟便用调车机车将整列集装箱转运至货场，全年共转运集装箱12万标箱。',
    );
    expect(blocks[4]!.lines[0]).toMatchObject({ no: 15, more: [16, 17, 18] });
  });
});

describe('column breaks in a hard-wrapped file', () => {
  // A 14-em column. The second paragraph is cut by a column break after a full line that ends no
  // sentence (…还有的恶 | 意编造…); the third after 回顾202, with a caption printed at the break.
  const page = [
    '看到民营企业座谈会的消息，特',
    '别振奋。这些年来，有外媒和一',
    '些自媒体宣扬民营企业要“离场',
    '”了。',
    '',
    '有外媒和一些自媒体宣扬中国民',
    '营企业要“离场”了，还有的恶',
    '',
    '意编造“新公私合营论”，感觉',
    '这次他们又被“打脸”了。',
    '',
    '工作报告通篇贯穿党的自我革命',
    '的重要思想，回顾二〇二四年纪',
    '',
    '座谈会现场。',
    '',
    '检监察工作，对2025年工作进',
    '行全面部署。',
  ];

  it('marks the blocks cut at a column edge, and only those', () => {
    const blocks = toBlocks(page);
    expect(blocks.map((b) => b.text)).toEqual([
      '看到民营企业座谈会的消息，特别振奋。这些年来，有外媒和一些自媒体宣扬民营企业要“离场”了。',
      '有外媒和一些自媒体宣扬中国民营企业要“离场”了，还有的恶',
      '意编造“新公私合营论”，感觉这次他们又被“打脸”了。',
      '工作报告通篇贯穿党的自我革命的重要思想，回顾二〇二四年纪',
      '座谈会现场。',
      '检监察工作，对2025年工作进行全面部署。',
    ]);
    expect(blocks.map((b) => !!b.cut)).toEqual([false, true, false, true, false, false]);
  });

  it('rejoins the cut paragraphs, lifting the caption out of the break', () => {
    const { articles } = assemble(toBlocks(page), { mastheadPage: false });
    expect(articles).toHaveLength(1);
    const a = articles[0]!;
    expect(a.paragraphs.map((p) => [p.text, p.lines])).toEqual([
      [
        '看到民营企业座谈会的消息，特别振奋。这些年来，有外媒和一些自媒体宣扬民营企业要“离场”了。',
        [1, 2, 3, 4],
      ],
      [
        '有外媒和一些自媒体宣扬中国民营企业要“离场”了，还有的恶意编造“新公私合营论”，感觉这次他们又被“打脸”了。',
        [6, 7, 9, 10],
      ],
      [
        '工作报告通篇贯穿党的自我革命的重要思想，回顾二〇二四年纪检监察工作，对2025年工作进行全面部署。',
        [12, 13, 17, 18],
      ],
    ]);
    expect(a.captions.map((c) => c.text)).toEqual(['座谈会现场。']);
    expect(a.edits.map((e) => [e.kind, e.lines])).toEqual([
      ['rejoined-split', [7, 9]],
      ['caption-moved', [15]],
      ['rejoined-split', [13, 17]],
    ]);
  });
});

// pdftotext without -layout: an 18-em column, paragraphs one after another with no blank line and
// without their 2-em indent (each opens 16 wide), blank lines only where a column breaks.
const DROPPED_INDENTS = [
  '青溪报  2025年3月1日  星期六  第三版  经济',
  '',
  '老街巷里的口袋公园',
  '本报记者 沈靖然',
  '今年以来，青溪县在老城区见缝插',
  '绿，利用闲置地块和拆违空地新建口袋公',
  '园十二处，居民出门就能见绿。',
  '清晨，家住解放路的王大爷带着孙子',
  '来到新建成的口袋公园，园里有健身器材',
  '',
  '、儿童滑梯，还有一片小菜园。“以前这',
  '里是堆杂物的空地，现在成了大家最爱来',
  '的地方。”王大爷说。',
  '县住建局负责人介绍，下一步将继续',
  '推进城市更新，让更多群众共享绿色空间',
  '。',
].join('\n');

describe('text layers that drop paragraph indents (pdftotext)', () => {
  it('finds the column from full lines and paragraph openers the indent short of it', () => {
    expect(detectColumns(DROPPED_INDENTS.split('\n'))).toEqual([18]);
  });
  it('joins each opener with its paragraph; a byline line is never the rest of the line above', () => {
    expect(logical(DROPPED_INDENTS)).toEqual([
      '1: 青溪报  2025年3月1日  星期六  第三版  经济',
      '3: 老街巷里的口袋公园',
      '4: 本报记者 沈靖然',
      '5,6,7: 今年以来，青溪县在老城区见缝插绿，利用闲置地块和拆违空地新建口袋公园十二处，居民出门就能见绿。',
      '8,9: 清晨，家住解放路的王大爷带着孙子来到新建成的口袋公园，园里有健身器材',
      '11,12,13: 、儿童滑梯，还有一片小菜园。“以前这里是堆杂物的空地，现在成了大家最爱来的地方。”王大爷说。',
      '14,15,16: 县住建局负责人介绍，下一步将继续推进城市更新，让更多群众共享绿色空间。',
    ]);
  });
  it('reads each logical line as a paragraph and rejoins across the column break', () => {
    const lines = DROPPED_INDENTS.split('\n');
    expect(detectLayout(lines)).toBe('wrapped-paragraphs');
    const blocks = toBlocks(lines);
    const { articles } = assemble(blocks.slice(1), { mastheadPage: false, layout: 'wrapped-paragraphs' });
    expect(articles).toHaveLength(1);
    expect(articles[0]!.headline).toBe('老街巷里的口袋公园');
    expect(articles[0]!.paragraphs.map((p) => p.lines)).toEqual([
      [5, 6, 7],
      [8, 9, 11, 12, 13],
      [14, 15, 16],
    ]);
  });
});
