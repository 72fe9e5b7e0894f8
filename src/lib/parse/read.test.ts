import { describe, it, expect } from 'vitest';
import { Buffer } from 'node:buffer';
import iconv from 'iconv-lite';
import { decodeIssue, InputError } from './read.ts';
import { stripBidi } from '../text/characters.ts';
import { mulberry32 } from '../../../tests/support/prng.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const utf16le = (s: string): Uint8Array => Buffer.from(s, 'utf16le');
const utf16be = (s: string): Uint8Array => Buffer.from(s, 'utf16le').swap16();
const concat = (...parts: ArrayLike<number>[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** Run fn, expect an InputError, return it. */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    if (e instanceof InputError) return e;
  }
  throw new Error('expected an InputError to be thrown');
}

const ISSUE = '衡阳日报\n第一版 要闻\n';

describe('InputError', () => {
  it('formats file, optional line and message', () => {
    const withLine = new InputError('a.txt', 'bad thing', 12);
    expect(withLine.message).toBe('a.txt:12: bad thing');
    expect(withLine.toString()).toBe('a.txt:12: bad thing');
    expect(String(withLine)).toBe('a.txt:12: bad thing');
    expect(withLine.file).toBe('a.txt');
    expect(withLine.line).toBe(12);
    expect(withLine.reason).toBe('bad thing');
    expect(withLine.name).toBe('InputError');
    expect(withLine).toBeInstanceOf(Error);

    const noLine = new InputError('b.txt', 'other');
    expect(noLine.message).toBe('b.txt: other');
    expect(noLine.line).toBeUndefined();
  });
});

describe('decodeIssue: encodings', () => {
  it('plain UTF-8', () => {
    const src = decodeIssue(utf8(ISSUE), 'issue.txt');
    expect(src.file).toBe('issue.txt');
    expect(src.encoding).toBe('utf-8');
    expect(src.bytes).toBe(30);
    expect(src.sha256).toBe('b8911fa49c91cec58f331eea61754004db87b5c7342e528b820064b1aacba74b');
    expect(src.newline).toBe('LF');
    expect(src.text).toBe(ISSUE);
    expect(src.lines).toEqual(['衡阳日报', '第一版 要闻', '']);
    expect(src.notes).toEqual([]);
    expect(src.removedCount).toBe(0);
    expect(src.removedSample).toBe('');
  });

  it('UTF-8 with BOM: BOM removed, a later U+FEFF kept', () => {
    const bytes = concat([0xef, 0xbb, 0xbf], utf8('衡阳日报\n\uFEFF第一版'));
    const src = decodeIssue(bytes, 'bom.txt');
    expect(src.encoding).toBe('utf-8-bom');
    expect(src.bytes).toBe(bytes.length);
    expect(src.text).toBe('衡阳日报\n\uFEFF第一版');
    expect(src.lines).toEqual(['衡阳日报', '\uFEFF第一版']);
    expect(src.newline).toBe('LF');
    expect(src.notes).toEqual([]);
    expect(src.removedCount).toBe(0);
  });

  it('UTF-16LE with BOM, including a supplementary-plane Han character', () => {
    const body = '衡阳日报 𠀀字\r\n第一版 ABC 123\r\n';
    const src = decodeIssue(concat([0xff, 0xfe], utf16le(body)), 'le.txt');
    expect(src.encoding).toBe('utf-16le');
    expect(src.newline).toBe('CRLF');
    expect(src.text).toBe('衡阳日报 𠀀字\n第一版 ABC 123\n');
    expect(src.lines).toEqual(['衡阳日报 𠀀字', '第一版 ABC 123', '']);
    expect(src.notes).toEqual([]);
  });

  it('UTF-16BE with BOM', () => {
    const body = '衡阳日报\n第一版 要闻';
    const bytes = concat([0xfe, 0xff], utf16be(body));
    expect(bytes[2]).toBe(0x88); // 衡 = U+8861, high byte first
    const src = decodeIssue(bytes, 'be.txt');
    expect(src.encoding).toBe('utf-16be');
    expect(src.text).toBe(body);
    expect(src.lines).toEqual(['衡阳日报', '第一版 要闻']);
    expect(src.notes).toEqual([]);
  });

  it('UTF-16 with an odd trailing byte: U+FFFD with a note', () => {
    const bytes = concat([0xff, 0xfe], utf16le('衡阳日报\n第一版要闻社论评论'), [0x41]);
    const src = decodeIssue(bytes, 'odd.txt');
    expect(src.encoding).toBe('utf-16le');
    expect(src.text).toBe('衡阳日报\n第一版要闻社论评论\uFFFD');
    expect(src.notes).toEqual(['replaced 1 undecodable byte sequence with U+FFFD (first at line 2)']);
  });

  it('UTF-16LE and UTF-16BE without BOM are guessed from the NUL pattern', () => {
    const body = '衡阳日报 2024年1月5日\n第一版 要闻 ABC\n'.repeat(5);
    const le = decodeIssue(utf16le(body), 'nobom-le.txt');
    expect(le.encoding).toBe('utf-16le');
    expect(le.text).toBe(body);
    expect(le.notes).toEqual(['decoded as UTF-16LE (no byte order mark; guessed from the NUL byte pattern)']);
    const be = decodeIssue(utf16be(body), 'nobom-be.txt');
    expect(be.encoding).toBe('utf-16be');
    expect(be.text).toBe(body);
    expect(be.notes).toEqual(['decoded as UTF-16BE (no byte order mark; guessed from the NUL byte pattern)']);
  });

  it('GB18030', () => {
    const body = '中文报纸内容……\r\n第二版：经济新闻（记者 王明）ABC 123\r\n㐀龥€\r\n';
    const bytes = iconv.encode(body, 'gb18030');
    const src = decodeIssue(bytes, 'gb.txt');
    expect(src.encoding).toBe('gb18030');
    expect(src.bytes).toBe(bytes.length);
    expect(src.text).toBe('中文报纸内容……\n第二版：经济新闻（记者 王明）ABC 123\n㐀龥€\n');
    expect(src.lines).toHaveLength(4);
    expect(src.newline).toBe('CRLF');
    expect(src.notes).toEqual(['decoded as GB18030']);
  });

  it('GB18030 that is mostly ASCII is still GB18030', () => {
    const body = `${'Page 1 of the issue, section A. '.repeat(40)}\n衡阳日报\n${'more ascii text '.repeat(40)}\n`;
    const src = decodeIssue(iconv.encode(body, 'gb18030'), 'gb-ascii.txt');
    expect(src.encoding).toBe('gb18030');
    expect(src.text).toBe(body);
  });

  it('GB18030 with its own 4-byte BOM', () => {
    const bytes = concat([0x84, 0x31, 0x95, 0x33], iconv.encode('衡阳日报\n第一版', 'gb18030'));
    const src = decodeIssue(bytes, 'gbbom.txt');
    expect(src.encoding).toBe('gb18030');
    expect(src.text).toBe('衡阳日报\n第一版');
    expect(src.notes).toEqual(['decoded as GB18030', 'removed GB18030 byte order mark']);
  });

  it('UTF-8 with one broken byte stays UTF-8 (not mojibake GB18030)', () => {
    const para = '本报讯（记者 许珂）3月5日，学雷锋文明实践主题志愿服务活动拉开帷幕。\n';
    const bytes = concat(utf8(para.repeat(3)), [0xff], utf8(para.repeat(3)));
    const src = decodeIssue(bytes, 'broken.txt');
    expect(src.encoding).toBe('utf-8');
    expect(src.text).toBe(`${para.repeat(3)}\uFFFD${para.repeat(3)}`);
    expect(src.notes).toEqual(['replaced 1 undecodable byte sequence with U+FFFD (first at line 4)']);
  });
  it('valid UTF-8 that already contains U+FFFD gets a different note', () => {
    const src = decodeIssue(utf8('衡阳日报第一版\n要闻\uFFFD社论评论\n'), 'fffd.txt');
    expect(src.encoding).toBe('utf-8');
    expect(src.text).toBe('衡阳日报第一版\n要闻\uFFFD社论评论\n');
    expect(src.notes).toEqual(['text contains 1 U+FFFD replacement character (first at line 2)']);
  });
});

describe('decodeIssue: newlines', () => {
  it('CRLF', () => {
    const src = decodeIssue(utf8('衡阳日报\r\n第一版\r\n\r\n要闻'), 'crlf.txt');
    expect(src.newline).toBe('CRLF');
    expect(src.text).toBe('衡阳日报\n第一版\n\n要闻');
    expect(src.lines).toEqual(['衡阳日报', '第一版', '', '要闻']);
    expect(src.notes).toEqual([]);
  });

  it('lone CR', () => {
    const src = decodeIssue(utf8('衡阳日报\r第一版\r\r要闻'), 'cr.txt');
    expect(src.newline).toBe('CR');
    expect(src.text).toBe('衡阳日报\n第一版\n\n要闻');
    expect(src.lines).toEqual(['衡阳日报', '第一版', '', '要闻']);
    expect(src.notes).toEqual(['converted 3 CR line ends to LF (first at line 1)']);
  });

  it('mixed newlines name the first line that differs', () => {
    const src = decodeIssue(utf8('衡阳日报\r\n第一版\r\n要闻\n社论\r评论\n'), 'mixed.txt');
    expect(src.newline).toBe('mixed');
    expect(src.text).toBe('衡阳日报\n第一版\n要闻\n社论\n评论\n');
    expect(src.lines).toHaveLength(6);
    expect(src.notes).toEqual([
      'mixed line ends (2 CRLF, 2 LF, 1 CR) normalised to LF (first differing from CRLF at line 3)',
    ]);
  });

  it('CR CR LF counts as two line ends', () => {
    const src = decodeIssue(utf8('衡阳\r\r\n日报'), 'crcrlf.txt');
    expect(src.newline).toBe('mixed');
    expect(src.lines).toEqual(['衡阳', '', '日报']);
  });

  it('no newline at all', () => {
    const src = decodeIssue(utf8('衡阳日报'), 'one.txt');
    expect(src.newline).toBe('none');
    expect(src.lines).toEqual(['衡阳日报']);
  });
});

describe('decodeIssue: control characters', () => {
  it('removes NUL, C0, DEL and C1 controls, counts them exactly, keeps tab and U+3000', () => {
    const pad = '衡阳日报'.repeat(20);
    const input = `${pad}\n第二\u0000行\u0007\n\u001b[0m第三行\u0085\u007f\t\u3000end\u000c\n\u00a0第四行\u009f`;
    const src = decodeIssue(utf8(input), 'ctl.txt');
    expect(src.text).toBe(`${pad}\n第二行\n[0m第三行\t\u3000end\n\u00a0第四行`);
    expect(src.removedCount).toBe(7);
    expect(src.removedSample).toBe('\\u0000\\u0007\\u001B\\u0085\\u007F\\u000C\\u009F');
    expect(src.notes).toEqual(['removed 7 control characters (first at line 2)']);
    expect(src.lines).toHaveLength(4);
    // nothing but the removed controls is lost
    expect(src.text.length).toBe(input.length - src.removedCount);
  });

  it('caps removedSample at 20 characters but counts them all', () => {
    const line = '衡阳日报第一版要闻社论评论'.repeat(10);
    const lines = Array.from({ length: 30 }, (_, i) => (i >= 4 ? `${line}\u0001` : line));
    const src = decodeIssue(utf8(lines.join('\n')), 'many.txt');
    expect(src.removedCount).toBe(26);
    expect(src.removedSample).toBe('\\u0001'.repeat(20));
    expect(src.notes).toEqual(['removed 26 control characters (first at line 5)']);
    expect(src.text).toBe(Array.from({ length: 30 }, () => line).join('\n'));
  });
});

describe('decodeIssue: unusable input', () => {
  it.each([
    ['an empty file', new Uint8Array(0), 'empty.txt: empty file'],
    ['a whitespace-only file', utf8(' \r\n\t\u3000\n\u00a0  \n'), 'blank.txt: empty file'],
    ['a BOM-only file', new Uint8Array([0xef, 0xbb, 0xbf]), 'bomonly.txt: empty file'],
    ['an ASCII-only file', utf8('Hengyang Daily\nPage 1\n'), 'ascii.txt: no Chinese text found'],
  ])('%s is refused in one line naming it', (_what, bytes, message) => {
    const file = message.slice(0, message.indexOf(':'));
    const e = inputError(() => decodeIssue(bytes, file));
    expect(e.message).toBe(message);
    expect(e.file).toBe(file);
    expect(e.line).toBeUndefined();
  });

  it('random bytes are binary junk', () => {
    const rnd = mulberry32(20240105);
    const bytes = new Uint8Array(8192);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rnd() * 256);
    const e = inputError(() => decodeIssue(bytes, 'junk.bin'));
    const m = /^junk\.bin: not text: looks like binary data \((\d+)% unreadable bytes\)$/.exec(e.message);
    expect(m).not.toBeNull();
    expect(Number(m?.[1])).toBeGreaterThan(10);
    expect(Number(m?.[1])).toBeLessThanOrEqual(100);
  });

  it('NUL-heavy file that is not UTF-16 is binary junk', () => {
    const parts: ArrayLike<number>[] = [];
    for (let i = 0; i < 50; i++) parts.push(utf8('衡阳日报'), [0, 0, 0, 0, 0, 0]);
    const e = inputError(() => decodeIssue(concat(...parts), 'nul.bin'));
    // 300 NUL of 500 characters
    expect(e.message).toBe('nul.bin: not text: looks like binary data (60% unreadable bytes)');
  });
});

describe('decodeIssue: large input', () => {
  it('decodes a 10 MB CRLF file with exact line count', () => {
    const lines: string[] = [];
    let bytes = 0;
    const target = 10 * 1024 * 1024;
    for (let i = 0; bytes < target; i++) {
      const line =
        i % 1000 === 999
          ? `第${i}行\u0000控制符`
          : `第${i}版 衡阳日报新闻：市委召开会议，部署2024年工作。ABC-${i}`;
      lines.push(line);
      bytes += utf8(line).length + 2;
    }
    const input = utf8(lines.join('\r\n') + '\r\n');
    expect(input.length).toBeGreaterThanOrEqual(target);
    const src = decodeIssue(input, 'big.txt');
    expect(src.bytes).toBe(input.length);
    expect(src.encoding).toBe('utf-8');
    expect(src.newline).toBe('CRLF');
    expect(src.lines).toHaveLength(lines.length + 1);
    expect(src.lines[0]).toBe(lines[0]);
    expect(src.lines[lines.length - 1]).toBe(lines[lines.length - 1]?.replace('\u0000', ''));
    expect(src.lines[lines.length]).toBe('');
    expect(src.removedCount).toBe(Math.floor(lines.length / 1000));
    expect(src.notes).toEqual([`removed ${src.removedCount} control characters (first at line 1000)`]);
  });
});

describe('decodeIssue: mixed encodings', () => {
  const utf8Part = [
    '衡阳日报',
    '第一版 要闻',
    '本报讯（记者 许珂）3月5日，学雷锋文明实践主题志愿服务活动拉开帷幕。',
  ];
  const gbPart = [
    '第二版 经济',
    '市委召开会议，部署2024年工作。',
    '（一）',
    '全市上下凝心聚力推动高质量发展。',
  ];

  it('decodes UTF-8 lines as UTF-8 and GB18030 lines as GB18030, and says which', () => {
    const bytes = concat(utf8(utf8Part.join('\n') + '\n'), iconv.encode(gbPart.join('\n') + '\n', 'gb18030'));
    const src = decodeIssue(bytes, 'mixed.txt');
    expect(src.encoding).toBe('utf-8+gb18030');
    expect(src.text).toBe([...utf8Part, ...gbPart, ''].join('\n'));
    expect(src.notes).toEqual(['mixed encodings: decoded lines 1–3 as UTF-8 and lines 4–7 as GB18030']);
    const bom = decodeIssue(concat([0xef, 0xbb, 0xbf], bytes), 'mixed-bom.txt');
    expect(bom.text).toBe(src.text);
    expect(bom.notes).toEqual(src.notes);
  });

  it('keeps CRLF line ends and ASCII lines, and lists each run', () => {
    const body = concat(
      iconv.encode('第一版 要闻\r\nPage 1\r\n', 'gb18030'),
      utf8('本报讯 学雷锋志愿服务活动拉开帷幕\r\n'),
      iconv.encode('市委召开会议部署工作\r\n', 'gb18030'),
    );
    const src = decodeIssue(body, 'runs.txt');
    expect(src.text).toBe('第一版 要闻\nPage 1\n本报讯 学雷锋志愿服务活动拉开帷幕\n市委召开会议部署工作\n');
    expect(src.newline).toBe('CRLF');
    expect(src.notes).toEqual([
      'mixed encodings: decoded lines 1–2 as GB18030, line 3 as UTF-8 and line 4 as GB18030',
    ]);
  });

  it('sums up many alternating runs', () => {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < 8; i++)
      parts.push(utf8('学雷锋志愿服务活动\n'), iconv.encode('市委召开会议部署工作\n', 'gb18030'));
    const src = decodeIssue(concat(...parts), 'alt.txt');
    expect(src.text).toBe('学雷锋志愿服务活动\n市委召开会议部署工作\n'.repeat(8));
    expect(src.notes).toEqual([
      'mixed encodings: decoded 8 lines as UTF-8 and 8 as GB18030 in 16 alternating runs (first change at line 2)',
    ]);
  });

  it('a file in one encoding is not mixed', () => {
    const gb = decodeIssue(iconv.encode(gbPart.join('\n'), 'gb18030'), 'gb.txt');
    expect(gb.encoding).toBe('gb18030');
    expect(gb.notes).toEqual(['decoded as GB18030']);
    const u = decodeIssue(utf8(utf8Part.join('\n')), 'u.txt');
    expect(u.encoding).toBe('utf-8');
    expect(u.notes).toEqual([]);
  });
});

describe('decodeIssue: bidirectional controls', () => {
  it('keeps them in the text and says where the first is', () => {
    const src = decodeIssue(utf8('衡阳日报\n第一版\n要闻\u202E反转\u202C文字\n'), 'bidi.txt');
    expect(src.text).toBe('衡阳日报\n第一版\n要闻\u202E反转\u202C文字\n');
    expect(src.notes).toEqual([
      'kept 2 bidirectional control characters (first U+202E at line 3): isolated on the page, left out of page titles',
    ]);
    expect(decodeIssue(utf8('衡阳日报\u200F\n'), 'one.txt').notes).toEqual([
      'kept 1 bidirectional control character (U+200F at line 1): isolated on the page, left out of page titles',
    ]);
  });
});

describe('stripBidi', () => {
  it('removes every bidirectional control and nothing else', () => {
    const controls = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C';
    expect(stripBidi(`衡阳${controls}日报 \u200B\u200D\u2029\u202E`)).toBe('衡阳日报 \u200B\u200D\u2029');
    expect(stripBidi('第一版（要闻）')).toBe('第一版（要闻）');
    expect(stripBidi(controls + controls)).toBe('');
  });
});
