/**
 * The parser's scored decisions about an article (Article.decisions: joins and splits across a
 * column break, subheads, the start of an article) told in words for the "原文与处理说明" panel:
 * what was decided about which lines, and the evidence that weighed most, each rule or feature
 * named in Chinese (the code's own name kept beside it, so a reader can report it exactly). Pure.
 */

/** A decision as the parsed article records it. */
export interface Decision {
  kind: 'join' | 'split' | 'subhead' | 'article-start';
  lines: number[];
  /** the model's score, or null when a printed form decided by rule */
  score: number | null;
  /** the rule's name, or the features that weighed most (`word-spans-seam +2.10`) */
  evidence: string[];
}

/** What each decision says about its lines. */
const DECIDED: Record<Decision['kind'], string> = {
  join: '分栏处接为一段',
  split: '分栏处未接续，仍为两段',
  subhead: '判为文中小标题',
  'article-start': '判为另一篇的标题',
};

/** The rules and features of the join and subhead models (src/lib/parse/column-joins, subheads). */
const EVIDENCE: Record<string, string> = {
  // joins: rules
  'column-cut': '上一行排满栏宽而句子未完',
  'left-ends-sentence': '上文已成句',
  'left-stops-short-of-column': '上文末行未排满栏宽',
  'left-ends-column-tag': '上文以栏目名（……）收束，是标题',
  'left-is-bracketed-note': '上文是一段完整的括注',
  'left-ends-colon-or-dash': '上文以冒号或破折号结尾',
  'right-opens-with-punctuation': '下文以标点开头',
  'nothing-to-join': '一侧无文字',
  // text printed out of reading order (src/lib/parse/reading-order)
  'seam-attested-in-article': '断处连成的字串在本文中屡次出现（下文原排在文章开头）',
  'tail-shares-next-headline': '下文与其后标题共用本文未用的词，是那篇文章排在标题前的结尾',
  // joins: features
  'left-long': '上文较长',
  'left-long-before-text': '上文较长且下文是正文',
  'left-short': '上文很短',
  'left-length-vs-file': '上文长度（与本文件段落相比）',
  'left-clause-punct': '上文含逗号等句中标点',
  'left-closes-quote': '上文以引号或括号收束',
  'left-enumerated': '上文是序号标题',
  'left-ends-open-word': '上文以不能结句的词结尾',
  'word-spans-seam': '断处两侧连成一个词',
  'vocabulary-continues': '两侧用词相连',
  'right-heading': '下文像标题',
  'right-short': '下文很短',
  'right-indented': '下文缩进',
  'picture-gap': '中间有图片空档',
  'right-opens-paragraph': '下文以段首词开头（此外、据悉……）',
  'left-ends-name-list': '上文是人名名单',
  'caption-lifted': '中间的图片说明已移出',
  'caption-lifted-clause': '图片说明移出处句子未完',
  // subheads
  enumerated: '序号标题（一是、二、（三）……）',
  'shares-vocabulary': '与本文用词相同的比例',
  'shares-much-vocabulary': '与本文用词多有相同',
  'article-bylined': '本文已有署名',
  'bylined-and-shares': '本文有署名且用词相同',
  'bylined-feature': '本文是有署名的长篇',
  'staff-byline-text-follows': '本文署记者名，其后接正文',
  'own-closing-credit': '其后正文以自己的署名收尾',
  'bare-byline-credit-follows': '“本报记者”的姓名在文末',
  'report-credit-at-end': '长篇报道的署名在文末',
  'text-follows': '其后是正文',
  'heading-short': '标题很短',
  'heading-long': '标题较长',
  'heading-clause-punct': '标题含逗号等句中标点',
  'heading-column-tag': '标题带栏目名（……）',
  'heading-exclaims': '标题以感叹号或问号结尾',
  'article-long': '本文已有多段',
  'article-without-text': '本文尚无正文',
};

/** One piece of evidence in words: `word-spans-seam +3.17` → `断处两侧连成一个词（+3.17）`. */
export function evidenceWords(item: string): string {
  // `tail-shares-next-headline: 政法队伍 教育` → the evidence and the words it names
  const named = /^([a-z-]+):\s+(.+)$/u.exec(item.trim());
  if (named) return `${EVIDENCE[named[1]!] ?? named[1]!}：${named[2]!}`;
  const m = /^(\S+)(?:\s+([+-]\d+(?:\.\d+)?))?$/u.exec(item.trim());
  if (!m) return item;
  const name = EVIDENCE[m[1]!] ?? m[1]!;
  return m[2] ? `${name}（${m[2]}）` : name;
}

/** A decision in words: what was decided, by rule or by score, and on what evidence. */
export function decisionWords(d: Decision): { decided: string; basis: string } {
  const how = d.score === null ? '按版式规则' : `模型得分 ${d.score > 0 ? '+' : ''}${d.score}`;
  const evidence = d.evidence.map(evidenceWords).join('；');
  return { decided: DECIDED[d.kind], basis: evidence ? `${how}：${evidence}` : how };
}
