// The app's top-level sections and the navigation between them. Each section is a view
// module (`mount(root, api, app)`) reached by a hash route; the reader is reached from them.

import { h } from './dom.js';
import * as libraryView from './library.js';
import * as readerView from './reader.js';
import * as highlightsView from './highlights-view.js';
import * as timelineView from './timeline-view.js';

/** Top-level sections, in navigation order: {hash, label, view}. */
export const sections = [
  { hash: '#/', label: 'Articles', view: libraryView },
  { hash: '#/highlights', label: 'Highlights', view: highlightsView },
  { hash: '#/timeline', label: 'Timeline', view: timelineView },
];

/** The view for `hash`, and its parameters: {view, name, params}. */
export function route(hash) {
  const read = /^#\/read\/([\w-]+)$/.exec(hash);
  if (read) return { name: 'reader', view: readerView, params: { id: read[1] } };
  const section = sections.find((s) => s.hash === hash) || sections[0];
  return { name: section.hash, view: section.view, params: {} };
}

/** The navigation between sections, `current` marked; nothing when there is only one. */
export function sectionNav(current) {
  if (sections.length < 2) return null;
  return h('nav', { class: 'sections', 'aria-label': 'Sections' },
    sections.map((s) => h('a', { href: s.hash, class: 'section-link', 'aria-current': s.hash === current ? 'page' : null }, s.label)));
}
