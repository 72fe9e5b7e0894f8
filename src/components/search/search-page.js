// Search page client (inlined into search/index.html as a classic script, so it also runs from
// file://). Plain JavaScript on purpose: no build step.
//
// The index is split into shards of consecutive months (pagefind/shards.json, newest first; see
// src/lib/search/shards.ts). Each shard is a Pagefind bundle with its own search code; this page
// loads a shard's `pagefind.js` only when the chosen range needs it (the newest one by default),
// searches every loaded shard of the range, and merges the answers into one list:
//   - by relevance: all results ordered by Pagefind's score (as Pagefind's own mergeIndex does);
//   - by date: each shard's results in date order, the shards in date order (they hold disjoint
//     months), which Pagefind's mergeIndex cannot do (it orders merged results by score only).
// Filter counts are summed over the shards. The query, range, sort and filters live in the URL
// (?q=, ?scope=, ?sort=, ?f=name:value), so a search can be shared; from file:// the page says
// why search cannot work.
(function () {
  'use strict';
  const app = document.getElementById('search-app');
  if (!app) return;
  const root = app.getAttribute('data-bundle') || '../pagefind/';
  const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));
  const form = /** @type {HTMLFormElement} */ ($('search-form'));
  const input = /** @type {HTMLInputElement} */ ($('search-q'));
  const sortSelect = /** @type {HTMLSelectElement} */ ($('search-sort'));
  const scopeSelect = /** @type {HTMLSelectElement} */ ($('search-scope'));
  const scopeNote = $('search-scope-note');
  const status = $('search-status');
  const message = $('search-message');
  const list = $('search-list');
  const more = /** @type {HTMLButtonElement} */ ($('search-more'));
  const filtersBox = $('search-filters');
  const PAGE = 10;
  const FILTER_ORDER = ['报纸', '年份', '月份', '专题', '版面', '体裁'];
  // On a wide screen the first filter groups start open; on a phone all start closed, so that
  // the results are not pushed below the fold.
  const OPEN_FILTERS = window.matchMedia('(min-width: 48em)').matches ? ['报纸', '年份'] : [];

  const params = new URLSearchParams(location.search);
  const state = {
    q: (params.get('q') || '').trim(),
    sort: params.get('sort') || '',
    scope: params.get('scope') || '',
    /** @type {Record<string, string[]>} */
    filters: {},
  };
  params.getAll('f').forEach(function (f) {
    const at = f.indexOf(':');
    if (at > 0) (state.filters[f.slice(0, at)] = state.filters[f.slice(0, at)] || []).push(f.slice(at + 1));
  });

  /**
   * Show a plain message; `parts` alternate text and code (text, code, text, …).
   * @param {string} kind
   * @param {string[]} parts
   */
  function say(kind, parts) {
    status.hidden = false;
    status.className = 'search-status search-status--' + kind;
    status.textContent = '';
    parts.forEach(function (part, i) {
      if (i % 2 === 0) status.appendChild(document.createTextNode(part));
      else {
        const c = document.createElement('code');
        c.textContent = part;
        status.appendChild(c);
      }
    });
  }

  input.value = state.q;
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

  /** @param {string} iso */
  function chineseDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    return m ? m[1] + '年' + Number(m[2]) + '月' + Number(m[3]) + '日' : '';
  }

  /** @param {number} n */
  function count(n) {
    return n.toLocaleString('zh-CN');
  }

  /**
   * Link to the article with the whole query to highlight (Pagefind would pass the pieces its
   * segmenter made, and mark every lone character of a query like 康衡阳贡 all over the article).
   * @param {string} url
   */
  function highlightUrl(url) {
    const u = new URL(url, location.href);
    u.searchParams.delete('highlight');
    state.q
      .split(/\s+/)
      .filter(Boolean)
      .forEach(function (t) {
        u.searchParams.append('highlight', t);
      });
    return u.pathname + u.search + u.hash;
  }

  /** Keep the search in the address bar, so it can be shared or reloaded. */
  function writeUrl() {
    const p = new URLSearchParams();
    if (state.q) p.set('q', state.q);
    if (state.scope) p.set('scope', state.scope);
    if (state.sort) p.set('sort', state.sort);
    Object.keys(state.filters).forEach(function (name) {
      state.filters[name].forEach(function (value) {
        p.append('f', name + ':' + value);
      });
    });
    const s = p.toString();
    history.replaceState(history.state, '', location.pathname + (s ? '?' + s : '') + location.hash);
    document.title = (state.q ? '“' + state.q + '”的搜索结果 · ' : '') + app.getAttribute('data-title');
  }

  // ------------------------------------------------------------------ shards

  /** @typedef {{ id: string, label: string, articles: number, years: string[] }} Shard */
  /** @type {Shard[]} */
  let shards = [];
  /** @type {Map<string, Promise<any>>} */
  const engines = new Map();

  /**
   * The shard's Pagefind search code, loaded once. Each bundle's pagefind.js is a module of its
   * own (its own URL), with its index below it.
   * @param {Shard} s
   */
  function engine(s) {
    let e = engines.get(s.id);
    if (!e) {
      const url = new URL(root + s.id + '/pagefind.js', location.href).href;
      e = import(url).then(function (pf) {
        return pf.options({ excerptLength: 36 }).then(function () {
          // filters() loads the filter lists; without it searches return no filter counts.
          return pf
            .init()
            .then(function () {
              return pf.filters();
            })
            .then(function () {
              return pf;
            });
        });
      });
      engines.set(s.id, e);
    }
    return e;
  }

  /** The shards a range covers: `all` every one, a year those that touch it, else the newest. */
  function inScope() {
    if (state.scope === 'all') return shards;
    if (/^\d{4}$/.test(state.scope)) {
      const hit = shards.filter(function (s) {
        return s.years.indexOf(state.scope) >= 0;
      });
      if (hit.length) return hit;
    }
    return shards.slice(0, 1);
  }

  function setUpScope() {
    if (shards.length < 2) return;
    /** @type {[string, string][]} */
    const options = [['', '最近：' + shards[0].label]];
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
    if (
      !options.some(function (o) {
        return o[0] === state.scope;
      })
    )
      state.scope = '';
    scopeSelect.value = state.scope;
    if (/^\d{4}$/.test(state.scope) && !state.filters['年份']) state.filters['年份'] = [state.scope + '年'];
    scopeSelect.disabled = false;
    const wrap = scopeSelect.closest('label');
    if (wrap) wrap.hidden = false;
    scopeSelect.addEventListener('change', function () {
      state.scope = scopeSelect.value;
      // A year's range shows that year only (its shards may reach into the next or last year).
      if (/^\d{4}$/.test(state.scope)) state.filters['年份'] = [state.scope + '年'];
      else delete state.filters['年份'];
      run();
    });
  }

  function showScope() {
    if (shards.length < 2) return;
    const chosen = inScope();
    const total = shards.reduce(function (n, s) {
      return n + s.articles;
    }, 0);
    const within = chosen.reduce(function (n, s) {
      return n + s.articles;
    }, 0);
    scopeNote.hidden = false;
    scopeNote.textContent =
      chosen.length === shards.length
        ? '检索全部年份的 ' + count(total) + ' 篇文章。'
        : '检索范围：' +
          (/^\d{4}$/.test(state.scope) ? state.scope + '年' : chosen[0].label) +
          '，' +
          count(within) +
          ' 篇（全部 ' +
          count(total) +
          ' 篇）。要检索更早的文章，请在“范围”中选年份或“全部年份”。';
  }

  // ------------------------------------------------------------------ searching

  /** @type {{ result: any, shard: number }[]} */
  let results = [];
  let shown = 0;
  let generation = 0;

  /** @param {Record<string, Record<string, number>>[]} all */
  function sumFilters(all) {
    /** @type {Record<string, Record<string, number>>} */
    const out = {};
    all.forEach(function (f) {
      Object.keys(f || {}).forEach(function (name) {
        const values = f[name];
        out[name] = out[name] || {};
        Object.keys(values).forEach(function (v) {
          out[name][v] = (out[name][v] || 0) + values[v];
        });
      });
    });
    return out;
  }

  /** Search every shard of the range and merge their answers (see the header). */
  function run() {
    writeUrl();
    showScope();
    const mine = ++generation;
    const q = state.q;
    if (!q) {
      results = [];
      shown = 0;
      message.textContent = '';
      list.textContent = '';
      more.hidden = true;
      filtersBox.textContent = '';
      app.setAttribute('data-state', 'ready');
      return;
    }
    app.setAttribute('data-state', 'searching');
    message.textContent = '正在检索“' + q + '”……';
    const chosen = inScope();
    /** @type {Record<string, string>} */
    const sort =
      state.sort === 'date-asc' ? { date: 'asc' } : state.sort === 'date-desc' ? { date: 'desc' } : {};
    Promise.all(
      chosen.map(function (s) {
        return engine(s).then(function (pf) {
          return pf.search(q, { filters: state.filters, sort: sort });
        });
      }),
    )
      .then(function (answers) {
        if (mine !== generation) return;
        /** @type {{ result: any, shard: number }[]} */
        let merged = [];
        answers.forEach(function (a, i) {
          (a ? a.results : []).forEach(function (/** @type {any} */ r) {
            merged.push({ result: r, shard: i });
          });
        });
        if (state.sort === 'date-asc') {
          // oldest shard first; within a shard Pagefind's own order
          merged = merged.sort(function (a, b) {
            return b.shard - a.shard;
          });
        } else if (!state.sort) {
          merged = merged.sort(function (a, b) {
            return b.result.score - a.result.score;
          });
        }
        // (date-desc: shards are newest first already, and each shard is in date order)
        results = merged;
        shown = 0;
        list.textContent = '';
        renderFilters(
          sumFilters(
            answers.map(function (a) {
              return a ? a.filters : {};
            }),
          ),
        );
        message.textContent = results.length
          ? '找到 ' + count(results.length) + ' 篇含“' + q + '”的文章'
          : '没有找到含“' +
            q +
            '”的文章。可以试试更短的词' +
            (shards.length > 1 && state.scope !== 'all' ? '，或在“范围”中选“全部年份”。' : '。');
        return showMore(mine);
      })
      .catch(function (e) {
        if (mine !== generation) return;
        app.setAttribute('data-state', 'error');
        message.textContent = '';
        say('missing', ['检索出错：' + (e && e.message ? e.message : String(e))]);
      });
  }

  /**
   * The next page of results.
   * @param {number} mine
   */
  function showMore(mine) {
    const page = results.slice(shown, shown + PAGE);
    more.hidden = true;
    return Promise.all(
      page.map(function (r) {
        return r.result.data();
      }),
    ).then(function (data) {
      if (mine !== generation) return;
      data.forEach(function (d) {
        list.appendChild(resultItem(d));
      });
      shown += page.length;
      more.hidden = shown >= results.length;
      app.setAttribute('data-state', 'ready');
    });
  }

  /**
   * Copy Pagefind's excerpt (HTML with <mark> around the hits) as text and marks only.
   * @param {string} html
   */
  function excerptNodes(html) {
    const t = document.createElement('template');
    t.innerHTML = html;
    const frag = document.createDocumentFragment();
    t.content.childNodes.forEach(function (n) {
      if (n.nodeName === 'MARK') {
        const m = document.createElement('mark');
        m.textContent = n.textContent;
        frag.appendChild(m);
      } else frag.appendChild(document.createTextNode(n.textContent || ''));
    });
    return frag;
  }

  /** @param {{ url: string, excerpt: string, meta: Record<string, string> }} d */
  function resultItem(d) {
    const m = d.meta || {};
    const li = document.createElement('li');
    li.className = 'search-result';
    const h = document.createElement('p');
    h.className = 'search-result-title';
    const a = document.createElement('a');
    a.href = highlightUrl(d.url);
    a.textContent = m.title || d.url;
    h.appendChild(a);
    li.appendChild(h);
    if (m.kicker || m.subtitle) {
      const sub = document.createElement('p');
      sub.className = 'search-result-sub';
      sub.textContent = [m.kicker, m.subtitle].filter(Boolean).join(' · ');
      li.appendChild(sub);
    }
    const tags = document.createElement('p');
    tags.className = 'search-result-tags';
    [m.paper, chineseDate(m.date), m.page].filter(Boolean).forEach(function (t) {
      const s = document.createElement('span');
      s.className = 'search-result-tag';
      s.textContent = t;
      tags.appendChild(s);
    });
    li.appendChild(tags);
    const ex = document.createElement('p');
    ex.className = 'search-result-excerpt';
    ex.appendChild(excerptNodes(d.excerpt || ''));
    li.appendChild(ex);
    return li;
  }

  /** @param {Record<string, Record<string, number>>} counts */
  function renderFilters(counts) {
    /** @type {Record<string, boolean>} */
    const wasOpen = {};
    filtersBox.querySelectorAll('details').forEach(function (/** @type {HTMLDetailsElement} */ d) {
      wasOpen[d.getAttribute('data-name') || ''] = d.open;
    });
    filtersBox.textContent = '';
    FILTER_ORDER.forEach(function (name) {
      const values = counts[name] || {};
      const chosen = state.filters[name] || [];
      const keys = Object.keys(values)
        .filter(function (v) {
          return values[v] > 0 || chosen.indexOf(v) >= 0;
        })
        .sort(function (a, b) {
          // years and months newest first; the rest by how many results they hold
          if (name === '年份' || name === '月份') return a < b ? 1 : a > b ? -1 : 0;
          return (values[b] || 0) - (values[a] || 0) || (a < b ? -1 : a > b ? 1 : 0);
        });
      chosen.forEach(function (v) {
        if (keys.indexOf(v) < 0) keys.push(v);
      });
      if (!keys.length) return;
      const details = document.createElement('details');
      details.className = 'search-filter';
      details.setAttribute('data-name', name);
      details.open = name in wasOpen ? wasOpen[name] : OPEN_FILTERS.indexOf(name) >= 0 || chosen.length > 0;
      const summary = document.createElement('summary');
      summary.className = 'search-filter-name';
      summary.textContent = name;
      details.appendChild(summary);
      const ul = document.createElement('ul');
      keys.forEach(function (v) {
        const li = document.createElement('li');
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.className = 'search-filter-checkbox';
        box.name = name;
        box.value = v;
        box.checked = chosen.indexOf(v) >= 0;
        box.addEventListener('change', function () {
          const now = (state.filters[name] || []).filter(function (x) {
            return x !== v;
          });
          if (box.checked) now.push(v);
          if (now.length) state.filters[name] = now;
          else delete state.filters[name];
          run();
        });
        label.appendChild(box);
        label.appendChild(document.createTextNode(' ' + v + ' '));
        const n = document.createElement('span');
        n.className = 'search-filter-count';
        n.textContent = '(' + count(values[v] || 0) + ')';
        label.appendChild(n);
        li.appendChild(label);
        ul.appendChild(li);
      });
      details.appendChild(ul);
      filtersBox.appendChild(details);
    });
  }

  // ------------------------------------------------------------------ wiring

  let typing = 0;
  input.addEventListener('input', function () {
    clearTimeout(typing);
    typing = window.setTimeout(function () {
      const q = input.value.trim();
      if (q === state.q) return;
      state.q = q;
      run();
    }, 300);
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(typing);
    state.q = input.value.trim();
    run();
  });
  sortSelect.value = state.sort;
  sortSelect.addEventListener('change', function () {
    state.sort = sortSelect.value;
    run();
  });
  more.addEventListener('click', function () {
    showMore(generation);
  });

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
      shards = manifest.shards || [];
      if (!shards.length) {
        app.setAttribute('data-state', 'empty');
        say('missing', ['本数字版还没有可检索的文章。']);
        return;
      }
      setUpScope();
      // Check that the newest shard's search code loads before offering the search.
      return engine(inScope()[0]).then(function () {
        sortSelect.disabled = false;
        if (!state.q) input.focus();
        run();
      });
    })
    .catch(missing);
})();
