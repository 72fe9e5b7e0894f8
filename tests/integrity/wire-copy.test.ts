/**
 * Wire copy on a built site: the seeds and a second paper's cut, retitled reprint of a seed
 * article (made here from the seed's own text, as a 晚报 would print a 日报 story two days later).
 * Both article pages list each other under 其他报纸/其他日期的同稿 with a 对照 link; the comparison
 * page marks what the reprint cut (<del>) and added (<ins>), with a legend in words.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, seeds, temp } from './harness.ts';

const SEED = '000_846a23c3b34aff37.txt';
const CUT = '好新时代雷锋故事、擦亮“衡阳群众”品牌，为建设现代化新衡阳贡献智慧力量。';
const ADDED = '活动现场气氛热烈，不少市民当场报名成为“衡阳群众”志愿者。';

/** The seed's first article as the evening paper reprints it: new title, a clause cut, a sentence added. */
function reprint(): string {
  const text = readFileSync(join(seeds, SEED), 'utf8');
  const from = text.indexOf('本报讯（记者 许珂');
  const to = text.indexOf('市领导张霞参加活动。');
  const paras = text
    .slice(from, to)
    .replace('系列重\n\n要讲话', '系列重要讲话')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p && !p.startsWith('好新时代'));
  return `衡阳群众志愿者在行动\n\n${[...paras, ADDED, '市领导张霞参加活动。'].join('\n\n')}\n`;
}

describe('wire copy across papers', () => {
  const dir = temp('baokan-wire-seeds-');
  for (const f of readdirSync(seeds)) cpSync(join(seeds, f), join(dir, f));
  writeFileSync(join(dir, 'wire-evening.txt'), reprint());
  writeFileSync(
    join(dir, 'wire-evening.yaml'),
    'paper: hengyang-evening-news\ndate: 2021-03-08\npages: [3]\n',
  );
  const built = build(dir);
  const page = (path: string) => readFileSync(join(built.dist, path, 'index.html'), 'utf8');
  const daily = 'hengyang-daily/2021/03/06/1/a001';
  const evening = 'hengyang-evening-news/2021/03/08/3/a001';
  const compare = 'compare/hengyang-daily-2021-03-06-a001--hengyang-evening-news-2021-03-08-a001';

  it('finds the one copy and logs it', () => {
    expect(built.status).toBe(0);
    expect(built.log).toMatch(/wire copies: 1 pair\(s\) in 1 group\(s\) among 44 article\(s\)/);
    expect(readdirSync(join(built.dist, 'compare'))).toEqual([compare.slice('compare/'.length)]);
  });

  it('links the two printings both ways, with a 对照 link', () => {
    const copies = (html: string) => /<nav class="article-copies[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    const a = copies(page(daily));
    const b = copies(page(evening));
    expect(a).toContain('其他报纸/其他日期的同稿');
    expect(a).toContain('href="../../../../../../hengyang-evening-news/2021/03/08/3/a001/index.html"');
    expect(b).toContain('href="../../../../../../hengyang-daily/2021/03/06/1/a001/index.html"');
    for (const nav of [a, b]) expect(nav).toContain(`${compare}/index.html">对照</a>`);
  });

  it('shows what the reprint cut and added, and a legend in words', () => {
    const html = page(compare);
    expect([...html.matchAll(/<del[^>]*>([^<]*)<\/del>/g)].map((m) => m[1])).toContain(CUT);
    expect([...html.matchAll(/<ins[^>]*>([^<]*)<\/ins>/g)].map((m) => m[1])).toContain(ADDED);
    expect(html).toContain('标题有改动');
    expect(html).toContain('加删除线的文字只见于前稿');
    // an article with no copy has no such section
    expect(page('hengyang-daily/2021/03/06/1/a002')).not.toContain('article-copies');
  });
});
