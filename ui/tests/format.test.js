import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readingTime, formatDate, relativeTime, addedLabel, progressLabel, joinMeta } from '../format.js';

test('reading time', () => {
  assert.equal(readingTime(6), '6 min read');
  assert.equal(readingTime(0), '1 min read');
  assert.equal(readingTime(undefined), '1 min read');
});

test('published dates of every precision', () => {
  assert.equal(formatDate('2021-05-29T15:30:22'), '29 May 2021');
  assert.equal(formatDate('2021-05-29'), '29 May 2021');
  assert.equal(formatDate('2021-05'), 'May 2021');
  assert.equal(formatDate('2021'), '2021');
  assert.equal(formatDate(null), '');
  assert.equal(formatDate('yesterday'), 'yesterday');
  assert.equal(formatDate('2021-13-01'), '2021-13-01');
});

test('relative times', () => {
  const now = Date.parse('2024-03-20T12:00:00Z');
  assert.equal(relativeTime('2024-03-20T11:59:30.000Z', now), 'just now');
  assert.equal(relativeTime('2024-03-20T11:55:00.000Z', now), '5 minutes ago');
  assert.equal(relativeTime('2024-03-20T11:00:00.000Z', now), '1 hour ago');
  assert.equal(relativeTime('2024-03-19T10:00:00.000Z', now), 'yesterday');
  assert.equal(relativeTime('2024-03-18T12:00:00.000Z', now), '2 days ago');
  assert.equal(relativeTime('2024-02-28T12:00:00.000Z', now), '3 weeks ago');
  assert.equal(relativeTime('2023-01-03T12:00:00.000Z', now), 'on 3 Jan 2023');
  assert.equal(relativeTime('not a date', now), '');
  assert.equal(addedLabel('2024-03-18T12:00:00.000Z', now), 'added 2 days ago');
});

test('progress labels', () => {
  assert.deepEqual(progressLabel(0), { percent: 0, text: 'Not started' });
  assert.deepEqual(progressLabel(0.456), { percent: 46, text: '46% read' });
  assert.deepEqual(progressLabel(1), { percent: 100, text: 'Finished' });
  assert.deepEqual(progressLabel(7), { percent: 100, text: 'Finished' });
});

test('meta lines skip empty parts', () => {
  assert.equal(joinMeta(['Xinhua', '', null, '6 min read']), 'Xinhua · 6 min read');
});
