import { describe, expect, it } from 'vitest';
import { detectColumns } from './unwrap.ts';
import { isLooselyWrapped, unwrapLoose } from './unwrap-loose.ts';
import { toBlocks } from './blocks.ts';

// pdftotext of a wide column: the lines of one column are 33 to 37 characters long (punctuation
// squeezed, digits narrow), paragraphs follow one another without a blank line or their indent.
const LOOSE = [
  '临江晚报 2025年01月15日 第02版：城事',
  '',
  '老街巷里的口袋公园（城市更新进行时）',
  '临江晚报讯（全媒体记者 沈靖然）今年以来，临江市在老城区见缝插绿，利',
  '用闲置地块和拆违空地新建口袋公园十二处，居民出门就能见绿。',
  '清晨，家住解放路的王大爷带着孙子来到新建成的口袋公园，园里有健身器材、',
  '儿童滑梯，还有一片小菜园。“以前这里是堆杂物的空地，现在成了大家最',
  '爱来的地方。”王大爷说。',
  '市住建局负责人介绍，下一步将继续推进城市更新，让更多群众共享绿色空间',
  '，今年还将新建口袋公园二十处。',
].join('\n');

describe('loosely wrapped text (pdftotext)', () => {
  const lines = LOOSE.split('\n');
  it('has no column width that lines up, yet runs on from line to line', () => {
    expect(detectColumns(lines)).toEqual([]);
    expect(isLooselyWrapped(lines)).toBe(true);
  });
  it('joins each paragraph; a short line that ends a sentence ends it', () => {
    const logical = unwrapLoose(lines)
      .filter((l) => l.text.trim())
      .map((l) => [l.no, ...(l.more ?? [])].join(','));
    expect(logical).toEqual(['1', '3', '4,5', '6,7,8', '9,10']);
  });
  it('is not taken for e-paper text, one paragraph per line', () => {
    const epaper = [
      '　　今年以来，临江市在老城区见缝插绿，利用闲置地块和拆违空地新建口袋公园12处。',
      '　　清晨，家住解放路的王大爷带着孙子来到新建成的口袋公园。',
      '　　市住建局负责人介绍，下一步将继续推进城市更新，让更多群众共享绿色空间。',
      '　　据了解，今年全市还将新建口袋公园20处。',
      '　　老街坊们说，出门就能见绿，日子过得更舒心了。',
      '　　口袋公园建设将纳入年度民生实事。',
    ];
    expect(isLooselyWrapped(epaper)).toBe(false);
  });
});

describe('a reporter’s credit line', () => {
  it('stands apart from the heading above it and the text below it in one blank-separated block', () => {
    const blocks = toBlocks([
      '标题一行',
      '■本报记者 王云娜',
      '醒狮表演精彩纷呈，沿街店铺人流熙攘。',
      '',
      '第二段。',
      '',
      '第三段。',
    ]);
    expect(blocks.map((b) => b.text)).toEqual([
      '标题一行',
      '■本报记者 王云娜',
      '醒狮表演精彩纷呈，沿街店铺人流熙攘。',
      '第二段。',
      '第三段。',
    ]);
  });
});
