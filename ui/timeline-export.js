// The "Export…" menu of a timeline (reader panel and library section): pick a format, pick a
// file in the save dialog, and the shell writes it. A menu button with a role=menu popup,
// arrow keys between items, Escape closes.

import { h } from './dom.js';

export const FORMATS = [
  { id: 'timelinejs', label: 'TimelineJS3 JSON', extension: 'json', filter: 'TimelineJS3 JSON' },
  { id: 'csv', label: 'CSV spreadsheet', extension: 'csv', filter: 'CSV' },
  { id: 'md', label: 'Markdown', extension: 'md', filter: 'Markdown' },
];

/** A file name from a title: letters, digits (any script) and dashes. */
export function fileStem(title) {
  const stem = String(title || 'timeline').normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return stem || 'timeline';
}

/**
 * The export menu. `scope()` returns {ids} or {tag} (or {} for the library); `title()` names
 * the file. Returns the wrapper element.
 */
export function exportMenu({ api, toast, scope, title, id }) {
  const button = h('button', { type: 'button', class: 'button button-small', id, 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': `${id}-menu` }, 'Export…');
  const menu = h('div', { class: 'tl-menu', role: 'menu', id: `${id}-menu`, 'aria-labelledby': id, hidden: true });
  const items = FORMATS.map((f) => h('button', { type: 'button', role: 'menuitem', class: 'tl-menu-item', tabindex: '-1', dataset: { format: f.id } }, f.label));
  menu.append(...items);
  const wrap = h('div', { class: 'tl-menu-wrap' }, button, menu);

  const close = (focus = true) => {
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (focus) button.focus();
  };
  const open = () => {
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    items[0].focus();
  };
  button.addEventListener('click', () => (menu.hidden ? open() : close()));
  button.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); open(); }
  });
  menu.addEventListener('keydown', (e) => {
    const i = items.indexOf(document.activeElement);
    const to = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: items.length - 1 }[e.key];
    if (to !== undefined) {
      e.preventDefault();
      items[(to + items.length) % items.length].focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Tab') {
      close(false);
    }
  });
  wrap.addEventListener('focusout', (e) => {
    if (!menu.hidden && !wrap.contains(e.relatedTarget)) close(false);
  });
  items.forEach((item, i) => item.addEventListener('click', async () => {
    const format = FORMATS[i];
    close();
    try {
      const path = await api.chooseSavePath(`${fileStem(title())}.${format.extension}`, { name: format.filter, extensions: [format.extension] });
      if (!path) return;
      const written = await api.exportTimeline(scope(), format.id, path);
      toast(`Timeline saved to ${written}`);
    } catch (e) {
      toast(`Could not export the timeline: ${e.message}`);
    }
  }));
  return wrap;
}
