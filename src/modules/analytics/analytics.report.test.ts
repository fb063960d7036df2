import { describe, expect, test } from 'vitest';
import { csvField } from './analytics.csv';
import { sumByRegion, suppressRows } from './analytics.report';
import { mapBreaks } from './views/world-map';

const row = (key: string, registered: number, attended = 0) => ({ key, registered, attended });

describe('small cells', () => {
  test('counts of 1 to 4 people are hidden; 0 and 5 or more are shown', () => {
    const shown = suppressRows([
      row('CH', 40, 12),
      row('FR', 5, 5),
      row('BR', 4, 1),
      row('CN', 1, 0),
      row('NG', 0, 0),
    ]);

    expect(shown.map((r) => [r.key, r.registered, r.attended])).toEqual([
      ['CH', 40, 12],
      ['FR', 5, 5],
      ['BR', null, null],
      ['CN', null, null],
      ['NG', 0, 0],
    ]);
  });

  test('a lone hidden count takes the next smallest with it, so the total cannot reveal it', () => {
    const shown = suppressRows([row('CH', 40, 20), row('FR', 9, 6), row('BR', 3, 2)]);

    expect(shown.map((r) => [r.key, r.registered, r.attended])).toEqual([
      ['CH', 40, 20],
      ['FR', null, null],
      ['BR', null, null],
    ]);
  });

  test('attended counts are suppressed on their own too', () => {
    const shown = suppressRows([row('CH', 40, 2), row('FR', 30, 1), row('BR', 20, 10)]);

    expect(shown.map((r) => r.attended)).toEqual([null, null, 10]);
  });
});

test('M49: people sum by region and sub-region; countries M49 does not list are "not classified"', () => {
  const regions = sumByRegion([row('FR', 10, 1), row('DE', 5, 2), row('BR', 7), row('TW', 2)], 0);
  const subregions = sumByRegion([row('FR', 10, 1), row('DE', 5, 2), row('BR', 7)], 1);

  expect(regions).toEqual([row('150', 15, 3), row('019', 7), row('none', 2)]);
  expect(subregions).toEqual([row('155', 15, 3), row('419', 7)]);
});

test('CSV fields are quoted when needed and never start a formula', () => {
  expect(['plain', 'a,b', 'say "hi"', '=cmd|calc', '+1', '-x', '@sum', 42].map(csvField)).toEqual([
    'plain',
    '"a,b"',
    '"say ""hi"""',
    "'=cmd|calc",
    "'+1",
    "'-x",
    "'@sum",
    '42',
  ]);
});

test('map classes: round numbers spread up to the largest count', () => {
  expect(mapBreaks(3)).toEqual([5]);
  expect(mapBreaks(30)).toEqual([5, 10, 20]);
  expect(mapBreaks(100_000)).toEqual([5, 200, 5000, 100_000]);
});
