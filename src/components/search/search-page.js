// Search page client (inlined into search/index.html as a classic script, after
// src/lib/search/exact.js, whose functions it calls: parseQuery, candidateQuery, verify, rank,
// excerpt; so it also runs from file://). Plain JavaScript on purpose: no build step.
//
// Pagefind gives candidates; every candidate's text (the fragment Pagefind returns for it) is
// checked here against the query as written (exact.js), so every result contains the query, the
// count is the number of articles that contain it, and the filter counts are counted over them.
// The results are ranked (headline matches first, then occurrences) or sorted by date here, and
// the excerpt is built here from whole sentences around the first hits.
//
// The index is split into shards of consecutive months (pagefind/shards.json, newest first; see
// src/lib/search/shards.ts). Each shard is a Pagefind bundle with its own search code; this page
// loads a shard's `pagefind.js` only when the chosen range needs it (the newest one by default),
// searches every loaded shard of the range, and merges the answers into one list:
//   - by relevance: all results ordered by Pagefind's score (as Pagefind's own mergeIndex does);
//   - by date: each shard's results in date order, the shards in date order (they hold disjoint
//     months), which Pagefind's mergeIndex cannot do (it orders merged results by score only).
// The query, range, months (?from=, ?to=), headline only (?in=title), sort and filters live in
// the URL (?q=, ?scope=, ?sort=, ?f=name:value), so a search can be shared.
//
// From file:// (where the browser loads no module, fetch or WebAssembly, so no Pagefind) the page
// searches the index written for it in search-disk/ (src/lib/search/disk.ts): classic scripts,
// loaded by inserting <script src> elements, that hand it the articles month by month
// (src/lib/search/disk-read.js, decodeMonth, inlined before this script). It offers the same
// shards for the range, loads the months of the range when a search needs them (the newest shard
// by default), and runs the same checks, ranking, counts and excerpts over them (with no
// Pagefind score to break ties: date, then URL). Without that index (BAOKAN_DISK_SEARCH=0) it
// says why search cannot work. The query may also come after # (#q=…), and goes there when the
// browser does not let a file:// page rewrite its address.
(function () {
  'use strict';
  const app = document.getElementById('search-app');
  if (!app) return;
  const root = app.getAttribute('data-bundle') || '../pagefind/';
  /** the index for file://, when the site has one (not with BAOKAN_DISK_SEARCH=0) */
  const diskRoot = app.getAttribute('data-disk') || '';
  const disk = location.protocol === 'file:';
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
  const fromSelect = /** @type {HTMLSelectElement} */ ($('search-from'));
  const toSelect = /** @type {HTMLSelectElement} */ ($('search-to'));
  const headBox = /** @type {HTMLInputElement} */ ($('search-head'));
  /** candidates whose text is fetched and checked at a time */
  const BATCH = 24;
  const PAGE = 10;
  const FILTER_ORDER = ['报纸', '年份', '月份', '专题', '版面', '体裁'];
  // On a wide screen the first filter groups start open; on a phone all start closed, so that
  // the results are not pushed below the fold.
  const OPEN_FILTERS = window.matchMedia('(min-width: 48em)').matches ? ['报纸', '年份'] : [];

  const params = new URLSearchParams(
    !location.search && /^#\??q=|&q=/.test(location.hash)
      ? location.hash.replace(/^#\??/, '')
      : location.search,
  );
  const state = {
    q: (params.get('q') || '').trim(),
    sort: params.get('sort') || '',
    scope: params.get('scope') || '',
    from: /^\d{4}-\d{2}$/.test(params.get('from') || '') ? params.get('from') || '' : '',
    to: /^\d{4}-\d{2}$/.test(params.get('to') || '') ? params.get('to') || '' : '',
    head: params.get('in') === 'title',
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

  /** From file:// without the index for it: why search cannot work, and what to do. */
  function offline() {
    app.setAttribute('data-state', 'offline');
    say('offline', [
      '从本地文件（file://）打开时无法搜索：浏览器不允许网页读取搜索索引，本站点也没有生成供本地检索的索引。阅读和浏览不受影响。要搜索，请用一个静态网页服务器打开站点，例如在项目目录运行 ',
      'npx serve dist',
      '（或在站点文件夹里运行 ',
      'npx serve',
      '），再用浏览器打开它给出的地址（如 http://localhost:3000/search/）。',
    ]);
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
    parseQuery(state.q).forEach(function (t) {
      u.searchParams.append('highlight', t);
    });
    return u.pathname + u.search + u.hash;
  }

  /** Keep the search in the address bar, so it can be shared or reloaded. */
  function writeUrl() {
    const p = new URLSearchParams();
    if (state.q) p.set('q', state.q);
    if (state.scope) p.set('scope', state.scope);
    if (state.from) p.set('from', state.from);
    if (state.to) p.set('to', state.to);
    if (state.head) p.set('in', 'title');
    if (state.sort) p.set('sort', state.sort);
    Object.keys(state.filters).forEach(function (name) {
      state.filters[name].forEach(function (value) {
        p.append('f', name + ':' + value);
      });
    });
    const s = p.toString();
    try {
      history.replaceState(
        history.state,
        '',
        location.pathname + (s ? '?' + s : '') + (/(^#\??|&)q=/.test(location.hash) ? '' : location.hash),
      );
    } catch {
      // a browser that keeps a file:// page from rewriting its address: the search goes after #
      location.replace('#' + s);
    }
    document.title = (state.q ? '“' + state.q + '”的搜索结果 · ' : '') + app.getAttribute('data-title');
  }

  // ------------------------------------------------------------------ shards

  /** @typedef {{ id: string, from: string | null, to: string | null, label: string, articles: number, years: string[] }} Shard */
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
        // No worker (one file less to load: the search of one shard is quick on the page's
        // thread); no filter lists up front (the counts are made here from the checked results).
        return pf.options({ excerptLength: 0, noWorker: true }).then(function () {
          return pf.init().then(function () {
            return pf;
          });
        });
      });
      engines.set(s.id, e);
    }
    return e;
  }

  // ------------------------------------------------------------------ from file://

  /** @typedef {{ month: string, file: string, articles: number, bytes: number }} DiskMonthEntry */
  /** @type {DiskMonthEntry[]} */
  let diskMonths = [];
  /** month → its records, once loaded */
  /** @type {Map<string, (DiskRecord & { folded?: string })[]>} */
  const diskLoaded = new Map();
  /** file → its loading */
  /** @type {Map<string, Promise<void>>} */
  const diskLoading = new Map();

  // Every file of search-disk/ is a script that calls this with its data.
  /** @param {any} data */
  /** @type {any} */ (window).baokanSearchDisk = function (data) {
    if (!data || data.v !== 1) return;
    if (data.kind === 'manifest') {
      shards = data.shards || [];
      diskMonths = data.months || [];
    } else if (data.kind === 'month') diskLoaded.set(data.month, decodeMonth(data));
  };

  /**
   * Load a file of search-disk/ with a <script src> (relative to this page); resolves once it has
   * run, rejects when it cannot be read.
   * @param {string} file
   * @returns {Promise<void>}
   */
  function diskScript(file) {
    let p = diskLoading.get(file);
    if (!p) {
      p = new Promise(function (resolve, reject) {
        const el = document.createElement('script');
        el.src = diskRoot + file;
        el.setAttribute('charset', 'utf-8');
        el.onload = function () {
          resolve();
        };
        el.onerror = function () {
          diskLoading.delete(file);
          el.remove();
          reject(
            new Error('本地索引文件 search-disk/' + file + ' 读不到（请运行 npm run build 重新生成站点）'),
          );
        };
        document.head.appendChild(el);
      });
      diskLoading.set(file, p);
    }
    return p;
  }

  /**
   * The months the chosen shards hold (only those from–to, when months are chosen), newest first.
   * @param {Shard[]} chosen
   */
  function diskMonthsOf(chosen) {
    return diskMonths.filter(function (m) {
      if (m.month === 'undated')
        return (
          !state.from &&
          !state.to &&
          chosen.some(function (s) {
            return !s.from;
          })
        );
      if (state.from && m.month < state.from) return false;
      if (state.to && m.month > state.to) return false;
      return chosen.some(function (s) {
        return !!s.from && !!s.to && s.from <= m.month && m.month <= s.to;
      });
    });
  }

  /**
   * Candidates from the months of the chosen shards, as Pagefind would give them: every article
   * with the chosen filters whose text (headings included) holds each term somewhere; the page
   * then checks them by the rules (verify) as it checks Pagefind's.
   * @param {Shard[]} chosen
   * @param {number} mine
   */
  function diskCandidates(chosen, mine) {
    const months = diskMonthsOf(chosen);
    const missingNow = months.filter(function (m) {
      return !diskLoaded.has(m.month);
    });
    let done = months.length - missingNow.length;
    if (missingNow.length)
      message.textContent = '正在载入本地索引：' + count(done) + ' / ' + count(months.length) + ' 个月……';
    return Promise.all(
      missingNow.map(function (m) {
        return diskScript(m.file).then(function () {
          done++;
          if (mine === generation)
            message.textContent =
              '正在载入本地索引：' + count(done) + ' / ' + count(months.length) + ' 个月……';
        });
      }),
    ).then(function () {
      const wanted = terms.map(function (t) {
        return fold(t);
      });
      const filterNames = Object.keys(state.filters);
      /** @type {{ score: undefined, data: () => Promise<Fragment> }[]} */
      const out = [];
      months.forEach(function (m) {
        (diskLoaded.get(m.month) || []).forEach(function (r) {
          const f = r.filters || {};
          const ok = filterNames.every(function (name) {
            return state.filters[name].every(function (v) {
              return (f[name] || []).indexOf(v) >= 0;
            });
          });
          if (!ok) return;
          if (r.folded === undefined)
            r.folded = fold(r.content + '\n' + [r.meta.title, r.meta.kicker, r.meta.subtitle].join('\n'));
          const text = r.folded;
          if (
            !wanted.every(function (t) {
              return text.indexOf(t) >= 0;
            })
          )
            return;
          /** @type {Fragment} */
          const d = {
            url: diskRoot + '../' + r.url + 'index.html',
            content: r.content,
            meta: r.meta,
            filters: f,
          };
          out.push({
            score: undefined,
            data: function () {
              return Promise.resolve(d);
            },
          });
        });
      });
      return out;
    });
  }

  // ------------------------------------------------------------------ the range

  /**
   * The shards a search covers: with months chosen, those that hold any of them; else by the
   * range switch: `all` every one, a year those that touch it, else the newest.
   */
  function inScope() {
    if (state.from || state.to) {
      const hit = shards.filter(function (s) {
        return s.from && s.to && (!state.to || s.from <= state.to) && (!state.from || s.to >= state.from);
      });
      return hit;
    }
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

  /** @param {string} m YYYY-MM */
  function monthName(m) {
    return m.slice(0, 4) + '年' + Number(m.slice(5, 7)) + '月';
  }

  /** The months offered for the date range: every month the shards span, newest first. */
  function setUpMonths() {
    const dated = shards.filter(function (s) {
      return s.from && s.to;
    });
    if (!dated.length) return;
    const last = /** @type {string} */ (dated[0].to);
    const first = /** @type {string} */ (dated[dated.length - 1].from);
    /** @type {string[]} */
    const months = [];
    let y = Number(last.slice(0, 4));
    let m = Number(last.slice(5, 7));
    while (months.length < 1200) {
      const key = y + '-' + (m < 10 ? '0' : '') + m;
      months.push(key);
      if (key <= first) break;
      if (--m === 0) {
        m = 12;
        y--;
      }
    }
    [fromSelect, toSelect].forEach(function (sel, k) {
      const none = document.createElement('option');
      none.value = '';
      none.textContent = k ? '最近' : '最早';
      sel.appendChild(none);
      (k ? months : months.slice().reverse()).forEach(function (key) {
        const opt = document.createElement('option');
        opt.value = key;
        opt.textContent = monthName(key);
        sel.appendChild(opt);
      });
      sel.value = k ? state.to : state.from;
      if (sel.value !== (k ? state.to : state.from)) sel.value = '';
      sel.disabled = false;
      sel.addEventListener('change', function () {
        state.from = fromSelect.value;
        state.to = toSelect.value;
        if (state.from && state.to && state.from > state.to) {
          // a range given backwards is read forwards
          const t = state.from;
          state.from = state.to;
          state.to = t;
          fromSelect.value = state.from;
          toSelect.value = state.to;
        }
        run();
      });
    });
    state.from = fromSelect.value;
    state.to = toSelect.value;
  }

  function showScope() {
    if (state.from || state.to) {
      scopeNote.hidden = false;
      scopeNote.textContent =
        '检索范围：' +
        (state.from ? monthName(state.from) : '最早') +
        '至' +
        (state.to ? monthName(state.to) : '最近') +
        '的文章' +
        (shards.length > 1 ? '（“范围”不起作用）' : '') +
        '。';
      return;
    }
    if (shards.length < 2) {
      scopeNote.hidden = true;
      return;
    }
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

  /**
   * @typedef {{ url: string, content: string, meta: Record<string, string>, filters: Record<string, string[]> }} Fragment
   * @typedef {{ item: any, inHeads: number, hits: number, data: Fragment }} Result
   */
  /** @type {Result[]} */
  let results = [];
  /** @type {string[]} */
  let terms = [];
  let shown = 0;
  let generation = 0;

  /**
   * Filter counts over the checked results.
   * @param {Result[]} list
   */
  function countFilters(list) {
    /** @type {Record<string, Record<string, number>>} */
    const out = {};
    list.forEach(function (r) {
      const f = r.data.filters || {};
      Object.keys(f).forEach(function (name) {
        out[name] = out[name] || {};
        (f[name] || []).forEach(function (v) {
          out[name][v] = (out[name][v] || 0) + 1;
        });
      });
    });
    return out;
  }

  /**
   * The candidates' texts, fetched a batch at a time, each checked against the terms.
   * @param {any[]} candidates Pagefind results
   * @param {number} mine
   * @returns {Promise<Result[] | null>} null when a newer search started meanwhile
   */
  function check(candidates, mine) {
    /** @type {Result[]} */
    const kept = [];
    const options = { headline: state.head, from: state.from, to: state.to };
    let next = 0;
    /** @returns {Promise<Result[] | null>} */
    function batch() {
      if (mine !== generation) return Promise.resolve(null);
      if (next >= candidates.length) return Promise.resolve(kept);
      const part = candidates.slice(next, next + (disk ? candidates.length : BATCH));
      next += part.length;
      if (candidates.length > BATCH)
        message.textContent =
          '正在核对“' + state.q + '”：' + count(next) + ' / ' + count(candidates.length) + ' 篇……';
      return Promise.all(
        part.map(function (c) {
          return c.data().then(function (/** @type {Fragment} */ d) {
            const m = d.meta || {};
            const item = {
              url: d.url,
              content: d.content || '',
              title: m.title || '',
              kicker: m.kicker,
              subtitle: m.subtitle,
              date: m.date,
              score: c.score,
            };
            const v = verify(item, terms, options);
            if (v) kept.push({ item: v.item, inHeads: v.inHeads, hits: v.hits, data: d });
          });
        }),
      ).then(batch);
    }
    return batch();
  }

  /** Search every shard of the range, check the candidates, rank the results. */
  function run() {
    writeUrl();
    showScope();
    const mine = ++generation;
    const q = state.q;
    terms = parseQuery(q);
    if (!terms.length) {
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
    /** @type {Promise<any[]>} */
    const asked = disk
      ? diskCandidates(chosen, mine)
      : Promise.all(
          chosen.map(function (s) {
            return engine(s).then(function (pf) {
              return pf.search(candidateQuery(terms), { filters: state.filters });
            });
          }),
        ).then(function (answers) {
          /** @type {any[]} */
          const candidates = [];
          answers.forEach(function (a) {
            (a ? a.results : []).forEach(function (/** @type {any} */ r) {
              candidates.push(r);
            });
          });
          return candidates;
        });
    asked
      .then(function (candidates) {
        if (mine !== generation) return null;
        return check(candidates, mine);
      })
      .then(function (checked) {
        if (!checked || mine !== generation) return;
        results = /** @type {Result[]} */ (rank(checked, state.sort, terms.length));
        shown = 0;
        list.textContent = '';
        renderFilters(countFilters(results));
        const where = state.head ? '标题含' : '含';
        message.textContent = results.length
          ? '找到 ' + count(results.length) + ' 篇' + where + '“' + q + '”的文章'
          : '没有找到' +
            where +
            '“' +
            q +
            '”的文章' +
            (terms.length > 1 ? '（每个词都要出现）' : '') +
            (shards.length > 1 && state.scope !== 'all' && !state.from && !state.to
              ? '。可以在“范围”中选“全部年份”。'
              : '。');
        showMore();
      })
      .catch(function (e) {
        if (mine !== generation) return;
        app.setAttribute('data-state', 'error');
        message.textContent = '';
        say('missing', ['检索出错：' + (e && e.message ? e.message : String(e))]);
      });
  }

  /** The next page of results (their texts are at hand already). */
  function showMore() {
    const page = results.slice(shown, shown + PAGE);
    page.forEach(function (r) {
      list.appendChild(resultItem(r.data));
    });
    shown += page.length;
    more.hidden = shown >= results.length;
    app.setAttribute('data-state', 'ready');
  }

  /**
   * The excerpt: whole sentences around the first hits, the matched strings marked.
   * @param {Fragment} d
   */
  function excerptNodes(d) {
    const m = d.meta || {};
    const frag = document.createDocumentFragment();
    excerpt(d.content || '', terms, [m.title, m.kicker, m.subtitle].filter(Boolean)).forEach(function (p) {
      if (p.hit) {
        const mark = document.createElement('mark');
        mark.textContent = p.text;
        frag.appendChild(mark);
      } else frag.appendChild(document.createTextNode(p.text));
    });
    return frag;
  }

  /**
   * Text with the terms marked.
   * @param {HTMLElement} el
   * @param {string} text
   */
  function markInto(el, text) {
    let pos = 0;
    hitRanges(text, terms).forEach(function (r) {
      el.appendChild(document.createTextNode(text.slice(pos, r[0])));
      const mark = document.createElement('mark');
      mark.textContent = text.slice(r[0], r[1]);
      el.appendChild(mark);
      pos = r[1];
    });
    el.appendChild(document.createTextNode(text.slice(pos)));
  }

  /** @param {Fragment} d */
  function resultItem(d) {
    const m = d.meta || {};
    const li = document.createElement('li');
    li.className = 'search-result';
    const h = document.createElement('p');
    h.className = 'search-result-title';
    const a = document.createElement('a');
    a.href = highlightUrl(d.url);
    markInto(a, m.title || d.url);
    h.appendChild(a);
    li.appendChild(h);
    if (m.kicker || m.subtitle) {
      const sub = document.createElement('p');
      sub.className = 'search-result-sub';
      markInto(sub, [m.kicker, m.subtitle].filter(Boolean).join(' · '));
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
    ex.appendChild(excerptNodes(d));
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
    showMore();
  });
  headBox.checked = state.head;
  headBox.disabled = false;
  headBox.addEventListener('change', function () {
    state.head = headBox.checked;
    run();
  });

  function missing() {
    app.setAttribute('data-state', 'missing');
    say('missing', [
      '搜索索引没有找到（站点的 pagefind 文件夹缺失或不完整）。请运行 ',
      'npm run build',
      ' 重新生成站点和索引。',
    ]);
  }

  /** The range and months are offered: search. */
  function start() {
    sortSelect.disabled = false;
    if (!state.q) input.focus();
    run();
  }

  if (disk && !diskRoot) {
    offline();
    return;
  }
  if (disk) {
    diskScript('manifest.js').then(function () {
      if (!shards.length) {
        app.setAttribute('data-state', 'empty');
        say('missing', ['本数字版还没有可检索的文章。']);
        return;
      }
      setUpScope();
      setUpMonths();
      start();
    }, offline);
    return;
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
      setUpMonths();
      // Check that the newest shard's search code loads before offering the search.
      return engine(inScope()[0]).then(function () {
        start();
      });
    })
    .catch(missing);
})();
