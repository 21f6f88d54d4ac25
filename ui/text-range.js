// DOM ranges ↔ canonical offsets (DESIGN §2) over the reader's rendered blocks, and the
// named CSS highlights drawn over them.
//
// Each block element carries `data-start`, its code-point offset in the canonical text. A
// block's own text is the text nodes inside it that do not belong to a nested block (a list
// item holds its sub-list). Features never wrap article text in elements: they paint with the
// CSS Custom Highlight API (`::highlight(name)`), so the DOM, and with it every offset, stays
// exactly as rendered, and a highlight may cross element and block boundaries freely.

import { codePointLength, codePointToUtf16, utf16ToCodePoint, blockAt } from './offsets.js';

/** The text nodes that make up `block`'s own text, in order. */
export function blockTextNodes(block) {
  const nodes = [];
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement.closest('.block') === block ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
  return nodes;
}

/** The canonical offset of a DOM boundary point inside the article, or null outside it. */
export function offsetOf(container, offset) {
  const element = container.nodeType === Node.TEXT_NODE ? container.parentElement : container;
  const block = element?.closest('.block');
  if (!block) return null;
  const start = Number(block.dataset.start);
  let points = 0;
  for (const node of blockTextNodes(block)) {
    if (node === container) return start + points + utf16ToCodePoint(node.data, offset);
    // A boundary between children (an element container): count the text before it.
    if (container.nodeType !== Node.TEXT_NODE && boundaryPrecedes(container, offset, node)) return start + points;
    points += codePointLength(node.data);
  }
  return start + points;
}

function boundaryPrecedes(container, offset, node) {
  const boundary = document.createRange();
  boundary.setStart(container, offset);
  return boundary.comparePoint(node, 0) >= 0;
}

/** `{start, end}` of a DOM Range in canonical offsets, or null when it is not in the article. */
export function offsetsOfRange(range) {
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** `{start, end}` of the window's current selection inside the article, or null. */
export function selectionOffsets() {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  return offsetsOfRange(selection.getRangeAt(0));
}

/** The canonical offset under a viewport point (for clicks and hovers), or null. */
export function offsetAtPoint(x, y) {
  const caret = document.caretRangeFromPoint?.(x, y);
  return caret ? offsetOf(caret.startContainer, caret.startOffset) : null;
}

/**
 * Maps canonical offsets to DOM positions over the rendered blocks. `blocks` are the block
 * elements in document order, `starts` their offsets (the same array the core sends).
 */
export function createTextMap(blocks, starts) {
  const cache = new Map();
  const nodesOf = (i) => {
    if (!cache.has(i)) cache.set(i, blockTextNodes(blocks[i]));
    return cache.get(i);
  };

  /** The DOM point at canonical `offset`; `atEnd` prefers the end of a node at a seam. */
  function point(offset, atEnd) {
    const i = blockAt(starts, offset);
    const nodes = nodesOf(i);
    let rest = Math.max(0, offset - starts[i]);
    for (let n = 0; n < nodes.length; n++) {
      const length = codePointLength(nodes[n].data);
      if (rest < length || (rest === length && (atEnd || n === nodes.length - 1))) {
        return { node: nodes[n], offset: codePointToUtf16(nodes[n].data, rest) };
      }
      rest -= length;
    }
    // A block without text (an image without a caption): its element itself.
    const last = nodes[nodes.length - 1];
    return last ? { node: last, offset: last.data.length } : { node: blocks[i], offset: 0 };
  }

  return {
    /** A DOM Range over canonical `[start, end)`, or null when it is empty. */
    range(start, end) {
      if (!blocks.length || end <= start) return null;
      const from = point(start, false);
      const to = point(end, true);
      const range = document.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      return range;
    },
    /** The block element holding canonical `offset`. */
    blockAt: (offset) => blocks[blockAt(starts, offset)],
  };
}

/** Whether this WebView paints `::highlight()` (WebKitGTK ≥ 2.44 does). */
export const canHighlight = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/** Paints `ranges` under the CSS highlight `name` (replacing what it painted before). */
export function paint(name, ranges, priority = 0) {
  if (!canHighlight) return;
  const highlight = new Highlight(...ranges.filter(Boolean));
  highlight.priority = priority;
  CSS.highlights.set(name, highlight);
}

/** Removes the CSS highlight `name`. */
export function unpaint(name) {
  if (canHighlight) CSS.highlights.delete(name);
}
