import { describe, expect, it } from 'vitest';
import { DEFAULT_RENDER_CONCURRENCY, renderConcurrency } from './render-concurrency.ts';

describe('pages rendered at once', () => {
  it('is 8 unless BAOKAN_RENDER_CONCURRENCY says otherwise', () => {
    expect(DEFAULT_RENDER_CONCURRENCY).toBe(8);
    expect(renderConcurrency(undefined)).toBe(8);
    expect(renderConcurrency(' ')).toBe(8);
    expect(renderConcurrency('1')).toBe(1);
    expect(renderConcurrency(' 16 ')).toBe(16);
  });

  it('refuses what is not a positive whole number, naming the setting', () => {
    for (const bad of ['0', '-2', '2.5', 'eight'])
      expect(() => renderConcurrency(bad)).toThrow(
        /^BAOKAN_RENDER_CONCURRENCY must be a positive whole number/,
      );
  });
});
