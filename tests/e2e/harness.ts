/**
 * The browser tests' tiny harness (run.ts, offline.ts): named checks that print ✓ or ✗ and a
 * summary line, and exit non-zero when any failed.
 */

interface Outcome {
  name: string;
  ok: boolean;
  detail?: string;
}

const outcomes: Outcome[] = [];

class Failure extends Error {}

/** Fail the running test with `message` unless `cond` holds. */
export function check(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Failure(message);
}

/** Run one named test; a thrown error marks it failed and the run goes on. */
export async function test(name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
    outcomes.push({ name, ok: true });
    console.log(`  ✓ ${name}`);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    outcomes.push({ name, ok: false, detail });
    console.log(`  ✗ ${name}\n      ${detail.split('\n').join('\n      ')}`);
  }
}

/** Print `n passed, m failed` and end the process: exit code 1 when any test failed. */
export function finish(): never {
  const passed = outcomes.filter((o) => o.ok).length;
  const failed = outcomes.length - passed;
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
