import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface PackageJson {
  engines?: { node?: string };
}

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as PackageJson;

describe('package.json', () => {
  it('requires Node >= 22 in engines.node', () => {
    const range = pkg.engines?.node ?? '';
    const match = /^>=\s*(\d+)/.exec(range);
    expect(match, `engines.node is "${range}"`).not.toBeNull();
    expect(Number(match?.[1])).toBeGreaterThanOrEqual(22);
  });

  it('runs the tests on Node >= 22.12', () => {
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    expect(major > 22 || (major === 22 && minor >= 12)).toBe(true);
  });
});
