/**
 * A setting that is on unless it says off: `0`, `false`, `off` or `no` (any case, white space
 * around it ignored); unset or empty is on. The BAOKAN_* switches that turn a default step off
 * (compression, share cards, the kept output folder, the early search index) read it.
 */
export function switchedOn(value: string | undefined): boolean {
  return !/^(?:0|false|off|no)$/i.test((value ?? '').trim());
}
