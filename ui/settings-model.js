// Reader settings: the choices, their limits and steps, and how they become CSS custom
// properties. Pure: no DOM. The view (settings.js) and the app (app.js) use only this.

/** Font sizes the Smaller/Bigger buttons and Ctrl+- / Ctrl+= step through, in px. */
export const FONT_SIZES = [14, 15, 16, 17, 18, 19, 20, 22, 24, 26, 28, 30, 32];
export const MIN_FONT_SIZE = FONT_SIZES[0];
export const MAX_FONT_SIZE = FONT_SIZES[FONT_SIZES.length - 1];

// Every stack ends with CJK fonts before the generic family, so Chinese text renders with a
// real CJK face whichever family is chosen (WenQuanYi is what a stock Debian has).
const CJK_FALLBACK = '"Noto Serif CJK SC", "Source Han Serif SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei"';

export const FAMILIES = [
  { id: 'serif', label: 'Serif', stack: `Charter, "Bitstream Charter", "Noto Serif", "DejaVu Serif", Georgia, ${CJK_FALLBACK}, serif` },
  { id: 'sans', label: 'Sans', stack: `"Noto Sans", "DejaVu Sans", "Segoe UI", Roboto, Helvetica, Arial, "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif` },
  { id: 'mono', label: 'Monospace', stack: `"DejaVu Sans Mono", "Noto Sans Mono", Menlo, Consolas, "WenQuanYi Micro Hei Mono", monospace` },
  { id: 'cjk', label: 'CJK-friendly', stack: `"Noto Serif CJK SC", "Source Han Serif SC", "WenQuanYi Micro Hei", serif` },
];

export const LINE_HEIGHTS = [
  { id: 'tight', label: 'Tight', value: 1.35 },
  { id: 'normal', label: 'Normal', value: 1.6 },
  { id: 'relaxed', label: 'Relaxed', value: 1.8 },
  { id: 'loose', label: 'Loose', value: 2.0 },
];

export const WIDTHS = [
  { id: 'narrow', label: 'Narrow', value: '32em' },
  { id: 'medium', label: 'Medium', value: '38em' },
  { id: 'wide', label: 'Wide', value: '46em' },
  { id: 'full', label: 'Full', value: '100%' },
];

export const SPACINGS = [
  { id: 'compact', label: 'Compact', value: '0.6em' },
  { id: 'normal', label: 'Normal', value: '1em' },
  { id: 'airy', label: 'Airy', value: '1.5em' },
];

export const THEMES = [
  { id: 'light', label: 'Light' },
  { id: 'sepia', label: 'Sepia' },
  { id: 'dark', label: 'Dark' },
  { id: 'contrast', label: 'High contrast' },
];

export const DEFAULTS = Object.freeze({
  fontSize: 18,
  family: 'serif',
  lineHeight: 'normal',
  width: 'medium',
  spacing: 'normal',
  justify: false,
  theme: 'light',
});

const ids = (list) => list.map((x) => x.id);
const pick = (value, allowed, fallback) => (allowed.includes(value) ? value : fallback);

/** The nearest allowed font size to `px`. */
export function snapFontSize(px) {
  const n = Number(px);
  if (!Number.isFinite(n)) return DEFAULTS.fontSize;
  return FONT_SIZES.reduce((best, s) => (Math.abs(s - n) < Math.abs(best - n) ? s : best), FONT_SIZES[0]);
}

/** Settings as stored (possibly old, partial or damaged) made whole and valid. */
export function normalize(raw) {
  const r = raw && typeof raw === 'object' ? raw : {};
  return {
    fontSize: snapFontSize(r.fontSize ?? DEFAULTS.fontSize),
    family: pick(r.family, ids(FAMILIES), DEFAULTS.family),
    lineHeight: pick(r.lineHeight, ids(LINE_HEIGHTS), DEFAULTS.lineHeight),
    width: pick(r.width, ids(WIDTHS), DEFAULTS.width),
    spacing: pick(r.spacing, ids(SPACINGS), DEFAULTS.spacing),
    justify: r.justify === true,
    theme: pick(r.theme, ids(THEMES), DEFAULTS.theme),
  };
}

/** One step bigger (stays at the maximum). */
export function bigger(settings) {
  const s = normalize(settings);
  const next = FONT_SIZES.find((x) => x > s.fontSize) ?? MAX_FONT_SIZE;
  return { ...s, fontSize: next };
}

/** One step smaller (stays at the minimum). */
export function smaller(settings) {
  const s = normalize(settings);
  const prev = [...FONT_SIZES].reverse().find((x) => x < s.fontSize) ?? MIN_FONT_SIZE;
  return { ...s, fontSize: prev };
}

/** Back to the default size, keeping everything else. */
export function resetSize(settings) {
  return { ...normalize(settings), fontSize: DEFAULTS.fontSize };
}

const lookup = (list, id) => list.find((x) => x.id === id);

/** The CSS custom properties (on the root element) for `settings`. */
export function cssVariables(settings) {
  const s = normalize(settings);
  return {
    '--reader-font-size': `${s.fontSize}px`,
    '--reader-font-family': lookup(FAMILIES, s.family).stack,
    '--reader-line-height': String(lookup(LINE_HEIGHTS, s.lineHeight).value),
    '--reader-width': lookup(WIDTHS, s.width).value,
    '--reader-paragraph-spacing': lookup(SPACINGS, s.spacing).value,
    '--reader-text-align': s.justify ? 'justify' : 'start',
  };
}
