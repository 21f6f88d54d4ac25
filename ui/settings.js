// The reading settings panel (a modal dialog): font size, family, line height, width,
// paragraph spacing, justification and theme. Every change applies at once through the
// store (CSS custom properties) and is saved by the app.

import { h } from './dom.js';
import * as model from './settings-model.js';

let uid = 0;

/** A group of native radio buttons with role=radiogroup. */
function radioGroup({ name, label, options, value, onChange, swatches = false }) {
  const labelId = `rg-${name}-${++uid}`;
  return h('div', { class: 'field' },
    h('span', { class: 'field-label', id: labelId }, label),
    h('div', { class: `radio-group${swatches ? ' swatches' : ''}`, role: 'radiogroup', 'aria-labelledby': labelId },
      options.map((o) => {
        const input = h('input', { type: 'radio', name, value: o.id, id: `${name}-${o.id}`, checked: o.id === value });
        input.addEventListener('change', () => { if (input.checked) onChange(o.id); });
        return h('label', { class: `radio${swatches ? ` swatch swatch-${o.id}` : ''}`, for: `${name}-${o.id}` }, input, h('span', {}, o.label));
      })));
}

function select({ id, label, options, value, onChange }) {
  const el = h('select', { id, class: 'select' }, options.map((o) => h('option', { value: o.id }, o.label)));
  el.value = value;
  el.addEventListener('change', () => onChange(el.value));
  return h('div', { class: 'field field-inline' }, h('label', { class: 'field-label', for: id }, label), el);
}

export function mount(root, api, app) {
  const { store, updateReader, close } = app;
  const current = () => store.get().reader;
  const set = (patch) => updateReader({ ...current(), ...patch });

  const sizeOutput = h('output', { id: 'font-size-value', class: 'size-value', 'aria-live': 'polite', for: 'font-smaller font-bigger' });
  const smaller = h('button', { type: 'button', class: 'button', id: 'font-smaller', 'aria-keyshortcuts': 'Control+-' }, h('span', { 'aria-hidden': 'true' }, 'A−'), h('span', { class: 'visually-hidden' }, 'Smaller text'));
  const bigger = h('button', { type: 'button', class: 'button', id: 'font-bigger', 'aria-keyshortcuts': 'Control+=' }, h('span', { 'aria-hidden': 'true' }, 'A+'), h('span', { class: 'visually-hidden' }, 'Bigger text'));
  const reset = h('button', { type: 'button', class: 'button button-quiet', id: 'font-reset', 'aria-keyshortcuts': 'Control+0' }, 'Reset');
  smaller.addEventListener('click', () => updateReader(model.smaller(current())));
  bigger.addEventListener('click', () => updateReader(model.bigger(current())));
  reset.addEventListener('click', () => updateReader(model.resetSize(current())));

  const s = current();
  const justify = h('input', { type: 'checkbox', id: 'justify', checked: s.justify });
  justify.addEventListener('change', () => set({ justify: justify.checked }));
  const closeButton = h('button', { type: 'button', class: 'icon-button dialog-close', id: 'settings-close', 'aria-label': 'Close settings' }, '×');
  closeButton.addEventListener('click', close);

  root.append(
    h('div', { class: 'dialog-head' },
      h('h2', { id: 'settings-title' }, 'Reading settings'),
      closeButton),
    h('div', { class: 'dialog-body' },
      h('div', { class: 'field' },
        h('span', { class: 'field-label', id: 'size-label' }, 'Text size'),
        h('div', { class: 'size-row', role: 'group', 'aria-labelledby': 'size-label' }, smaller, sizeOutput, bigger, reset)),
      radioGroup({ name: 'family', label: 'Font', options: model.FAMILIES, value: s.family, onChange: (family) => set({ family }) }),
      select({ id: 'line-height', label: 'Line height', options: model.LINE_HEIGHTS, value: s.lineHeight, onChange: (lineHeight) => set({ lineHeight }) }),
      select({ id: 'width', label: 'Width', options: model.WIDTHS, value: s.width, onChange: (width) => set({ width }) }),
      select({ id: 'spacing', label: 'Paragraph spacing', options: model.SPACINGS, value: s.spacing, onChange: (spacing) => set({ spacing }) }),
      h('div', { class: 'field field-inline' }, justify, h('label', { for: 'justify' }, 'Justify text')),
      radioGroup({ name: 'theme', label: 'Theme', options: model.THEMES, value: s.theme, onChange: (theme) => set({ theme }), swatches: true }),
      h('p', { class: 'hint' }, 'Ctrl+= and Ctrl+− change the text size anywhere; Ctrl+0 resets it.')));

  function sync(state) {
    const r = state.reader;
    sizeOutput.textContent = `${r.fontSize} px`;
    smaller.disabled = r.fontSize <= model.MIN_FONT_SIZE;
    bigger.disabled = r.fontSize >= model.MAX_FONT_SIZE;
    for (const input of root.querySelectorAll('input[type=radio]')) input.checked = r[input.name] === input.value;
    justify.checked = r.justify;
  }
  sync(store.get());
  const unsubscribe = store.subscribe(sync);

  // Keep Tab inside the dialog.
  root.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab') return;
    const focusable = [...root.querySelectorAll('button:not([disabled]), input, select')]
      .filter((el) => !(el.type === 'radio' && !el.checked));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
  });
  (root.querySelector('#font-bigger:not([disabled])') || closeButton).focus();

  return unsubscribe;
}
