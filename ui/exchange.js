// Sharing with a study group (issue #6): the Share dialog (export an article, a tag or the
// whole library as a Lectern bundle, W3C JSON-LD or Markdown; import a file; sync the group
// folder now) and the summary of what an import changed. The shell and the core do the work;
// this only asks and shows. Everything from files (names, messages) goes in as text nodes.

import { h, clear } from './dom.js';

const FORMATS = [
  { id: 'bundle', label: 'Lectern bundle', ext: 'lectern', hint: 'For group members: the articles, their images and every highlight.' },
  { id: 'json', label: 'W3C annotations (JSON-LD)', ext: 'json', hint: 'The highlights alone, for other annotation tools.' },
  { id: 'md', label: 'Markdown', ext: 'md', hint: 'Quotes, notes and timeline, for reading and note apps.' },
];

const COUNTS = [
  { key: 'added', label: 'Highlights added' },
  { key: 'updated', label: 'Highlights updated' },
  { key: 'unchanged', label: 'Highlights already here' },
  { key: 'orphaned', label: 'Orphaned', hint: 'highlights whose words were not found in your copy; kept, to re-attach' },
  { key: 'articles_added', label: 'Articles added' },
  { key: 'skipped', label: 'Skipped', hint: 'their article is in neither your library nor the file' },
];

// ---- modal dialogs ----

let open = null;

/**
 * Shows a centred modal dialog; `build(body, close)` fills it. The page behind is inert,
 * Tab stays inside, Escape closes, and focus returns to where it was.
 */
function modal({ id, title, build, onClose }) {
  if (open) open.close();
  const opener = document.activeElement;
  const view = document.getElementById('view');
  const titleId = `${id}-title`;
  const closeButton = h('button', { type: 'button', class: 'icon-button dialog-close', 'aria-label': 'Close' }, '×');
  const body = h('div', { class: 'dialog-body' });
  const panel = h('div', { class: 'dialog exchange-dialog', id, role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId },
    h('div', { class: 'dialog-head' }, h('h2', { id: titleId }, title), closeButton), body);
  const backdrop = h('div', { class: 'dialog-backdrop exchange-backdrop' }, panel);
  const close = () => {
    if (!backdrop.isConnected) return;
    backdrop.remove();
    if (open?.panel === panel) open = null;
    if (view && !document.querySelector('.dialog-backdrop')) view.inert = false;
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    onClose?.();
  };
  closeButton.addEventListener('click', close);
  backdrop.addEventListener('mousedown', (e) => { if (e.target === backdrop) close(); });
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Tab') {
      const focusable = [...panel.querySelectorAll('button:not([disabled]), input:not([disabled]), select, a[href]')]
        .filter((el) => !(el.type === 'radio' && !el.checked) && el.getClientRects().length > 0);
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
    }
  });
  build(body, close);
  document.body.append(backdrop);
  if (view) view.inert = true;
  open = { panel, close };
  (panel.querySelector('[data-autofocus]') || closeButton).focus();
  return { panel, body, close };
}

let uid = 0;

function radios({ name, label, options, value }) {
  const labelId = `${name}-label-${++uid}`;
  return h('fieldset', { class: 'field exchange-choice', role: 'radiogroup', 'aria-labelledby': labelId },
    h('legend', { class: 'field-label', id: labelId }, label),
    options.map((o) => h('label', { class: 'exchange-option', for: `${name}-${o.id}` },
      h('input', { type: 'radio', name, value: o.id, id: `${name}-${o.id}`, checked: o.id === value, disabled: o.disabled }),
      h('span', { class: 'exchange-option-text' },
        h('span', {}, o.label),
        o.hint && h('span', { class: 'exchange-option-hint' }, o.hint)),
      o.extra)));
}

function fileStem(text) {
  const stem = String(text || '').normalize('NFKC').replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return stem || 'lectern';
}

// ---- Share: export, import, sync ----

/**
 * Opens the Share dialog. `ctx` = {api, toast, navigate}; `options.article` = {id, title}
 * (from the reader: "This article" is offered and chosen), `options.tag` (the library's tag
 * filter: chosen when no article is given).
 */
export function openShare(ctx, options = {}) {
  const { api, toast } = ctx;
  const { article, tag } = options;
  return modal({
    id: 'share-dialog',
    title: 'Share with your group',
    build: (body, close) => {
      const tagSelect = h('select', { class: 'select', id: 'share-tag', 'aria-label': 'Tag' });
      const scope = radios({
        name: 'share-scope',
        label: 'Export',
        value: article ? 'article' : tag ? 'tag' : 'all',
        options: [
          article && { id: 'article', label: 'This article', hint: article.title },
          { id: 'tag', label: 'Articles tagged', extra: tagSelect },
          { id: 'all', label: 'The whole library' },
        ].filter(Boolean),
      });
      const format = radios({ name: 'share-format', label: 'As', options: FORMATS, value: 'bundle' });
      const exportButton = h('button', { type: 'submit', class: 'button button-primary', id: 'share-export', 'data-autofocus': true }, 'Export…');
      const importButton = h('button', { type: 'button', class: 'button', id: 'share-import' }, 'Import a file…');
      const syncButton = h('button', { type: 'button', class: 'button', id: 'share-sync', hidden: true }, 'Sync now');
      const folderLine = h('p', { class: 'hint', id: 'share-folder' }, 'No group folder yet: choose one in Settings (Ctrl+,).');
      const form = h('form', { class: 'exchange-form' }, scope, format, h('div', { class: 'dialog-actions' }, exportButton));

      api.listTags().then((tags) => {
        tagSelect.append(...tags.map((t) => h('option', { value: t.name }, `${t.name} (${t.count})`)));
        if (tag) tagSelect.value = tag;
        if (tags.length === 0) {
          tagSelect.disabled = true;
          body.querySelector('#share-scope-tag').disabled = true;
          tagSelect.append(h('option', {}, 'no tags yet'));
        }
      }).catch(() => {});
      tagSelect.addEventListener('change', () => { body.querySelector('#share-scope-tag').checked = true; });
      api.getGroupFolder().then((folder) => {
        if (!folder) return;
        folderLine.textContent = `Group folder: ${folder}`;
        syncButton.hidden = false;
      }).catch(() => {});

      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        const which = form.querySelector('input[name=share-scope]:checked')?.value;
        const fmt = FORMATS.find((f) => f.id === form.querySelector('input[name=share-format]:checked')?.value) || FORMATS[0];
        let chosen;
        let stem;
        if (which === 'article') { chosen = { articles: [article.id] }; stem = article.title; }
        else if (which === 'tag' && !tagSelect.disabled) { chosen = { tag: tagSelect.value }; stem = `lectern-${tagSelect.value}`; }
        else { chosen = 'all'; stem = 'lectern-library'; }
        const path = await api.chooseSavePath(`${fileStem(stem)}.${fmt.ext}`, { name: fmt.label, extensions: [fmt.ext] }).catch((err) => { toast(`Could not open the save dialog: ${err.message ?? err}`); return null; });
        if (!path) return;
        exportButton.disabled = true;
        try {
          const done = await api.exportAnnotations(chosen, fmt.id, path);
          close();
          toast(`Exported to ${done.path}`);
        } catch (err) {
          toast(`Could not export: ${err.message}`);
        } finally {
          exportButton.disabled = false;
        }
      });
      importButton.addEventListener('click', async () => {
        const path = await api.chooseExchangeFile().catch(() => null);
        if (path) importPath(ctx, path);
      });
      syncButton.addEventListener('click', () => syncNow(ctx));

      body.append(form,
        h('section', { class: 'exchange-section', 'aria-labelledby': 'share-import-title' },
          h('h3', { id: 'share-import-title' }, 'Import'),
          h('p', { class: 'hint' }, 'A .lectern bundle, W3C annotation JSON or a Hypothesis export. Importing twice changes nothing; your own work is never deleted.'),
          importButton),
        h('section', { class: 'exchange-section', 'aria-labelledby': 'share-group-title' },
          h('h3', { id: 'share-group-title' }, 'Group folder'),
          folderLine, syncButton));
    },
  });
}

/** Tells the open views that annotations may have changed (the group panel, highlights). */
function changed(ctx, summary) {
  if (!summary) return;
  window.dispatchEvent(new CustomEvent('lectern:annotations-changed', { detail: summary }));
  // New articles or highlights: the view (library list, reader and its highlights) shows
  // them once rendered again; the reader reopens at the reader's saved place.
  if (summary.added + summary.updated + summary.articles_added > 0) ctx.navigate(location.hash || '#/');
}

/** Imports one file and shows what it changed (or why nothing was). */
export async function importPath(ctx, path) {
  try {
    const summary = await ctx.api.importAnnotations(path);
    showReports(ctx, [{ kind: 'opened', file: path, summary }], 'Import');
    changed(ctx, summary);
    return summary;
  } catch (error) {
    showReports(ctx, [{ kind: 'open_failed', file: path, error }], 'Import');
    return null;
  }
}

/** Syncs with the group folder now and shows the result. */
export async function syncNow(ctx) {
  try {
    const sync = await ctx.api.syncGroup();
    showReports(ctx, [{ kind: 'synced', folder: '', sync }], 'Group folder');
    changed(ctx, sync.total);
    return sync;
  } catch (error) {
    showReports(ctx, [{ kind: 'sync_failed', folder: '', error }], 'Group folder');
    return null;
  }
}

// ---- summaries ----

function countsTable(summary, idPrefix) {
  const rows = COUNTS.filter((c) => c.key !== 'skipped' || summary.skipped > 0).map((c) =>
    h('tr', {},
      h('th', { scope: 'row' }, c.label, c.hint && h('span', { class: 'exchange-count-hint' }, ` — ${c.hint}`)),
      h('td', { id: idPrefix && `${idPrefix}-${c.key}`, class: `count count-${c.key}` }, String(summary[c.key] ?? 0))));
  return h('table', { class: 'exchange-counts' }, h('tbody', {}, rows));
}

/** One sentence on what an import changed. */
export function verdict(summary) {
  if (summary.added + summary.updated + summary.articles_added === 0) {
    return 'Nothing new: everything in it was already here.';
  }
  const parts = [];
  const plural = (n, word) => `${word}${n === 1 ? '' : 's'}`;
  if (summary.added) parts.push(`${summary.added} new ${plural(summary.added, 'highlight')}`);
  if (summary.updated) parts.push(`${summary.updated} ${plural(summary.updated, 'highlight')} updated`);
  if (summary.articles_added) parts.push(`${summary.articles_added} ${plural(summary.articles_added, 'article')} added`);
  return `${parts.join(', ')}.`;
}

function baseName(path) {
  return String(path).split(/[\\/]/).pop();
}

function reportSection(report, index) {
  const prefix = index === 0 ? 'summary' : `summary-${index}`;
  switch (report.kind) {
    case 'opened':
      return h('section', { class: 'exchange-report ok' },
        h('h3', {}, baseName(report.file)),
        h('p', { class: 'exchange-verdict', id: `${prefix}-verdict` }, verdict(report.summary)),
        countsTable(report.summary, prefix));
    case 'open_failed':
      return h('section', { class: 'exchange-report failed', role: 'alert' },
        h('h3', {}, `Could not import ${baseName(report.file)}`),
        h('p', { class: 'exchange-error', id: `${prefix}-error` }, report.error?.message ?? String(report.error)),
        h('p', { class: 'hint' }, 'Nothing was changed in your library.'));
    case 'synced': {
      const { sync } = report;
      return h('section', { class: 'exchange-report ok' },
        h('h3', {}, 'Group folder synced'),
        h('p', { class: 'hint' }, `Your file: ${baseName(sync.written)}`),
        h('p', { class: 'exchange-verdict', id: `${prefix}-verdict` },
          sync.members.length === 0 ? 'No other member’s file is in the folder yet.' : verdict(sync.total)),
        sync.members.length > 0 && countsTable(sync.total, prefix),
        sync.members.length > 0 && h('ul', { class: 'exchange-members' }, sync.members.map((m) =>
          h('li', { class: m.error ? 'failed' : 'ok' },
            h('span', { class: 'exchange-member-file' }, m.file),
            m.error ? h('span', { class: 'exchange-error' }, ` — ${m.error}`) : ` — ${verdict(m.summary)}`))));
    }
    case 'sync_failed':
      return h('section', { class: 'exchange-report failed', role: 'alert' },
        h('h3', {}, 'Could not sync with the group folder'),
        h('p', { class: 'exchange-error', id: `${prefix}-error` }, report.error?.message ?? String(report.error)));
    default:
      return null;
  }
}

let summary = null; // the open summary dialog: {reports, body}

/** Shows (or adds to the open) summary dialog. */
function showReports(ctx, reports, title = 'Imported') {
  if (summary && summary.body.isConnected) {
    summary.reports.push(...reports);
  } else {
    const dialog = modal({ id: 'exchange-summary', title, build: () => {}, onClose: () => { summary = null; } });
    summary = { reports: [...reports], body: dialog.body, close: dialog.close };
  }
  const { body, reports: all, close } = summary;
  clear(body);
  const inLibrary = ['', '#', '#/'].includes(location.hash);
  const added = !inLibrary && all.some((r) => (r.summary?.articles_added || r.sync?.total?.articles_added) > 0);
  body.append(...all.map(reportSection),
    h('div', { class: 'dialog-actions' },
      added && h('button', { type: 'button', class: 'button', id: 'summary-library', onclick: () => { close(); ctx.navigate('#/'); } }, 'Show the library'),
      h('button', { type: 'button', class: 'button button-primary', id: 'summary-ok', 'data-autofocus': true, onclick: () => close() }, 'OK')));
  body.querySelector('#summary-ok').focus();
}

/**
 * Shows what the app imported by itself (files it was opened with, the start-up group sync):
 * reports waiting now, and each later one. `ctx` = {api, toast, navigate}. Also handles
 * `lectern:import-annotations` events ({detail: path}), the way in for other views.
 */
export function watchExchange(ctx) {
  const drain = async () => {
    try {
      const reports = await ctx.api.takeExchangeReports();
      if (reports.length === 0) return;
      showReports(ctx, reports, 'Imported');
      for (const r of reports) changed(ctx, r.summary || r.sync?.total);
    } catch (e) {
      ctx.toast(`Could not read what was imported: ${e.message}`);
    }
  };
  const off = ctx.api.onExchangeReport(drain);
  const onImport = (e) => importPath(ctx, e.detail);
  window.addEventListener('lectern:import-annotations', onImport);
  drain();
  return () => { off(); window.removeEventListener('lectern:import-annotations', onImport); };
}
