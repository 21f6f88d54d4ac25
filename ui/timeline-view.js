// The library timeline (`#/timeline`): every article's events (or one tag's) on one
// horizontal time axis drawn in SVG. Zoom with the buttons, Ctrl+wheel or +/−; pan by
// dragging, with the wheel or the arrow keys; Tab reaches the events, ←/→ walk them in date
// order, Enter opens the reader at the passage. The same events are listed as text (a toggle)
// for those who do not use the chart. Geometry comes from timeline-layout.js.

import { h, clear } from './dom.js';
import { sectionNav } from './sections.js';
import { valueLabel, groupLabel } from './timeline-dates.js';
import { dayOf, dayAt, fitView, zoom, pan, reveal, ticks, layoutMarks, articleSlots, groupBy, markShape } from './timeline-layout.js';
import { exportMenu } from './timeline-export.js';
import { sentenceNodes } from './timeline.js';

const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = 8;
const LANE = 16;
const TOP = 46; // group labels, tick labels, then the lanes
const ZOOM_STEP = 1.6;

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

const LEVEL_NAMES = { day: 'days', month: 'months', year: 'years', decade: 'decades' };

/**
 * The chart: an SVG axis over `events` (sorted by date). `onFocus(i)` when an event gets
 * focus or the pointer, `onOpen(i)` when one is chosen. Returns {setEvents, draw, view, focusEvent, element}.
 */
export function createChart({ label, onFocus, onOpen, onView }) {
  let events = [];
  let titles = {};
  let slots = new Map();
  let view = { start: 0, end: 1 };
  let current = 0; // the event that holds the chart's tab stop
  let cache = new Map(); // event index → its mark
  const grid = s('g', { class: 'tl-grid', 'aria-hidden': 'true' });
  const marksLayer = s('g', { class: 'tl-marks' });
  // One focus ring, drawn around the focused mark (SVG elements have no outline in WebKit).
  const ring = s('rect', { class: 'tl-focus-ring', id: 'tl-focus-ring', rx: 5, visibility: 'hidden' });
  const ringLayer = s('g', { 'aria-hidden': 'true' }, ring);
  const svg = s('svg', { class: 'tl-svg', id: 'tl-axis', role: 'group', tabindex: '0', 'aria-roledescription': 'timeline', 'aria-describedby': 'tl-keys' }, grid, marksLayer, ringLayer);

  /** Puts the ring around the focused mark, or hides it. */
  function ringFocus() {
    const g = document.activeElement;
    if (!(g instanceof SVGElement) || g.parentNode !== marksLayer) {
      ring.setAttribute('visibility', 'hidden');
      return;
    }
    const b = g.getBBox();
    ring.setAttribute('x', (b.x - 4).toFixed(1));
    ring.setAttribute('y', (b.y - 4).toFixed(1));
    ring.setAttribute('width', (b.width + 8).toFixed(1));
    ring.setAttribute('height', (b.height + 8).toFixed(1));
    ring.setAttribute('visibility', 'visible');
  }
  let width = 800;

  function describe(i) {
    const e = events[i];
    return `${valueLabel(e.value)}: ${e.sentence} (${titles[e.article] ?? ''})`;
  }

  /** Reads the chart's width (a layout read: only when the data or the window change). */
  function measure() {
    width = Math.max(200, svg.parentElement?.clientWidth || 800);
  }

  // The marks are laid out once per zoom level, over every event, in px from `layout.ref`
  // (the view's start when laid out); panning only translates the layer and adds or removes
  // the marks crossing the edges. Lanes therefore stay put while panning, and a pan costs
  // the marks that enter, not all of them.
  let layout = null;
  let version = 0;

  function relayout() {
    version += 1;
    const k = width / (view.end - view.start);
    layout = { k, width, ref: view.start, ...layoutMarks(events, view, width, { radius: 6, maxLanes: 24, overscan: Infinity }) };
  }

  function place(g, m) {
    const y = TOP + m.lane * LANE + LANE / 2;
    const shape = g.firstChild;
    if (m.shape === 'dot') {
      shape.setAttribute('cx', ((m.x0 + m.x1) / 2).toFixed(1));
      shape.setAttribute('cy', String(y));
    } else {
      shape.setAttribute('x', m.x0.toFixed(1));
      shape.setAttribute('y', String(y - 5));
      shape.setAttribute('width', Math.max(6, m.x1 - m.x0).toFixed(1));
    }
    g.placed = version;
  }

  function draw() {
    const k = width / (view.end - view.start);
    if (!layout || layout.width !== width || Math.abs(layout.k - k) > k * 1e-9) relayout();
    const shift = (layout.ref - view.start) * k;
    const t = ticks(view, width);
    const height = TOP + Math.max(3, layout.lanes) * LANE + 14;
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.dataset.level = t.level;
    svg.dataset.start = view.start.toFixed(2);
    svg.dataset.end = view.end.toFixed(2);
    svg.setAttribute('aria-label', `${label()}: ${events.length} events; showing ${LEVEL_NAMES[t.level]}`);

    const gridNodes = [s('line', { class: 'tl-baseline', x1: 0, x2: width, y1: TOP - 6, y2: TOP - 6 })];
    for (const g of t.groups) gridNodes.push(s('text', { class: 'tl-group-label', x: g.x + 3, y: 13 }, g.label));
    for (const tick of t.ticks) {
      gridNodes.push(s('line', { class: tick.label ? 'tl-tick tl-tick-major' : 'tl-tick', x1: tick.x, x2: tick.x, y1: TOP - 14, y2: height }));
      if (tick.label) gridNodes.push(s('text', { class: 'tl-tick-label', x: tick.x + 3, y: 30 }, tick.label));
    }
    grid.replaceChildren(...gridNodes);

    marksLayer.setAttribute('transform', `translate(${shift.toFixed(1)} 0)`);
    ringLayer.setAttribute('transform', `translate(${shift.toFixed(1)} 0)`);
    // Marks are kept by event: building 2,000 SVG groups (with their labels) again on every
    // wheel tick is what would make it stutter.
    const nodes = [];
    for (const m of layout.marks) {
      if (m.x1 + shift < -20 || m.x0 + shift > width + 20) continue;
      let g = cache.get(m.index);
      if (!g) {
        const e = events[m.index];
        g = s('g', {
          class: `tl-mark tl-${m.shape} tl-${m.style} tl-c${slots.get(e.article) ?? 0}`,
          role: 'button', tabindex: '-1', 'data-index': m.index,
          'data-article': e.article, 'data-start': e.mention.start, 'aria-label': describe(m.index),
        }, s(m.shape === 'dot' ? 'circle' : 'rect', m.shape === 'dot' ? { r: 5.5 } : { height: 10, rx: 3 }));
        cache.set(m.index, g);
      }
      if (g.placed !== version) place(g, m);
      const tab = m.index === current ? '0' : '-1';
      if (g.getAttribute('tabindex') !== tab) g.setAttribute('tabindex', tab);
      nodes.push(g);
    }
    // Only what is in view stays in the document (and in the tab order), in date order.
    const keep = new Set(nodes);
    for (const child of [...marksLayer.children]) if (!keep.has(child)) child.remove();
    // The children left are in date order, a subsequence of `nodes`: insert the new marks
    // between them, a run at a time.
    let at = marksLayer.firstChild;
    let run = null;
    for (const g of nodes) {
      if (g === at) {
        if (run) marksLayer.insertBefore(run, at);
        run = null;
        at = at.nextSibling;
      } else {
        (run ??= document.createDocumentFragment()).append(g);
      }
    }
    if (run) marksLayer.insertBefore(run, at);
    ringFocus();
    onView?.(view, t.level);
  }

  function markOf(i) {
    return marksLayer.querySelector(`.tl-mark[data-index="${i}"]`);
  }

  /** Moves the chart's tab stop to event `i`, brings it into view and focuses it. */
  function focusEvent(i) {
    if (!events[i]) return;
    current = i;
    const e = events[i];
    const next = reveal(view, dayOf(e.from), dayOf(e.to) + 1);
    if (next !== view) view = next;
    draw();
    markOf(i)?.focus();
    onFocus(i);
  }

  function setView(next) {
    view = next;
    draw();
  }

  // ---- pointer: drag pans, a click opens; Ctrl+wheel zooms at the pointer, the wheel pans ----
  let drag = null;
  svg.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    drag = { x: e.clientX, view, moved: false, target: e.target.closest?.('.tl-mark') };
    try {
      svg.setPointerCapture(e.pointerId);
    } catch {
      // A pointer the platform does not know (a synthetic event): drag without capture.
    }
  });
  svg.addEventListener('pointermove', (e) => {
    if (!drag) {
      const mark = e.target.closest?.('.tl-mark');
      if (mark) onFocus(Number(mark.dataset.index));
      return;
    }
    const dx = e.clientX - drag.x;
    if (Math.abs(dx) > 3) drag.moved = true;
    if (drag.moved) setView(pan(drag.view, -(dx / width) * (drag.view.end - drag.view.start)));
  });
  svg.addEventListener('pointerup', (e) => {
    const d = drag;
    drag = null;
    if (svg.hasPointerCapture?.(e.pointerId)) svg.releasePointerCapture(e.pointerId);
    if (d && !d.moved && d.target) onOpen(Number(d.target.dataset.index));
  });
  svg.addEventListener('wheel', (e) => {
    e.preventDefault();
    const span = view.end - view.start;
    if (e.ctrlKey || e.metaKey) {
      const at = dayAt(view, width, e.clientX - svg.getBoundingClientRect().left);
      setView(zoom(view, e.deltaY < 0 ? 1.25 : 1 / 1.25, at));
    } else {
      const delta = Math.abs(e.deltaX) > Math.abs(e.deltaY) ? e.deltaX : e.deltaY;
      setView(pan(view, (delta / width) * span));
    }
  }, { passive: false });

  // ---- keys ----
  svg.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const mark = e.target.closest?.('.tl-mark');
    const span = view.end - view.start;
    const anchor = mark ? (dayOf(events[Number(mark.dataset.index)].from)) : undefined;
    let handled = true;
    if (e.key === '+' || e.key === '=') setView(zoom(view, ZOOM_STEP, anchor));
    else if (e.key === '-' || e.key === '_') setView(zoom(view, 1 / ZOOM_STEP, anchor));
    else if (e.key === '0') setView(fitView(events));
    else if (mark && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
      focusEvent(Math.max(0, Math.min(events.length - 1, Number(mark.dataset.index) + (e.key === 'ArrowRight' ? 1 : -1))));
    } else if (mark && (e.key === 'Enter' || e.key === ' ')) onOpen(Number(mark.dataset.index));
    else if (mark && e.key === 'Escape') svg.focus();
    else if (mark && e.key === 'Home') focusEvent(0);
    else if (mark && e.key === 'End') focusEvent(events.length - 1);
    else if (!mark && e.key === 'ArrowRight') setView(pan(view, span * 0.15));
    else if (!mark && e.key === 'ArrowLeft') setView(pan(view, -span * 0.15));
    else if (!mark && (e.key === 'Enter' || e.key === 'ArrowDown') && events.length) {
      // Into the events: the first one in view, else the nearest.
      const visible = [...marksLayer.querySelectorAll('.tl-mark')].map((m) => Number(m.dataset.index)).sort((a, b) => a - b);
      focusEvent(visible.length ? visible[0] : Math.min(current, events.length - 1));
    } else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  });
  svg.addEventListener('focusout', () => setTimeout(ringFocus, 0));
  svg.addEventListener('focusin', (e) => {
    ringFocus();
    const mark = e.target.closest?.('.tl-mark');
    if (mark) {
      current = Number(mark.dataset.index);
      onFocus(current);
    }
  });

  return {
    element: svg,
    setEvents(list, names) {
      events = list;
      titles = names;
      slots = articleSlots(list, COLOURS);
      current = 0;
      cache = new Map();
      layout = null;
      marksLayer.replaceChildren();
      view = fitView(list);
      measure();
      draw();
    },
    draw,
    resize() {
      measure();
      draw();
    },
    setView,
    zoomBy: (factor) => setView(zoom(view, factor)),
    fit: () => setView(fitView(events)),
    focusEvent,
    slots: () => slots,
    view: () => view,
  };
}

export function mount(root, api, app) {
  const { store, navigate, toast, openSettings } = app;
  let events = [];
  let titles = {};
  let tag = store.get().timelineTag || '';
  let disposed = false;

  const tagSelect = h('select', { id: 'tl-tag', class: 'select' }, h('option', { value: '' }, 'All articles'));
  const levelText = h('span', { class: 'tl-level', id: 'tl-level', 'aria-live': 'polite' });
  const detail = h('div', { class: 'tl-detail', id: 'tl-detail', 'aria-live': 'polite' });
  const legend = h('ul', { class: 'tl-legend', id: 'tl-legend', 'aria-label': 'Articles' });
  const listToggle = h('button', { type: 'button', class: 'button button-small', id: 'tl-list-toggle', 'aria-expanded': 'false', 'aria-controls': 'tl-text-list' }, 'Show as list');
  const textList = h('section', { class: 'tl-text-list', id: 'tl-text-list', 'aria-label': 'Events as a list', hidden: true });
  const status = h('p', { class: 'list-status', role: 'status', id: 'tl-status' });
  const chart = createChart({
    label: () => (tag ? `Timeline of articles tagged ${tag}` : 'Timeline of all articles'),
    onFocus: (i) => showDetail(i),
    onOpen: (i) => open(events[i]),
    onView: (_, level) => { levelText.textContent = `Showing ${LEVEL_NAMES[level]}`; },
  });
  const chartBox = h('div', { class: 'tl-chart' }, chart.element);

  const frame = h('div', { class: 'library tl-view' },
    h('header', { class: 'topbar' },
      h('h1', { class: 'brand', id: 'timeline-title', tabindex: '-1' }, 'Lectern'),
      sectionNav('#/timeline'),
      h('span', { class: 'topbar-spacer' }),
      h('button', { type: 'button', class: 'button button-quiet', id: 'tl-open-settings', onclick: () => openSettings(), 'aria-keyshortcuts': 'Control+,' }, 'Settings')),
    h('div', { class: 'tl-controls' },
      h('label', { for: 'tl-tag', class: 'sort-label' }, 'Show'), tagSelect,
      h('div', { class: 'tl-zoom', role: 'group', 'aria-label': 'Zoom' },
        h('button', { type: 'button', class: 'button button-small', id: 'tl-zoom-out', 'aria-label': 'Zoom out', 'aria-keyshortcuts': '-', onclick: () => chart.zoomBy(1 / ZOOM_STEP) }, '−'),
        h('button', { type: 'button', class: 'button button-small', id: 'tl-zoom-in', 'aria-label': 'Zoom in', 'aria-keyshortcuts': '+', onclick: () => chart.zoomBy(ZOOM_STEP) }, '+'),
        h('button', { type: 'button', class: 'button button-small', id: 'tl-fit', 'aria-keyshortcuts': '0', onclick: () => chart.fit() }, 'Fit')),
      levelText,
      h('span', { class: 'topbar-spacer' }),
      listToggle,
      exportMenu({ api, toast, id: 'tl-export-all', scope: () => (tag ? { tag } : {}), title: () => (tag ? `timeline-${tag}` : 'timeline') })),
    h('p', { class: 'tl-hint', id: 'tl-keys' },
      'Drag, scroll or press ', h('kbd', {}, '←'), h('kbd', {}, '→'), ' to move in time; ', h('kbd', {}, 'Ctrl'), '+scroll or ',
      h('kbd', {}, '+'), h('kbd', {}, '−'), ' to zoom, ', h('kbd', {}, '0'), ' to fit. ', h('kbd', {}, 'Enter'), ' goes to the events; ',
      h('kbd', {}, '←'), h('kbd', {}, '→'), ' walk them in date order, ', h('kbd', {}, 'Enter'), ' opens the passage.'),
    status,
    chartBox,
    detail,
    h('div', { class: 'tl-legends' }, legend, shapeLegend()),
    textList);
  root.append(frame);

  listToggle.addEventListener('click', () => {
    const open = textList.hidden;
    textList.hidden = !open;
    listToggle.setAttribute('aria-expanded', String(open));
    listToggle.textContent = open ? 'Hide list' : 'Show as list';
    if (open) renderList();
  });
  tagSelect.addEventListener('change', () => {
    tag = tagSelect.value;
    store.set({ timelineTag: tag });
    load();
  });

  function open(event) {
    if (!event) return;
    store.set({ jump: { article: event.article, start: event.mention.start, end: event.mention.end } });
    navigate(`#/read/${event.article}`);
  }

  function shapeLegend() {
    const item = (precision, text) => {
      const { shape, style } = markShape(precision);
      const icon = s('svg', { width: 26, height: 14, 'aria-hidden': 'true', class: `tl-legend-shape tl-${shape} tl-${style}` },
        shape === 'dot' ? s('circle', { cx: 13, cy: 7, r: 5 }) : s('rect', { x: 2, y: 2, width: 22, height: 10, rx: 3 }));
      return h('li', {}, icon, text);
    };
    return h('ul', { class: 'tl-legend tl-shapes', 'aria-label': 'Marks' },
      item('day', 'a day'), item('month', 'a week or month'), item('season', 'a season or quarter'), item('year', 'a year or decade'));
  }

  function showDetail(i) {
    const e = events[i];
    clear(detail);
    if (!e) return;
    detail.append(
      h('p', { class: 'tl-detail-head' },
        h('span', { class: `tl-swatch tl-c${chart.slots().get(e.article) ?? 0}`, 'aria-hidden': 'true' }),
        h('time', { class: 'tl-date', datetime: e.from }, valueLabel(e.value)), ' · ',
        h('span', { class: 'tl-detail-title' }, titles[e.article] ?? '')),
      h('p', { class: 'tl-sentence' }, sentenceNodes(e)),
      h('button', { type: 'button', class: 'button button-small', id: 'tl-open', onclick: () => open(e) }, 'Open at this passage'));
  }

  function renderLegend() {
    clear(legend);
    const counts = new Map();
    for (const e of events) counts.set(e.article, (counts.get(e.article) ?? 0) + 1);
    for (const [article, slot] of chart.slots()) {
      legend.append(h('li', {}, h('span', { class: `tl-swatch tl-c${slot}`, 'aria-hidden': 'true' }),
        h('span', {}, titles[article] ?? article), h('span', { class: 'chip-count' }, String(counts.get(article)))));
    }
  }

  function renderList() {
    clear(textList);
    textList.append(h('h2', { class: 'tl-list-title' }, 'Events'));
    for (const group of groupBy(events, (e) => groupLabel(e))) {
      textList.append(h('h3', { class: 'tl-year-heading' }, group.key),
        h('ol', { class: 'tl-events' }, group.items.map((e) => h('li', { class: 'tl-event' },
          h('button', { type: 'button', class: 'tl-event-main', onclick: () => open(e) },
            h('span', { class: 'tl-date-line' }, h('time', { class: 'tl-date', datetime: e.from }, valueLabel(e.value)), ' · ', titles[e.article] ?? ''),
            h('span', { class: 'tl-sentence' }, sentenceNodes(e)))))));
    }
  }

  let loads = 0;

  async function load() {
    // A later load (the tag changed meanwhile) wins over one still under way.
    const seq = ++loads;
    const stale = () => disposed || seq !== loads;
    status.textContent = 'Loading…';
    let view;
    try {
      const tags = await api.listTags();
      if (stale()) return;
      clear(tagSelect);
      tagSelect.append(h('option', { value: '' }, 'All articles'), ...tags.map((t) => h('option', { value: t.name }, `Tagged “${t.name}”`)));
      if (tag && !tags.some((t) => t.name === tag)) tag = '';
      tagSelect.value = tag;
      view = await api.libraryTimeline(tag || null);
    } catch (e) {
      if (!stale()) status.textContent = `Could not read the timeline: ${e.message}`;
      return;
    }
    if (stale()) return;
    events = view.events;
    titles = view.titles;
    const articles = new Set(events.map((e) => e.article)).size;
    status.textContent = events.length
      ? `${events.length} events from ${articles} ${articles === 1 ? 'article' : 'articles'}`
      : tag ? `No dated events in the articles tagged “${tag}”.` : 'No dated events yet. Add articles that tell a story with dates.';
    chartBox.hidden = events.length === 0;
    const t0 = performance.now();
    chart.setEvents(events, titles);
    frame.dataset.drawMs = (performance.now() - t0).toFixed(1);
    renderLegend();
    showDetail(0);
    if (!textList.hidden) renderList();
    frame.dataset.ready = 'true';
  }

  const onResize = () => chart.resize();
  window.addEventListener('resize', onResize);
  load();
  document.getElementById('timeline-title')?.focus({ preventScroll: true });

  return () => {
    disposed = true;
    window.removeEventListener('resize', onResize);
  };
}

/**
 * Draws `n` synthetic events (seven articles, mixed precisions, over 15 years) in a chart in
 * `host` and returns how long the first draw, a zoom and a pan took (ms, script and total with
 * style and layout): the figures the report quotes, measured in the real WebView by the E2E suite.
 */
export function benchmark(host, n = 2000) {
  const precisions = ['day', 'day', 'day', 'month', 'season', 'year', 'week'];
  const events = Array.from({ length: n }, (_, i) => {
    const from = new Date(Date.UTC(2008, 0, 1) + Math.floor((i * 5479) / n) * 86_400_000).toISOString().slice(0, 10);
    const precision = precisions[i % precisions.length];
    const span = { day: 0, week: 6, month: 29, season: 91, year: 364 }[precision];
    const to = new Date(dayOf(from) * 86_400_000 + span * 86_400_000).toISOString().slice(0, 10);
    return { article: `a${i % 7}`, value: from, from, to, precision, mention: { text: from, start: i, end: i + 10 }, sentence: `Event ${i} on ${from}.`, sentence_start: i - 9 };
  });
  const chart = createChart({ label: () => 'Benchmark', onFocus: () => {}, onOpen: () => {} });
  host.append(chart.element);
  // Each figure is the script's work plus the style and layout it causes (forced by reading
  // a box), which is what a frame costs.
  const timed = (work) => {
    const t0 = performance.now();
    work();
    const script = performance.now() - t0;
    chart.element.getBoundingClientRect();
    void document.body.offsetHeight;
    return { script: Math.round(script), total: Math.round(performance.now() - t0) };
  };
  const first = timed(() => chart.setEvents(events, {}));
  const zoomIn = timed(() => chart.zoomBy(ZOOM_STEP));
  const panned = timed(() => chart.setView(pan(chart.view(), 30)));
  const marks = chart.element.querySelectorAll('.tl-mark').length;
  chart.element.remove();
  return { first, zoomIn, panned, marks };
}
