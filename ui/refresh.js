// "Check for updates": downloads the article again (issue #5). The core replaces it when the
// page changed and re-anchors its highlights; this only asks, reports the outcome in a toast
// and re-renders the reader on the new text.

import { h } from './dom.js';

function count(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/** The toast for a `refresh_article` result ({changed, anchored, moved, orphaned}). DOM-free. */
export function refreshMessage(result) {
  if (!result.changed) return 'Up to date';
  const parts = [];
  if (result.moved > 0) parts.push(`${count(result.moved, 'highlight', 'highlights')} moved`);
  if (result.orphaned > 0) parts.push(`${result.orphaned} could not be placed — see Highlights`);
  if (parts.length === 0) {
    return result.anchored > 0 ? 'Updated: your highlights are where they were' : 'Updated to the latest version';
  }
  return `Updated: ${parts.join(', ')}`;
}

/** True when the article was read from a web address (only those can be downloaded again). */
export function canRefresh(meta) {
  return typeof meta?.url === 'string' && /^https?:\/\//i.test(meta.url);
}

export function attach(ctx) {
  if (!canRefresh(ctx.document.meta)) return () => {};
  let gone = false;
  const label = 'Check for updates';
  const button = ctx.addTool(h('button', {
    type: 'button', class: 'button button-quiet', id: 'refresh-article',
    title: 'Download this article again; your highlights follow the new text',
  }, label));
  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    // aria-disabled (not disabled) keeps the button focusable while it works.
    button.setAttribute('aria-disabled', 'true');
    button.setAttribute('aria-busy', 'true');
    button.textContent = 'Checking…';
    try {
      const result = await ctx.api.refreshArticle(ctx.id);
      if (gone) return;
      ctx.toast(refreshMessage(result));
      // The same route renders the reader again, on the new text.
      if (result.changed) ctx.navigate(`#/read/${ctx.id}`);
    } catch (e) {
      if (!gone) ctx.toast(`Could not check for updates: ${e.message}`);
    } finally {
      if (!gone) {
        button.removeAttribute('aria-disabled');
        button.removeAttribute('aria-busy');
        button.textContent = label;
      }
    }
  });
  return () => { gone = true; };
}
