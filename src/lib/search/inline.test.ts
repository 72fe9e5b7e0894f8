import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { classicScript } from './inline.ts';

const dir = mkdtempSync(join(tmpdir(), 'baokan-inline-'));
const exact = resolve(import.meta.dirname, 'exact.ts');
const project = resolve(import.meta.dirname, '../../..');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Write an entry file into the test folder. */
function entry(name: string, source: string): string {
  writeFileSync(join(dir, name), source);
  return name;
}

describe('classicScript', () => {
  it('bundles an entry and what it imports into one classic script that runs', async () => {
    const name = entry(
      'probe.ts',
      `import { parseQuery } from ${JSON.stringify(exact)};\n` +
        `(globalThis as unknown as { probe: string[] }).probe = parseQuery('“医保” DRG');\n`,
    );
    const script = await classicScript(name, dir);
    expect(script).not.toMatch(/(^|[;}\n])\s*(import|export)\s/);
    const sandbox: { probe?: string[] } = {};
    runInNewContext(script, sandbox);
    expect(sandbox.probe).toEqual(['医保', 'DRG']);
  });
  it('keeps its declarations out of the global scope and Chinese text as written', async () => {
    const script = await classicScript(entry('scope.ts', `const 名 = '衡阳';\nconsole.log(名);\n`), dir);
    expect(script).toContain('衡阳');
    const sandbox: Record<string, unknown> = { console: { log: () => {} } };
    runInNewContext(script, sandbox);
    expect(Object.keys(sandbox)).toEqual(['console']);
  });
  it('names a missing entry', async () => {
    await expect(classicScript('nowhere.ts', dir)).rejects.toThrow(/nowhere\.ts not found/);
  });
  it('never holds </script, which would end the inline script early', async () => {
    const name = entry('end.ts', 'document.write(String.raw`</script>` + "</SCRIPT>");\n');
    expect(await classicScript(name, dir)).not.toMatch(/<\/script/i);
  });
  it.each([
    // 18.5 KB when written; 49 KB as the plain JavaScript it replaced
    ['src/components/search/search-page.ts', 25_000],
    ['src/components/search/highlight.ts', 4_000],
  ])(
    'keeps the browser code of %s small (< %i bytes): nothing of the build side comes along',
    async (file, most) => {
      const script = await classicScript(file, project);
      expect(script).not.toMatch(/node:|require\(|process\.env|\bBuffer\b/);
      expect(Buffer.byteLength(script)).toBeLessThan(most);
    },
  );
});
