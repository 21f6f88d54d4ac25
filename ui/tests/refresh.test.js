import { test } from 'node:test';
import assert from 'node:assert/strict';
import { refreshMessage, canRefresh } from '../refresh.js';

test('the toast says what a refresh did', () => {
  assert.equal(refreshMessage({ changed: false, anchored: 4, moved: 0, orphaned: 0 }), 'Up to date');
  assert.equal(refreshMessage({ changed: true, anchored: 1, moved: 3, orphaned: 1 }),
    'Updated: 3 highlights moved, 1 could not be placed — see Highlights');
  assert.equal(refreshMessage({ changed: true, anchored: 0, moved: 1, orphaned: 0 }), 'Updated: 1 highlight moved');
  assert.equal(refreshMessage({ changed: true, anchored: 0, moved: 0, orphaned: 2 }),
    'Updated: 2 could not be placed — see Highlights');
  assert.equal(refreshMessage({ changed: true, anchored: 2, moved: 0, orphaned: 0 }),
    'Updated: your highlights are where they were');
  assert.equal(refreshMessage({ changed: true, anchored: 0, moved: 0, orphaned: 0 }), 'Updated to the latest version');
});

test('only articles read from a web address can be downloaded again', () => {
  assert.equal(canRefresh({ url: 'https://example.org/a' }), true);
  assert.equal(canRefresh({ url: 'HTTP://example.org/a' }), true);
  assert.equal(canRefresh({ url: null }), false);
  assert.equal(canRefresh({ url: 'file:///home/a.html' }), false);
  assert.equal(canRefresh({}), false);
  assert.equal(canRefresh(undefined), false);
});
