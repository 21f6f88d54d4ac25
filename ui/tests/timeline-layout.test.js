import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dayOf, civil, xOf, dayAt, fitView, zoom, pan, reveal, tickLevel, ticks, thin, markShape, layoutMarks,
  articleSlots, groupBy, MIN_SPAN, MAX_SPAN,
} from '../timeline-layout.js';
import { valueLabel, groupLabel } from '../timeline-dates.js';

const ev = (from, to, precision, article = 'a') => ({ from, to, precision, article });

test('days count from 1970 and read back', () => {
  assert.equal(dayOf('1970-01-02'), 1);
  assert.equal(dayOf('2021-03-09T10:00:00'), dayOf('2021-03-09'));
  assert.ok(Number.isNaN(dayOf('yesterday')));
  assert.deepEqual(civil(dayOf('2024-02-29')), { year: 2024, month: 2, day: 29 });
});

test('scale: x and day are inverse', () => {
  const view = { start: 100, end: 200 };
  assert.equal(xOf(view, 1000, 150), 500);
  assert.equal(dayAt(view, 1000, 250), 125);
});

test('fit shows every event with a margin, and a month at least', () => {
  const view = fitView([ev('2021-03-09', '2021-03-09', 'day'), ev('2022-01-01', '2022-12-31', 'year')]);
  assert.ok(view.start < dayOf('2021-03-09'));
  assert.ok(view.end > dayOf('2023-01-01'));
  const one = fitView([ev('2021-03-09', '2021-03-09', 'day')]);
  assert.ok(one.end - one.start >= 31);
});

test('zoom keeps its anchor in place and stays within limits', () => {
  const view = { start: 0, end: 1000 };
  const z = zoom(view, 2, 250);
  assert.deepEqual(z, { start: 125, end: 625 });
  assert.equal(xOf(z, 800, 250), xOf(view, 800, 250));
  assert.equal(zoom(view, 1e6).end - zoom(view, 1e6).start, MIN_SPAN);
  assert.equal(zoom(view, 1e-9).end - zoom(view, 1e-9).start, MAX_SPAN);
  assert.deepEqual(pan(view, -10), { start: -10, end: 990 });
});

test('reveal pans only as far as needed', () => {
  const view = { start: 0, end: 100 };
  assert.equal(reveal(view, 40, 41), view);
  assert.ok(reveal(view, 150, 151).end >= 151);
  assert.ok(reveal(view, -50, -49).start <= -50);
});

test('tick level follows the zoom: decades, years, months, days', () => {
  const width = 1000;
  assert.equal(tickLevel({ start: 0, end: 365 * 60 }, width), 'decade');
  assert.equal(tickLevel({ start: 0, end: 365 * 4 }, width), 'year');
  assert.equal(tickLevel({ start: 0, end: 365 * 1.5 }, width), 'month');
  assert.equal(tickLevel({ start: 0, end: 20 }, width), 'day');
  // Zooming in on a three-year view moves from years to months.
  const wide = { start: dayOf('2021-01-01'), end: dayOf('2024-07-01') };
  assert.equal(tickLevel(wide, width), 'year');
  assert.equal(tickLevel(zoom(wide, 2), width), 'month');
});

test('month ticks are grouped under years, the first year pinned at the left', () => {
  const view = { start: dayOf('2021-11-15'), end: dayOf('2022-05-15') };
  const t = ticks(view, 900);
  assert.equal(t.level, 'month');
  assert.deepEqual(t.ticks.map((k) => k.label), ['Dec', 'Jan', 'Feb', 'Mar', 'Apr', 'May']);
  assert.deepEqual(t.groups.map((g) => g.label), ['2021', '2022']);
  assert.equal(t.groups[0].x, 0);
  const days = ticks({ start: dayOf('2021-03-01'), end: dayOf('2021-03-15') }, 900);
  assert.equal(days.level, 'day');
  assert.equal(days.ticks[0].label, '1');
  assert.deepEqual(days.groups.map((g) => g.label), ['Mar 2021']);
});

test('labels that would collide are thinned, ticks stay', () => {
  const items = [0, 20, 40, 60, 80].map((x) => ({ x, label: '2021' }));
  const out = thin(items, 7, 10);
  assert.equal(out.length, 5);
  assert.deepEqual(out.map((i) => i.label), ['2021', '', '2021', '', '2021']);
});

test('precision decides the mark', () => {
  assert.deepEqual(markShape('day'), { shape: 'dot', style: 'solid' });
  assert.equal(markShape('month').shape, 'bar');
  assert.equal(markShape('season').style, 'light');
  assert.equal(markShape('decade').style, 'outline');
});

test('lanes: overlapping marks never share a lane, off-screen ones are left out', () => {
  const events = [
    ev('2021-01-01', '2021-12-31', 'year'),
    ev('2021-03-01', '2021-03-01', 'day'),
    ev('2021-03-01', '2021-03-31', 'month'),
    ev('2022-06-01', '2022-06-01', 'day'),
    ev('2030-01-01', '2030-01-01', 'day'),
  ];
  const view = { start: dayOf('2020-12-01'), end: dayOf('2022-12-31') };
  const { marks, lanes } = layoutMarks(events, view, 1000);
  assert.deepEqual(marks.map((m) => m.index), [0, 1, 2, 3]);
  for (const a of marks) {
    for (const b of marks) {
      if (a !== b && a.lane === b.lane) assert.ok(a.x1 <= b.x0 || b.x1 <= a.x0, `${a.index} and ${b.index} overlap`);
    }
  }
  assert.equal(lanes, 3);
  assert.equal(marks[3].lane, 0, 'a free lane is reused');
});

test('lanes are capped; 2,000 events lay out quickly', () => {
  const events = Array.from({ length: 2000 }, (_, i) => {
    const d = new Date(Date.UTC(2000, 0, 1) + i * 5 * 86_400_000).toISOString().slice(0, 10);
    return ev(d, d, 'day', `a${i % 7}`);
  });
  const view = fitView(events);
  const t0 = performance.now();
  const { marks, lanes } = layoutMarks(events, view, 1200, { maxLanes: 10 });
  const ms = performance.now() - t0;
  assert.equal(marks.length, 2000);
  assert.ok(lanes <= 10);
  assert.ok(ms < 100, `layout took ${ms} ms`);
});

test('articles get colour slots in order of appearance', () => {
  const slots = articleSlots([ev('', '', 'day', 'x'), ev('', '', 'day', 'y'), ev('', '', 'day', 'x')], 8);
  assert.deepEqual([...slots], [['x', 0], ['y', 1]]);
  assert.deepEqual(groupBy([1, 1, 2, 1], (n) => n).map((g) => [g.key, g.items.length]), [[1, 2], [2, 1], [1, 1]]);
});

test('date labels say exactly the precision, in English or Chinese', () => {
  assert.equal(valueLabel('2019-04-02'), '2 April 2019');
  assert.equal(valueLabel('2019-03'), 'March 2019');
  assert.equal(valueLabel('2023-SU'), 'summer 2023');
  assert.equal(valueLabel('2020-Q1'), 'Q1 2020');
  assert.equal(valueLabel('2024-W10'), 'week 10, 2024');
  assert.equal(valueLabel('2019'), '2019');
  assert.equal(valueLabel('202'), '2020s');
  assert.equal(valueLabel('2023-04-23TMO'), '23 April 2023, morning');
  assert.equal(valueLabel('2021-03-02T20:00'), '2 March 2021, 20:00');
  assert.equal(valueLabel('2019-04-02', 'zh'), '2019年4月2日');
  assert.equal(valueLabel('2021-05', 'zh-CN'), '2021年5月');
  assert.equal(valueLabel('2023-SU', 'zh'), '2023年夏季');
  assert.equal(valueLabel('2020-Q1', 'zh'), '2020年第一季度');
  assert.equal(valueLabel('202', 'zh'), '2020年代');
  assert.equal(valueLabel('XXXX-XX-XX'), 'XXXX-XX-XX');
  assert.equal(groupLabel({ from: '2021-03-02', precision: 'day' }), '2021');
  assert.equal(groupLabel({ from: '2021-03-02', precision: 'day' }, 'zh'), '2021年');
  assert.equal(groupLabel({ value: '202', from: '2020-01-01', precision: 'decade' }), '2020s');
});
