import { describe, expect, test } from 'vitest';
import { instantToZonedLocal, isTimeZone, zonedLocalToInstant } from './conversations.admin.time';

describe('times on a time zone clock', () => {
  test('reads a Geneva wall-clock time in winter and in summer', () => {
    expect(zonedLocalToInstant('2026-03-13T14:00', 'Europe/Zurich')?.toISOString()).toBe(
      '2026-03-13T13:00:00.000Z',
    );
    expect(zonedLocalToInstant('2026-07-01T09:30', 'Europe/Zurich')?.toISOString()).toBe(
      '2026-07-01T07:30:00.000Z',
    );
  });

  test('writes an instant back on the same clock', () => {
    expect(instantToZonedLocal(new Date('2026-07-01T07:30:00Z'), 'Europe/Zurich')).toBe('2026-07-01T09:30');
    expect(instantToZonedLocal(new Date('2026-07-01T07:30:00Z'), 'Asia/Tokyo')).toBe('2026-07-01T16:30');
  });

  test('refuses dates that do not exist and unknown zones', () => {
    expect(zonedLocalToInstant('2026-02-30T10:00', 'Europe/Zurich')).toBeUndefined();
    expect(zonedLocalToInstant('2026-02-10T25:00', 'Europe/Zurich')).toBeUndefined();
    expect(zonedLocalToInstant('tomorrow', 'Europe/Zurich')).toBeUndefined();
    expect(zonedLocalToInstant('2026-02-10T10:00', 'Mars/Olympus')).toBeUndefined();
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('')).toBe(false);
  });
});
