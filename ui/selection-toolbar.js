// The toolbar over selected article text: a button per colour, Note, Tag, Copy, and every
// action other features offer on a selection (`ctx.selectionActions()`, e.g. the timeline's
// "Add to timeline"). It sits above the selection (below it when there is no room), never
// over it, and inside the window. Pressing its buttons keeps the selection (mousedown does
// not move focus), so keyboard and mouse users act on the same words.

import { h } from './dom.js';
import { COLORS, colorLabel } from './annotations-model.js';
import { position } from './popover.js';

/**
 * Creates the toolbar in `host`. `onAction(action)` receives {action: 'highlight', color} |
 * {action: 'note' | 'tag' | 'copy'} | {action: 'extra', extra} where `extra` is a selection
 * action. Returns {show(rect, extras), hide(), isOpen(), el}.
 */
export function createSelectionToolbar(host, onAction) {
  const el = h('div', { class: 'selection-toolbar', role: 'toolbar', 'aria-label': 'Selected text', id: 'selection-toolbar', hidden: true });
  // Keep the selection: a mousedown on a button would otherwise take it away.
  el.addEventListener('mousedown', (e) => e.preventDefault());
  host.append(el);

  function button(label, attrs, run) {
    return h('button', { type: 'button', class: 'button button-small selection-button', ...attrs, onclick: run }, label);
  }

  function render(extras) {
    el.replaceChildren(
      h('div', { class: 'hl-swatches', role: 'group', 'aria-label': 'Highlight in colour' },
        COLORS.map((color, i) => h('button', {
          type: 'button', class: `hl-swatch hl-color-${color}`, dataset: { color },
          'aria-label': `Highlight ${colorLabel(color).toLowerCase()}`,
          title: `Highlight ${colorLabel(color).toLowerCase()} (${i === 0 ? 'H or ' : ''}${i + 1})`,
          'aria-keyshortcuts': i === 0 ? `h ${i + 1}` : String(i + 1),
          onclick: () => onAction({ action: 'highlight', color }),
        }))),
      button('Note', { class: 'button button-small selection-button', dataset: { action: 'note' }, title: 'Highlight with a note (N)', 'aria-keyshortcuts': 'n' }, () => onAction({ action: 'note' })),
      button('Tag', { class: 'button button-small selection-button', dataset: { action: 'tag' }, title: 'Highlight with tags (T)', 'aria-keyshortcuts': 't' }, () => onAction({ action: 'tag' })),
      button('Copy', { class: 'button button-small selection-button', dataset: { action: 'copy' }, title: 'Copy the words (C)', 'aria-keyshortcuts': 'c' }, () => onAction({ action: 'copy' })),
      extras.map((extra) => button(extra.label, {
        dataset: { action: `extra-${extra.id}` },
        title: extra.key ? `${extra.label} (${extra.key.toUpperCase()})` : extra.label,
        'aria-keyshortcuts': extra.key || null,
      }, () => onAction({ action: 'extra', extra }))),
    );
  }

  let open = false;
  return {
    el,
    show(rect, extras = []) {
      render(extras);
      el.hidden = false;
      open = true;
      position(el, rect);
    },
    hide() {
      if (!open) return;
      open = false;
      el.hidden = true;
    },
    isOpen: () => open,
  };
}
