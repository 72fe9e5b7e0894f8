/**
 * The search page's elements made from plain data (src/lib/search/: result views, filter groups,
 * messages): text with marked pieces, a result line, the filter groups, a status message and the
 * options of a select. Nothing here decides what is shown; it only builds it.
 */
import type { Piece } from '../../lib/search/exact.ts';
import type { FilterGroup } from '../../lib/search/filters.ts';
import { countLabel } from '../../lib/search/labels.ts';
import type { ResultView } from '../../lib/search/result-view.ts';

/** An element with a class and, optionally, its text. */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Append the pieces to `el`, each occurrence of a term in a <mark> (with `markClass`). */
export function appendPieces(el: Node, pieces: readonly Piece[], markClass = ''): void {
  for (const p of pieces)
    el.appendChild(p.hit ? element('mark', markClass, p.text) : document.createTextNode(p.text));
}

/** A result line: headline link, kicker · subtitle, tags, excerpt. */
export function resultItem(view: ResultView): HTMLLIElement {
  const li = element('li', 'search-result');
  const h = element('p', 'search-result-title');
  const a = element('a');
  a.href = view.href;
  appendPieces(a, view.title);
  h.appendChild(a);
  li.appendChild(h);
  if (view.sub) {
    const sub = element('p', 'search-result-sub');
    appendPieces(sub, view.sub);
    li.appendChild(sub);
  }
  const tags = element('p', 'search-result-tags');
  for (const t of view.tags) tags.appendChild(element('span', 'search-result-tag', t));
  li.appendChild(tags);
  const ex = element('p', 'search-result-excerpt');
  appendPieces(ex, view.excerpt);
  li.appendChild(ex);
  return li;
}

/** Whether each filter group shown in `box` is open, by name. */
export function openGroups(box: HTMLElement): Record<string, boolean> {
  const open: Record<string, boolean> = {};
  box.querySelectorAll('details').forEach((d) => {
    open[d.getAttribute('data-name') ?? ''] = d.open;
  });
  return open;
}

/** The filter groups, in place of those in `box`; `onToggle` when a value is (un)checked. */
export function renderFilters(
  box: HTMLElement,
  groups: readonly FilterGroup[],
  onToggle: (name: string, value: string, on: boolean) => void,
): void {
  box.textContent = '';
  for (const g of groups) {
    const details = element('details', 'search-filter');
    details.setAttribute('data-name', g.name);
    details.open = g.open;
    details.appendChild(element('summary', 'search-filter-name', g.name));
    const ul = element('ul');
    for (const v of g.values) {
      const check = element('input', 'search-filter-checkbox');
      check.type = 'checkbox';
      check.name = g.name;
      check.value = v.value;
      check.checked = v.checked;
      check.addEventListener('change', () => onToggle(g.name, v.value, check.checked));
      const label = element('label');
      label.append(check, ` ${v.value} `, element('span', 'search-filter-count', `(${countLabel(v.count)})`));
      const li = element('li');
      li.appendChild(label);
      ul.appendChild(li);
    }
    details.appendChild(ul);
    box.appendChild(details);
  }
}

/** Show a status message of `kind` (offline, missing): parts alternate text and code. */
export function say(status: HTMLElement, kind: string, parts: readonly string[]): void {
  status.hidden = false;
  status.className = `search-status search-status--${kind}`;
  status.textContent = '';
  parts.forEach((part, i) =>
    status.appendChild(i % 2 ? element('code', '', part) : document.createTextNode(part)),
  );
}

/** Add the options ([value, label]) to a select. */
export function addOptions(select: HTMLSelectElement, options: readonly (readonly [string, string])[]): void {
  // built apart and added at once: one change to the page instead of one per month
  const all = document.createDocumentFragment();
  for (const [value, label] of options) {
    const opt = element('option', '', label);
    opt.value = value;
    all.appendChild(opt);
  }
  select.appendChild(all);
}
