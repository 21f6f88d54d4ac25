// Highlights in the reader: painted over the text with CSS highlights (one per colour, or
// one per group member when the study-group layers say so), the selection toolbar, the
// editor and suggestion popovers, the side panel, keys, and the name asked for once.
//
// Nothing here wraps article text in elements: highlights are ranges over the rendered text
// (text-range.js), so they cross element and block boundaries freely and never move an
// offset. An annotation that cannot be placed (an orphan) is never painted but always
// listed, and can be re-attached to a selection.

import { h, isTyping } from './dom.js';
import { paint, unpaint, selectionOffsets, offsetsOfRange, offsetAtPoint } from './text-range.js';
import { sliceCodePoints } from './offsets.js';
import * as model from './annotations-model.js';
import { createSelectionToolbar } from './selection-toolbar.js';
import { highlightEditor, suggestionPopover } from './highlight-editor.js';
import { showPopover, closePopover, rectNear, copyText } from './popover.js';
import { createHighlightsPanel } from './highlights-panel.js';

/** Priorities of the CSS highlights: suggestions under highlights under the active one. */
const PRIORITY = { suggestion: 0, highlight: 1, active: 5 };

/** Asked once per app run at most, whatever happens to the answer. */
let creatorAsked = false;

export function attach(ctx) {
  performance.mark('lectern:highlights-attach');
  const { api, store, toast, article } = ctx;
  const host = article.parentElement || document.body;
  let disposed = false;
  let highlights = [];
  let suggestions = [];
  let creator = { name: '', chosen: true };
  let active = null; // the id of the highlight being edited or jumped to
  let lastColor = model.DEFAULT_COLOR;
  let lastSelection = null; // {start, end}: kept for "Re-attach to selection" from the panel
  const disposers = [];

  const layers = () => model.normalizeLayers(store.get().layers);
  const words = (start, end) => sliceCodePoints(ctx.view.text ?? '', start, end);

  // ---- painting ----

  function paintAll() {
    const began = performance.now();
    const groups = model.paintGroups(highlights, layers());
    for (const name of model.allLayerNames()) {
      const list = groups.get(name);
      if (list) paint(name, list.map((hl) => ctx.text.range(hl.start, hl.end)), PRIORITY.highlight);
      else unpaint(name);
    }
    paint(model.SUGGESTION_LAYER, suggestions.map((s) => ctx.text.range(s.start, s.end)), PRIORITY.suggestion);
    paintActive();
    article.dataset.highlights = String(highlights.filter((hl) => !hl.orphan).length);
    article.dataset.paintMs = (performance.now() - began).toFixed(1);
    performance.mark('lectern:highlights-painted');
  }

  function paintActive() {
    const hl = active && highlights.find((x) => x.id === active && !x.orphan);
    if (hl && !model.isHidden(hl.creator, layers())) paint(model.ACTIVE_LAYER, [ctx.text.range(hl.start, hl.end)], PRIORITY.active);
    else unpaint(model.ACTIVE_LAYER);
  }

  function setActive(id) {
    active = id;
    paintActive();
    panel.markActive(id);
  }

  function refresh() {
    paintAll();
    panel.render({ highlights, suggestions, layers: layers() });
  }

  // ---- the data ----

  async function load() {
    try {
      const data = await api.articleHighlights(ctx.id);
      if (disposed) return;
      highlights = data.highlights;
      suggestions = data.suggestions;
      creator = data.creator;
    } catch (e) {
      if (!disposed) toast(`Could not load highlights: ${e.message}`);
      return;
    }
    refresh();
  }

  /** Asks for a display name the first time the user highlights, unless one was chosen. */
  async function ensureCreator() {
    if (creator.chosen || creatorAsked) return;
    creatorAsked = true;
    const name = await askName(creator.name);
    try {
      creator = await api.setCreator(name);
    } catch (e) {
      toast(`Could not save your name: ${e.message}`);
    }
  }

  async function create(range, body = {}) {
    await ensureCreator();
    const color = body.color || lastColor;
    try {
      const hl = await api.createHighlight(ctx.id, range.start, range.end, { ...body, color });
      if (disposed) return null;
      lastColor = color;
      highlights = model.upsert(highlights, hl);
      // A suggestion under the new highlight is taken.
      suggestions = suggestions.filter((s) => s.end <= hl.start || s.start >= hl.end);
      active = hl.id;
      refresh();
      return hl;
    } catch (e) {
      toast(`Could not highlight: ${e.message}`);
      return null;
    }
  }

  async function edit(hl, change) {
    try {
      const next = await api.editHighlight(hl.id, change);
      highlights = model.upsert(highlights, next);
      refresh();
      return next;
    } catch (e) {
      toast(`Could not save the highlight: ${e.message}`);
      return null;
    }
  }

  async function remove(hl) {
    try {
      await api.deleteHighlight(hl.id);
    } catch (e) {
      toast(`Could not delete the highlight: ${e.message}`);
      return;
    }
    // Gone from the list first, so that closing its editor does not save into it.
    highlights = highlights.filter((x) => x.id !== hl.id);
    closePopover();
    if (active === hl.id) active = null;
    refresh();
    toast('Highlight deleted', {
      action: {
        label: 'Undo',
        run: async () => {
          try {
            const back = await api.undoDeleteHighlight(hl.id);
            if (disposed) return;
            highlights = model.upsert(highlights, back);
            refresh();
          } catch (e) {
            toast(`Could not bring the highlight back: ${e.message}`);
          }
        },
      },
    });
  }

  async function copy(text) {
    toast(await copyText(text) ? 'Copied' : 'Could not copy', { timeout: 2000 });
  }

  async function accept(suggestion) {
    closePopover();
    const hl = await create({ start: suggestion.start, end: suggestion.end });
    if (hl) toast(suggestion.speaker ? `Highlighted a quote by ${suggestion.speaker}` : 'Highlighted the quote', { timeout: 3000 });
  }

  async function dismiss(suggestion) {
    closePopover();
    let text;
    try {
      text = await api.dismissQuote(ctx.id, suggestion.start, suggestion.end);
    } catch (e) {
      toast(`Could not dismiss the suggestion: ${e.message}`);
      return;
    }
    suggestions = suggestions.filter((s) => s !== suggestion);
    refresh();
    toast('Suggestion dismissed', {
      action: {
        label: 'Undo',
        run: async () => {
          try {
            await api.undismissQuote(ctx.id, text);
            if (disposed) return;
            suggestions = [...suggestions, suggestion].sort((a, b) => b.score - a.score);
            refresh();
          } catch (e) {
            toast(`Could not bring the suggestion back: ${e.message}`);
          }
        },
      },
    });
  }

  async function reattach(hl) {
    const range = selectionOffsets() || lastSelection;
    if (!range) {
      toast('Select the words to attach it to in the article first.');
      return;
    }
    try {
      const next = await api.reattachHighlight(hl.id, range.start, range.end);
      highlights = model.upsert(highlights, next);
      window.getSelection()?.removeAllRanges();
      toolbar.hide();
      active = next.id;
      refresh();
      toast('Highlight re-attached', { timeout: 3000 });
    } catch (e) {
      toast(`Could not re-attach the highlight: ${e.message}`);
    }
  }

  // ---- popovers ----

  /** Opens the editor on `list[index]` next to `anchor` (a rect). */
  function openEditor(list, index, anchor, options = {}) {
    const hl = list[index];
    const returnFocus = options.returnFocus ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    let replaced = false;
    const rerender = (next, focus) => {
      const fresh = list.map((x) => (x.id === next.id ? next : highlights.find((y) => y.id === x.id) || x));
      replaced = true;
      openEditor(fresh, fresh.findIndex((x) => x.id === next.id), anchor, { returnFocus, focus });
    };
    const el = highlightEditor(list, index, {
      color: async (x, color) => {
        const next = await edit(x, { color });
        if (next) {
          lastColor = color;
          rerender(next, 'color');
        }
      },
      note: async (x, text) => {
        const next = await edit(x, { note: text });
        if (next) rerender(next, 'saved-note');
      },
      tags: async (x, text) => {
        const next = await edit(x, { tags: model.parseTags(text) });
        if (next) rerender(next, 'tags');
      },
      copy: (x) => copy(x.exact),
      remove: (x) => remove(x),
      show: (i) => {
        replaced = true;
        openEditor(list, i, anchor, { returnFocus });
      },
    }, { focus: options.focus });
    showPopover(host, el, anchor, {
      returnFocus,
      onClose: () => {
        // A note typed and left (Escape, a click elsewhere) is kept, not lost.
        const unsaved = el.unsavedNote();
        if (unsaved !== null && !replaced && highlights.some((x) => x.id === hl.id)) edit(hl, { note: unsaved });
        if (active === hl.id && !replaced) setActive(null);
      },
    });
    // After showing: closing the previous editor clears the active highlight.
    setActive(hl.id);
  }

  function openSuggestion(suggestion, anchor) {
    const el = suggestionPopover(suggestion, { accept, dismiss });
    showPopover(host, el, anchor, { returnFocus: document.activeElement instanceof HTMLElement ? document.activeElement : null });
  }

  /** The rect of highlight `hl` to anchor a popover to (the line clicked, if a point is given). */
  function anchorOf(item, x, y) {
    const range = ctx.text.range(item.start, item.end);
    return rectNear(range, x, y) || ctx.text.blockAt(item.start).getBoundingClientRect();
  }

  // Clicks on painted text open its editor (or the suggestion's popover).
  function onClick(e) {
    if (e.button !== 0 || (e.target instanceof Element && e.target.closest('a[href]'))) return;
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    const offset = offsetAtPoint(e.clientX, e.clientY);
    if (offset === null) return;
    const hits = model.highlightsAt(highlights, offset, layers());
    if (hits.length) {
      openEditor(hits, 0, anchorOf(hits[0], e.clientX, e.clientY), { returnFocus: null });
      return;
    }
    const suggestion = model.suggestionsAt(suggestions, offset)[0];
    if (suggestion) openSuggestion(suggestion, anchorOf(suggestion, e.clientX, e.clientY));
  }
  article.addEventListener('click', onClick);
  disposers.push(() => article.removeEventListener('click', onClick));

  // ---- the selection toolbar ----

  /** The selection inside the article: {start, end, rect}, or null. */
  function currentSelection() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!article.contains(range.commonAncestorContainer)) return null;
    const offsets = offsetsOfRange(range);
    if (!offsets) return null;
    return { ...offsets, rect: range.getBoundingClientRect() };
  }

  const toolbar = createSelectionToolbar(host, (choice) => onSelectionAction(choice));
  disposers.push(() => toolbar.el.remove());

  async function onSelectionAction(choice) {
    const selected = currentSelection() || lastSelection;
    if (!selected) return;
    const range = { start: selected.start, end: selected.end };
    if (choice.action === 'copy') {
      await copy(words(range.start, range.end));
      return;
    }
    if (choice.action === 'extra') {
      toolbar.hide();
      choice.extra.run({ ...range, exact: words(range.start, range.end) });
      return;
    }
    toolbar.hide();
    window.getSelection()?.removeAllRanges();
    lastSelection = null;
    const hl = await create(range, choice.action === 'highlight' ? { color: choice.color || undefined } : {});
    if (!hl) return;
    if (choice.action === 'note' || choice.action === 'tag') {
      openEditor([hl], 0, anchorOf(hl), { focus: choice.action === 'note' ? 'note' : 'tags', returnFocus: null });
    }
  }

  function updateToolbar() {
    const selected = currentSelection();
    if (!selected) {
      toolbar.hide();
      return;
    }
    lastSelection = { start: selected.start, end: selected.end };
    toolbar.show(selected.rect, ctx.selectionActions());
  }

  // After a mouse or keyboard selection settles.
  const onMouseUp = () => setTimeout(() => { if (!disposed) updateToolbar(); }, 0);
  const onKeyUp = (e) => {
    if (e.shiftKey || e.key === 'Shift') updateToolbar();
  };
  const onSelectionChange = () => {
    const selection = window.getSelection();
    if (toolbar.isOpen() && (!selection || selection.isCollapsed)) toolbar.hide();
  };
  article.addEventListener('mouseup', onMouseUp);
  document.addEventListener('keyup', onKeyUp);
  document.addEventListener('selectionchange', onSelectionChange);
  disposers.push(() => {
    article.removeEventListener('mouseup', onMouseUp);
    document.removeEventListener('keyup', onKeyUp);
    document.removeEventListener('selectionchange', onSelectionChange);
  });

  // ---- keys ----

  function onKeyDown(e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e)) return;
    if (e.key === 'Escape' && toolbar.isOpen()) {
      // Before the app's Escape (back to the library).
      e.preventDefault();
      e.stopImmediatePropagation();
      toolbar.hide();
      return;
    }
    if (e.key === 'H' && e.shiftKey) {
      e.preventDefault();
      panelHandle.toggle();
      if (!document.getElementById('side')?.hidden) panel.focusFirst();
      return;
    }
    if (e.shiftKey || document.querySelector('.dialog-backdrop, .hl-name-backdrop')) return;
    const key = model.selectionKey(e.key);
    // Other features' selection actions may name a key of their own (ours come first).
    const extra = !key && ctx.selectionActions().find((a) => a.key && a.key === e.key);
    if ((!key && !extra) || !currentSelection()) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (extra) onSelectionAction({ action: 'extra', extra });
    else onSelectionAction(key);
  }
  window.addEventListener('keydown', onKeyDown, true);
  disposers.push(() => window.removeEventListener('keydown', onKeyDown, true));

  // ---- the side panel and its toolbar button ----

  const panelHandle = ctx.addPanel({ id: 'highlights', label: 'Highlights', onShow: () => panel.render({ highlights, suggestions, layers: layers() }) });
  const panel = createHighlightsPanel(panelHandle.element, {
    jump(item) {
      ctx.scrollToOffset(item.start);
      ctx.flash(item.start, item.end);
      if (item.id) setActive(item.id);
    },
    edit(hl) {
      ctx.scrollToOffset(hl.start);
      setTimeout(() => openEditor([hl], 0, anchorOf(hl)), 0);
    },
    reattach,
    remove,
    accept,
    dismiss,
  });
  const toolButton = ctx.addTool(h('button', {
    type: 'button', class: 'button button-quiet', id: 'highlights-toggle', 'aria-controls': 'side',
    'aria-keyshortcuts': 'Shift+H', title: 'Highlights, notes and key quotes (Shift+H)',
  }, 'Highlights'));
  toolButton.addEventListener('click', () => panelHandle.toggle());

  // ---- layers (study group) ----

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.layers !== previous.layers) refresh();
  });
  disposers.push(unsubscribe);

  load();

  return () => {
    disposed = true;
    closePopover();
    for (const dispose of disposers) dispose();
    for (const name of model.allLayerNames()) unpaint(name);
    unpaint(model.SUGGESTION_LAYER);
    unpaint(model.ACTIVE_LAYER);
  };
}

/**
 * The small "your name" dialog, shown once before the first highlight: prefilled with the
 * name the core falls back to. Resolves to the name to keep (Skip and Escape keep `fallback`).
 */
function askName(fallback) {
  return new Promise((resolve) => {
    const view = document.getElementById('view');
    const opener = document.activeElement;
    const input = h('input', { type: 'text', class: 'text-input', id: 'creator-name', value: fallback, autocomplete: 'off', maxlength: '100' });
    const done = (name) => {
      window.removeEventListener('keydown', keys, true);
      backdrop.remove();
      if (view) view.inert = false;
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus({ preventScroll: true });
      resolve((name || '').trim() || fallback);
    };
    const keys = (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopImmediatePropagation();
        done(fallback);
      }
    };
    const dialog = h('form', {
      class: 'hl-name-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'creator-title', 'aria-describedby': 'creator-hint',
      onsubmit: (e) => { e.preventDefault(); done(input.value); },
    },
    h('h2', { id: 'creator-title' }, 'Your name on highlights'),
    h('p', { id: 'creator-hint', class: 'hint' }, 'Your highlights and notes carry this name when you share them with a study group. You can change it later in the settings.'),
    h('label', { for: 'creator-name', class: 'field-label' }, 'Display name'),
    input,
    h('div', { class: 'hl-name-actions' },
      h('button', { type: 'submit', class: 'button button-primary', id: 'creator-save' }, 'Save'),
      h('button', { type: 'button', class: 'button button-quiet', id: 'creator-skip', onclick: () => done(fallback) }, 'Skip')));
    const backdrop = h('div', { class: 'hl-name-backdrop' }, dialog);
    document.body.append(backdrop);
    if (view) view.inert = true;
    window.addEventListener('keydown', keys, true);
    input.focus();
    input.select();
  });
}
