/**
 * E-paper text (one paragraph per line, body indented with U+3000, headings flush, an empty line
 * where 引题 or 副题 is absent): the indent and the byline decide, not line length or punctuation.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyIndentOf } from './assemble.ts';
import { matchByline, matchNameLine, splitCaptionCredit } from './byline.ts';
import { toBlocks } from './blocks.ts';
import { loadCatalog } from '../edition/load-folder.ts';
import { parseIssue } from './parse-issue.ts';

const catalog = loadCatalog(resolve(import.meta.dirname, '../../../content/papers.json'));
const parse = (lines: string[]) =>
  parseIssue(new TextEncoder().encode(lines.join('\r\n')), 'p.txt', { catalog }).issue;
const body = (s: string) => `\u3000\u3000${s}`;
const LONG =
  '这是一段足够长的正文，用来说明正文段落的缩进方式，它写满了一整行，还多出了一些字，再多写几个字。';

describe('the body indent', () => {
  it.each([
    ['U+3000 U+3000 for body, flush headings', ['标题', body(LONG), body(LONG), body(LONG)], '\u3000\u3000'],
    [
      'four spaces for body, U+3000 for headings',
      ['\u3000\u3000标题', `    ${LONG}`, `    ${LONG}`, `    ${LONG}`],
      '    ',
    ],
    ['no indent anywhere', ['标题', LONG, LONG, LONG], null],
    ['too few long lines to tell', ['标题', body(LONG)], null],
  ])('%s', (_, lines, indent) => {
    expect(bodyIndentOf(toBlocks(lines, 'line-per-paragraph'))).toBe(indent);
  });
});

describe('bylines', () => {
  it.each(['本报记者', '新华社记者', '■本报记者', '本报驻京记者'])(
    'a reporter line without names: %s',
    (t) => {
      expect(matchByline(t)).toMatchObject({ text: t, staff: [] });
    },
  );
  it.each([
    ['本报记者  吴齐强  颜  珂', ['吴齐强', '颜珂']],
    ['本报记者  孙  振  胡婧怡  门杰伟', ['孙振', '胡婧怡', '门杰伟']],
    ['本报记者  赵  成', ['赵成']],
    ['记者 王勤 摄', ['王勤']],
  ])('two-character names set with a space inside: %s', (t, names) => {
    expect(matchByline(t)?.staff.map((s) => s.name)).toEqual(names);
  });
  it.each([
    ['韩春瑶', true],
    ['倪  星', true],
    ['欧阳文俊', true],
    ['短评', false],
    ['春节', false],
    ['衡阳市', false],
    ['王老吉凉茶', false],
  ])('a name alone: %s → %s', (t, yes) => {
    expect(!!matchNameLine(t)).toBe(yes);
  });
});

describe('captions that end with their credit', () => {
  it.each([
    [
      '浙江温州龙湾区天河街道综合行政执法中队工作人员（左）在检查餐馆的油烟净化设施。张  帆摄（人民视觉）',
      '张  帆摄（人民视觉）',
    ],
    ['三月的江边，桃花开了，市民纷纷走出家门踏青赏花。本报记者 李明 摄', '本报记者 李明 摄'],
    ['演员们正在排练节目。新华社记者 王鹏摄', '新华社记者 王鹏摄'],
  ])('%s', (text, credit) => {
    expect(splitCaptionCredit(text)?.credit).toBe(credit);
  });
  it.each(['他们正在为纪录片拍摄', '记者来到现场，看到工作人员正在拍摄'])('not a credit: %s', (text) => {
    expect(splitCaptionCredit(text)).toBeNull();
  });
});

describe('a headline with its column tag', () => {
  it.each([
    [
      ['大力弘扬遵义会议精神', '贵州努力走好新时代的长征路（新春走基层）'],
      '大力弘扬遵义会议精神',
      '贵州努力走好新时代的长征路（新春走基层）',
      null,
    ],
    [
      ['一张“体检单”  一站式服务（身边的经济故事）', '浙江温州规范涉企执法取得实效'],
      null,
      '一张“体检单”  一站式服务（身边的经济故事）',
      '浙江温州规范涉企执法取得实效',
    ],
  ])('%j', (heads, kicker, headline, subtitle) => {
    const issue = parse([...heads, '本报记者  赵  成', body(LONG), body(LONG), body(LONG)]);
    expect(issue.articles[0]).toMatchObject({ kicker, headline, subtitle });
  });
});

describe('a commentary signed with a name alone', () => {
  const issue = parse([
    '预约“体检”背后的理念之变（快评）',
    '韩春瑶',
    body('政策的制定是一种基于现有认识的模拟假设，难免存在与实际不符的情况，需要在实践中不断完善。'),
    body('从“事后罚”到“事前防”，变的是方式，不变的是为企业办实事的初心，这值得各地借鉴和推广。'),
    body('涉企执法要规范，更要有温度，让企业在法治的框架内安心发展，这是优化营商环境的应有之义。'),
  ]);
  it('reads the name as the byline, not as a heading', () => {
    expect(issue.articles.map((a) => [a.headline, a.subtitle, a.byline?.staff.map((s) => s.name)])).toEqual([
      ['预约“体检”背后的理念之变（快评）', null, ['韩春瑶']],
    ]);
  });
});

describe('an e-paper page', () => {
  const issue = parse([
    '',
    '山西开展“重大项目建设年”行动（坚定信心，打开改革发展新天地）',
    '',
    '本报记者  刘鑫焱  付明丽',
    body(
      '山西“重大项目建设年”推进会暨全省开发区2025年第一次现场观摩推进会日前召开，会议部署了全年的重大项目建设任务。',
    ),
    body('加快传统产业“升”的步伐——'),
    body(
      '2025年，山西开展“重大项目建设年”行动，实施一批打基础、利长远、增后劲的重大项目，带动全省投资稳定增长。',
    ),
    '',
    '始终“在场”的民营企业，如何“大显身手”？（读者点题·共同关注）',
    '',
    '本报记者',
    body('看到2月17日民营企业座谈会的消息，特别振奋。这些年来，民营企业的发展环境持续改善，我们更有信心了。'),
    body('——人民网网友18****2'),
    body(
      '这位网友的感觉很直观。在支持民营经济发展这件事上，党和国家的态度非常明确，坚持和落实“两个毫不动摇”。',
    ),
  ]);

  it('starts an article at each headline over a byline, even one ending in ？', () => {
    expect(issue.articles.map((a) => [a.headline, a.byline?.text])).toEqual([
      ['山西开展“重大项目建设年”行动（坚定信心，打开改革发展新天地）', '本报记者  刘鑫焱  付明丽'],
      ['始终“在场”的民营企业，如何“大显身手”？（读者点题·共同关注）', '本报记者'],
    ]);
  });

  it('reads a short line at the body indent as a subhead, and joins no lines', () => {
    const [first, second] = issue.articles;
    expect(first!.paragraphs.map((p) => p.role)).toEqual(['text', 'subhead', 'text']);
    expect(second!.paragraphs.map((p) => [p.role, p.lines])).toEqual([
      ['text', [12]],
      ['text', [13]],
      ['text', [14]],
    ]);
    expect(issue.articles.flatMap((a) => a.edits)).toEqual([]);
  });
});
