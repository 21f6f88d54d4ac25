// Small floating boxes next to article text: the selection toolbar and the highlight and
// suggestion editors. Fixed-positioned (see `placeNear` in annotations-model.js), inside the
// reader so that Tab reaches them after the article, closed by Escape or a click elsewhere.

import { placeNear } from './annotations-model.js';

/** The bottom of the reader's sticky bar: nothing floats above it. */
export function barBottom() {
  const bar = document.querySelector('.reader-bar');
  return bar ? bar.getBoundingClientRect().bottom : 0;
}

/** Places `el` (already in the document) next to `anchor` (a rect), inside the window. */
export function position(el, anchor, options = {}) {
  el.style.visibility = 'hidden';
  el.style.top = '0px';
  el.style.left = '0px';
  const box = el.getBoundingClientRect();
  const viewport = { width: document.documentElement.clientWidth, height: window.innerHeight };
  const at = placeNear(anchor, { width: box.width, height: box.height }, viewport, { minTop: barBottom() + 4, ...options });
  el.style.top = `${at.top}px`;
  el.style.left = `${at.left}px`;
  el.dataset.placement = at.placement;
  el.style.visibility = '';
  return at;
}

/** The rect of `range`'s line under the point (x, y), else its bounding rect. */
export function rectNear(range, x, y) {
  if (!range) return null;
  if (x !== undefined) {
    for (const r of range.getClientRects()) {
      if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return r;
    }
  }
  return range.getBoundingClientRect();
}

let current = null;

/** The open popover, if any: {el, close}. */
export function openPopover() {
  return current;
}

/**
 * Shows `el` as the one popover (closing any other) next to `anchor`. `onClose` runs once
 * when it closes (Escape, a click outside, `close()`); focus then returns to `returnFocus`
 * when given and still in the document.
 */
export function showPopover(host, el, anchor, { onClose, returnFocus, focus = true } = {}) {
  closePopover();
  el.classList.add('popover');
  host.append(el);
  position(el, anchor);
  const outside = (e) => {
    if (!el.contains(e.target)) close();
  };
  const keys = (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopImmediatePropagation();
      close({ restoreFocus: true });
    }
  };
  // Escape first here, before the app's own Escape (back to the library).
  window.addEventListener('keydown', keys, true);
  // A click elsewhere closes it; after this turn, so the click that opened it does not.
  const timer = setTimeout(() => document.addEventListener('mousedown', outside, true), 0);
  let closed = false;
  function close({ restoreFocus = false } = {}) {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    window.removeEventListener('keydown', keys, true);
    document.removeEventListener('mousedown', outside, true);
    const hadFocus = el.contains(document.activeElement);
    el.remove();
    if (current && current.el === el) current = null;
    if ((restoreFocus || hadFocus) && returnFocus instanceof HTMLElement && returnFocus.isConnected) {
      returnFocus.focus({ preventScroll: true });
    }
    onClose && onClose();
  }
  current = { el, close, reposition: (a) => position(el, a) };
  if (focus) {
    const first = el.querySelector('[autofocus], button:not([disabled]), textarea, input');
    first?.focus({ preventScroll: true });
  }
  return current;
}

/** Closes the open popover, if any. */
export function closePopover() {
  if (current) current.close();
}

/** Copies `text` to the clipboard (the async API, else a hidden textarea). */
export async function copyText(text) {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the old way.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}
