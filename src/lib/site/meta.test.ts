import { describe, expect, it } from 'vitest';
import {
  ACCESS_SLOT,
  accessParts,
  articleJsonLd,
  citationMeta,
  jsonLdScript,
  newIssueUrl,
  permalink,
  repositoryUrl,
  resolveOrigin,
  type ArticleMetaInput,
} from './meta.ts';

describe('resolveOrigin', () => {
  it('takes BAOKAN_SITE, else the origin of package.json homepage, else none', () => {
    expect(
      resolveOrigin({ BAOKAN_SITE: 'https://news.example/' }, { homepage: 'https://x.example' }),
    ).toEqual({
      origin: 'https://news.example',
      source: 'BAOKAN_SITE',
    });
    expect(resolveOrigin({}, { homepage: 'https://me.github.io/baokan/' })).toEqual({
      origin: 'https://me.github.io',
      source: 'homepage',
    });
    expect(resolveOrigin({ BAOKAN_SITE: '' }, {})).toEqual({ origin: null, source: null });
    // not an http(s) URL: counts as unset, never a made-up host
    expect(resolveOrigin({ BAOKAN_SITE: 'example.org' }, { homepage: 'file:///x' }).origin).toBeNull();
  });
});

describe('permalink', () => {
  it('is absolute with an origin and a base-absolute path without one', () => {
    expect(permalink('https://a.example', '/', 'p/2021/03/06/1/a001/')).toEqual({
      href: 'https://a.example/p/2021/03/06/1/a001/',
      absolute: true,
    });
    expect(permalink('https://a.example/', '/baokan', 'p/')).toEqual({
      href: 'https://a.example/baokan/p/',
      absolute: true,
    });
    expect(permalink(null, '/baokan/', 'p/')).toEqual({ href: '/baokan/p/', absolute: false });
    expect(permalink(null, '/', '')).toEqual({ href: '/', absolute: false });
  });
});

describe('repositoryUrl', () => {
  it('reads BAOKAN_REPO first, then package.json repository in its usual forms', () => {
    expect(repositoryUrl({ BAOKAN_REPO: 'https://github.com/o/r/' }, { repository: 'x/y' })).toBe(
      'https://github.com/o/r',
    );
    expect(repositoryUrl({}, { repository: { type: 'git', url: 'git+https://github.com/o/r.git' } })).toBe(
      'https://github.com/o/r',
    );
    expect(repositoryUrl({}, { repository: 'github:o/r' })).toBe('https://github.com/o/r');
    expect(repositoryUrl({}, { repository: 'gitlab:o/r' })).toBe('https://gitlab.com/o/r');
    expect(repositoryUrl({}, { repository: 'o/r' })).toBe('https://github.com/o/r');
    expect(repositoryUrl({}, { repository: 'git@github.com:o/r.git' })).toBe('https://github.com/o/r');
    expect(repositoryUrl({}, {})).toBeNull();
    expect(repositoryUrl({ BAOKAN_REPO: 'not a url' }, {})).toBeNull();
  });

  it('makes a new-issue link with the title and body filled in', () => {
    const u = new URL(newIssueUrl('https://github.com/o/r', '纠错：', '行号：\n依据：'));
    expect(u.pathname).toBe('/o/r/issues/new');
    expect(u.searchParams.get('title')).toBe('纠错：');
    expect(u.searchParams.get('body')).toBe('行号：\n依据：');
  });
});

// Seed 004 (衡阳日报 2021-12-09, masthead 第18021号), first article: 本报讯（记者 陈润）
const input: ArticleMetaInput = {
  title: '省委宣讲团来衡宣讲 党的十九届六中全会精神',
  kicker: '学习宣传贯彻党的十九届六中全会精神',
  subtitle: '江涌作宣讲报告 秦国文主持 朱健出席',
  authors: [{ name: '陈润', role: '记者' }],
  paper: '衡阳日报',
  date: '2021-12-09',
  page: 1,
  pageKnown: true,
  pageLabel: '第一版',
  pageHeader: null,
  issueNumber: '18021',
  dateline: '本报讯',
  description: '根据省委统一部署',
  url: permalink('https://a.example', '/', 'hengyang-daily/2021/12/09/1/a001/'),
  issueUrl: permalink('https://a.example', '/', 'hengyang-daily/2021/12/09/'),
  paperUrl: permalink('https://a.example', '/', 'hengyang-daily/'),
};

describe('citationMeta', () => {
  it('gives the Highwire tags Zotero and Google Scholar read', () => {
    expect(citationMeta(input)).toEqual([
      ['citation_title', '省委宣讲团来衡宣讲 党的十九届六中全会精神'],
      ['citation_author', '陈润'],
      ['citation_publication_date', '2021/12/09'],
      ['citation_date', '2021/12/09'],
      ['citation_journal_title', '衡阳日报'],
      ['citation_issue', '18021'],
      ['citation_firstpage', '1'],
      ['citation_language', 'zh'],
      ['citation_abstract_html_url', 'https://a.example/hengyang-daily/2021/12/09/1/a001/'],
      ['citation_public_url', 'https://a.example/hengyang-daily/2021/12/09/1/a001/'],
    ]);
  });

  it('leaves out what is unknown and relative URLs', () => {
    const tags = citationMeta({
      ...input,
      authors: [],
      date: null,
      issueNumber: null,
      page: null,
      url: permalink(null, '/', 'x/'),
    });
    expect(tags.map(([n]) => n)).toEqual(['citation_title', 'citation_journal_title', 'citation_language']);
  });
});

describe('articleJsonLd', () => {
  it('describes a NewsArticle in its printed issue and periodical', () => {
    expect(articleJsonLd(input)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: '省委宣讲团来衡宣讲 党的十九届六中全会精神',
      alternativeHeadline: '学习宣传贯彻党的十九届六中全会精神 江涌作宣讲报告 秦国文主持 朱健出席',
      author: [{ '@type': 'Person', name: '陈润', jobTitle: '记者' }],
      datePublished: '2021-12-09',
      inLanguage: 'zh-Hans',
      printEdition: '第18021号',
      printPage: '1',
      printSection: '第一版',
      dateline: '本报讯',
      description: '根据省委统一部署',
      url: 'https://a.example/hengyang-daily/2021/12/09/1/a001/',
      mainEntityOfPage: 'https://a.example/hengyang-daily/2021/12/09/1/a001/',
      isPartOf: {
        '@type': 'PublicationIssue',
        issueNumber: '18021',
        datePublished: '2021-12-09',
        url: 'https://a.example/hengyang-daily/2021/12/09/',
        isPartOf: { '@type': 'Periodical', name: '衡阳日报', url: 'https://a.example/hengyang-daily/' },
      },
    });
  });

  it('has no url without an origin, no empty author list, and cannot close its script element', () => {
    const ld = articleJsonLd({
      ...input,
      authors: [],
      url: permalink(null, '/', 'x/'),
      issueUrl: permalink(null, '/', 'y/'),
      paperUrl: permalink(null, '/', 'z/'),
      title: '</script><b>',
    });
    expect(ld.url).toBeUndefined();
    expect(ld.author).toBeUndefined();
    expect(JSON.stringify(ld)).not.toContain('"url"');
    const script = jsonLdScript(ld);
    expect(script).not.toContain('<');
    expect(JSON.parse(script).headline).toBe('</script><b>');
  });
});

describe('accessParts', () => {
  it('cuts out the lines that hold the access date', () => {
    expect(accessParts(`a\nurldate = {${ACCESS_SLOT}},\nz\n`)).toEqual([
      { text: 'a\n' },
      { before: 'urldate = {', after: '},\n' },
      { text: 'z\n' },
    ]);
    expect(accessParts('no date')).toEqual([{ text: 'no date' }]);
  });
});
