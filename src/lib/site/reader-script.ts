/**
 * `reader.<hash>.js`: the one script of the reader tools, linked relatively from every page (like
 * the stylesheet) and deferred, so article pages carry no copy of it; its name carries a digest of
 * its content (src/lib/site/asset-names.ts), so hosts may cache it for a year. Each part only
 * enhances what the page already offers without JavaScript:
 * - 字号: keeps the checked radio in localStorage (the <head> line of font-size.ts applies it
 *   before the page is drawn);
 * - 往期: loads the days with issues from the shared days.js, limits the date input to their
 *   range, and goes to the chosen day's page, or the nearest day with issues (nearestIssueDay,
 *   its own source text, so the page and the tests run the same function);
 * - 纠错: the text the reader selected in the article goes into the report's 有误的文字 line.
 * The form of the date picker is shown by the stylesheet once <html> has the `js` class (set in
 * <head>), so it takes its place before the page is drawn.
 */
import { contentHash } from './asset-names.ts';
import { DAYS_GLOBAL, issueDayRange, nearestIssueDay } from './date-picker.ts';
import { FONT_SIZE_KEY } from './font-size.ts';

/** The placeholder of the day in a date picker's link template. */
export const DAY_SLOT = '0000-00-00';

export const READER_JS = `(function () {
  'use strict';
  var root = document.documentElement;

  // 字号
  var now = root.getAttribute('data-font-size') || 'm';
  document.querySelectorAll('.font-size input').forEach(function (input) {
    input.checked = input.value === now;
    input.addEventListener('change', function () {
      root.setAttribute('data-font-size', input.value);
      try {
        localStorage.setItem('${FONT_SIZE_KEY}', input.value);
      } catch (e) {
        /* not kept: private mode or storage off */
      }
    });
  });

  // 往期: the days with issues come from the shared days.js (a script element: works from file://)
  var nearest = ${nearestIssueDay.toString()};
  var range = ${issueDayRange.toString()};
  var forms = document.querySelectorAll('form.date-picker-form');
  var days = null;
  var waiting = [];
  if (forms.length) {
    var loaded = function (ok) {
      days = ok ? String(window.${DAYS_GLOBAL} || '') : '';
      var span = range(days);
      forms.forEach(function (form) {
        var input = form.querySelector('input');
        if (!span) return;
        input.min = span[0];
        input.max = span[1];
        if (!input.value) input.value = span[1];
      });
      waiting.splice(0).forEach(function (go) {
        go();
      });
    };
    var script = document.createElement('script');
    script.src = forms[0].getAttribute('data-days-src');
    script.onload = function () {
      loaded(true);
    };
    script.onerror = function () {
      loaded(false);
    };
    document.head.appendChild(script);
  }
  forms.forEach(function (form) {
    var input = form.querySelector('input');
    var note = form.querySelector('.date-picker-note');
    var go = function () {
      if (!days) {
        // the days could not be loaded: the calendar instead
        var link = form.parentNode.querySelector('.date-picker-link');
        if (link) location.href = link.href;
        return;
      }
      var day = nearest(days, input.value);
      if (!day) {
        note.textContent = '请选择一个日期';
        return;
      }
      if (day !== input.value) note.textContent = '该日未收录报纸，前往最近的出版日 ' + day;
      location.href = form.getAttribute('data-href').replace('${DAY_SLOT}', day);
    };
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (days === null) waiting.push(go);
      else go();
    });
  });

  // 纠错
  var article = document.querySelector('.article');
  var chosen = '';
  document.addEventListener('selectionchange', function () {
    var sel = window.getSelection();
    var text = sel ? String(sel).trim() : '';
    if (text && article && sel.rangeCount && article.contains(sel.getRangeAt(0).commonAncestorContainer)) {
      chosen = text.slice(0, 500);
    }
  });
  document.querySelectorAll('a[data-report]').forEach(function (link) {
    link.addEventListener('click', function () {
      if (!chosen) return;
      var u = new URL(link.href);
      var body = u.searchParams.get('body') || '';
      u.searchParams.set('body', body.replace(/^(有误的文字：).*$/m, function (_, head) {
        return head + chosen;
      }));
      link.href = u.toString();
    });
  });
})();
`;

/** Short content digest of the script: a changed script gets a new name. */
export const READER_JS_HASH = contentHash(READER_JS);

/** The script's file name at the top of the site: `reader.<hash>.js`. */
export const READER_JS_FILE = `reader.${READER_JS_HASH}.js`;
