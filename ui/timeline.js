// The article's timeline beside the reader: a toolbar button (Shift+T) toggles a side-panel
// tab listing the article's dated events by year; clicking one scrolls the reader to its
// passage and flashes it. Dated words show their date on hover, and are underlined while the
// panel is open. Corrections (edit a date, hide, revert, add from a selection) go to the core
// and the list is reloaded from it: the core owns every rule, this only presents.

import { h, clear, append, isTyping } from './dom.js';
import { offsetAtPoint, selectionOffsets, paint, unpaint } from './text-range.js';
import { codePointLength, sliceCodePoints } from './offsets.js';
import { valueLabel, groupLabel } from './timeline-dates.js';
import { groupBy } from './timeline-layout.js';
import { exportMenu } from './timeline-export.js';

/** Longest sentence shown whole; longer ones are cut around the mention. */
const SENTENCE_MAX = 220;

const VALUE_HINT = 'e.g. 2021-03-02, 2021-03, 2021-SU, 2021-Q1, 2021-W10, 2021, 202 (the 2020s)';

/**
 * The sentence as nodes, the mention emphasised (`<mark>`), cut to about SENTENCE_MAX code
 * points around it. Text goes in as text nodes only.
 */
export function sentenceNodes(event) {
  const sentence = event.sentence || '';
  const length = codePointLength(sentence);
  const m = event.mention;
  let at = m.start - (event.sentence_start ?? 0);
  const mLength = m.end - m.start;
  if (at < 0 || at + mLength > length || sliceCodePoints(sentence, at, at + mLength) !== m.text) {
    // The mention is not inside the sentence (should not happen): show both, plainly.
    return [h('mark', { class: 'tl-mention' }, m.text), ' ', sentence];
  }
  let from = 0;
  let to = length;
  if (length > SENTENCE_MAX) {
    from = Math.max(0, at - 90);
    to = Math.min(length, from + SENTENCE_MAX);
  }
  return [
    from > 0 ? '…' : '',
    sliceCodePoints(sentence, from, at),
    h('mark', { class: 'tl-mention' }, m.text),
    sliceCodePoints(sentence, at + mLength, to),
    to < length ? '…' : '',
  ];
}

export function attach(ctx) {
  const { id, api, toast } = ctx;
  const lang = ctx.document.meta?.language || ctx.article.lang || 'en';
  let events = [];
  let orphans = [];
  let loaded = false;
  let showHidden = false;
  let editing = null; // the start of the event whose date is being edited
  let adding = null; // {start, end, exact, value}
  let lastSelection = null;
  let disposed = false;

  const button = ctx.addTool(h('button', {
    type: 'button', class: 'button button-quiet', id: 'timeline-toggle', 'aria-keyshortcuts': 'Shift+T',
    'aria-expanded': 'false', 'aria-controls': 'panel-timeline', title: 'Timeline (Shift+T)',
  }, 'Timeline'));
  const panel = ctx.addPanel({ id: 'timeline', label: 'Timeline', onShow: shown });
  const root = panel.element;
  root.classList.add('tl-panel');
  const tooltip = h('div', { class: 'tl-tooltip', role: 'tooltip', id: 'tl-tooltip', hidden: true });
  document.body.append(tooltip);

  button.addEventListener('click', () => panel.toggle());

  const isOpen = () => !root.hidden;
  // The reader hides the panel when another tab is chosen: stop painting then.
  const observer = new MutationObserver(() => {
    button.setAttribute('aria-expanded', String(isOpen()));
    if (!isOpen()) unpaint('timex');
  });
  observer.observe(root, { attributes: true, attributeFilter: ['hidden'] });

  function shown() {
    button.setAttribute('aria-expanded', 'true');
    render();
    paintMentions();
  }

  async function reload() {
    try {
      const view = await api.articleTimeline(id);
      if (disposed) return;
      events = view.events;
      orphans = view.orphans;
      loaded = true;
    } catch (e) {
      toast(`Could not read the timeline: ${e.message}`);
    }
    if (isOpen()) {
      render();
      paintMentions();
    }
  }

  function paintMentions() {
    if (!isOpen()) return;
    paint('timex', events.filter((e) => !e.hidden).map((e) => ctx.text.range(e.mention.start, e.mention.end)), 1);
  }

  // ---- actions (each reloads the timeline from the core) ----

  function go(event) {
    ctx.scrollToOffset(event.mention.start);
    ctx.flash(event.mention.start, event.mention.end);
  }

  async function act(work, focusStart) {
    try {
      await work();
    } catch (e) {
      toast(e.message);
      return false;
    }
    await reload();
    focusEvent(focusStart);
    return true;
  }

  const hide = (event) => act(() => api.hideEvent(id, event.mention.start), null).then((ok) => {
    if (ok) toast(`Hidden: ${valueLabel(event.value, lang)}`, { action: { label: 'Undo', run: () => unhide(event) } });
  });
  const unhide = (event) => act(() => api.unhideEvent(id, event.mention.start), event.mention.start);
  const revert = (event) => act(() => api.removeCorrection(event.correction), event.mention.start);

  async function saveEdit(event, input, error) {
    try {
      await api.correctEvent(id, event.mention.start, input.value);
    } catch (e) {
      showError(input, error, e.message);
      return;
    }
    editing = null;
    await reload();
    focusEvent(event.mention.start);
  }

  async function saveAdd(input, error) {
    try {
      await api.addEvent(id, adding.start, adding.end, input.value);
    } catch (e) {
      showError(input, error, e.message);
      return;
    }
    const start = adding.start;
    adding = null;
    await reload();
    focusEvent(start);
  }

  function showError(input, error, message) {
    error.textContent = message;
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }

  /** Starts adding an event from `[start, end)`, asking for its date (prefilled with the core's guess). */
  async function startAdd(selection) {
    const exact = selection.exact ?? ctx.text.range(selection.start, selection.end)?.toString() ?? '';
    adding = { start: selection.start, end: selection.end, exact, value: '' };
    editing = null;
    panel.show();
    try {
      const guess = await api.dateGuess(id, selection.start, selection.end);
      if (guess && adding && adding.start === selection.start) {
        adding.value = guess.value;
        const input = root.querySelector('#tl-add-value');
        if (input && !input.value) input.value = guess.value;
      }
    } catch {
      // No guess: the field stays empty for the user to fill.
    }
  }

  ctx.addSelectionAction({ id: 'timeline-add', label: 'Add to timeline', key: 'd', run: (s) => startAdd(s) });

  // ---- rendering ----

  function focusEvent(start) {
    const target = start === null ? null : root.querySelector(`.tl-event[data-start="${start}"] .tl-event-main`);
    (target || root.querySelector('.tl-event-main') || root.querySelector('#tl-add-selection'))?.focus({ preventScroll: false });
  }

  function valueForm({ idPrefix, label, value, onSave, onCancel }) {
    const input = h('input', { id: `${idPrefix}-value`, class: 'text-input tl-value-input', type: 'text', value, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${idPrefix}-hint ${idPrefix}-error` });
    const error = h('p', { class: 'tl-error', id: `${idPrefix}-error`, role: 'alert', hidden: true });
    const form = h('form', { class: 'tl-form', id: `${idPrefix}-form` },
      h('label', { for: `${idPrefix}-value`, class: 'tl-form-label' }, label),
      input,
      h('p', { class: 'tl-hint', id: `${idPrefix}-hint` }, VALUE_HINT),
      error,
      h('div', { class: 'tl-form-buttons' },
        h('button', { type: 'submit', class: 'button button-small button-primary' }, 'Save'),
        h('button', { type: 'button', class: 'button button-small', onclick: onCancel }, 'Cancel')));
    form.addEventListener('submit', (e) => { e.preventDefault(); onSave(input, error); });
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); onCancel(); }
    });
    input.addEventListener('input', () => { error.hidden = true; input.removeAttribute('aria-invalid'); });
    return form;
  }

  function eventItem(event) {
    const start = event.mention.start;
    const added = event.corrected && !event.original_value;
    const label = valueLabel(event.value, lang);
    const main = h('button', { type: 'button', class: 'tl-event-main' },
      h('span', { class: 'tl-date-line' },
        h('time', { class: 'tl-date', datetime: event.from }, label),
        event.corrected && h('span', { class: 'tl-badge' }, added ? 'added' : 'edited'),
        event.hidden && h('span', { class: 'tl-badge' }, 'hidden')),
      h('span', { class: 'tl-sentence', lang }, sentenceNodes(event)),
      event.people?.length ? h('span', { class: 'tl-people' }, event.people.join(', ')) : null);
    main.addEventListener('click', () => go(event));
    const actions = h('div', { class: 'tl-actions' });
    if (event.hidden) {
      actions.append(h('button', { type: 'button', class: 'button button-small button-quiet tl-unhide', onclick: () => unhide(event) }, 'Unhide'));
    } else {
      actions.append(
        h('button', { type: 'button', class: 'button button-small button-quiet tl-edit', 'aria-expanded': String(editing === start), onclick: () => { editing = editing === start ? null : start; adding = null; render(); root.querySelector('#tl-edit-value')?.focus(); } }, 'Edit date'),
        h('button', { type: 'button', class: 'button button-small button-quiet tl-hide', onclick: () => hide(event) }, 'Hide'));
      if (event.correction) {
        actions.append(h('button', { type: 'button', class: 'button button-small button-quiet tl-revert', onclick: () => revert(event), title: added ? 'Remove this event you added' : `Back to ${valueLabel(event.original_value, lang)}` }, added ? 'Remove' : 'Revert'));
      }
    }
    const item = h('li', { class: `tl-event${event.hidden ? ' tl-hidden' : ''}`, dataset: { start: String(start), end: String(event.mention.end), value: event.value } }, main, actions);
    if (editing === start && !event.hidden) {
      item.append(valueForm({
        idPrefix: 'tl-edit', label: `New date for “${event.mention.text}”`, value: event.value,
        onSave: (input, error) => saveEdit(event, input, error),
        onCancel: () => { editing = null; render(); focusEvent(start); },
      }));
    }
    return item;
  }

  function render() {
    if (disposed) return;
    clear(root);
    const hiddenCount = events.filter((e) => e.hidden).length;
    const listed = events.filter((e) => showHidden || !e.hidden);
    const addButton = h('button', { type: 'button', class: 'button button-small', id: 'tl-add-selection', title: 'Select words in the article first' }, 'Add from selection');
    addButton.addEventListener('click', () => {
      const selection = selectionOffsets() || lastSelection;
      if (!selection) {
        toast('Select the words that name a date in the article first.');
        return;
      }
      startAdd(selection).then(() => root.querySelector('#tl-add-value')?.focus());
    });
    root.append(
      h('div', { class: 'tl-head' },
        h('h2', { class: 'visually-hidden' }, 'Timeline'),
        h('span', { class: 'tl-count', id: 'tl-count' }, loaded ? `${listed.filter((e) => !e.hidden).length} ${listed.length === 1 ? 'event' : 'events'}` : 'Loading…')),
      h('div', { class: 'tl-tools' },
        addButton,
        exportMenu({ api, toast, id: 'tl-export', scope: () => ({ ids: [id] }), title: () => ctx.document.meta?.title || 'timeline' }),
        hiddenCount > 0 && h('button', {
          type: 'button', class: 'button button-small button-quiet', id: 'tl-show-hidden', 'aria-pressed': String(showHidden),
          onclick: () => { showHidden = !showHidden; render(); root.querySelector('#tl-show-hidden')?.focus(); },
        }, `Show hidden (${hiddenCount})`)),
      listed.length > 0 && h('p', { class: 'tl-hint' }, 'Click a date to go to its passage. ', h('kbd', {}, 'Shift'), '+', h('kbd', {}, 'T'), ' opens and closes this panel.'));
    if (adding) {
      root.append(h('div', { class: 'tl-adding' },
        h('p', { class: 'tl-quote' }, 'Add “', h('span', { lang }, adding.exact), '” to the timeline'),
        valueForm({
          idPrefix: 'tl-add', label: 'Date', value: adding.value,
          onSave: (input, error) => saveAdd(input, error),
          onCancel: () => { adding = null; render(); root.querySelector('#tl-add-selection')?.focus(); },
        })));
    }
    if (orphans.length) {
      root.append(h('p', { class: 'tl-orphans', role: 'note' }, `${orphans.length} of your corrections no longer match the article's text: ${orphans.map((o) => `“${o.mention.text}”`).join(', ')}.`));
    }
    if (loaded && listed.length === 0) {
      root.append(h('div', { class: 'tl-empty', id: 'tl-empty' },
        h('p', {}, hiddenCount ? 'Every event of this article is hidden.' : 'No dates were found in this article.'),
        h('p', { class: 'tl-hint' }, 'Select words that name a date, then choose “Add from selection”.')));
      return;
    }
    const list = h('div', { class: 'tl-list', id: 'tl-list' });
    for (const group of groupBy(listed, (e) => groupLabel(e, lang))) {
      const headingId = `tl-year-${group.key.replace(/\W+/g, '')}-${list.children.length}`;
      list.append(h('section', { class: 'tl-year', 'aria-labelledby': headingId },
        h('h3', { class: 'tl-year-heading', id: headingId }, group.key),
        h('ol', { class: 'tl-events' }, group.items.map(eventItem))));
    }
    root.append(list);
  }

  // ---- hover: a dated passage shows its date ----

  let hovered = null;
  let lastMove = 0;
  function mentionAt(x, y) {
    const offset = offsetAtPoint(x, y);
    if (offset === null) return null;
    const event = events.find((e) => e.mention.start <= offset && offset < e.mention.end);
    if (!event) return null;
    // The caret lands on the nearest text even beside a line: check the point is on the words.
    const rects = ctx.text.range(event.mention.start, event.mention.end)?.getClientRects() ?? [];
    return [...rects].some((r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) ? event : null;
  }
  function showTooltip(event, x, y) {
    hovered = event;
    clear(tooltip);
    append(tooltip, [
      h('strong', { class: 'tl-tooltip-date', lang }, valueLabel(event.value, lang)),
      event.corrected ? h('span', { class: 'tl-tooltip-note' }, event.original_value ? ` (edited; was ${valueLabel(event.original_value, lang)})` : ' (added)') : null,
      event.hidden ? h('span', { class: 'tl-tooltip-note' }, ' (hidden)') : null,
      h('span', { class: 'tl-tooltip-keys' }, h('kbd', {}, 'E'), ' edit date · ', h('kbd', {}, 'H'), event.hidden ? ' unhide' : ' hide')]);
    tooltip.hidden = false;
    const box = tooltip.getBoundingClientRect();
    tooltip.style.left = `${Math.max(8, Math.min(window.innerWidth - box.width - 8, x + 12))}px`;
    tooltip.style.top = `${y + 20 + box.height > window.innerHeight ? y - box.height - 12 : y + 20}px`;
  }
  function hideTooltip() {
    hovered = null;
    tooltip.hidden = true;
  }
  const onMove = (e) => {
    const now = performance.now();
    if (now - lastMove < 40) return;
    lastMove = now;
    const event = mentionAt(e.clientX, e.clientY);
    if (event) showTooltip(event, e.clientX, e.clientY);
    else hideTooltip();
  };
  ctx.article.addEventListener('mousemove', onMove);
  ctx.article.addEventListener('mouseleave', hideTooltip);
  window.addEventListener('scroll', hideTooltip, { passive: true });

  // ---- keys: Shift+T toggles; E / H act on the hovered date ----

  const onKey = (e) => {
    if (e.defaultPrevented || isTyping(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'T') { // Shift+T
      e.preventDefault();
      panel.toggle();
      if (isOpen()) root.querySelector('.tl-event-main, #tl-add-selection')?.focus();
      return;
    }
    if (!hovered || e.shiftKey) return;
    const event = hovered;
    if (e.key === 'e' || e.key === 'E') {
      e.preventDefault();
      hideTooltip();
      if (event.hidden) showHidden = true;
      editing = event.hidden ? null : event.mention.start;
      adding = null;
      panel.show();
      (root.querySelector('#tl-edit-value') || root.querySelector(`.tl-event[data-start="${event.mention.start}"] .tl-event-main`))?.focus();
    } else if (e.key === 'h' || e.key === 'H') {
      e.preventDefault();
      hideTooltip();
      if (event.hidden) unhide(event);
      else hide(event);
    }
  };
  document.addEventListener('keydown', onKey);

  const onSelection = () => {
    const s = selectionOffsets();
    if (s) lastSelection = s;
  };
  document.addEventListener('selectionchange', onSelection);

  reload();

  return () => {
    disposed = true;
    observer.disconnect();
    unpaint('timex');
    tooltip.remove();
    document.removeEventListener('keydown', onKey);
    document.removeEventListener('selectionchange', onSelection);
    window.removeEventListener('scroll', hideTooltip);
  };
}
