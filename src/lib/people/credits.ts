/**
 * Who an article credits: reporters, correspondents, interns and photographers, from its byline
 * (本报讯（记者 许珂 实习生付星婷）, ■本报记者 胡建军 通讯员 周妍, 文/图 记者 金明达) and the photo
 * credits of its captions (■通讯员 王勤 摄). Pure functions on the parsed issue.
 *
 * The byline is read again from its printed text, after names set with spaces are joined (贺  勇 →
 * 贺勇), with the parser's own rules (src/lib/parse/byline.ts); when that finds nothing the parser's
 * staff stand. Every name must read as a name (src/lib/people/names.ts).
 */
import { matchByline, matchPhotoCredit } from '../parse/byline.ts';
import type { Article, Issue, StaffCredit, StaffRole } from '../model/issue.ts';
import { isPersonName, joinSpacedNames, normaliseName } from './names.ts';

/** One person credited by an article. */
export interface Credit {
  /** the name, white space removed */
  name: string;
  role: StaffRole;
  /** the role word as printed (记者, 全媒体记者 …), or null */
  roleText: string | null;
  /** credited for photos (文/图, 摄, a caption's credit) */
  photos: boolean;
}

/** A credit with where it stands: the article, its date. */
export interface ArticleCredit extends Credit {
  article: string;
  date: string | null;
}

function bylineStaff(byline: NonNullable<Article['byline']>): StaffCredit[] {
  const again = matchByline(joinSpacedNames(byline.text));
  const staff = again && again.staff.length > 0 ? again.staff : byline.staff;
  // 本报记者（谢小青）: a name in brackets after 本报记者 without a role word of its own is the reporter.
  const reporterForm = /记者$/u.test(again?.source ?? byline.source);
  return staff.map((s) =>
    reporterForm && s.role === 'contributor' ? { ...s, role: 'reporter' as StaffRole } : s,
  );
}

/** The people an article credits, each once, in the order printed (byline first, then captions). */
export function articleCredits(article: Pick<Article, 'byline' | 'captions'>): Credit[] {
  const found: StaffCredit[] = [];
  if (article.byline) found.push(...bylineStaff(article.byline));
  for (const c of article.captions) {
    if (!c.credit) continue;
    const staff = matchPhotoCredit(joinSpacedNames(c.credit));
    if (staff) found.push(...staff);
  }
  const out = new Map<string, Credit>();
  for (const s of found) {
    const name = normaliseName(s.name);
    if (!isPersonName(name)) continue;
    const had = out.get(name);
    if (had) had.photos ||= s.photos;
    else out.set(name, { name, role: s.role, roleText: s.roleText, photos: s.photos });
  }
  return [...out.values()];
}

/** Every credit of an issue, article by article, with the article's id and the issue's date. */
export function issueCredits(issue: Issue): ArticleCredit[] {
  return issue.articles.flatMap((a) =>
    articleCredits(a).map((c) => ({ ...c, article: a.id, date: issue.date.value })),
  );
}
