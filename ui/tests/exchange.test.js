// The one-sentence verdict of an import summary (ui/exchange.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verdict } from '../exchange.js';

const summary = (counts) => ({ added: 0, updated: 0, unchanged: 0, orphaned: 0, articles_added: 0, ...counts });

test('an import that changed nothing says so', () => {
  assert.equal(verdict(summary({ unchanged: 4 })), 'Nothing new: everything in it was already here.');
});

test('counts are named, in the singular for one', () => {
  assert.equal(verdict(summary({ added: 1 })), '1 new highlight.');
  assert.equal(verdict(summary({ added: 2, updated: 1, articles_added: 1 })), '2 new highlights, 1 highlight updated, 1 article added.');
  assert.equal(verdict(summary({ updated: 3, articles_added: 2 })), '3 highlights updated, 2 articles added.');
});
