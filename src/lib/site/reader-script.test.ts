import { describe, expect, it } from 'vitest';
import { nearestIssueDay } from './date-picker.ts';
import { createHash } from 'node:crypto';
import { DAY_SLOT, READER_JS, READER_JS_FILE } from './reader-script.ts';

describe('reader.js', () => {
  it('is one script that parses, with the date picker’s own function in it', () => {
    expect(() => new Function(READER_JS)).not.toThrow();
    expect(READER_JS).toContain(nearestIssueDay.toString());
    expect(READER_JS).toContain(`.replace('${DAY_SLOT}', day)`);
  });

  it('runs on a page without any of the tools', () => {
    const none = { forEach: () => undefined };
    const document = {
      documentElement: { getAttribute: () => null },
      querySelectorAll: () => none,
      querySelector: () => null,
      addEventListener: () => undefined,
    };
    expect(() =>
      new Function('document', 'window', 'localStorage', READER_JS)(document, {}, {}),
    ).not.toThrow();
  });

  it('is named by its content', () => {
    const digest = createHash('sha256').update(READER_JS).digest('hex');
    expect(READER_JS_FILE).toBe(`reader.${digest.slice(0, 10)}.js`);
  });
});
