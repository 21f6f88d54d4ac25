// Layout of the library timeline's horizontal time axis. Pure: no DOM, so it is tested with
// `node --test` and the view only draws what this computes.
//
// Time is counted in whole days since 1970-01-01 (UTC): every event covers the days
// `from`..`to` inclusive, so it spans `[day(from), day(to) + 1)` on the axis. A *view* is the
// visible window `{start, end}` in (fractional) days; zooming and panning make new views.
// Tick levels follow the zoom: decades → years → months → days, whichever is the finest
// whose ticks stay at least MIN_TICK_PX apart.

export const DAY_MS = 86_400_000;
/** Narrowest window (days) and widest (about two centuries). */
export const MIN_SPAN = 10;
export const MAX_SPAN = 365.25 * 200;
/** Ticks closer than this (px) are too dense for their level. */
export const MIN_TICK_PX = 30;

/** Day number of an ISO date (`2021-03-09`, or a longer timestamp); NaN when it does not read. */
export function dayOf(iso) {
  const m = /^(-?\d{4})-(\d{2})-(\d{2})/.exec(String(iso || ''));
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** `{year, month (1–12), day}` of a day number. */
export function civil(day) {
  const d = new Date(Math.floor(day) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const ymd = (year, month, day = 1) => Date.UTC(year, month - 1, day) / DAY_MS;

/** Position of `day` in a view drawn `width` px wide. */
export function xOf(view, width, day) {
  return ((day - view.start) / (view.end - view.start)) * width;
}

/** The day at `x` px. */
export function dayAt(view, width, x) {
  return view.start + (x / width) * (view.end - view.start);
}

/** A view showing every event (5 % margin each side, at least a month). */
export function fitView(events) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of events) {
    const from = dayOf(e.from);
    const to = dayOf(e.to) + 1;
    if (from < lo) lo = from;
    if (to > hi) hi = to;
  }
  if (!Number.isFinite(lo)) {
    const today = Math.floor(Date.now() / DAY_MS);
    return { start: today - 183, end: today + 183 };
  }
  const span = Math.max(31, hi - lo);
  const mid = (lo + hi) / 2;
  const padded = Math.min(MAX_SPAN, span * 1.1);
  return { start: mid - padded / 2, end: mid + padded / 2 };
}

/** `view` zoomed by `factor` (> 1 zooms in) keeping `anchor` (a day) where it is. */
export function zoom(view, factor, anchor = (view.start + view.end) / 2) {
  const span = view.end - view.start;
  const next = Math.min(MAX_SPAN, Math.max(MIN_SPAN, span / factor));
  const ratio = (anchor - view.start) / span;
  const start = anchor - ratio * next;
  return { start, end: start + next };
}

/** `view` moved by `days` (positive: later). */
export function pan(view, days) {
  return { start: view.start + days, end: view.end + days };
}

/** `view` moved the least so that `[from, to)` (days) is inside it, with a margin. */
export function reveal(view, from, to) {
  const span = view.end - view.start;
  const margin = span * 0.08;
  if (from < view.start + margin) return pan(view, from - margin - view.start);
  if (to > view.end - margin) return pan(view, Math.min(to + margin - view.end, from - margin - view.start));
  return view;
}

const LEVELS = ['day', 'month', 'year', 'decade'];
const TYPICAL_DAYS = { day: 1, month: 30.44, year: 365.25, decade: 3652.5 };

/** The tick level for a view `width` px wide: the finest whose ticks are MIN_TICK_PX apart. */
export function tickLevel(view, width) {
  const perDay = width / (view.end - view.start);
  return LEVELS.find((level) => TYPICAL_DAYS[level] * perDay >= MIN_TICK_PX) ?? 'decade';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Boundaries of `level` from the one at or before `start` to past `end`. */
function boundaries(level, start, end) {
  const out = [];
  const first = civil(start);
  let { year, month } = first;
  if (level === 'decade') year = Math.floor(year / 10) * 10;
  let day = level === 'day' ? Math.floor(start) : level === 'month' ? ymd(year, month) : ymd(year, 1);
  while (day <= end && out.length < 2000) {
    out.push(day);
    if (level === 'day') day += 1;
    else if (level === 'month') {
      month += 1;
      if (month > 12) { month = 1; year += 1; }
      day = ymd(year, month);
    } else {
      year += level === 'decade' ? 10 : 1;
      day = ymd(year, 1);
    }
  }
  return out;
}

function tickLabel(level, day) {
  const c = civil(day);
  if (level === 'day') return String(c.day);
  if (level === 'month') return MONTHS[c.month - 1];
  if (level === 'year') return String(c.year);
  return `${c.year}s`;
}

/** The coarser level whose names group the ticks of `level` (months under years…). */
const GROUP = { day: 'month', month: 'year', year: 'decade', decade: null };

function groupLabel(level, day) {
  const c = civil(day);
  if (level === 'month') return `${MONTHS[c.month - 1]} ${c.year}`;
  if (level === 'year') return String(c.year);
  return `${c.year}s`;
}

/**
 * Ticks for a view `width` px wide: `{level, ticks: [{day, x, label}], groups: [{day, x, label}]}`.
 * `groups` name the coarser unit (the year above month ticks); the first group is pinned at
 * x = 0 so the reader always knows which year a stretch belongs to. Labels that would collide
 * are thinned (`label: ''`, the tick stays).
 */
export function ticks(view, width, { charPx = 7.2, gap = 10 } = {}) {
  const level = tickLevel(view, width);
  const tickList = boundaries(level, view.start, view.end)
    .map((day) => ({ day, x: xOf(view, width, day), label: tickLabel(level, day) }))
    .filter((t) => t.x >= -1 && t.x <= width + 1);
  const groupLevel = GROUP[level];
  let groups = [];
  if (groupLevel) {
    groups = boundaries(groupLevel, view.start, view.end)
      .map((day) => ({ day, x: Math.max(0, xOf(view, width, day)), label: groupLabel(groupLevel, day) }))
      .filter((g) => g.x <= width);
    groups = thin(groups.reverse(), charPx, gap, true).reverse().filter((g) => g.label);
  }
  return { level, ticks: thin(tickList, charPx, gap), groups };
}

/**
 * Blanks the labels that would overlap the one kept before them: each label is about
 * `charPx` per character wide, starting at its x. With `backwards`, the list runs right to
 * left (a later group label wins over the pinned one it would cover).
 */
export function thin(items, charPx = 7.2, gap = 10, backwards = false) {
  let edge = backwards ? Infinity : -Infinity;
  return items.map((item) => {
    const w = item.label.length * charPx;
    const fits = backwards ? item.x + w + gap <= edge : item.x >= edge;
    if (!item.label || !fits) return { ...item, label: '' };
    edge = backwards ? item.x : item.x + w + gap;
    return item;
  });
}

/** How an event of `precision` is drawn: a dot for a day, a bar for a period (lighter for
 * seasons and quarters, an outline for years and decades, which say the least). */
export function markShape(precision) {
  if (precision === 'day') return { shape: 'dot', style: 'solid' };
  if (precision === 'week' || precision === 'month') return { shape: 'bar', style: 'solid' };
  if (precision === 'season' || precision === 'quarter') return { shape: 'bar', style: 'light' };
  return { shape: 'bar', style: 'outline' };
}

/**
 * The marks of the events visible in `view` (`width` px wide), packed in lanes so none
 * overlaps another: `{marks: [{index, x0, x1, lane, shape, style}], lanes}`. Events must be
 * sorted by `from`. A dot is `2 * radius` wide, a bar at least `minBar`; beyond `maxLanes`
 * the lane ending first is reused (marks may then overlap: a very dense stretch, to zoom into).
 */
export function layoutMarks(events, view, width, { radius = 6, minBar = 8, gap = 3, maxLanes = 24, overscan = 20 } = {}) {
  const laneEnds = [];
  const marks = [];
  events.forEach((e, index) => {
    const from = dayOf(e.from);
    const to = dayOf(e.to) + 1;
    const { shape, style } = markShape(e.precision);
    let x0;
    let x1;
    if (shape === 'dot') {
      const cx = xOf(view, width, (from + to) / 2);
      x0 = cx - radius;
      x1 = cx + radius;
    } else {
      x0 = xOf(view, width, from);
      x1 = Math.max(xOf(view, width, to), x0 + minBar);
    }
    if (x1 < -overscan || x0 > width + overscan) return;
    let lane = laneEnds.findIndex((end) => end + gap <= x0);
    if (lane < 0 && laneEnds.length < maxLanes) lane = laneEnds.length;
    if (lane < 0) lane = laneEnds.indexOf(Math.min(...laneEnds));
    laneEnds[lane] = Math.max(laneEnds[lane] ?? -Infinity, x1);
    marks.push({ index, x0, x1, lane, shape, style });
  });
  return { marks, lanes: laneEnds.length };
}

/** A colour slot (0…slots-1) for each article, in order of first appearance. */
export function articleSlots(events, slots = 8) {
  const map = new Map();
  for (const e of events) if (!map.has(e.article)) map.set(e.article, map.size % slots);
  return map;
}

/** Groups consecutive items by `key(item)`: `[{key, items}]`, in order. */
export function groupBy(items, key) {
  const groups = [];
  for (const item of items) {
    const k = key(item);
    const last = groups[groups.length - 1];
    if (last && last.key === k) last.items.push(item);
    else groups.push({ key: k, items: [item] });
  }
  return groups;
}
