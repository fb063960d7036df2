import { describe, expect, test } from 'vitest';
import {
  formatDate,
  formatDateRange,
  formatDateTimeRange,
  formatNumber,
  formatTimeRange,
  formatTimeZoneName,
} from './format';

const start = new Date('2024-03-13T09:00:00Z');
const end = new Date('2024-03-14T15:45:00Z');
const zone = 'Europe/Zurich';

describe('date formatting', () => {
  test('gives what Intl gives, the first time and from its memo', () => {
    const expected = {
      date: new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: zone }).format(start),
      dateRange: new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: zone }).formatRange(start, end),
      timeRange: new Intl.DateTimeFormat('fr', { timeStyle: 'short', timeZone: zone }).formatRange(
        start,
        end,
      ),
      dateTimeRange: new Intl.DateTimeFormat('fr', {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: zone,
      }).formatRange(start, end),
    };

    for (let i = 0; i < 2; i++) {
      expect({
        date: formatDate(start, 'fr', zone),
        dateRange: formatDateRange(start, end, 'fr', zone),
        timeRange: formatTimeRange(start, end, 'fr', zone),
        dateTimeRange: formatDateTimeRange(start, end, 'fr', zone),
      }).toEqual(expected);
    }
  });

  test('keeps a day and a one-day range apart, and each locale and zone apart', () => {
    expect(formatDate(start, 'en', 'UTC')).toBe('March 13, 2024');
    expect(formatDateRange(start, start, 'en', 'UTC')).toBe('March 13, 2024');
    expect(formatDateRange(start, end, 'en', 'UTC')).toBe('March 13\u2009–\u200914, 2024');
    expect(formatTimeRange(start, end, 'en', 'UTC')).not.toBe(formatTimeRange(start, end, 'en', zone));
    expect(formatTimeRange(start, end, 'ar', zone)).not.toBe(formatTimeRange(start, end, 'en', zone));
  });

  test('names the zone as it is on that date, long or short', () => {
    const summer = new Date('2024-07-01T09:00:00Z');

    expect([
      formatTimeZoneName(start, 'en', zone),
      formatTimeZoneName(summer, 'en', zone),
      formatTimeZoneName(start, 'en', zone, 'short'),
    ]).toEqual(['Central European Standard Time', 'Central European Summer Time', 'GMT+1']);
  });

  test('formats numbers for the locale', () => {
    expect([formatNumber(12345, 'en'), formatNumber(12345, 'fr')]).toEqual(['12,345', '12\u202f345']);
  });
});
