import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MEMBER_COLORS, normalizeLayers, countByCreator, assignColors, setVisible, colourByMember, storeLayers,
} from '../layers.js';

const ann = (name) => ({ creator: { name } });

test('counts per creator, most first then by name', () => {
  const list = [ann('Bo'), { creator: 'Ana' }, ann('Bo'), ann('李娜'), ann('Ana'), { creator: 'Bo' }, { creator: {} }, null];
  assert.deepEqual(countByCreator(list), [
    { name: 'Bo', count: 3 }, { name: 'Ana', count: 2 }, { name: '李娜', count: 1 },
  ]);
  assert.deepEqual(countByCreator(undefined), []);
});

test('colours are kept, and new members take the least used slot in name order', () => {
  const first = assignColors({}, ['Cy', 'Ana', 'Bo']);
  assert.deepEqual(first, { Ana: 0, Bo: 1, Cy: 2 });
  // Seen in another order, on another article: the same slots.
  assert.deepEqual(assignColors({}, ['Bo', 'Cy', 'Ana']), first);
  // Existing slots never move; an unchanged map is returned as it was.
  assert.equal(assignColors(first, ['Bo', 'Ana']), first);
  const more = assignColors(first, ['Dee', 'Ana']);
  assert.deepEqual(more, { Ana: 0, Bo: 1, Cy: 2, Dee: 3 });
  // Past eight members, slots are shared, evenly.
  const names = Array.from({ length: 11 }, (_, i) => `m${String(i).padStart(2, '0')}`);
  const many = assignColors({}, names);
  const perSlot = new Array(MEMBER_COLORS).fill(0);
  for (const slot of Object.values(many)) perSlot[slot] += 1;
  assert.deepEqual(perSlot, [2, 2, 2, 1, 1, 1, 1, 1]);
});

test('saved settings are normalized', () => {
  assert.deepEqual(normalizeLayers(null), { byMember: null, hidden: [], colors: {} });
  assert.deepEqual(
    normalizeLayers({ byMember: true, hidden: ['Bo', 'Bo', 3], colors: { Ana: 2, Bo: 9, Cy: 1.5, Dee: '1' }, extra: 1 }),
    { byMember: true, hidden: ['Bo'], colors: { Ana: 2 } },
  );
});

test('layers are hidden and shown again', () => {
  let layers = normalizeLayers({});
  layers = setVisible(layers, 'Bo', false);
  layers = setVisible(layers, 'Bo', false);
  assert.deepEqual(layers.hidden, ['Bo']);
  layers = setVisible(layers, 'Bo', true);
  assert.deepEqual(layers.hidden, []);
});

test('colour by member is automatic with two or more members unless chosen', () => {
  assert.equal(colourByMember({ byMember: null }, 1), false);
  assert.equal(colourByMember({ byMember: null }, 3), true);
  assert.equal(colourByMember({ byMember: false }, 3), false);
  assert.equal(colourByMember({ byMember: true }, 1), true);
  assert.deepEqual(storeLayers({ byMember: null, hidden: ['Bo'], colors: { Bo: 1 } }, 2), { byMember: true, hidden: ['Bo'], colors: { Bo: 1 } });
});
