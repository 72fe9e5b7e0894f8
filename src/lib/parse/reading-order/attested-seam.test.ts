import { describe, expect, it } from 'vitest';
import { attestedAcrossSeam } from './attested-seam.ts';

describe('attestedAcrossSeam', () => {
  const left = '“十不准”是指严禁林区野外用火；不准烧荒；不';
  it('counts the straddling strings the article prints elsewhere', () => {
    // ；不准 is printed once in the left side and once in the right side
    expect(
      attestedAcrossSeam(left, '准小孩进入林区；不准见火不报', [left, '准小孩进入林区；不准见火不报']),
    ).toBe(2);
  });
  it('is zero for a seam that makes a string never printed', () => {
    expect(attestedAcrossSeam(left, '当被大火围困时，应当选择', [left, '当被大火围困时，应当选择'])).toBe(0);
  });
  it('ignores white space on both sides', () => {
    expect(attestedAcrossSeam('；不 ', ' 准许', ['不准烧荒；不 准砍树'])).toBe(1);
  });
});
