// The reader: an article's blocks rendered with their canonical offsets (`data-start`,
// DESIGN §2), its header, a table of contents, and the reading position saved and restored.
// Reader settings reach it only through CSS custom properties; it never re-renders for them.
//
// Features (highlights, timeline) attach to a rendered article through a reader context
// (see `readerContext` below): they add toolbar buttons and side-panel tabs, paint over the
// text with CSS highlights, and scroll to or flash a passage by its offsets.

import { h, clear, debounce } from './dom.js';
import { splitByMarks, blockAt } from './offsets.js';
import { readingTime, formatDate } from './format.js';
import { createTextMap, paint, unpaint } from './text-range.js';
import { features } from './reader-features.js';

/** Mark kinds from the outermost wrapper to the innermost. */
const MARK_ORDER = ['link', 'strong', 'emphasis', 'code', 'superscript', 'subscript'];
const MARK_TAGS = { strong: 'strong', emphasis: 'em', code: 'code', superscript: 'sup', subscript: 'sub' };

/** Inline text with its marks, as DOM nodes (text nodes inside formatting elements). */
export function inlineNodes(text, marks) {
  return splitByMarks(text, marks).map((run) => {
    let node = document.createTextNode(run.text);
    const active = [...run.marks].sort((a, b) => MARK_ORDER.indexOf(b.mark) - MARK_ORDER.indexOf(a.mark));
    for (const mark of active) {
      const wrapper = mark.mark === 'link'
        ? h('a', { href: mark.href, class: 'external', rel: 'noopener noreferrer', title: mark.href })
        : h(MARK_TAGS[mark.mark] || 'span');
      wrapper.append(node);
      node = wrapper;
    }
    return node;
  });
}

function headingTag(level) {
  // Levels are HTML's; the article title is the page's only h1, so a level-1 heading in the
  // body becomes an h2.
  return `h${Math.min(6, Math.max(2, Number(level) || 2))}`;
}

function figure(block, api) {
  const image = block.image || {};
  const missing = () => h('div', { class: 'figure-missing', role: 'img', 'aria-label': image.alt ? `Image not available: ${image.alt}` : 'Image not available' },
    h('span', { 'aria-hidden': 'true' }, 'Image not available'));
  let picture;
  if (image.sha256) {
    picture = h('img', { src: api.assetUrl(image.sha256), alt: image.alt || '', decoding: 'async' });
    picture.addEventListener('error', () => picture.replaceWith(missing()), { once: true });
  } else {
    picture = missing();
  }
  return h('figure', {}, picture, block.text && h('figcaption', {}, inlineNodes(block.text, block.marks)));
}

function table(block) {
  const rows = block.rows && block.rows.length ? block.rows : block.text.split('\n').map((r) => r.split('\t'));
  const [head, ...rest] = rows;
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Table' },
    h('table', {},
      h('thead', {}, h('tr', {}, head.map((cell) => h('th', { scope: 'col' }, cell)))),
      h('tbody', {}, rest.map((row) => h('tr', {}, row.map((cell) => h('td', {}, cell)))))));
}

/**
 * Renders the blocks. Returns {nodes, blocks: [element per block], headings: [{el, text, level}]}.
 * Consecutive list items become (nested) lists.
 */
export function renderBlocks(doc, starts, api) {
  const nodes = [];
  const elements = [];
  const headings = [];
  let lists = []; // open lists, outermost first: {el, ordered}

  doc.blocks.forEach((block, i) => {
    const start = String(starts[i]);
    if (block.type !== 'list_item') lists = [];
    let el;
    switch (block.type) {
      case 'heading':
        el = h(headingTag(block.level), { id: `h-${i}`, tabindex: '-1' }, inlineNodes(block.text, block.marks));
        headings.push({ el, text: block.text, level: block.level || 1 });
        break;
      case 'quote':
        el = h('blockquote', {}, h('p', {}, inlineNodes(block.text, block.marks)));
        break;
      case 'preformatted':
        el = h('pre', { tabindex: '0' }, inlineNodes(block.text, block.marks));
        break;
      case 'figure':
        el = figure(block, api);
        break;
      case 'table':
        el = table(block);
        break;
      case 'list_item': {
        const depth = Math.max(0, Number(block.depth) || 0);
        while (lists.length > depth + 1) lists.pop();
        if (lists.length === depth + 1 && lists[depth].ordered !== Boolean(block.ordered)) lists.pop();
        while (lists.length < depth + 1) {
          const list = h(block.ordered ? 'ol' : 'ul', { class: 'article-list-block' });
          const parent = lists[lists.length - 1];
          if (parent) {
            const lastItem = parent.el.lastElementChild || parent.el.appendChild(h('li', { class: 'list-holder' }));
            lastItem.append(list);
          } else {
            nodes.push(list);
          }
          lists.push({ el: list, ordered: Boolean(block.ordered) });
        }
        el = h('li', {}, inlineNodes(block.text, block.marks));
        lists[lists.length - 1].el.append(el);
        break;
      }
      default:
        el = h('p', {}, inlineNodes(block.text, block.marks));
    }
    el.dataset.start = start;
    el.dataset.block = String(i);
    el.classList.add('block');
    elements.push(el);
    if (block.type !== 'list_item') nodes.push(el);
  });
  return { nodes, elements, headings };
}

export function mount(root, api, app) {
  const { store, navigate, toast, openSettings, id } = app;
  let disposed = false;
  let elements = [];
  let starts = [];
  let position = 0;
  // Scrolls the reader makes itself (restoring, re-anchoring) are not the reader's reading;
  // scroll events until this time are ignored, and the position is read again afterwards.
  // (A timer rather than requestAnimationFrame: WebKit pauses frames in hidden windows.)
  let quietUntil = 0;

  const back = h('button', { type: 'button', class: 'button button-quiet', id: 'back', 'aria-keyshortcuts': 'Escape' }, '← Library');
  const tocButton = h('button', { type: 'button', class: 'button button-quiet', id: 'toc-toggle', 'aria-expanded': 'false', 'aria-controls': 'toc' }, 'Contents');
  const settingsButton = h('button', { type: 'button', class: 'button button-quiet', id: 'reader-settings', 'aria-keyshortcuts': 'Control+,' }, 'Aa', h('span', { class: 'visually-hidden' }, ' Reading settings'));
  const originalButton = h('button', { type: 'button', class: 'button button-quiet', id: 'original', hidden: true }, 'Original ↗');
  const toolbarButtons = [back, tocButton, settingsButton, originalButton];
  const toolbar = h('div', { class: 'reader-toolbar', role: 'toolbar', 'aria-label': 'Article', 'aria-controls': 'article' }, toolbarButtons);
  const progressBar = h('div', { class: 'reading-progress', 'aria-hidden': 'true' }, h('div', { class: 'reading-progress-fill' }));
  const toc = h('nav', { id: 'toc', class: 'toc', 'aria-label': 'Contents', hidden: true });
  const article = h('article', { id: 'article', class: 'article', 'aria-busy': 'true' });
  const sideTabs = h('div', { class: 'side-tabs', role: 'tablist', 'aria-label': 'Side panel' });
  const side = h('aside', { id: 'side', class: 'reader-side', hidden: true, 'aria-label': 'Side panel' }, sideTabs);
  const frame = h('div', { class: 'reader' },
    h('header', { class: 'reader-bar' }, toolbar, progressBar),
    h('div', { class: 'reader-layout' }, toc, h('main', { class: 'reader-main' }, article), side));
  root.append(frame);

  // ---- toolbar: one tab stop, arrow keys between buttons ----
  function rovingFocus(target) {
    for (const b of toolbarButtons) b.tabIndex = b === target ? 0 : -1;
    target.focus();
  }
  toolbarButtons.forEach((b, i) => { b.tabIndex = i === 0 ? 0 : -1; });

  /** Adds a feature's button to the toolbar, before the link to the original. */
  function addTool(button) {
    button.tabIndex = -1;
    toolbar.insertBefore(button, originalButton);
    toolbarButtons.splice(toolbarButtons.indexOf(originalButton), 0, button);
    return button;
  }
  toolbar.addEventListener('keydown', (e) => {
    const visible = toolbarButtons.filter((b) => !b.hidden);
    const i = visible.indexOf(document.activeElement);
    if (i < 0) return;
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: visible.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    rovingFocus(visible[(to + visible.length) % visible.length]);
  });

  back.addEventListener('click', () => navigate('#/'));
  settingsButton.addEventListener('click', () => openSettings());
  tocButton.addEventListener('click', () => {
    const open = toc.hidden;
    toc.hidden = !open;
    tocButton.setAttribute('aria-expanded', String(open));
    frame.classList.toggle('with-toc', open);
    if (open) toc.querySelector('button')?.focus();
  });

  // Links open in the system browser; the app window never navigates.
  article.addEventListener('click', (e) => {
    const link = e.target instanceof Element && e.target.closest('a[href]');
    if (!link) return;
    e.preventDefault();
    api.openExternal(link.getAttribute('href')).catch((err) => toast(`Could not open the link: ${err.message}`));
  });

  // ---- reading position ----

  function toolbarBottom() {
    return frame.querySelector('.reader-bar').getBoundingClientRect().bottom;
  }

  /** The offset of the first block whose bottom is below the toolbar. */
  function currentPosition() {
    const top = toolbarBottom() + 4;
    for (const el of elements) {
      if (el.getBoundingClientRect().bottom > top) return Number(el.dataset.start);
    }
    return 0;
  }

  function currentProgress() {
    const scroller = document.scrollingElement;
    const max = scroller.scrollHeight - scroller.clientHeight;
    return max <= 0 ? 1 : Math.min(1, scroller.scrollTop / max);
  }

  function scrollToPosition(offset) {
    const i = blockAt(starts, offset);
    const el = elements[i];
    if (!el) return;
    const y = el.getBoundingClientRect().top + window.scrollY - toolbarBottom() - 8;
    window.scrollTo({ top: Math.max(0, y), behavior: 'instant' });
  }

  const save = debounce(() => {
    if (disposed && !starts.length) return;
    const progress = currentProgress();
    document.body.dataset.readingPosition = String(position);
    api.saveReadingState(id, position, progress).catch((e) => toast(`Could not save your place: ${e.message}`));
  }, 400);

  const fill = progressBar.firstChild;
  /** Runs a scroll of our own, then reads the position once it has settled. */
  function quietly(scroll) {
    quietUntil = performance.now() + 200;
    scroll();
    setTimeout(onScroll, 250);
  }

  function onScroll() {
    if (performance.now() < quietUntil || elements.length === 0) return;
    position = currentPosition();
    fill.style.transform = `scaleX(${currentProgress()})`;
    save();
  }
  window.addEventListener('scroll', onScroll, { passive: true });

  // A new font size or width moves text: keep the block being read in place.
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.reader === previous.reader || elements.length === 0) return;
    const keep = position;
    // Let the new custom properties lay out first.
    setTimeout(() => quietly(() => scrollToPosition(keep)), 0);
  });

  // ---- render ----

  function renderHeader(view) {
    const meta = view.document.meta;
    const headerNodes = [];
    if (meta.breadcrumbs?.length) {
      headerNodes.push(h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumb' },
        h('ol', {}, meta.breadcrumbs.map((c) => h('li', {}, c)))));
    }
    headerNodes.push(h('h1', { id: 'article-title', tabindex: '-1' }, meta.title));
    if (meta.byline) headerNodes.push(h('p', { class: 'byline' }, meta.byline));
    const published = meta.published && h('time', { datetime: meta.published }, formatDate(meta.published));
    const metaParts = [meta.source || meta.site_name, published, readingTime(view.reading_minutes)].filter(Boolean);
    const metaLine = h('p', { class: 'meta' });
    metaParts.forEach((part, i) => {
      if (i > 0) metaLine.append(' · ');
      metaLine.append(part);
    });
    headerNodes.push(metaLine);
    const url = meta.url || meta.canonical_url;
    if (url && /^https?:/i.test(url)) {
      originalButton.hidden = false;
      originalButton.title = url;
      originalButton.addEventListener('click', () => api.openExternal(url).catch((e) => toast(`Could not open the link: ${e.message}`)));
    }
    const tagsInput = h('input', { id: 'tags-input', class: 'text-input tags-input', type: 'text', value: view.tags.join(', '), placeholder: 'Add tags, separated by commas', autocomplete: 'off' });
    const saveTags = async () => {
      const tags = tagsInput.value.split(/[,，]/).map((t) => t.trim()).filter(Boolean);
      try {
        await api.setTags(id, tags);
      } catch (e) {
        toast(`Could not save tags: ${e.message}`);
      }
    };
    tagsInput.addEventListener('change', saveTags);
    headerNodes.push(h('p', { class: 'tags-line' }, h('label', { for: 'tags-input' }, 'Tags'), tagsInput));
    return h('header', { class: 'article-header' }, headerNodes);
  }

  function renderToc(headings) {
    clear(toc);
    if (headings.length === 0) {
      tocButton.hidden = true;
      return;
    }
    toc.append(h('h2', { class: 'toc-title' }, 'Contents'),
      h('ol', {}, headings.map((hd) => h('li', { class: `toc-level-${Math.min(hd.level, 4)}` },
        h('button', {
          type: 'button', class: 'toc-link',
          onclick: () => {
            // A jump is reading: the position is saved once the scroll settles.
            const y = hd.el.getBoundingClientRect().top + window.scrollY - toolbarBottom() - 8;
            window.scrollTo({ top: Math.max(0, y), behavior: 'instant' });
            hd.el.focus({ preventScroll: true });
          },
        }, hd.text)))));
  }

  function settled(images) {
    // Images change the layout as they arrive; wait for them (briefly) before restoring.
    const each = images.map((img) => (img.complete ? Promise.resolve() : new Promise((done) => {
      img.addEventListener('load', done, { once: true });
      img.addEventListener('error', done, { once: true });
    })));
    return Promise.race([Promise.all(each), new Promise((done) => setTimeout(done, 1500))]);
  }

  async function load() {
    let view;
    try {
      view = await api.openArticle(id);
    } catch (e) {
      if (disposed) return;
      article.removeAttribute('aria-busy');
      article.append(h('div', { class: 'reader-error' },
        h('h1', { id: 'article-title', tabindex: '-1' }, e.kind === 'not_found' ? 'This article is no longer in your library' : 'This article could not be opened'),
        h('p', {}, e.message),
        h('button', { type: 'button', class: 'button', onclick: () => navigate('#/') }, 'Back to the library')));
      document.getElementById('article-title')?.focus();
      return;
    }
    if (disposed) return;
    const doc = view.article?.document ?? view.document;
    starts = view.block_starts;
    const lang = doc.meta.language;
    if (lang) article.lang = lang;
    document.title = `${doc.meta.title} — Lectern`;
    const rendered = renderBlocks(doc, starts, api);
    elements = rendered.elements;
    article.append(renderHeader({ ...view, document: doc }), h('div', { class: 'article-body' }, rendered.nodes));
    article.removeAttribute('aria-busy');
    // For the desktop benchmark (opening an article to its first paint): a frame, then a
    // task after it, is when the browser has painted the new content.
    performance.mark('lectern:article-rendered');
    requestAnimationFrame(() => setTimeout(() => performance.mark('lectern:article-painted'), 0));
    renderToc(rendered.headings);
    store.set({ lastArticle: id });
    for (const feature of features) {
      try {
        disposers.push(feature.attach(readerContext(view, doc)) || (() => {}));
      } catch (e) {
        toast(`Part of the reader failed to start: ${e.message}`);
      }
    }

    // Sent here to a passage (a timeline event, a highlight in a list)? Go there instead of
    // the saved place: `store.jump` = {article, start, end}, set just before navigating.
    const jump = store.get().jump;
    if (jump) store.set({ jump: null });
    const context = jump && jump.article === id ? readerContext(view, doc) : null;
    const saved = view.reading_state?.position ?? 0;
    if (context) quietly(() => { context.scrollToOffset(jump.start); context.flash(jump.start, jump.end); });
    else if (saved > 0) quietly(() => scrollToPosition(saved));
    document.getElementById('article-title')?.focus({ preventScroll: true });
    await settled([...article.querySelectorAll('img')]);
    if (disposed) return;
    // Images may have moved the text: restore again, then record the visit.
    quietly(() => {
      if (context) context.scrollToOffset(jump.start);
      else if (saved > 0) scrollToPosition(saved);
    });
    setTimeout(() => { if (!disposed) frame.dataset.ready = 'true'; }, 260);
  }

  // ---- side panel: one tab per feature panel ----

  const panels = [];

  /** Shows the side panel on tab `panelId`, or hides it when that tab is already shown. */
  function toggleSide(panelId, force) {
    const shown = !side.hidden && panels.find((p) => p.id === panelId)?.tab.getAttribute('aria-selected') === 'true';
    const open = force ?? !shown;
    side.hidden = !open;
    frame.classList.toggle('with-side', open);
    for (const p of panels) {
      const selected = open && p.id === panelId;
      p.tab.setAttribute('aria-selected', String(selected));
      p.tab.tabIndex = selected ? 0 : -1;
      p.element.hidden = !selected;
      p.onShow && selected && p.onShow();
    }
    return open;
  }

  function addPanel({ id: panelId, label, onShow }) {
    const tab = h('button', { type: 'button', role: 'tab', id: `tab-${panelId}`, class: 'side-tab', 'aria-controls': `panel-${panelId}`, 'aria-selected': 'false', tabindex: '-1' }, label);
    const element = h('section', { id: `panel-${panelId}`, class: 'side-panel', role: 'tabpanel', 'aria-labelledby': `tab-${panelId}`, hidden: true });
    tab.addEventListener('click', () => toggleSide(panelId, true));
    sideTabs.append(tab);
    side.append(element);
    panels.push({ id: panelId, tab, element, onShow });
    return { element, show: () => toggleSide(panelId, true), toggle: () => toggleSide(panelId), hide: () => toggleSide(panelId, false) };
  }

  sideTabs.addEventListener('keydown', (e) => {
    const i = panels.findIndex((p) => p.tab === document.activeElement);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1 }[e.key];
    if (i < 0 || to === undefined) return;
    e.preventDefault();
    const next = panels[(to + panels.length) % panels.length];
    toggleSide(next.id, true);
    next.tab.focus();
  });

  let flashTimer = null;

  /** What a feature sees of the reader once the article is rendered. */
  function readerContext(view, doc) {
    const text = createTextMap(elements, starts);
    return {
      id, api, store, toast, navigate, view, document: doc, article, blocks: elements, starts, text,
      addTool, addPanel,
      /**
       * Offers an action on selected article text ({id, label, key?, run({start, end, exact})}).
       * The selection toolbar (highlights.js) shows every action offered here.
       */
      addSelectionAction: (action) => selectionActions.push(action),
      selectionActions: () => [...selectionActions],
      /** Scrolls so that canonical `offset` sits just below the toolbar. */
      scrollToOffset(offset) {
        const range = text.range(offset, offset + 1);
        const top = range ? range.getBoundingClientRect().top : text.blockAt(offset).getBoundingClientRect().top;
        // A jump is reading: the position is saved once the scroll settles.
        window.scrollTo({ top: Math.max(0, top + window.scrollY - toolbarBottom() - 48), behavior: 'instant' });
      },
      /** Briefly paints `[start, end)` so the eye finds it. */
      flash(start, end) {
        clearTimeout(flashTimer);
        paint('flash', [text.range(start, end)], 10);
        frame.dataset.flash = `${start}-${end}`;
        flashTimer = setTimeout(() => { unpaint('flash'); delete frame.dataset.flash; }, 1600);
      },
    };
  }

  const disposers = [];
  const selectionActions = [];

  load();

  return () => {
    save.flush();
    disposed = true;
    for (const dispose of disposers) dispose();
    clearTimeout(flashTimer);
    unpaint('flash');
    unsubscribe();
    window.removeEventListener('scroll', onScroll);
    document.title = 'Lectern';
    delete document.body.dataset.readingPosition;
    window.scrollTo({ top: 0, behavior: 'instant' });
  };
}
