import { describe, expect, it } from 'vitest';
import { sideBySide, type Paragraph } from './side-by-side.ts';

// Real text: the opening of a 衡阳日报 seed article (seeds/000_846a23c3b34aff37.txt).
const P1 =
  '本报讯（记者 许珂 实习生付星婷）“唱支山歌给党听，我把党来比母亲……”伴随着悠扬动听的歌声，3月5日，“四季同行·雷锋家乡学雷锋·衡阳群众在行动”“3·5”学雷锋文明实践主题志愿服务活动拉开帷幕。市委副书记赖馨正宣布活动启动并授旗。';
const P2 =
  '近年来，我市认真贯彻落实习近平总书记关于志愿服务工作的系列重要讲话精神，坚持全城联动、全民参与、全面覆盖，创新开展“衡阳群众”品牌创建，现已注册“衡阳群众”志愿者95万多人。';
const P3 = '今年是中国共产党成立100周年，是实施“十四五”规划、开启全面建设社会主义现代化国家新征程的第一年。';

const text = (p: Paragraph, kind?: 'same' | 'only') =>
  p
    .filter((s) => !kind || s.kind === kind)
    .map((s) => s.text)
    .join('');

describe('sideBySide', () => {
  it('shows a retitled copy that cut the last paragraph and added a sentence', () => {
    const added = '活动现场气氛热烈。';
    const r = sideBySide(
      { title: '以更加饱满的热情擦亮“衡阳群众”品牌', paragraphs: [P1, P2, P3] },
      { title: '擦亮“衡阳群众”品牌', paragraphs: [P1, P2 + added] },
    );
    expect(r.title.retitled).toBe(true);
    expect(text(r.title.a, 'only')).toBe('以更加饱满的热情');
    expect(text(r.title.b, 'only')).toBe('');
    expect(r.rows[0]!.same).toBe(true);
    const changed = r.rows.slice(1);
    const onlyA = changed.flatMap((row) => row.a.map((p) => text(p, 'only'))).join('|');
    const onlyB = changed.flatMap((row) => row.b.map((p) => text(p, 'only'))).join('|');
    expect(onlyA.replace(/\|/g, '')).toBe(P3);
    expect(onlyB.replace(/\|/g, '')).toBe(added);
    // P2 is shared in its row: its text is on both sides as `same`
    expect(changed.flatMap((row) => row.a.map((p) => text(p, 'same')))).toContain(P2);
    expect(r.chars.onlyB).toBe(8);
    expect(r.chars.onlyA).toBeGreaterThan(40);
  });

  it('marks a cut clause, not stray characters, where a copy joined two paragraphs', () => {
    // the evening paper cut the end of a paragraph and ran the next one on (seed 000, first article)
    const head = '以更加饱满的热情书写';
    const cutText = '好新时代雷锋故事、擦亮“衡阳群众”品牌，为建设现代化新衡阳贡献智慧力量。';
    const next = '现场，市领导先后为13支新时代文明实践“衡阳群众”志愿服务总队授旗。';
    const r = sideBySide(
      { title: 'T', paragraphs: [head + cutText, next] },
      { title: 'T', paragraphs: [head + next] },
    );
    const onlyA = r.rows.flatMap((row) => row.a.map((p) => text(p, 'only'))).join('');
    const onlyB = r.rows.flatMap((row) => row.b.map((p) => text(p, 'only'))).join('');
    expect(onlyA).toBe(cutText);
    expect(onlyB).toBe('');
  });

  it('shows identical printings as all same, not retitled', () => {
    const r = sideBySide({ title: 'T', paragraphs: [P1, P2] }, { title: 'T', paragraphs: [P1, P2] });
    expect(r.title.retitled).toBe(false);
    expect(r.rows.every((row) => row.same)).toBe(true);
    expect(r.chars.onlyA + r.chars.onlyB).toBe(0);
  });

  it('keeps a paragraph split in two as shared text', () => {
    const cut = P2.indexOf('坚持');
    const r = sideBySide(
      { title: 'T', paragraphs: [P2] },
      { title: 'T', paragraphs: [P2.slice(0, cut), P2.slice(cut)] },
    );
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]!.b).toHaveLength(2);
    expect(r.chars.onlyA + r.chars.onlyB).toBe(0);
  });
});
