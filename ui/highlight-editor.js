// The popovers over painted text: a highlight's editor (colour, note in Markdown shown as the
// core rendered it, tags, copy, delete) and a key-quote suggestion's (Highlight / Dismiss).
// They only build DOM and report what the user asked for; highlights.js does the rest.

import { h, isTyping } from './dom.js';
import { COLORS, colorLabel, colorForKey, excerpt } from './annotations-model.js';
import { formatDate } from './format.js';

/** The note as the core rendered it (pulldown-cmark, sanitized: see `annotation::note`). */
export function noteNode(html, attrs = {}) {
  const el = h('div', { class: 'note-html', ...attrs });
  // Safe by construction: the core writes every tag itself and escapes all text.
  el.innerHTML = html || '';
  for (const a of el.querySelectorAll('a[href]')) a.classList.add('external');
  return el;
}

/**
 * A highlight's editor. `list` holds every highlight under the click (innermost first) and
 * `index` the one shown. `on` receives {color(hl, c), note(hl, text), tags(hl, text),
 * copy(hl), remove(hl), show(i)}. `focus`: 'note' | 'tags' to start editing that, 'color'
 * or 'saved-note' to put focus back where an edit was made.
 */
export function highlightEditor(list, index, on, { focus } = {}) {
  const hl = list[index];
  const el = h('div', { class: 'hl-editor', role: 'dialog', 'aria-label': `Highlight by ${hl.creator}`, dataset: { id: hl.id } });

  const swatches = h('div', { class: 'hl-swatches', role: 'group', 'aria-label': 'Colour' },
    COLORS.map((color, i) => h('button', {
      type: 'button', class: `hl-swatch hl-color-${color}`, dataset: { color },
      'aria-label': colorLabel(color), 'aria-pressed': String(hl.color === color),
      title: `${colorLabel(color)} (${i + 1})`, 'aria-keyshortcuts': String(i + 1),
      onclick: () => on.color(hl, color),
    })));

  const head = h('div', { class: 'hl-editor-head' },
    h('span', { class: 'hl-meta' }, `${hl.creator} · ${formatDate(hl.created) || ''}`.replace(/ · $/, '')),
    list.length > 1 && h('span', { class: 'hl-pager' },
      h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Previous highlight here', onclick: () => on.show((index + list.length - 1) % list.length) }, '‹'),
      h('span', { class: 'hl-pager-count' }, `${index + 1} of ${list.length}`),
      h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Next highlight here', onclick: () => on.show((index + 1) % list.length) }, '›')));

  // The note: rendered, with an Edit button; or a Markdown textarea while editing.
  const noteBox = h('div', { class: 'hl-note' });
  const noteId = `hl-note-${hl.id}`;
  function showNote() {
    noteBox.replaceChildren(
      hl.note_html ? noteNode(hl.note_html, { id: noteId }) : h('p', { class: 'hl-empty', id: noteId }, 'No note'),
      h('button', { type: 'button', class: 'button button-small button-quiet hl-edit-note', 'aria-describedby': noteId, onclick: () => editNote() }, hl.note ? 'Edit note' : 'Add note'));
  }
  function editNote() {
    const area = h('textarea', { class: 'text-input hl-note-input', id: `hl-note-input-${hl.id}`, rows: '4', placeholder: 'Write a note (Markdown: **bold**, *italic*, [link](https://…))' });
    area.value = hl.note || '';
    const save = () => on.note(hl, area.value);
    area.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        save();
      }
    });
    noteBox.replaceChildren(
      h('label', { class: 'visually-hidden', for: area.id }, 'Note'),
      area,
      h('div', { class: 'hl-note-actions' },
        h('button', { type: 'button', class: 'button button-small button-primary hl-save-note', 'aria-keyshortcuts': 'Control+Enter', title: 'Save (Ctrl+Enter)', onclick: save }, 'Save note'),
        h('button', { type: 'button', class: 'button button-small button-quiet', onclick: () => { showNote(); noteBox.querySelector('button')?.focus(); } }, 'Cancel')));
    area.focus({ preventScroll: true });
  }
  showNote();

  const tagsId = `hl-tags-${hl.id}`;
  const tagsInput = h('input', { type: 'text', class: 'text-input hl-tags-input', id: tagsId, value: (hl.tags || []).join(', '), placeholder: 'Tags, separated by commas', autocomplete: 'off' });
  tagsInput.addEventListener('change', () => on.tags(hl, tagsInput.value));
  tagsInput.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      on.tags(hl, tagsInput.value);
    }
  });

  const actions = h('div', { class: 'hl-editor-actions' },
    h('button', { type: 'button', class: 'button button-small button-quiet hl-copy', title: 'Copy the words (C)', 'aria-keyshortcuts': 'c', onclick: () => on.copy(hl) }, 'Copy'),
    h('button', { type: 'button', class: 'button button-small button-quiet hl-delete', title: 'Delete the highlight (Delete)', 'aria-keyshortcuts': 'Delete', onclick: () => on.remove(hl) }, 'Delete'));

  el.append(head,
    h('blockquote', { class: 'hl-quote' }, excerpt(hl.exact, 160)),
    swatches,
    noteBox,
    h('p', { class: 'hl-tags-line' }, h('label', { for: tagsId }, 'Tags'), tagsInput),
    actions);

  // Keys inside the editor (not while typing): 1–5 colour, Delete deletes, C copies.
  el.addEventListener('keydown', (e) => {
    if (isTyping(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    const color = colorForKey(e.key);
    if (color) {
      e.preventDefault();
      on.color(hl, color);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      on.remove(hl);
    } else if (e.key === 'c') {
      e.preventDefault();
      on.copy(hl);
    }
  });

  if (focus === 'note') setTimeout(() => editNote(), 0);
  else if (focus === 'tags') setTimeout(() => tagsInput.focus({ preventScroll: true }), 0);
  else if (focus === 'color') setTimeout(() => swatches.querySelector('[aria-pressed="true"]')?.focus({ preventScroll: true }), 0);
  else if (focus === 'saved-note') setTimeout(() => noteBox.querySelector('.hl-edit-note')?.focus({ preventScroll: true }), 0);
  /** A note typed but not saved (the editor saves it when it closes), or null. */
  el.unsavedNote = () => {
    const area = noteBox.querySelector('.hl-note-input');
    return area && area.value.trim() !== (hl.note || '').trim() ? area.value : null;
  };
  return el;
}

/** A suggestion's popover: the quote, its speaker, Highlight and Dismiss. */
export function suggestionPopover(suggestion, on) {
  return h('div', { class: 'hl-suggestion', role: 'dialog', 'aria-label': 'Key quote suggestion' },
    h('p', { class: 'hl-meta' }, suggestion.speaker ? `Key quote · ${suggestion.speaker}` : 'Key quote'),
    h('blockquote', { class: 'hl-quote' }, excerpt(suggestion.text, 160)),
    h('div', { class: 'hl-editor-actions' },
      h('button', { type: 'button', class: 'button button-small button-primary suggestion-accept', onclick: () => on.accept(suggestion) }, 'Highlight'),
      h('button', { type: 'button', class: 'button button-small button-quiet suggestion-dismiss', onclick: () => on.dismiss(suggestion) }, 'Dismiss')));
}
