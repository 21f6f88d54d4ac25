// Formatting for display: dates, reading time, relative times, progress. Pure: no DOM.
// The UI is in English; dates are formatted by hand so output does not depend on the
// platform's ICU data (and tests are deterministic).

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "6 min read" for a whole number of minutes (the core rounds). */
export function readingTime(minutes) {
  const n = Math.max(1, Math.round(Number(minutes) || 0));
  return `${n} min read`;
}

/**
 * A published time as the core stores it (`2021-05-29T15:30:22`, `2021-05-29`, `2021-05`,
 * `2021`) shown as "29 May 2021", "May 2021" or "2021". Anything else is returned as is;
 * nothing becomes "Invalid Date".
 */
export function formatDate(iso) {
  if (!iso) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(String(iso));
  if (!m) return String(iso);
  const [, year, month, day] = m;
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (month && !monthName) return String(iso);
  if (day) return `${Number(day)} ${monthName} ${year}`;
  if (month) return `${monthName} ${year}`;
  return year;
}

/** The `Date` of an ISO timestamp, or null. */
function parse(iso) {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/**
 * How long ago `iso` was, relative to `now` (a Date or ms): "just now", "5 minutes ago",
 * "yesterday", "2 days ago", "3 weeks ago", then the date itself.
 */
export function relativeTime(iso, now = Date.now()) {
  const then = parse(iso);
  if (then === null) return '';
  const seconds = Math.max(0, (Number(now) - then) / 1000);
  const plural = (n, unit) => `${n} ${unit}${n === 1 ? '' : 's'} ago`;
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return plural(hours, 'hour');
  const days = Math.floor(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 14) return plural(days, 'day');
  if (days < 60) return plural(Math.floor(days / 7), 'week');
  return `on ${formatDate(new Date(then).toISOString())}`;
}

/** "added 2 days ago", "added yesterday", "added on 3 Jan 2024". */
export function addedLabel(iso, now = Date.now()) {
  const rel = relativeTime(iso, now);
  return rel ? `added ${rel}` : '';
}

/** Progress (0–1) as words and a whole percentage. */
export function progressLabel(progress) {
  const p = Math.max(0, Math.min(1, Number(progress) || 0));
  const percent = Math.round(p * 100);
  if (percent >= 99) return { percent: 100, text: 'Finished' };
  if (percent === 0) return { percent: 0, text: 'Not started' };
  return { percent, text: `${percent}% read` };
}

/** Joins the non-empty parts with a middle dot: "Xinhua · 3 Jan 2024 · 6 min read". */
export function joinMeta(parts) {
  return parts.filter((p) => p && String(p).trim()).join(' · ');
}
