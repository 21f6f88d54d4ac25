import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  COLORS, colorLabel, colorForKey, selectionKey, normalizeLayers, isHidden, memberIndex, layerName,
  allLayerNames, paintGroups, inTextOrder, highlightsAt, suggestionsAt, excerpt, parseTags, groupByArticle,
  facets, isFiltered, placeNear, describe, upsert,
} from '../annotations-model.js';

const hl = (id, start, end, extra = {}) => ({
  id, article: 'a1', article_title: 'River', start, end, color: 'yellow', creator: 'Ana', tags: [], note: null, orphan: false, ...extra,
});

test('the palette follows the core, keys 1–5 pick colours', () => {
  assert.deepEqual(COLORS, ['yellow', 'green', 'blue', 'pink', 'purple']);
  assert.equal(colorLabel('pink'), 'Pink');
  assert.equal(colorLabel('teal'), 'teal');
  assert.equal(colorForKey('1'), 'yellow');
  assert.equal(colorForKey('5'), 'purple');
  assert.equal(colorForKey('6'), null);
  assert.equal(colorForKey('0'), null);
  assert.equal(colorForKey('x'), null);
});

test('keys on a selection', () => {
  assert.deepEqual(selectionKey('h'), { action: 'highlight', color: null });
  assert.deepEqual(selectionKey('3'), { action: 'highlight', color: 'blue' });
  assert.deepEqual(selectionKey('n'), { action: 'note' });
  assert.deepEqual(selectionKey('t'), { action: 'tag' });
  assert.deepEqual(selectionKey('c'), { action: 'copy' });
  assert.equal(selectionKey('H'), null);
  assert.equal(selectionKey('x'), null);
});

test('layers: defaults, hidden creators, member colours', () => {
  assert.deepEqual(normalizeLayers(undefined), { byMember: false, hidden: [], colors: {} });
  assert.deepEqual(normalizeLayers({ byMember: 1, hidden: 'x' }), { byMember: true, hidden: [], colors: {} });
  const layers = { byMember: true, hidden: ['Bo'], colors: { Ana: 3, Cy: 9 } };
  assert.equal(isHidden('Bo', layers), true);
  assert.equal(isHidden('Ana', layers), false);
  assert.equal(memberIndex('Ana', layers), 3);
  // Out of range or absent: a stable hash, the same each time.
  const cy = memberIndex('Cy', layers);
  assert.ok(cy >= 0 && cy < 8);
  assert.equal(memberIndex('Cy', layers), cy);
  assert.equal(layerName(hl('x', 0, 1, { color: 'green' }), null), 'hl-green');
  assert.equal(layerName(hl('x', 0, 1, { color: 'nope' }), null), 'hl-yellow');
  assert.equal(layerName(hl('x', 0, 1), layers), 'hl-member-3');
  assert.equal(allLayerNames().length, 13);
});

test('paint groups leave out orphans, empty ranges and hidden creators', () => {
  const list = [
    hl('a', 0, 5),
    hl('b', 10, 20, { color: 'blue' }),
    hl('c', 30, 40, { orphan: true }),
    hl('d', 50, 50),
    hl('e', 60, 70, { creator: 'Bo', color: 'blue' }),
  ];
  const byColor = paintGroups(list, null);
  assert.deepEqual([...byColor.keys()].sort(), ['hl-blue', 'hl-yellow']);
  assert.deepEqual(byColor.get('hl-blue').map((x) => x.id), ['b', 'e']);
  const byMember = paintGroups(list, { byMember: true, hidden: ['Bo'], colors: { Ana: 0 } });
  assert.deepEqual([...byMember.entries()].map(([k, v]) => [k, v.map((x) => x.id)]), [['hl-member-0', ['a', 'b']]]);
});

test('text order puts orphans last', () => {
  const list = [hl('o', 0, 3, { orphan: true }), hl('b', 10, 20), hl('a', 10, 15), hl('c', 2, 4)];
  assert.deepEqual(inTextOrder(list).map((x) => x.id), ['c', 'a', 'b', 'o']);
});

test('what is under an offset: innermost first, right edge counts, hidden and orphans never', () => {
  const list = [hl('outer', 0, 100), hl('inner', 10, 20), hl('orphan', 0, 100, { orphan: true }), hl('bo', 0, 100, { creator: 'Bo' })];
  const layers = { hidden: ['Bo'] };
  assert.deepEqual(highlightsAt(list, 12, layers).map((x) => x.id), ['inner', 'outer']);
  assert.deepEqual(highlightsAt(list, 20, layers).map((x) => x.id), ['outer']);
  assert.deepEqual(highlightsAt([hl('x', 10, 20)], 20, null).map((x) => x.id), ['x'], 'a click on the last character’s right half');
  assert.deepEqual(highlightsAt(list, 200, layers), []);
  const suggestions = [{ start: 5, end: 9, text: 'abcd' }];
  assert.equal(suggestionsAt(suggestions, 5).length, 1);
  assert.equal(suggestionsAt(suggestions, 9).length, 1);
  assert.equal(suggestionsAt(suggestions, 10).length, 0);
});

test('excerpts cut by code points', () => {
  assert.equal(excerpt('short  text\n'), 'short text');
  assert.equal(excerpt('abcdefghij', 5), 'abcd…');
  assert.equal(excerpt('😀😀😀😀😀😀', 4), '😀😀😀…');
  assert.equal(excerpt(null), '');
});

test('tags as typed', () => {
  assert.deepEqual(parseTags(' craft, Craft ,  river  bank,，古籍、 '), ['craft', 'river bank', '古籍']);
  assert.deepEqual(parseTags(''), []);
});

test('grouping and facets for the library-wide list', () => {
  const list = [
    hl('a', 0, 5, { tags: ['craft', 'todo'] }),
    hl('b', 0, 5, { article: 'a2', article_title: 'Books', color: 'green', creator: 'Bo', tags: ['Craft'] }),
    hl('c', 9, 12, { note: 'n' }),
  ];
  assert.deepEqual(groupByArticle(list).map((g) => [g.title, g.highlights.map((x) => x.id)]), [['River', ['a', 'c']], ['Books', ['b']]]);
  const f = facets(list);
  assert.deepEqual(f.tags, [{ name: 'craft', count: 2 }, { name: 'todo', count: 1 }]);
  assert.deepEqual(f.colors, [{ color: 'yellow', count: 2 }, { color: 'green', count: 1 }]);
  assert.deepEqual(f.creators, [{ name: 'Ana', count: 2 }, { name: 'Bo', count: 1 }]);
  assert.deepEqual(f.articles, [{ id: 'a2', title: 'Books', count: 1 }, { id: 'a1', title: 'River', count: 2 }]);
  assert.equal(isFiltered({ tag: '', color: null }), false);
  assert.equal(isFiltered({ text: 'x' }), true);
});

test('a popover goes above its anchor, else below, always inside the window', () => {
  const viewport = { width: 800, height: 600 };
  const size = { width: 200, height: 40 };
  // Room above: centred above.
  assert.deepEqual(placeNear({ top: 300, bottom: 320, left: 350, right: 450 }, size, viewport), { top: 252, left: 300, placement: 'above' });
  // Under the sticky toolbar: below.
  const below = placeNear({ top: 70, bottom: 90, left: 350, right: 450 }, size, viewport, { minTop: 56 });
  assert.equal(below.placement, 'below');
  assert.equal(below.top, 98);
  // At the right edge: pulled in; at the left edge too.
  assert.equal(placeNear({ top: 300, bottom: 320, left: 780, right: 799 }, size, viewport).left, 592);
  assert.equal(placeNear({ top: 300, bottom: 320, left: 0, right: 10 }, size, viewport).left, 8);
  // Preferring below when it fits.
  assert.equal(placeNear({ top: 300, bottom: 320, left: 0, right: 10 }, size, viewport, { prefer: 'below' }).placement, 'below');
  // Never outside the window, whatever the anchor.
  for (const anchor of [{ top: -50, bottom: -10, left: -30, right: -5 }, { top: 590, bottom: 640, left: 790, right: 900 }]) {
    const p = placeNear(anchor, size, viewport);
    assert.ok(p.top >= 8 && p.top + size.height <= 592, JSON.stringify(p));
    assert.ok(p.left >= 8 && p.left + size.width <= 792, JSON.stringify(p));
  }
  // The anchor is not covered when either side has room.
  for (let top = 0; top < 600; top += 37) {
    const anchor = { top, bottom: top + 20, left: 100, right: 300 };
    const p = placeNear(anchor, size, viewport, { minTop: 56 });
    const overlaps = p.top < anchor.bottom && p.top + size.height > anchor.top;
    const roomAbove = anchor.top - 8 - size.height >= 56;
    const roomBelow = anchor.bottom + 8 + size.height <= 592;
    if (roomAbove || roomBelow) assert.ok(!overlaps, `anchor at ${top}: ${JSON.stringify(p)}`);
  }
});

test('descriptions and upserts', () => {
  assert.equal(describe(hl('a', 0, 1, { note: 'x', tags: ['t1', 't2'] })), 'Yellow highlight, with a note, tags: t1, t2');
  assert.equal(describe(hl('a', 0, 1, { orphan: true, color: 'blue' })), 'Blue highlight, not found in the text');
  const list = [hl('a', 0, 1), hl('b', 2, 3)];
  assert.equal(upsert(list, hl('b', 2, 3, { color: 'pink' }))[1].color, 'pink');
  assert.equal(upsert(list, hl('c', 4, 5)).length, 3);
  assert.equal(list[1].color, 'yellow', 'the list given is not changed');
});
