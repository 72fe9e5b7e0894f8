/**
 * 字号: the article text sizes readers can choose, the localStorage key that keeps the choice,
 * and the one-line script the page's <head> runs to apply a kept choice before the page is drawn
 * (an attribute on <html>, read by the stylesheet), so the text never jumps from one size to another.
 */

/** The sizes, as offered (value: the `data-font-size` attribute and the radio value). */
export const FONT_SIZES = [
  { value: 's', label: '小' },
  { value: 'm', label: '中' },
  { value: 'l', label: '大' },
] as const;

/** The localStorage key of the reader's choice. */
export const FONT_SIZE_KEY = 'baokan-font-size';

/**
 * The <head> script: mark <html> as scripted (`js`: the stylesheet then shows what reader.js
 * enhances) and set `data-font-size` from localStorage (only a known value).
 */
export const FONT_SIZE_HEAD = `document.documentElement.classList.add('js');try{var f=localStorage.getItem('${FONT_SIZE_KEY}');if(f==='s'||f==='l')document.documentElement.setAttribute('data-font-size',f)}catch(e){}`;
