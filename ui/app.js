// The app: routing between views, the shared store, reader settings as CSS custom
// properties, global keys, toasts and file drops. Views own their DOM; this owns the frame.

import { api } from './api.js';
import { createStore } from './store.js';
import { h, clear, debounce, isTyping } from './dom.js';
import * as model from './settings-model.js';
import * as settingsView from './settings.js';
import { route as routeFor } from './sections.js';
import { watchExchange } from './exchange.js';

const store = createStore({
  reader: model.normalize(null),
  library: { sort: 'added' },
  route: { view: 'library' },
  lastArticle: null,
  // A passage to open the reader at: {article, start, end} (see reader.js).
  jump: null,
});

const root = document.documentElement;
const viewRoot = document.getElementById('view');
const toastRegion = document.getElementById('toasts');
const dropOverlay = document.getElementById('drop-overlay');

// ---- reader settings → CSS custom properties, saved debounced ----

function applyReaderSettings(settings) {
  for (const [name, value] of Object.entries(model.cssVariables(settings))) {
    root.style.setProperty(name, value);
  }
  root.dataset.theme = settings.theme;
}

const saveSettings = debounce((patch) => {
  api.saveSettings(patch).catch((e) => toast(`Could not save settings: ${e.message}`));
}, 250);

/** Changes reader settings: applied at once, saved shortly after. */
function updateReader(next) {
  const reader = model.normalize(next);
  store.set({ reader });
  saveSettings({ reader, library: store.get().library });
}

function updateLibrary(patch) {
  const library = { ...store.get().library, ...patch };
  store.set({ library });
  saveSettings({ reader: store.get().reader, library });
}

store.subscribe((state, previous) => {
  if (state.reader !== previous.reader) applyReaderSettings(state.reader);
});

// ---- toasts ----

let toastTimer = null;

/** Shows a short message, optionally with one action button ({label, run}). */
function toast(message, { action, timeout = 6000 } = {}) {
  clearTimeout(toastTimer);
  clear(toastRegion);
  const close = () => clear(toastRegion);
  const box = h('div', { class: 'toast' },
    h('span', { class: 'toast-message' }, message),
    action && h('button', { type: 'button', class: 'button button-quiet', onclick: () => { close(); action.run(); } }, action.label),
    h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Dismiss', onclick: close }, '×'),
  );
  toastRegion.append(box);
  toastTimer = setTimeout(close, timeout);
}

// ---- settings dialog ----

let settingsDialog = null;

function openSettings() {
  if (settingsDialog) return;
  const opener = document.activeElement;
  const backdrop = h('div', { class: 'dialog-backdrop' });
  const panel = h('div', { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'settings-title', id: 'settings-dialog' });
  backdrop.append(panel);
  document.body.append(backdrop);
  const close = () => {
    unmount();
    backdrop.remove();
    settingsDialog = null;
    viewRoot.inert = false;
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  };
  viewRoot.inert = true;
  backdrop.addEventListener('mousedown', (e) => { if (e.target === backdrop) close(); });
  const unmount = settingsView.mount(panel, api, { store, updateReader, close });
  settingsDialog = { close };
}

// ---- routing ----

let unmountView = null;

function navigate(hash) {
  if (location.hash === hash) render();
  else location.hash = hash;
}

function render() {
  const { name, view, params } = routeFor(location.hash);
  if (unmountView) unmountView();
  clear(viewRoot);
  store.set({ route: { view: name === 'reader' ? 'reader' : 'library', section: name, ...params } });
  const context = { store, navigate, toast, openSettings, updateReader, updateLibrary };
  unmountView = view.mount(viewRoot, api, { ...context, ...params });
}

window.addEventListener('hashchange', render);

// ---- global keys ----

document.addEventListener('keydown', (event) => {
  const mod = event.ctrlKey || event.metaKey;
  if (mod && !event.altKey) {
    const reader = store.get().reader;
    if (event.key === '=' || event.key === '+') {
      event.preventDefault();
      updateReader(model.bigger(reader));
      return;
    }
    if (event.key === '-' || event.key === '_') {
      event.preventDefault();
      updateReader(model.smaller(reader));
      return;
    }
    if (event.key === '0') {
      event.preventDefault();
      updateReader(model.resetSize(reader));
      return;
    }
    if (event.key === ',') {
      event.preventDefault();
      openSettings();
      return;
    }
  }
  if (event.key === 'Escape' && settingsDialog) {
    event.preventDefault();
    settingsDialog.close();
    return;
  }
  if (event.defaultPrevented || isTyping(event) || mod || event.altKey) return;
  if (event.key === '/' && store.get().route.view === 'library') {
    const search = document.getElementById('search');
    if (search) {
      event.preventDefault();
      search.focus();
      search.select();
    }
  } else if (event.key === 'Escape' && store.get().route.view === 'reader') {
    event.preventDefault();
    navigate('#/');
  }
});

// ---- file drops ----

api.onFileDrop({
  over: (on) => dropOverlay.classList.toggle('visible', on),
  drop: (dropped) => {
    // Study-group files (bundles, annotation JSON) are imported as annotations (exchange.js).
    const isExchange = (p) => /\.(lectern|json)$/i.test(p);
    dropped.filter(isExchange).forEach((path) => window.dispatchEvent(new CustomEvent('lectern:import-annotations', { detail: path })));
    const paths = dropped.filter((p) => !isExchange(p));
    if (paths.length === 0) return;
    if (store.get().route.section !== '#/') navigate('#/');
    // The library view listens for this and runs the import with progress.
    window.dispatchEvent(new CustomEvent('lectern:import', { detail: paths }));
  },
});

// ---- start ----

async function start() {
  try {
    const saved = await api.getSettings();
    store.set({
      reader: model.normalize(saved.reader),
      library: { sort: 'added', ...(saved.library && typeof saved.library === 'object' ? saved.library : {}) },
    });
  } catch (e) {
    toast(`Could not load settings: ${e.message}`);
  }
  applyReaderSettings(store.get().reader);
  render();
  watchExchange({ api, toast, navigate });
  document.body.classList.add('ready');
}

start();
