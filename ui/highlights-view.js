// The library-wide highlights section (`#/highlights`): every highlight grouped by article,
// filtered by tag, colour, article and creator, with a search over notes, highlighted words
// and tags (the core filters: `list_highlights`). A highlight opens the reader at it.

import { h, clear, debounce } from './dom.js';
import { sectionNav } from './sections.js';
import * as model from './annotations-model.js';
import { formatDate } from './format.js';
import { noteNode } from './highlight-editor.js';

/** The filters survive a trip to the reader and back. */
let remembered = { text: '', color: '', tag: '', article: '', creator: '' };

export function mount(root, api, app) {
  const { store, navigate, toast, openSettings } = app;
  let disposed = false;
  let all = [];
  let seq = 0;
  const filter = { ...remembered };

  const search = h('input', {
    // `search`, like the library's: the app's `/` key focuses it.
    id: 'search', type: 'search', class: 'search-input', placeholder: 'Search notes, quotes and tags',
    autocomplete: 'off', spellcheck: 'false', value: filter.text, 'aria-keyshortcuts': '/',
  });
  const selects = {
    color: h('select', { id: 'filter-color', class: 'select' }),
    tag: h('select', { id: 'filter-tag', class: 'select' }),
    article: h('select', { id: 'filter-article', class: 'select' }),
    creator: h('select', { id: 'filter-creator', class: 'select' }),
  };
  const labels = { color: 'Colour', tag: 'Tag', article: 'Article', creator: 'Creator' };
  const status = h('p', { class: 'list-status', role: 'status', id: 'highlights-status' });
  const body = h('div', { class: 'highlights-body', id: 'highlights-body' });
  const clearButton = h('button', { type: 'button', class: 'button button-quiet button-small', id: 'clear-filters', hidden: true, onclick: () => resetFilters() }, 'Clear filters');

  const frame = h('div', { class: 'library highlights-view' },
    h('header', { class: 'topbar' },
      h('h1', { class: 'brand', id: 'highlights-heading', tabindex: '-1' }, 'Lectern'),
      sectionNav('#/highlights'),
      h('div', { class: 'search', role: 'search' },
        h('label', { for: 'search', class: 'visually-hidden' }, 'Search highlights'),
        search,
        h('kbd', { class: 'search-hint', 'aria-hidden': 'true' }, '/')),
      h('button', { type: 'button', class: 'button button-quiet', id: 'open-settings', onclick: () => openSettings(), 'aria-keyshortcuts': 'Control+,' }, 'Settings')),
    h('div', { class: 'list-tools highlight-filters', role: 'group', 'aria-label': 'Filter highlights' },
      Object.entries(selects).map(([key, select]) => h('span', { class: 'filter' },
        h('label', { class: 'sort-label', for: select.id }, labels[key]), select)),
      clearButton),
    status,
    body);
  root.append(frame);

  // ---- filters ----

  function options(select, first, entries, value) {
    select.replaceChildren(h('option', { value: '' }, first), ...entries.map(([v, label]) => h('option', { value: v }, label)));
    select.value = entries.some(([v]) => v === value) ? value : '';
    return select.value;
  }

  function renderFilters() {
    const f = model.facets(all);
    filter.color = options(selects.color, 'Any colour', f.colors.map((c) => [c.color, `${model.colorLabel(c.color)} (${c.count})`]), filter.color);
    filter.tag = options(selects.tag, 'Any tag', f.tags.map((t) => [t.name, `${t.name} (${t.count})`]), filter.tag);
    filter.article = options(selects.article, 'Any article', f.articles.map((a) => [a.id, `${model.excerpt(a.title, 48)} (${a.count})`]), filter.article);
    filter.creator = options(selects.creator, 'Anyone', f.creators.map((c) => [c.name, `${c.name} (${c.count})`]), filter.creator);
  }

  function resetFilters() {
    Object.assign(filter, { text: '', color: '', tag: '', article: '', creator: '' });
    search.value = '';
    for (const select of Object.values(selects)) select.value = '';
    reload();
    search.focus();
  }

  for (const [key, select] of Object.entries(selects)) {
    select.addEventListener('change', () => {
      filter[key] = select.value;
      reload();
    });
  }
  const typed = debounce(() => {
    filter.text = search.value;
    reload();
  }, 150);
  search.addEventListener('input', typed);

  // ---- data ----

  async function loadAll() {
    try {
      all = await api.listHighlights(null);
    } catch (e) {
      toast(`Could not read the highlights: ${e.message}`);
      all = [];
    }
    if (disposed) return;
    renderFilters();
    await reload();
  }

  async function reload() {
    remembered = { ...filter };
    clearButton.hidden = !model.isFiltered(filter);
    const mine = ++seq;
    let list;
    if (!model.isFiltered(filter)) {
      list = all;
    } else {
      try {
        list = await api.listHighlights({
          text: filter.text || null, color: filter.color || null, tag: filter.tag || null,
          article: filter.article || null, creator: filter.creator || null,
        });
      } catch (e) {
        toast(`Could not filter the highlights: ${e.message}`);
        list = [];
      }
    }
    if (disposed || mine !== seq) return;
    render(list);
  }

  // ---- rendering ----

  function open(hl) {
    store.set({ jump: { article: hl.article, start: hl.start, end: hl.end } });
    navigate(`#/read/${hl.article}`);
  }

  function item(hl) {
    return h('li', { class: `hl-item hl-row${hl.orphan ? ' hl-orphan' : ''}`, dataset: { id: hl.id, color: hl.color } },
      h('a', {
        href: `#/read/${hl.article}`, class: 'hl-item-quote hl-open',
        onclick: (e) => { e.preventDefault(); open(hl); },
      }, h('span', { class: `hl-dot hl-color-${hl.color}`, 'aria-hidden': 'true' }), h('span', { class: 'hl-item-text' }, model.excerpt(hl.exact, 220)),
      h('span', { class: 'visually-hidden' }, ` (${model.describe(hl)})`)),
      hl.note_html && noteNode(hl.note_html, { class: 'note-html hl-item-note' }),
      h('div', { class: 'hl-item-foot' },
        h('span', { class: 'hl-item-meta' }, [hl.creator, formatDate(hl.modified || hl.created), hl.orphan ? 'not found in the text' : null].filter(Boolean).join(' · ')),
        hl.tags.length > 0 && h('span', { class: 'row-tags' }, hl.tags.map((t) => h('span', { class: 'tag' }, t)))));
  }

  function render(list) {
    clear(body);
    if (all.length === 0) {
      status.textContent = '';
      body.append(h('div', { class: 'welcome', id: 'highlights-empty' },
        h('h2', {}, 'No highlights yet'),
        h('p', {}, 'Open an article, select some words and pick a colour (or press H). Your highlights, notes and tags from every article gather here.'),
        h('button', { type: 'button', class: 'button button-primary', onclick: () => navigate('#/') }, 'Go to your articles')));
      return;
    }
    if (list.length === 0) {
      status.textContent = 'No highlights match.';
      body.append(h('div', { class: 'welcome', id: 'highlights-none' },
        h('h2', {}, 'Nothing matches these filters'),
        h('p', {}, 'Try other words, or clear the filters to see every highlight.'),
        h('button', { type: 'button', class: 'button', onclick: () => resetFilters() }, 'Clear filters')));
      return;
    }
    const groups = model.groupByArticle(list);
    status.textContent = `${list.length} ${list.length === 1 ? 'highlight' : 'highlights'} in ${groups.length} ${groups.length === 1 ? 'article' : 'articles'}`;
    for (const [i, group] of groups.entries()) {
      const headingId = `hl-group-${i}`;
      body.append(h('section', { class: 'hl-group', 'aria-labelledby': headingId, dataset: { article: group.article } },
        h('h2', { class: 'hl-group-title', id: headingId }, group.title),
        h('ul', { class: 'hl-list' }, group.highlights.map(item))));
    }
  }

  loadAll();
  document.getElementById('highlights-heading')?.focus({ preventScroll: true });

  return () => {
    disposed = true;
    typed.cancel();
  };
}
