// The reader's "Highlights" side panel: the article's highlights in text order (click or
// Enter to go there), the orphans (kept, re-attachable to a selection), and the key-quote
// suggestions (Accept / Dismiss). Hidden layers' highlights are listed greyed.

import { h } from './dom.js';
import * as model from './annotations-model.js';
import { formatDate } from './format.js';
import { noteNode } from './highlight-editor.js';

/**
 * Builds the panel in `element`. `on`: {jump(item), edit(hl), reattach(hl), remove(hl),
 * accept(suggestion), dismiss(suggestion)}. Returns {render(state), markActive(id), focusFirst()}.
 */
export function createHighlightsPanel(element, on) {
  let activeId = null;

  /** The dot in the colour the highlight is painted in: its own, or its member's by layer. */
  function swatch(hl, layers) {
    const byMember = model.normalizeLayers(layers).byMember;
    const color = byMember ? `hl-member-color-${model.memberIndex(hl.creator, layers)}` : `hl-color-${hl.color}`;
    return h('span', { class: `hl-dot ${color}`, 'aria-hidden': 'true' });
  }

  function meta(hl) {
    return h('span', { class: 'hl-item-meta' }, [hl.creator, formatDate(hl.created)].filter(Boolean).join(' · '));
  }

  function tagList(tags) {
    if (!tags || !tags.length) return null;
    return h('span', { class: 'row-tags' }, tags.map((t) => h('span', { class: 'tag' }, t)));
  }

  function highlightItem(hl, layers) {
    const hidden = model.isHidden(hl.creator, layers);
    const go = h('button', { type: 'button', class: 'hl-item-quote', dataset: { id: hl.id }, onclick: () => on.jump(hl) },
      swatch(hl, layers), h('span', { class: 'hl-item-text' }, model.excerpt(hl.exact, 140)),
      h('span', { class: 'visually-hidden' }, ` (${model.describe(hl)}${hidden ? ', hidden layer' : ''})`));
    return h('li', { class: `hl-item${hidden ? ' hl-hidden' : ''}`, dataset: { id: hl.id, color: hl.color } },
      go,
      hl.note_html && noteNode(hl.note_html, { class: 'note-html hl-item-note' }),
      h('div', { class: 'hl-item-foot' },
        meta(hl), tagList(hl.tags),
        !hidden && h('button', { type: 'button', class: 'button button-small button-quiet hl-item-edit', 'aria-label': `Edit highlight: ${model.excerpt(hl.exact, 40)}`, onclick: () => on.edit(hl) }, 'Edit')));
  }

  function orphanItem(hl, layers) {
    return h('li', { class: 'hl-item hl-orphan', dataset: { id: hl.id } },
      h('p', { class: 'hl-item-quote hl-orphan-quote' }, swatch(hl, layers), h('span', { class: 'hl-item-text' }, model.excerpt(hl.exact, 140))),
      hl.note_html && noteNode(hl.note_html, { class: 'note-html hl-item-note' }),
      h('div', { class: 'hl-item-foot' },
        meta(hl), tagList(hl.tags),
        h('button', { type: 'button', class: 'button button-small hl-reattach', title: 'Select the words in the article first', onclick: () => on.reattach(hl) }, 'Re-attach to selection'),
        h('button', { type: 'button', class: 'button button-small button-quiet hl-orphan-delete', 'aria-label': `Delete the highlight: ${model.excerpt(hl.exact, 40)}`, onclick: () => on.remove(hl) }, 'Delete')));
  }

  function suggestionItem(s) {
    const text = model.excerpt(s.text, 140);
    return h('li', { class: 'hl-item hl-suggestion-item', dataset: { start: String(s.start) } },
      h('button', { type: 'button', class: 'hl-item-quote', onclick: () => on.jump(s) },
        h('span', { class: 'hl-item-text' }, `“${text}”`)),
      h('div', { class: 'hl-item-foot' },
        s.speaker && h('span', { class: 'hl-item-meta' }, `— ${s.speaker}`),
        h('button', { type: 'button', class: 'button button-small suggestion-accept', 'aria-label': `Accept the quote: ${model.excerpt(s.text, 40)}`, onclick: () => on.accept(s) }, 'Accept'),
        h('button', { type: 'button', class: 'button button-small button-quiet suggestion-dismiss', 'aria-label': `Dismiss the suggestion: ${model.excerpt(s.text, 40)}`, onclick: () => on.dismiss(s) }, 'Dismiss')));
  }

  function render({ highlights, suggestions, layers }) {
    const ordered = model.inTextOrder(highlights);
    const placed = ordered.filter((hl) => !hl.orphan);
    const orphans = ordered.filter((hl) => hl.orphan);
    const quotes = [...suggestions].sort((a, b) => a.start - b.start);
    element.replaceChildren(...[
      h('h2', { class: 'side-title', id: 'highlights-title' }, 'Highlights', h('span', { class: 'count' }, ` (${placed.length})`)),
      placed.length
        ? h('ol', { class: 'hl-list', id: 'highlights-list', 'aria-labelledby': 'highlights-title' }, placed.map((hl) => highlightItem(hl, layers)))
        : h('p', { class: 'hl-empty', id: 'highlights-empty' }, 'Select words in the article, then pick a colour or press H to highlight them.'),
      orphans.length > 0 && h('section', { class: 'hl-section', 'aria-labelledby': 'orphans-title' },
        h('h3', { id: 'orphans-title' }, `Not found in the text (${orphans.length})`),
        h('p', { class: 'hint' }, 'The article changed and these words are gone. Select where they belong and re-attach them, or delete them.'),
        h('ol', { class: 'hl-list', id: 'orphans-list' }, orphans.map((hl) => orphanItem(hl, layers)))),
      h('section', { class: 'hl-section', 'aria-labelledby': 'quotes-title' },
        h('h3', { id: 'quotes-title' }, `Key quotes${quotes.length ? ` (${quotes.length})` : ''}`),
        quotes.length
          ? h('ol', { class: 'hl-list', id: 'suggestions-list' }, quotes.map(suggestionItem))
          : h('p', { class: 'hl-empty' }, 'No quotations to suggest in this article.')),
    ].filter(Boolean));
    markActive(activeId);
  }

  function markActive(id) {
    activeId = id;
    for (const li of element.querySelectorAll('.hl-item[data-id]')) {
      li.classList.toggle('active', li.dataset.id === id);
    }
  }

  return {
    render,
    markActive,
    focusFirst: () => element.querySelector('button')?.focus(),
  };
}
