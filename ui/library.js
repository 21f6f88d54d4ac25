// The library view: the list of articles (a page at a time, more as the reader scrolls),
// search as you type, sort, tag filter, import (typed URL or path, file dialog, dropped
// files) with per-source progress, and removal with Undo.

import { h, clear, debounce } from './dom.js';
import { sliceCodePoints, codePointLength } from './offsets.js';
import { readingTime, formatDate, addedLabel, progressLabel, joinMeta } from './format.js';
import { sectionNav } from './sections.js';
import { openShare } from './exchange.js';

/** Articles fetched per page of the list: enough to fill a tall window twice. */
const PAGE = 100;

const SORTS = [
  { id: 'added', label: 'Recently added' },
  { id: 'published', label: 'Recently published' },
  { id: 'title', label: 'Title' },
];

/** Builds a snippet with <mark>s from code-point ranges, as text nodes only. */
export function snippetNodes(snippet, highlights) {
  const nodes = [];
  let at = 0;
  const length = codePointLength(snippet);
  const ranges = [...(highlights || [])]
    .map(([s, e]) => [Math.max(0, s), Math.min(length, e)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  for (const [start, end] of ranges) {
    if (start < at) continue;
    if (start > at) nodes.push(sliceCodePoints(snippet, at, start));
    nodes.push(h('mark', {}, sliceCodePoints(snippet, start, end)));
    at = end;
  }
  if (at < length) nodes.push(sliceCodePoints(snippet, at, length));
  return nodes;
}

export function mount(root, api, app) {
  const { store, navigate, toast, openSettings, updateLibrary } = app;
  let articles = []; // the rows loaded so far, in list order
  let total = 0; // how many the list holds in all (with the tag filter)
  let loadingMore = false;
  let tags = [];
  let activeTag = null;
  let query = '';
  let searchSeq = 0;
  let importing = false;
  let disposed = false;

  // ---- static frame ----
  const search = h('input', {
    id: 'search', type: 'search', class: 'search-input', placeholder: 'Search your library', autocomplete: 'off',
    spellcheck: 'false', 'aria-keyshortcuts': '/',
  });
  const sort = h('select', { id: 'sort', class: 'select' },
    SORTS.map((s) => h('option', { value: s.id }, s.label)));
  sort.value = store.get().library.sort || 'added';

  const importInput = h('input', {
    id: 'import-input', type: 'text', class: 'text-input', placeholder: 'Paste a link or a file path',
    autocomplete: 'off', spellcheck: 'false',
  });
  const addButton = h('button', { type: 'submit', class: 'button' }, 'Add');
  const chooseButton = h('button', { type: 'button', class: 'button button-quiet', id: 'choose-files' }, 'Choose files…');
  const progressList = h('ul', { class: 'import-progress', id: 'import-progress', 'aria-live': 'polite' });
  const tagBar = h('div', { class: 'tag-bar', role: 'toolbar', 'aria-label': 'Filter by tag' });
  const status = h('p', { class: 'list-status', role: 'status', id: 'list-status' });
  const list = h('ul', { class: 'article-list', id: 'article-list', 'aria-labelledby': 'list-heading' });
  const body = h('div', { class: 'library-body' });

  const frame = h('div', { class: 'library' },
    h('header', { class: 'topbar' },
      h('h1', { class: 'brand', id: 'library-title', tabindex: '-1' }, 'Lectern'),
      sectionNav('#/'),
      h('div', { class: 'search', role: 'search' },
        h('label', { for: 'search', class: 'visually-hidden' }, 'Search articles'),
        search,
        h('kbd', { class: 'search-hint', 'aria-hidden': 'true' }, '/')),
      h('button', { type: 'button', class: 'button button-quiet', id: 'open-share', onclick: () => openShare({ api, toast, navigate }, { tag: activeTag }) }, 'Share…'),
      h('button', { type: 'button', class: 'button button-quiet', id: 'open-settings', onclick: () => openSettings(), 'aria-keyshortcuts': 'Control+,' }, 'Settings')),
    h('section', { class: 'import', 'aria-labelledby': 'import-heading' },
      h('h2', { id: 'import-heading', class: 'visually-hidden' }, 'Add articles'),
      h('form', { class: 'import-form', onsubmit: (e) => { e.preventDefault(); submitTyped(); } },
        h('label', { for: 'import-input', class: 'visually-hidden' }, 'Link or file path to add'),
        importInput, addButton, chooseButton),
      progressList),
    h('div', { class: 'list-tools', id: 'list-tools' },
      h('label', { class: 'sort-label', for: 'sort' }, 'Sort by'), sort, tagBar),
    h('h2', { id: 'list-heading', class: 'visually-hidden' }, 'Articles'),
    status,
    body);
  root.append(frame);

  // ---- data ----

  const pageOf = (offset, limit) => api.listArticles({ sort: store.get().library.sort || 'added', tag: activeTag, offset, limit });

  /** Reads the list again from the top, keeping as many rows as were loaded. */
  async function reload() {
    try {
      let page;
      [page, tags] = await Promise.all([pageOf(0, Math.max(PAGE, articles.length)), api.listTags()]);
      if (activeTag && !tags.some((t) => t.name === activeTag)) {
        activeTag = null;
        page = await pageOf(0, Math.max(PAGE, articles.length));
      }
      ({ articles, total } = page);
    } catch (e) {
      toast(`Could not read the library: ${e.message}`);
      articles = [];
      total = 0;
      tags = [];
    }
    if (disposed) return;
    renderTags();
    if (query) await runSearch(query);
    else renderList();
  }

  /** Appends the next page of rows (when the reader nears the end of the list). */
  async function loadMore() {
    if (loadingMore || articles.length >= total || query) return;
    loadingMore = true;
    try {
      const page = await pageOf(articles.length, PAGE);
      if (disposed) return;
      const fresh = page.articles.filter((a) => !articles.some((b) => b.id === a.id));
      articles.push(...fresh);
      total = page.total;
      more.before(...fresh.map(articleRow));
      updateMore();
    } catch (e) {
      toast(`Could not read the library: ${e.message}`);
    } finally {
      loadingMore = false;
    }
  }

  // The last row of the list: a button for the next page, pressed by itself when it scrolls
  // into view (the button stays for keyboard users and as the visible count).
  const moreButton = h('button', { type: 'button', class: 'button button-quiet', id: 'load-more', onclick: () => loadMore() });
  const more = h('li', { class: 'list-more' }, moreButton);
  const nearEnd = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) loadMore();
  }, { rootMargin: '600px 0px' });
  nearEnd.observe(more);

  function updateMore() {
    const left = total - articles.length;
    more.hidden = left <= 0;
    moreButton.textContent = `Show ${Math.min(left, PAGE)} more (${left} not shown)`;
  }

  // ---- rendering ----

  function renderTags() {
    clear(tagBar);
    tagBar.hidden = tags.length === 0;
    for (const tag of tags) {
      const pressed = tag.name === activeTag;
      tagBar.append(h('button', {
        type: 'button', class: 'chip', 'aria-pressed': String(pressed),
        onclick: () => { activeTag = pressed ? null : tag.name; articles = []; reload(); },
      }, tag.name, h('span', { class: 'chip-count', 'aria-label': `${tag.count} articles` }, String(tag.count))));
    }
  }

  function renderWelcome() {
    const button = h('button', { type: 'button', class: 'button button-primary', id: 'add-samples' }, 'Add sample articles');
    button.addEventListener('click', async () => {
      button.disabled = true;
      button.textContent = 'Adding…';
      try {
        const added = await api.addSamples();
        toast(`Added ${added.length} sample articles.`);
        await reload();
        focusFirst();
      } catch (e) {
        toast(`Could not add the samples: ${e.message}`);
        button.disabled = false;
        button.textContent = 'Add sample articles';
      }
    });
    return h('section', { class: 'welcome', 'aria-labelledby': 'welcome-title' },
      h('h2', { id: 'welcome-title' }, 'Welcome to Lectern'),
      h('p', {}, 'Keep the articles you mean to read, and read them calmly, offline.'),
      button,
      h('p', { class: 'hint' }, 'You can also paste a link above, choose files, or drop .html, .md and .txt files on this window.'));
  }

  function articleRow(article) {
    const progress = progressLabel(article.progress);
    const meta = joinMeta([article.source, formatDate(article.published), readingTime(article.reading_minutes), addedLabel(article.added)]);
    const remove = h('button', {
      type: 'button', class: 'button button-quiet button-small remove', 'aria-label': `Remove “${article.title}”`,
      onclick: () => removeArticle(article),
    }, 'Remove');
    return h('li', { class: 'article-row', dataset: { id: article.id } },
      h('div', { class: 'row-main' },
        h('a', { class: 'article-link', href: `#/read/${article.id}`, lang: article.language || null }, article.title),
        h('p', { class: 'meta' }, meta),
        article.tags.length > 0 && h('p', { class: 'row-tags' }, article.tags.map((t) => h('span', { class: 'tag' }, t)))),
      h('div', { class: 'row-side' },
        h('div', { class: 'progress', title: progress.text },
          h('progress', { max: '100', value: String(progress.percent), 'aria-label': `${article.title}: ${progress.text}` }),
          h('span', { class: 'progress-text' }, progress.text)),
        remove));
  }

  function renderList() {
    clear(body);
    const empty = total === 0 && !activeTag;
    frame.querySelector('#list-tools').hidden = empty;
    if (empty) {
      status.textContent = '';
      body.append(renderWelcome());
      return;
    }
    const count = `${total} ${total === 1 ? 'article' : 'articles'}`;
    status.textContent = activeTag ? `${count} tagged “${activeTag}”` : count;
    clear(list);
    list.append(...articles.map(articleRow), more);
    updateMore();
    body.append(list);
  }

  function renderResults(hits, forQuery) {
    clear(body);
    status.textContent = hits.length === 0
      ? `Nothing found for “${forQuery}”`
      : `${hits.length} ${hits.length === 1 ? 'result' : 'results'} for “${forQuery}”`;
    clear(list);
    for (const hit of hits) {
      list.append(h('li', { class: 'article-row result', dataset: { id: hit.id } },
        h('div', { class: 'row-main' },
          h('a', { class: 'article-link', href: `#/read/${hit.id}` }, hit.title),
          h('p', { class: 'snippet' }, snippetNodes(hit.snippet, hit.highlights)))));
    }
    body.append(list);
  }

  // ---- search ----

  async function runSearch(q) {
    const seq = ++searchSeq;
    try {
      const hits = await api.searchArticles(q);
      // A slower answer to an older query must not replace a newer one.
      if (seq === searchSeq && !disposed) renderResults(hits, q);
    } catch (e) {
      if (seq === searchSeq && !disposed) {
        clear(body);
        status.textContent = `Search failed: ${e.message}`;
      }
    }
  }

  const searchSoon = debounce((q) => runSearch(q), 150);

  search.addEventListener('input', () => {
    query = search.value.trim();
    if (query) searchSoon(query);
    else {
      searchSoon.cancel();
      searchSeq++;
      renderList();
    }
  });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && search.value) {
      e.preventDefault();
      e.stopPropagation();
      search.value = '';
      search.dispatchEvent(new Event('input'));
    } else if (e.key === 'ArrowDown' || (e.key === 'Enter' && query)) {
      e.preventDefault();
      searchSoon.flush();
      focusFirst();
    }
  });

  sort.addEventListener('change', () => {
    updateLibrary({ sort: sort.value });
    articles = [];
    reload();
  });

  // ---- keyboard in the list ----

  function links() {
    return [...list.querySelectorAll('.article-link')];
  }

  function focusFirst() {
    links()[0]?.focus();
  }

  list.addEventListener('keydown', (e) => {
    const items = links();
    const i = items.indexOf(document.activeElement);
    if (i < 0) return;
    const go = (j) => { e.preventDefault(); items[Math.max(0, Math.min(items.length - 1, j))].focus(); };
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') { if (i === 0) { e.preventDefault(); search.focus(); } else go(i - 1); }
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(items.length - 1);
    else if (e.key === 'Delete') {
      const id = document.activeElement.closest('.article-row')?.dataset.id;
      const article = articles.find((a) => a.id === id);
      if (article) { e.preventDefault(); removeArticle(article); }
    }
  });

  // ---- removal ----

  async function removeArticle(article) {
    const items = links();
    const index = items.findIndex((a) => a.closest('.article-row')?.dataset.id === article.id);
    try {
      await api.removeArticle(article.id);
    } catch (e) {
      toast(`Could not remove “${article.title}”: ${e.message}`);
      return;
    }
    await reload();
    const after = links();
    (after[Math.min(index, after.length - 1)] ?? search).focus();
    toast(`Removed “${article.title}”.`, {
      timeout: 10000,
      action: {
        label: 'Undo',
        run: async () => {
          try {
            await api.undoRemove(article.id);
            await reload();
            list.querySelector(`[data-id="${CSS.escape(article.id)}"] .article-link`)?.focus();
          } catch (e) {
            toast(`Could not undo: ${e.message}`);
          }
        },
      },
    });
  }

  // ---- import ----

  function progressRow(source) {
    return h('li', { class: 'import-item pending' },
      h('span', { class: 'import-source' }, source),
      h('span', { class: 'import-state' }, 'Waiting…'));
  }

  function describeResult(result) {
    if (result.ok) {
      return result.status === 'exists' ? `Already in your library: “${result.title}”` : `Added “${result.title}”`;
    }
    // The core's message names the input and the problem; a hint only adds what to do next.
    const hints = {
      network: 'Check the address and your connection.',
      no_content: 'No article text was found there.',
    };
    const hint = hints[result.error?.kind];
    return `Failed: ${result.error?.message ?? 'unknown error'}${hint ? `. ${hint}` : ''}`;
  }

  async function runImport(sources) {
    sources = sources.map((s) => s.trim()).filter(Boolean);
    if (sources.length === 0 || importing) return;
    importing = true;
    addButton.disabled = true;
    chooseButton.disabled = true;
    clear(progressList);
    const rows = sources.map(progressRow);
    progressList.append(...rows);
    const off = api.onImportProgress((p) => {
      const row = rows[p.index];
      if (!row || p.source !== sources[p.index]) return;
      const state = row.querySelector('.import-state');
      if (p.phase === 'reading') {
        row.className = 'import-item working';
        state.textContent = 'Reading…';
      } else if (p.result) {
        row.className = `import-item ${p.result.ok ? 'ok' : 'failed'}`;
        state.textContent = describeResult(p.result);
      }
    });
    try {
      const results = await api.importSources(sources);
      // Events may be missed (or arrive late); the returned results are the truth.
      results.forEach((result, i) => {
        const row = rows[i];
        if (!row) return;
        row.className = `import-item ${result.ok ? 'ok' : 'failed'}`;
        row.querySelector('.import-state').textContent = describeResult(result);
      });
      const failed = results.filter((r) => !r.ok).length;
      const done = h('li', { class: 'import-summary' },
        failed === 0 ? `Done: ${results.length} of ${results.length} added.` : `${results.length - failed} added, ${failed} failed.`,
        h('button', { type: 'button', class: 'button button-quiet button-small', onclick: () => clear(progressList) }, 'Clear'));
      progressList.append(done);
      if (failed === 0) importInput.value = '';
    } catch (e) {
      progressList.append(h('li', { class: 'import-item failed' }, `Import failed: ${e.message}`));
    } finally {
      off();
      importing = false;
      addButton.disabled = false;
      chooseButton.disabled = false;
      await reload();
    }
  }

  function submitTyped() {
    // Several sources may be pasted at once, one per line.
    runImport(importInput.value.split(/\n+/));
  }

  chooseButton.addEventListener('click', async () => {
    try {
      runImport(await api.chooseFiles());
    } catch (e) {
      toast(`Could not open the file dialog: ${e.message}`);
    }
  });

  const onDrop = (event) => runImport(event.detail);
  window.addEventListener('lectern:import', onDrop);

  // ---- start ----

  reload().then(() => {
    // For the desktop benchmark (cold start to an interactive list): bench/desktop in tests/.
    if (!performance.getEntriesByName('lectern:library-interactive').length) performance.mark('lectern:library-interactive');
    const last = store.get().lastArticle;
    const link = last && list.querySelector(`[data-id="${CSS.escape(last)}"] .article-link`);
    // Coming back from an article, focus returns to it; on start, focus stays at the top.
    if (link) link.focus();
  });

  return () => {
    disposed = true;
    nearEnd.disconnect();
    searchSoon.cancel();
    window.removeEventListener('lectern:import', onDrop);
  };
}
