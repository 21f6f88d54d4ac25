import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalize, bigger, smaller, resetSize, cssVariables, DEFAULTS, MIN_FONT_SIZE, MAX_FONT_SIZE } from '../settings-model.js';

test('damaged settings become the defaults', () => {
  assert.deepEqual(normalize(null), { ...DEFAULTS });
  assert.deepEqual(normalize({ fontSize: 'x', theme: 'neon', justify: 'yes' }), { ...DEFAULTS });
  assert.equal(normalize({ fontSize: 100 }).fontSize, MAX_FONT_SIZE);
  assert.equal(normalize({ fontSize: 21 }).fontSize, 20);
});

test('font size steps stay within 14–32 px', () => {
  let s = { ...DEFAULTS, fontSize: MAX_FONT_SIZE };
  assert.equal(bigger(s).fontSize, MAX_FONT_SIZE);
  s = { ...DEFAULTS, fontSize: MIN_FONT_SIZE };
  assert.equal(smaller(s).fontSize, MIN_FONT_SIZE);
  assert.equal(bigger(DEFAULTS).fontSize, 19);
  assert.equal(smaller(DEFAULTS).fontSize, 17);
  assert.equal(resetSize({ ...DEFAULTS, fontSize: 28, theme: 'dark' }).theme, 'dark');
  assert.equal(resetSize({ fontSize: 28 }).fontSize, DEFAULTS.fontSize);
});

test('css variables', () => {
  const vars = cssVariables({ ...DEFAULTS, fontSize: 22, family: 'cjk', justify: true, width: 'wide' });
  assert.equal(vars['--reader-font-size'], '22px');
  assert.match(vars['--reader-font-family'], /WenQuanYi Micro Hei/);
  assert.equal(vars['--reader-text-align'], 'justify');
  assert.equal(vars['--reader-width'], '46em');
});
