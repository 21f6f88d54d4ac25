// The reading settings panel (a modal dialog): font size, family, line height, width,
// paragraph spacing, justification and theme. Every change applies at once through the
// store (CSS custom properties) and is saved by the app.

import { h } from './dom.js';
import * as model from './settings-model.js';
import { verdict } from './exchange.js';

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

/**
 * The study-group fields: the name your highlights carry, and the group folder (synced at
 * start, written on quit, or now). Changes are saved at once through the shell.
 */
function studyGroup(api) {
  const name = h('input', { id: 'settings-creator-name', class: 'text-input', type: 'text', maxlength: '100', autocomplete: 'name', 'aria-describedby': 'settings-creator-status' });
  const nameStatus = h('p', { class: 'hint', id: 'settings-creator-status', 'aria-live': 'polite' }, 'Shown beside your highlights in your group’s copies.');
  const folderPath = h('p', { class: 'group-folder-path', id: 'group-folder-path' }, 'None');
  const choose = h('button', { type: 'button', class: 'button', id: 'choose-group-folder' }, 'Choose folder…');
  const syncButton = h('button', { type: 'button', class: 'button', id: 'group-sync-now', disabled: true }, 'Sync now');
  const leave = h('button', { type: 'button', class: 'button button-quiet', id: 'leave-group', hidden: true }, 'Stop syncing');
  const folderStatus = h('p', { class: 'hint', id: 'group-folder-status', 'aria-live': 'polite' },
    'A folder your group already syncs (Syncthing, Nextcloud, Dropbox, git). Lectern writes only its own file there.');

  const showFolder = (folder) => {
    folderPath.textContent = folder || 'None';
    syncButton.disabled = !folder;
    leave.hidden = !folder;
  };
  const synced = (sync) => {
    folderStatus.textContent = sync.members.length === 0
      ? 'Synced: your file is written; no other member’s file is there yet.'
      : `Synced with ${sync.members.length} member file${sync.members.length === 1 ? '' : 's'}: ${verdict(sync.total)}`;
    window.dispatchEvent(new CustomEvent('lectern:annotations-changed', { detail: sync.total }));
  };
  const failed = (e) => { folderStatus.textContent = `Could not sync: ${e.message}`; };

  api.getCreator().then((c) => { name.value = c.name; }).catch(() => {});
  api.getGroupFolder().then(showFolder).catch(() => {});
  name.addEventListener('change', async () => {
    try {
      const saved = await api.setCreator(name.value);
      name.value = saved.name;
      nameStatus.textContent = `Saved: new highlights carry “${saved.name}”.`;
    } catch (e) {
      nameStatus.textContent = e.message;
    }
  });
  choose.addEventListener('click', async () => {
    const folder = await api.chooseFolder().catch(() => null);
    if (!folder) return;
    try {
      const sync = await api.setGroupFolder(folder);
      showFolder(await api.getGroupFolder());
      synced(sync);
    } catch (e) {
      failed(e);
    }
  });
  syncButton.addEventListener('click', () => api.syncGroup().then(synced, failed));
  leave.addEventListener('click', () => api.setGroupFolder(null).then(() => {
    showFolder(null);
    folderStatus.textContent = 'Not syncing any more. The files in the folder stay.';
  }, failed));

  return h('section', { class: 'settings-group', 'aria-labelledby': 'settings-group-title' },
    h('h3', { id: 'settings-group-title' }, 'Study group'),
    h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'settings-creator-name' }, 'Your name'), name, nameStatus),
    h('div', { class: 'field' },
      h('span', { class: 'field-label', id: 'group-folder-label' }, 'Group folder'),
      folderPath,
      h('div', { class: 'dialog-actions', role: 'group', 'aria-labelledby': 'group-folder-label' }, syncButton, leave, choose),
      folderStatus));
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
      h('h2', { id: 'settings-title' }, 'Settings'),
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
      h('p', { class: 'hint' }, 'Ctrl+= and Ctrl+− change the text size anywhere; Ctrl+0 resets it.'),
      studyGroup(api)));

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
