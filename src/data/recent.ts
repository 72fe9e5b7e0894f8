/**
 * A one-argument function that remembers its last few answers. Pages are rendered issue by issue,
 * so a handful of entries is enough for the files an issue's pages read, and memory stays flat
 * however large the archive.
 */
export function recent<T>(size: number, load: (key: string) => T): (key: string) => T {
  const kept = new Map<string, T>();
  return (key) => {
    let value = kept.get(key);
    if (value !== undefined) {
      kept.delete(key);
    } else {
      value = load(key);
      if (kept.size >= size) kept.delete(kept.keys().next().value!);
    }
    kept.set(key, value);
    return value;
  };
}
