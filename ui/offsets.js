// Offsets between the DOM and the canonical text (DESIGN §2). Pure: no DOM access.
//
// The core counts Unicode code points; JavaScript strings count UTF-16 code units, so an
// astral character (😀, 𠀀) is one code point but two units. Every conversion between the two
// lives here and is tested against the same fixtures as the Rust side.

/** The separator between blocks in the canonical text. */
export const BLOCK_SEPARATOR = '\n\n';

/** Number of code points in `text`. */
export function codePointLength(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** The code-point offset of UTF-16 index `index` in `text` (clamped to the text). */
export function utf16ToCodePoint(text, index) {
  return codePointLength(text.slice(0, Math.max(0, Math.min(index, text.length))));
}

/** The UTF-16 index of code-point offset `offset` in `text` (clamped to the text). */
export function codePointToUtf16(text, offset) {
  let points = 0;
  let i = 0;
  while (i < text.length && points < offset) {
    const unit = text.charCodeAt(i);
    const pair = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length &&
      text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff;
    i += pair ? 2 : 1;
    points++;
  }
  return i;
}

/** Slices `text` by code-point offsets `[start, end)`. */
export function sliceCodePoints(text, start, end) {
  return text.slice(codePointToUtf16(text, start), codePointToUtf16(text, end));
}

/** The canonical text of blocks with the given texts. */
export function canonicalText(texts) {
  return texts.join(BLOCK_SEPARATOR);
}

/** Where each block starts in the canonical text, in code points (as `Document::block_starts`). */
export function blockStarts(texts) {
  const sep = codePointLength(BLOCK_SEPARATOR);
  const starts = [];
  let at = 0;
  for (const text of texts) {
    starts.push(at);
    at += codePointLength(text) + sep;
  }
  return starts;
}

/**
 * The canonical offset of a point inside a block: the block's start plus the code points of
 * the block text before the point (`textBefore`, as read from the DOM).
 */
export function offsetInBlock(blockStart, textBefore) {
  return blockStart + codePointLength(textBefore);
}

/**
 * The block holding canonical offset `offset`: the index of the last start ≤ offset
 * (`starts` ascending), or -1 when there are no blocks.
 */
export function blockAt(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * Splits `text` into runs by the code-point ranges of `marks` ({start, end, ...}), so that
 * each run has one set of active marks. Returns [{text, marks: [mark...]}] in order; runs
 * cover the whole text. Ranges outside the text are clamped; empty ones are ignored.
 */
export function splitByMarks(text, marks) {
  const length = codePointLength(text);
  const valid = (marks || [])
    .map((m) => ({ ...m, start: Math.max(0, Math.min(m.start, length)), end: Math.max(0, Math.min(m.end, length)) }))
    .filter((m) => m.end > m.start);
  const cuts = new Set([0, length]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    runs.push({ text: sliceCodePoints(text, start, end), marks: valid.filter((m) => m.start <= start && m.end >= end) });
  }
  if (runs.length === 0) runs.push({ text, marks: [] });
  return runs;
}
