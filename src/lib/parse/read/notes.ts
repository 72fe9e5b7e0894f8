/** Wording shared by the reader's notes. */
import { BIDI_CONTROLS } from '../../text/characters.ts';

/** `1 line`, `2 lines`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Note on the bidirectional control characters kept in the text, or null when there are none. */
export function bidiNote(text: string): string | null {
  let count = 0;
  let first = -1;
  for (const m of text.matchAll(BIDI_CONTROLS)) {
    if (count++ === 0) first = m.index;
  }
  if (count === 0) return null;
  const code = 'U+' + text.charCodeAt(first).toString(16).toUpperCase().padStart(4, '0');
  const line = text.slice(0, first).split('\n').length;
  return (
    `kept ${plural(count, 'bidirectional control character')} (${count > 1 ? 'first ' : ''}${code} at line ${line}): ` +
    'isolated on the page, left out of page titles'
  );
}
