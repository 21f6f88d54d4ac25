// Highlights without the DOM: the palette and its names, study-group layers (who is painted,
// in which colour), which highlights sit under an offset, grouping and facets for the
// library-wide list, tags as typed, keys, and where a popover goes. Pure: tested in
// ui/tests/annotations-model.test.js.

import { codePointLength, sliceCodePoints } from './offsets.js';

/** The palette, in the core's order (`Color::ALL`); keys 1–5 pick them. */
export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'];
export const DEFAULT_COLOR = 'yellow';
const COLOR_LABELS = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink', purple: 'Purple' };

/** How many member colours the layers have (`hl-member-0` … `hl-member-7`). */
export const MEMBER_COLORS = 8;

/** The CSS highlight names, besides the colours: suggestions, the active highlight. */
export const SUGGESTION_LAYER = 'suggestion';
export const ACTIVE_LAYER = 'hl-active';

/** A colour's name for people ("Yellow"); unknown colours are shown as given. */
export function colorLabel(color) {
  return COLOR_LABELS[color] || String(color || '');
}

/** The colour a key picks ('1' → yellow … '5' → purple), or null. */
export function colorForKey(key) {
  const n = Number(key);
  return Number.isInteger(n) && n >= 1 && n <= COLORS.length ? COLORS[n - 1] : null;
}

/**
 * What a key does while article text is selected: {action: 'highlight', color} for `h` and
 * `1`–`5`, {action: 'note' | 'tag' | 'copy'} for `n`, `t`, `c`; null for any other key.
 */
export function selectionKey(key) {
  if (key === 'h') return { action: 'highlight', color: null };
  const color = colorForKey(key);
  if (color) return { action: 'highlight', color };
  return { n: { action: 'note' }, t: { action: 'tag' }, c: { action: 'copy' } }[key] || null;
}

/** The study-group layers as the store holds them, with defaults for what is absent. */
export function normalizeLayers(layers) {
  const l = layers && typeof layers === 'object' ? layers : {};
  return {
    byMember: Boolean(l.byMember),
    hidden: Array.isArray(l.hidden) ? l.hidden.map(String) : [],
    colors: l.colors && typeof l.colors === 'object' ? l.colors : {},
  };
}

/** Whether `creator`'s highlights are hidden by the layers. */
export function isHidden(creator, layers) {
  return normalizeLayers(layers).hidden.includes(creator);
}

/** A stable member colour for a name the layers give none: a small string hash. */
function hashIndex(name) {
  let hash = 0;
  for (const ch of String(name)) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return hash % MEMBER_COLORS;
}

/** The member colour index (0–7) of `creator`: the layers' choice, else a stable hash. */
export function memberIndex(creator, layers) {
  const i = Number(normalizeLayers(layers).colors[creator]);
  return Number.isInteger(i) && i >= 0 && i < MEMBER_COLORS ? i : hashIndex(creator);
}

/** The CSS highlight a highlight is painted under: its colour's, or its member's by layer. */
export function layerName(highlight, layers) {
  const l = normalizeLayers(layers);
  if (l.byMember) return `hl-member-${memberIndex(highlight.creator, l)}`;
  return `hl-${COLORS.includes(highlight.color) ? highlight.color : DEFAULT_COLOR}`;
}

/** Every layer name highlights may be painted under (to clear those no longer used). */
export function allLayerNames() {
  return [...COLORS.map((c) => `hl-${c}`), ...Array.from({ length: MEMBER_COLORS }, (_, i) => `hl-member-${i}`)];
}

/**
 * The highlights to paint, grouped by layer name: a Map name → [highlight]. Orphans (no place
 * in the text) and hidden creators' highlights are left out.
 */
export function paintGroups(highlights, layers) {
  const l = normalizeLayers(layers);
  const groups = new Map();
  for (const hl of highlights) {
    if (hl.orphan || hl.end <= hl.start || l.hidden.includes(hl.creator)) continue;
    const name = layerName(hl, l);
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name).push(hl);
  }
  return groups;
}

/** Highlights in text order (start, then end), orphans last in the order given. */
export function inTextOrder(highlights) {
  return [...highlights].sort((a, b) => (a.orphan - b.orphan) || (a.start - b.start) || (a.end - b.end));
}

/**
 * The painted highlights under canonical `offset`, innermost (shortest) first. A caret just
 * after the last character of a highlight (a click on its right half) counts as inside it.
 */
export function highlightsAt(highlights, offset, layers) {
  const l = normalizeLayers(layers);
  const live = highlights.filter((hl) => !hl.orphan && !l.hidden.includes(hl.creator));
  let found = live.filter((hl) => hl.start <= offset && offset < hl.end);
  if (found.length === 0) found = live.filter((hl) => hl.start < offset && offset <= hl.end);
  return found.sort((a, b) => (a.end - a.start) - (b.end - b.start));
}

/** The key-quote suggestions under `offset` (same rule as `highlightsAt`). */
export function suggestionsAt(suggestions, offset) {
  let found = suggestions.filter((s) => s.start <= offset && offset < s.end);
  if (found.length === 0) found = suggestions.filter((s) => s.start < offset && offset <= s.end);
  return found;
}

/** `text` cut to at most `max` code points, with an ellipsis when cut; spaces collapsed. */
export function excerpt(text, max = 140) {
  const flat = String(text || '').replace(/\s+/g, ' ').trim();
  if (codePointLength(flat) <= max) return flat;
  return `${sliceCodePoints(flat, 0, max - 1).trimEnd()}…`;
}

/** Tags as typed: split on commas (ASCII or full-width), trimmed, case-insensitive duplicates dropped. */
export function parseTags(input) {
  const out = [];
  for (const raw of String(input || '').split(/[,，、]/)) {
    const tag = raw.replace(/\s+/g, ' ').trim();
    if (tag && !out.some((t) => t.toLowerCase() === tag.toLowerCase())) out.push(tag);
  }
  return out;
}

/** Highlights grouped by article, in the order articles first appear: [{article, title, highlights}]. */
export function groupByArticle(highlights) {
  const groups = new Map();
  for (const hl of highlights) {
    if (!groups.has(hl.article)) groups.set(hl.article, { article: hl.article, title: hl.article_title || 'Untitled', highlights: [] });
    groups.get(hl.article).highlights.push(hl);
  }
  return [...groups.values()];
}

function counted(values, key = (v) => v) {
  const counts = new Map();
  for (const v of values) {
    const k = key(v);
    const entry = counts.get(k) || { value: v, count: 0 };
    entry.count++;
    counts.set(k, entry);
  }
  return [...counts.values()];
}

/**
 * What the library-wide filters offer, from the whole (unfiltered) list:
 * {tags: [{name, count}], colors: [{color, count}], creators: [{name, count}], articles: [{id, title, count}]},
 * tags, creators and articles sorted by name, colours in palette order.
 */
export function facets(highlights) {
  const byName = (a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
  const tags = counted(highlights.flatMap((hl) => hl.tags || []), (t) => t.toLowerCase())
    .map(({ value, count }) => ({ name: value, count })).sort(byName);
  const colors = COLORS.map((color) => ({ color, count: highlights.filter((hl) => hl.color === color).length }))
    .filter((c) => c.count > 0);
  const creators = counted(highlights.map((hl) => hl.creator)).map(({ value, count }) => ({ name: value, count })).sort(byName);
  const articles = counted(highlights, (hl) => hl.article)
    .map(({ value, count }) => ({ id: value.article, title: value.article_title || 'Untitled', count }))
    .sort((a, b) => a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }));
  return { tags, colors, creators, articles };
}

/** Whether a filter ({tag, color, article, creator, text}) narrows anything. */
export function isFiltered(filter) {
  return Object.values(filter || {}).some((v) => v !== null && v !== undefined && String(v).trim() !== '');
}

/**
 * Where a popover or toolbar of `size` ({width, height}) goes next to `anchor` (a rect:
 * {top, bottom, left, right}) inside `viewport` ({width, height}): above the anchor when it
 * fits there (below `minTop`, e.g. a sticky toolbar), else below it; centred on it and kept
 * `margin` px inside the window. It never covers the anchor unless the window is too small
 * for both. Returns {top, left, placement: 'above' | 'below'}.
 */
export function placeNear(anchor, size, viewport, { gap = 8, margin = 8, minTop = 0, prefer = 'above' } = {}) {
  const aboveTop = anchor.top - gap - size.height;
  const belowTop = anchor.bottom + gap;
  const fitsAbove = aboveTop >= Math.max(margin, minTop);
  const fitsBelow = belowTop + size.height <= viewport.height - margin;
  let placement = prefer === 'below' ? (fitsBelow || !fitsAbove ? 'below' : 'above') : (fitsAbove || !fitsBelow ? 'above' : 'below');
  if (placement === 'above' && !fitsAbove && !fitsBelow) {
    // Neither fits: the side with more room, clamped into the window.
    placement = anchor.top - minTop > viewport.height - anchor.bottom ? 'above' : 'below';
  }
  let top = placement === 'above' ? aboveTop : belowTop;
  top = Math.max(Math.max(margin, minTop), Math.min(top, viewport.height - margin - size.height));
  const centre = (anchor.left + anchor.right) / 2;
  let left = centre - size.width / 2;
  left = Math.max(margin, Math.min(left, viewport.width - margin - size.width));
  return { top: Math.round(top), left: Math.round(left), placement };
}

/** A highlight's one-line description for lists and labels: "Yellow highlight, with a note, tags: a, b". */
export function describe(hl) {
  const parts = [`${colorLabel(hl.color)} highlight`];
  if (hl.note) parts.push('with a note');
  if (hl.tags && hl.tags.length) parts.push(`tags: ${hl.tags.join(', ')}`);
  if (hl.orphan) parts.push('not found in the text');
  return parts.join(', ');
}

/** Replaces (or adds) `hl` in `list` by id; returns a new list. */
export function upsert(list, hl) {
  const i = list.findIndex((x) => x.id === hl.id);
  if (i < 0) return [...list, hl];
  const next = [...list];
  next[i] = hl;
  return next;
}
