// Search page client (inlined into search/index.html as a classic script, so it also runs from
// file://). Reads the list of search shards (pagefind/shards.json, newest first), loads Pagefind
// UI from the built bundles with relative paths — the newest shard, or the shards of the range
// the reader chose, merged with mergeIndex — keeps the query in the URL (?q=, ?sort=, ?scope=,
// ?f=), and explains plainly when search cannot work (file://, no index).
// Plain JavaScript on purpose: no build step, no module loading.
(function () {
  'use strict';
  const app = document.getElementById('search-app');
  if (!app) return;
  const root = app.getAttribute('data-bundle') || '../pagefind/';
  const status = document.getElementById('search-status');
  const sortSelect = /** @type {HTMLSelectElement | null} */ (document.getElementById('search-sort'));
  const scopeSelect = /** @type {HTMLSelectElement | null} */ (document.getElementById('search-scope'));
  const scopeNote = document.getElementById('search-scope-note');
  const params = new URLSearchParams(location.search);
  const query = (params.get('q') || '').trim();
  let sortKey = params.get('sort') || '';
  let scopeKey = params.get('scope') || '';

  /**
   * Show a plain message; `parts` alternate text and code (text, code, text, …).
   * @param {string} kind
   * @param {string[]} parts
   */
  function say(kind, parts) {
    if (!status) return;
    status.hidden = false;
    status.className = 'search-status search-status--' + kind;
    status.textContent = '';
    parts.forEach(function (part, i) {
      if (i % 2 === 0) {
        status.appendChild(document.createTextNode(part));
      } else {
        const c = document.createElement('code');
        c.textContent = part;
        status.appendChild(c);
      }
    });
  }

  if (location.protocol === 'file:') {
    app.setAttribute('data-state', 'offline');
    say('offline', [
      '从本地文件（file://）打开时无法搜索：浏览器不允许网页读取搜索索引。阅读和浏览不受影响。要搜索，请用一个静态网页服务器打开站点，例如在项目目录运行 ',
      'npx serve dist',
      '（或在站点文件夹里运行 ',
      'npx serve',
      '），再用浏览器打开它给出的地址（如 http://localhost:3000/search/）。',
    ]);
    return;
  }

  const zh = {
    placeholder: '检索人名、地名、词语……',
    clear_search: '清除',
    load_more: '显示更多结果',
    search_label: '检索全文',
    filters_label: '筛选',
    zero_results: '没有找到含“[SEARCH_TERM]”的文章',
    many_results: '找到 [COUNT] 篇含“[SEARCH_TERM]”的文章',
    one_result: '找到 [COUNT] 篇含“[SEARCH_TERM]”的文章',
    alt_search: '没有找到含“[SEARCH_TERM]”的文章，改为显示“[DIFFERENT_TERM]”的结果',
    search_suggestion: '没有找到含“[SEARCH_TERM]”的文章。可以试试更短的词。',
    searching: '正在搜索“[SEARCH_TERM]”……',
    results_label: '搜索结果',
    error_search: '搜索出错',
    filter_selected_one: '已选 [COUNT] 项',
    filter_selected_many: '已选 [COUNT] 项',
    input_hint: '输入时即显示结果',
    loading: '加载中',
  };

  /** @param {string} iso */
  function chineseDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? m[1] + '年' + Number(m[2]) + '月' + Number(m[3]) + '日' : iso;
  }

  /**
   * Link to the article with the whole query to highlight (Pagefind would pass the pieces its
   * segmenter made, and mark every lone character of a query like 康衡阳贡 all over the article).
   * @param {string} url
   */
  function highlightUrl(url) {
    const u = new URL(url, location.href);
    u.searchParams.delete('highlight');
    currentTerm()
      .split(/\s+/)
      .filter(Boolean)
      .forEach(function (t) {
        u.searchParams.append('highlight', t);
      });
    return u.pathname + u.search + u.hash;
  }

  /** Result line: headline as title, then paper, date and page as tags; internal keys dropped. */
  /** @param {{ url: string, meta: Record<string, string> }} result */
  function processResult(result) {
    result.url = highlightUrl(result.url);
    const m = result.meta || {};
    /** @type {Record<string, string>} */
    const shown = { title: m.title || '' };
    if (m.paper) shown['报纸'] = m.paper;
    if (m.date) shown['日期'] = chineseDate(m.date);
    if (m.page) shown['版面'] = m.page;
    result.meta = shown;
    return result;
  }

  /** @returns {Record<string, string> | null} */
  function sortOption() {
    if (sortKey === 'date-desc') return { date: 'desc' };
    if (sortKey === 'date-asc') return { date: 'asc' };
    return null;
  }

  /** Filters from the URL: repeated `f=name:value`. */
  function filtersFromUrl() {
    /** @type {Record<string, string[]>} */
    const out = {};
    params.getAll('f').forEach(function (f) {
      const at = f.indexOf(':');
      if (at > 0) (out[f.slice(0, at)] = out[f.slice(0, at)] || []).push(f.slice(at + 1));
    });
    return out;
  }

  /** Selected filters, read back from the filter checkboxes. */
  function selectedFilters() {
    /** @type {Record<string, string[]>} */
    const out = {};
    const boxes = app.querySelectorAll('.pagefind-ui__filter-checkbox:checked');
    for (let i = 0; i < boxes.length; i++) {
      const box = /** @type {HTMLInputElement} */ (boxes[i]);
      (out[box.name] = out[box.name] || []).push(box.value);
    }
    return out;
  }

  function currentInput() {
    return /** @type {HTMLInputElement | null} */ (app.querySelector('.pagefind-ui__search-input'));
  }

  function currentTerm() {
    const input = currentInput();
    return input ? input.value.trim() : query;
  }

  /** Keep the search in the address bar (q, sort, filters), so it can be shared or reloaded. */
  function writeUrl() {
    const term = currentTerm();
    const p = new URLSearchParams();
    if (term) p.set('q', term);
    if (sortKey) p.set('sort', sortKey);
    if (scopeKey) p.set('scope', scopeKey);
    const filters = selectedFilters();
    Object.keys(filters).forEach(function (name) {
      filters[name].forEach(function (value) {
        p.append('f', name + ':' + value);
      });
    });
    const s = p.toString();
    history.replaceState(history.state, '', location.pathname + (s ? '?' + s : '') + location.hash);
    document.title = (term ? '“' + term + '”的搜索结果 · ' : '') + app.getAttribute('data-title');
  }

  /**
   * @typedef {{ id: string, label: string, articles: number, years: string[] }} Shard
   */

  /**
   * The shards a range covers: `recent` the newest, a year those that touch it, `all` every one.
   * @param {Shard[]} shards
   * @param {string} scope
   * @returns {Shard[]}
   */
  function shardsIn(shards, scope) {
    if (scope === 'all') return shards;
    if (/^\d{4}$/.test(scope)) {
      const hit = shards.filter(function (s) {
        return s.years.indexOf(scope) >= 0;
      });
      if (hit.length) return hit;
    }
    return shards.slice(0, 1);
  }

  /** @param {number} n */
  function count(n) {
    return n.toLocaleString('zh-CN');
  }

  /**
   * The range select: the newest shard, each year, everything (only when there is more than one
   * shard), and a line saying what the search covers.
   * @param {Shard[]} shards
   * @param {Shard[]} chosen
   */
  function showScope(shards, chosen) {
    const total = shards.reduce(function (n, s) {
      return n + s.articles;
    }, 0);
    const inScope = chosen.reduce(function (n, s) {
      return n + s.articles;
    }, 0);
    if (scopeSelect && shards.length > 1) {
      /** @type {[string, string][]} */
      const options = [['recent', '最近：' + shards[0].label]];
      /** @type {string[]} */
      const years = [];
      shards.forEach(function (s) {
        s.years.forEach(function (y) {
          if (years.indexOf(y) < 0) years.push(y);
        });
      });
      years.forEach(function (y) {
        options.push([y, y + '年']);
      });
      options.push(['all', '全部年份']);
      options.forEach(function (o) {
        const opt = document.createElement('option');
        opt.value = o[0];
        opt.textContent = o[1];
        scopeSelect.appendChild(opt);
      });
      scopeSelect.value = scopeKey && options.some((o) => o[0] === scopeKey) ? scopeKey : 'recent';
      scopeSelect.disabled = false;
      const wrap = scopeSelect.closest('label');
      if (wrap) wrap.hidden = false;
      scopeSelect.addEventListener('change', function () {
        scopeKey = scopeSelect.value === 'recent' ? '' : scopeSelect.value;
        writeUrl();
        location.reload();
      });
    }
    if (scopeNote && shards.length > 1) {
      scopeNote.hidden = false;
      scopeNote.textContent =
        chosen.length === shards.length
          ? '检索全部 ' + count(total) + ' 篇文章。'
          : '检索范围：' +
            (scopeKey && /^\d{4}$/.test(scopeKey) ? scopeKey + '年' : chosen[0].label) +
            '，' +
            count(inScope) +
            ' 篇（全部 ' +
            count(total) +
            ' 篇）。要检索更早的文章，请在“范围”中选择年份或“全部年份”。';
    }
  }

  /** @param {Shard[]} shards */
  function start(shards) {
    const PagefindUI = /** @type {any} */ (window).PagefindUI;
    const chosen = shardsIn(shards, scopeKey);
    showScope(shards, chosen);
    // Absolute paths: Pagefind UI would read a relative one against its own script's folder.
    const bundle = function (/** @type {Shard} */ s) {
      return new URL(root + s.id + '/', location.href).pathname;
    };
    const ui = new PagefindUI({
      element: '#search-ui',
      bundlePath: bundle(chosen[0]),
      mergeIndex: chosen.slice(1).map(function (s) {
        return { bundlePath: bundle(s) };
      }),
      pageSize: 10,
      excerptLength: 36,
      showImages: false,
      showSubResults: false,
      showEmptyFilters: false,
      openFilters: ['报纸', '年份'],
      highlightParam: 'highlight',
      translations: zh,
      sort: sortOption(),
      processResult: processResult,
      autofocus: !query,
    });
    const input = currentInput();
    if (input) {
      // Tie the page's visible label to Pagefind's input (it only has a placeholder of its own).
      input.id = 'search-q';
      input.addEventListener('input', writeUrl);
    }
    app.addEventListener('change', function (e) {
      const t = /** @type {HTMLElement} */ (e.target);
      if (t && t.classList && t.classList.contains('pagefind-ui__filter-checkbox')) setTimeout(writeUrl, 0);
    });
    const filters = filtersFromUrl();
    // A year's range shows that year only (its shards may reach into the next or last year).
    if (/^\d{4}$/.test(scopeKey) && !filters['年份']) filters['年份'] = [scopeKey + '年'];
    if (Object.keys(filters).length) ui.triggerFilters(filters);
    if (query) ui.triggerSearch(query);
    app.setAttribute('data-state', 'ready');
  }

  // Pagefind UI takes its sort order once, at start: a new order reloads the page with it.
  if (sortSelect) {
    sortSelect.value = sortKey;
    sortSelect.disabled = false;
    sortSelect.addEventListener('change', function () {
      if (!sortSelect) return;
      sortKey = sortSelect.value;
      writeUrl();
      location.reload();
    });
  }

  function missing() {
    app.setAttribute('data-state', 'missing');
    say('missing', [
      '搜索索引没有找到（站点的 pagefind 文件夹缺失或不完整）。请运行 ',
      'npm run build',
      ' 重新生成站点和索引。',
    ]);
  }

  fetch(root + 'shards.json')
    .then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    })
    .then(function (/** @type {{ shards: Shard[] }} */ manifest) {
      const shards = manifest.shards;
      if (!shards.length) {
        app.setAttribute('data-state', 'empty');
        say('missing', ['本数字版还没有可检索的文章。']);
        return;
      }
      // Pagefind UI's script and styles, kept once above the shards.
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = root + 'pagefind-ui.css';
      document.head.appendChild(css);
      const script = document.createElement('script');
      script.src = root + 'pagefind-ui.js';
      script.onload = function () {
        start(shards);
      };
      script.onerror = missing;
      document.head.appendChild(script);
    })
    .catch(missing);
})();
