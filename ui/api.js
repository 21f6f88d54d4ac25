// The only module that talks to the shell. Every command of src-tauri/src/commands.rs has one
// function here, spelled the same (camelCase). Errors arrive as {kind, message}.

const tauri = window.__TAURI__;

async function invoke(command, args) {
  try {
    return await tauri.core.invoke(command, args);
  } catch (error) {
    throw asError(error);
  }
}

/** Any rejection as {kind, message}. */
function asError(error) {
  if (error && typeof error === 'object' && 'kind' in error) return error;
  return { kind: 'internal', message: String(error?.message ?? error) };
}

const isWindows = navigator.userAgent.includes('Windows');

export const api = {
  listArticles: (sort) => invoke('list_articles', { sort }),
  searchArticles: (query) => invoke('search_articles', { query }),
  openArticle: (id) => invoke('open_article', { id }),
  importSources: (sources) => invoke('import_sources', { sources }),
  removeArticle: (id) => invoke('remove_article', { id }),
  undoRemove: (id) => invoke('undo_remove', { id }),
  getSettings: () => invoke('get_settings'),
  saveSettings: (settings) => invoke('save_settings', { settings }),
  saveReadingState: (id, position, progress) => invoke('save_reading_state', { id, position, progress }),
  setTags: (id, tags) => invoke('set_tags', { id, tags }),
  listTags: () => invoke('list_tags'),
  addSamples: () => invoke('add_samples'),

  // ---- downloading an article again (refresh.js) ----
  /** Downloads an article again: {id, changed, anchored, moved, orphaned}. */
  refreshArticle: (id) => invoke('refresh_article', { id }),

  /** Asks for article files; resolves to a list of paths (empty when cancelled). */
  async chooseFiles() {
    const picked = await tauri.dialog.open({
      multiple: true,
      title: 'Add articles',
      filters: [{ name: 'Articles', extensions: ['html', 'htm', 'md', 'txt'] }],
    });
    if (!picked) return [];
    return Array.isArray(picked) ? picked : [picked];
  },

  /** Calls `handler(progress)` for each `import-progress` event; returns an unsubscribe function. */
  onImportProgress(handler) {
    return subscribe('import-progress', (event) => handler(event.payload));
  },

  /** File drops on the window: `handlers.over(bool)` while dragging, `handlers.drop(paths)`. */
  onFileDrop(handlers) {
    const offs = [
      subscribe('tauri://drag-enter', () => handlers.over(true)),
      subscribe('tauri://drag-over', () => handlers.over(true)),
      subscribe('tauri://drag-leave', () => handlers.over(false)),
      subscribe('tauri://drag-drop', (event) => {
        handlers.over(false);
        handlers.drop(event.payload?.paths ?? []);
      }),
    ];
    return () => offs.forEach((off) => off());
  },

  /** Opens an article's link in the system browser (never in the app window). */
  openExternal: (url) => invoke('open_link', { url }),

  /** The URL the `lectern:` scheme serves a stored image under. */
  assetUrl: (sha256) => (isWindows ? `http://lectern.localhost/asset/${sha256}` : `lectern://asset/${sha256}`),
};

function subscribe(event, handler) {
  const pending = tauri.event.listen(event, handler);
  return () => pending.then((unlisten) => unlisten());
}
