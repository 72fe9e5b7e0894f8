/**
 * A setting that is a count (pages, shards, articles): the environment's value when one is given,
 * else `fallback`. Anything but a positive whole number is refused in one line naming the setting.
 */
export function wholeSetting(name: string, raw: string | undefined, fallback: number, unit: string): number {
  const text = raw?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive whole number of ${unit}, got "${raw}"`);
  return value;
}
