/** Paper descriptions: content/papers/<id>.md or papers.json's description, and what the folder may hold. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../tests/support/seed-edition.ts';
import { paperDescriptions } from './paper-descriptions.ts';
import { loadCatalog } from './papers.ts';

const catalog = {
  papers: [
    { id: 'hengyang-daily', name: '衡阳日报' },
    { id: 'hengyang-evening-news', name: '衡阳晚报', description: '衡阳日报社出版的晚报。' },
  ],
};

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** An editorial folder with the given files below papers/. */
function content(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'papers-'));
  mkdirSync(join(dir, 'papers'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'papers', name), text);
  return dir;
}

describe('paper descriptions', () => {
  it('take a paper’s Markdown file, and papers.json’s plain description for the others', () => {
    const d = paperDescriptions(
      content({
        'hengyang-daily.md': '**衡阳日报**，中共衡阳市委机关报。\n',
        '.gitkeep': '',
        'README.md': 'x',
      }),
      catalog,
    );
    expect(d.get('hengyang-daily')).toEqual({
      markdown: '**衡阳日报**，中共衡阳市委机关报。\n',
      file: join(dir, 'papers', 'hengyang-daily.md'),
    });
    expect(d.get('hengyang-evening-news')?.markdown).toBe('衡阳日报社出版的晚报。');
    expect(d.get('hengyang-evening-news')?.file).toBe(join(dir, 'papers.json'));
  });

  it('work without the folder', () => {
    dir = mkdtempSync(join(tmpdir(), 'papers-'));
    expect([...paperDescriptions(dir, catalog).keys()]).toEqual(['hengyang-evening-news']);
  });

  it('report every stray, doubled or empty file on a line of its own, naming it', () => {
    const d = content({
      'unknown-paper.md': '某报',
      'hengyang-evening-news.md': '又一份说明',
      'hengyang-daily.md': '  \n',
      'notes.txt': 'x',
    });
    let message = '';
    try {
      paperDescriptions(d, catalog);
    } catch (e) {
      message = (e as Error).message;
    }
    const at = (f: string) => join(d, 'papers', f);
    expect(message.split('\n')).toEqual([
      `${at('hengyang-daily.md')}: empty (write the description, or delete the file)`,
      `${at('hengyang-evening-news.md')}: paper "hengyang-evening-news" has a "description" in ${join(d, 'papers.json')} too: keep one`,
      `${at('notes.txt')}: not a paper description (name it <paper id>.md; papers: hengyang-daily, hengyang-evening-news)`,
      `${at('unknown-paper.md')}: no paper "unknown-paper" in ${join(d, 'papers.json')} (papers: hengyang-daily, hengyang-evening-news)`,
    ]);
  });

  it('the project’s own: every catalogue paper with issues in seeds/ has one', () => {
    const root = resolve(repoRoot, 'content');
    const d = paperDescriptions(root, loadCatalog(join(root, 'papers.json')));
    for (const id of ['hengyang-daily', 'hengyang-evening-news'])
      expect(d.get(id)?.file, id).toBe(join(root, 'papers', `${id}.md`));
  });
});
