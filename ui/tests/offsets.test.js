import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  codePointLength, utf16ToCodePoint, codePointToUtf16, sliceCodePoints, canonicalText, blockStarts,
  offsetInBlock, blockAt, splitByMarks,
} from '../offsets.js';

// Shared with the Rust test tests/offsets.rs: both sides must agree on every number here.
const fixture = JSON.parse(readFileSync(new URL('../../tests/fixtures/offsets/cases.json', import.meta.url), 'utf8'));

for (const c of fixture.cases) {
  test(`fixture ${c.name}: canonical text and block starts match the core`, () => {
    assert.equal(canonicalText(c.blocks), c.text);
    assert.deepEqual(blockStarts(c.blocks), c.block_starts);
    assert.equal(codePointLength(c.text), c.length);
  });
  test(`fixture ${c.name}: points inside blocks map to the core's offsets`, () => {
    for (const p of c.points) {
      const block = c.blocks[p.block];
      const before = block.slice(0, p.utf16);
      assert.equal(offsetInBlock(c.block_starts[p.block], before), p.offset, `${c.name} block ${p.block} @${p.utf16}`);
      assert.equal(utf16ToCodePoint(block, p.utf16) + c.block_starts[p.block], p.offset);
      assert.equal(codePointToUtf16(block, p.offset - c.block_starts[p.block]), p.utf16);
      assert.equal(blockAt(c.block_starts, p.offset), p.block);
    }
  });
}

test('astral characters count once', () => {
  assert.equal(codePointLength('a😀b'), 3);
  assert.equal(utf16ToCodePoint('a😀b', 3), 2);
  assert.equal(codePointToUtf16('a😀b', 2), 3);
  assert.equal(sliceCodePoints('𠀀古😀', 1, 3), '古😀');
});

test('a lone surrogate counts as one code point, as Rust would see U+FFFD', () => {
  assert.equal(codePointLength('\ud800x'), 2);
});

test('blockAt finds the containing block and -1 for none', () => {
  assert.equal(blockAt([], 3), -1);
  assert.equal(blockAt([0, 10, 20], 0), 0);
  assert.equal(blockAt([0, 10, 20], 19), 1);
  assert.equal(blockAt([0, 10, 20], 500), 2);
});

test('splitByMarks yields runs with their active marks', () => {
  const runs = splitByMarks('Hello 😀 world', [
    { start: 0, end: 5, mark: 'strong' },
    { start: 3, end: 9, mark: 'emphasis' },
  ]);
  assert.deepEqual(runs.map((r) => [r.text, r.marks.map((m) => m.mark)]), [
    ['Hel', ['strong']],
    ['lo', ['strong', 'emphasis']],
    [' 😀 w', ['emphasis']],
    ['orld', []],
  ]);
});

test('splitByMarks clamps and ignores bad ranges', () => {
  const runs = splitByMarks('abc', [{ start: 2, end: 99, mark: 'code' }, { start: 1, end: 1, mark: 'strong' }]);
  assert.deepEqual(runs.map((r) => [r.text, r.marks.length]), [['ab', 0], ['c', 1]]);
  assert.deepEqual(splitByMarks('', []), [{ text: '', marks: [] }]);
});
