import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { issueRows, keptSignatures, type SignedIssue } from './kept-signatures.ts';
import { SIGNATURE_SIZE } from './minhash.ts';
import { textSignature } from './pairs.ts';

const paras = [
  '衡阳市第十四届人民代表大会第三次会议今天上午在市会议中心开幕，市委书记出席并讲话。',
  '今年以来，全市农业农村系统围绕乡村振兴战略，扎实推进高标准农田建设，粮食生产再获丰收。',
  '记者从市住房和城乡建设局获悉，全市今年计划改造老旧小区一百二十个，惠及居民两万余户。',
  '雁城春早，湘江两岸游人如织，市民纷纷走出家门踏青赏花，享受美好春光。',
  '市中心医院开展义诊活动，二十余名专家为群众提供健康咨询和免费检查服务。',
];

/** An issue whose texts say when they were asked for. */
function issue(key: string, texts: string[], asked: string[]): SignedIssue {
  return { key, count: texts.length, texts: () => (asked.push(key), texts) };
}

/** The signatures of texts, one after another, as computed directly. */
const direct = (texts: string[]) => {
  const out = new Uint32Array(texts.length * SIGNATURE_SIZE);
  texts.forEach((t, i) => out.set(textSignature(t), i * SIGNATURE_SIZE));
  return out;
};

describe('keptSignatures', () => {
  const dirs: string[] = [];
  const folder = () => {
    const d = mkdtempSync(join(tmpdir(), 'baokan-signatures-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('computes each issue once, then reads every issue kept, in any order, and only a changed one anew', () => {
    const dir = folder();
    const a = [paras[0]!, paras[1]!];
    const b = [paras[2]!];
    const c = [paras[3]!, paras[4]!];
    const asked: string[] = [];
    const first = keptSignatures(dir, [issue('A', a, asked), issue('B', b, asked)]);
    expect(asked).toEqual(['A', 'B']);
    expect(first.signatures).toEqual(direct([...a, ...b]));
    // a day added: only its issue's texts are read
    asked.length = 0;
    const day = keptSignatures(dir, [issue('A', a, asked), issue('B', b, asked), issue('C', c, asked)]);
    expect(asked).toEqual(['C']);
    expect(day).toEqual({ signatures: direct([...a, ...b, ...c]), computed: 1 });
    // the issues in another order, one of them changed (a new key): that one alone is computed
    asked.length = 0;
    const b2 = [paras[4]!, paras[0]!];
    const moved = keptSignatures(dir, [issue('C', c, asked), issue('B2', b2, asked), issue('A', a, asked)]);
    expect(asked).toEqual(['B2']);
    expect(moved.signatures).toEqual(direct([...c, ...b2, ...a]));
    // and nothing changed: nothing computed, the file not written again
    asked.length = 0;
    const body = join(dir, 'wire-signatures.bin');
    const bytes = readFileSync(body);
    const same = keptSignatures(dir, [issue('C', c, asked), issue('B2', b2, asked), issue('A', a, asked)]);
    expect(asked).toEqual([]);
    expect(same.signatures).toEqual(moved.signatures);
    expect(readFileSync(body).equals(bytes)).toBe(true);
  });

  it('computes everything again when the kept file is torn, and when an issue has another article count', () => {
    const dir = folder();
    const asked: string[] = [];
    const a = [paras[0]!, paras[1]!];
    keptSignatures(dir, [issue('A', a, asked)]);
    const body = join(dir, 'wire-signatures.bin');
    writeFileSync(body, readFileSync(body).subarray(0, 100));
    asked.length = 0;
    expect(keptSignatures(dir, [issue('A', a, asked)]).signatures).toEqual(direct(a));
    expect(asked).toEqual(['A']);
    // the same key with one article fewer is not taken from the file
    asked.length = 0;
    expect(keptSignatures(dir, [issue('A', [paras[0]!], asked)]).signatures).toEqual(direct([paras[0]!]));
    expect(asked).toEqual(['A']);
  });

  it("says where each issue's articles start among all, by its key", () => {
    expect(
      issueRows([
        ['A', 2],
        ['B', 1],
        ['C', 3],
      ]),
    ).toEqual(
      new Map([
        ['A', [0, 2]],
        ['B', [2, 1]],
        ['C', [3, 3]],
      ]),
    );
  });

  it('fails, naming the issue, when an issue gives another number of texts than it has articles', () => {
    expect(() => keptSignatures(folder(), [{ key: 'X', count: 2, texts: () => ['一'] }])).toThrow(
      'issue X: 1 texts for 2 articles',
    );
  });
});
