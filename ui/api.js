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
  listArticles: ({ sort, tag = null, offset = 0, limit }) => invoke('list_articles', { sort, tag, offset, limit }),
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

  // Highlights, notes and key quotes (src-tauri/src/commands/annotations.rs).
  articleHighlights: (id) => invoke('article_highlights', { id }),
  listHighlights: (filter) => invoke('list_highlights', { filter }),
  createHighlight: (article, start, end, { note, color, tags } = {}) => invoke('create_highlight', { article, start, end, note, color, tags }),
  editHighlight: (id, { note, color, tags } = {}) => invoke('edit_highlight', { id, note, color, tags }),
  deleteHighlight: (id) => invoke('delete_highlight', { id }),
  undoDeleteHighlight: (id) => invoke('undo_delete_highlight', { id }),
  reattachHighlight: (id, start, end) => invoke('reattach_highlight', { id, start, end }),
  quoteSuggestions: (id) => invoke('quote_suggestions', { id }),
  dismissQuote: (article, start, end) => invoke('dismiss_quote', { article, start, end }),
  undismissQuote: (article, text) => invoke('undismiss_quote', { article, text }),
  getCreator: () => invoke('get_creator'),
  setCreator: (name) => invoke('set_creator', { name }),
  // ---- timeline (src-tauri/src/commands/timeline.rs) ----
  articleTimeline: (id) => invoke('article_timeline', { id }),
  libraryTimeline: (tag) => invoke('library_timeline', { tag: tag || null }),
  correctEvent: (id, start, value) => invoke('correct_event', { id, start, value }),
  hideEvent: (id, start) => invoke('hide_event', { id, start }),
  unhideEvent: (id, start) => invoke('unhide_event', { id, start }),
  addEvent: (id, start, end, value) => invoke('add_event', { id, start, end, value }),
  removeCorrection: (correction) => invoke('remove_correction', { correction }),
  dateGuess: (id, start, end) => invoke('date_guess', { id, start, end }),
  /** `scope`: {ids} or {tag} (neither: the whole library); `format`: timelinejs | csv | md. */
  exportTimeline: (scope, format, path) => invoke('export_timeline', { ids: scope.ids ?? null, tag: scope.tag ?? null, format, path }),
  /** Asks where to save a file; resolves to its path, or null when cancelled. */
  chooseSavePath: (defaultPath, filter) => tauri.dialog.save({ defaultPath, filters: [filter] }).then((p) => p || null),

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

  // ---- study groups (exchange, group folder; the creator's name is above) ----
  /** `scope`: 'all' | {articles: [ids]} | {tag}; `format`: 'md' | 'json' | 'bundle'. */
  exportAnnotations: (scope, format, path) => invoke('export_annotations', { scope, format, path }),
  importAnnotations: (path) => invoke('import_annotations', { path }),
  getGroupFolder: () => invoke('get_group_folder'),
  setGroupFolder: (folder) => invoke('set_group_folder', { folder }),
  syncGroup: () => invoke('sync_group'),
  takeExchangeReports: () => invoke('take_exchange_reports'),

  /** Asks for an annotation file to import; resolves to a path, or null when cancelled. */
  async chooseExchangeFile() {
    const picked = await tauri.dialog.open({
      multiple: false,
      title: 'Import annotations',
      filters: [{ name: 'Lectern bundles and annotation JSON', extensions: ['lectern', 'json'] }],
    });
    return Array.isArray(picked) ? picked[0] ?? null : picked;
  },

  /** Asks for the group folder; resolves to a path, or null when cancelled. */
  async chooseFolder() {
    const picked = await tauri.dialog.open({ directory: true, multiple: false, title: 'Choose the group folder' });
    return Array.isArray(picked) ? picked[0] ?? null : picked;
  },

  /** Calls `handler()` when the app has imported something by itself (start-up sync, opened file). */
  onExchangeReport: (handler) => subscribe('exchange-report', () => handler()),

  /** Opens an article's link in the system browser (never in the app window). */
  openExternal: (url) => invoke('open_link', { url }),

  /** The URL the `lectern:` scheme serves a stored image under. */
  assetUrl: (sha256) => (isWindows ? `http://lectern.localhost/asset/${sha256}` : `lectern://asset/${sha256}`),
};

function subscribe(event, handler) {
  const pending = tauri.event.listen(event, handler);
  return () => pending.then((unlisten) => unlisten());
}
