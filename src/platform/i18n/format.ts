import type { Locale } from './locales';

/**
 * Dates, numbers and country names through Intl, in the visitor's language. Formatters are cached
 * per locale and zone: building one costs far more than using it.
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.DisplayNames | Intl.NumberFormat>();
function memo<T extends Intl.DateTimeFormat | Intl.DisplayNames | Intl.NumberFormat>(
  key: string,
  make: () => T,
): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/**
 * Range formatting (Intl's formatRange) costs about 30 µs a call, formatToParts several, and a
 * two-day agenda makes dozens of such calls for the same few instants on every render. The results of these pure functions
 * are kept, up to a bound; when full, the whole memo is dropped and refills.
 */
const RANGE_MEMO_LIMIT = 20_000;
const ranges = new Map<string, string>();
function memoRange(
  kind: string,
  start: Date,
  end: Date,
  locale: Locale,
  timeZone: string,
  format: () => string,
): string {
  const key = `${kind}|${locale}|${timeZone}|${start.getTime()}|${end.getTime()}`;
  let value = ranges.get(key);
  if (value === undefined) {
    if (ranges.size >= RANGE_MEMO_LIMIT) ranges.clear();
    value = format();
    ranges.set(key, value);
  }
  return value;
}

export function formatDate(date: Date, locale: Locale, timeZone: string): string {
  const f = memo(
    `d|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }),
  );
  return memoRange('day', date, date, locale, timeZone, () => f.format(date));
}

export function formatDateRange(start: Date, end: Date, locale: Locale, timeZone: string): string {
  const f = memo(
    `d|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }),
  );
  return memoRange('d', start, end, locale, timeZone, () => f.formatRange(start, end));
}

export function formatTime(date: Date, locale: Locale, timeZone: string): string {
  return memo(
    `t|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }),
  ).format(date);
}

export function formatTimeRange(start: Date, end: Date, locale: Locale, timeZone: string): string {
  const f = memo(
    `t|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }),
  );
  return memoRange('t', start, end, locale, timeZone, () => f.formatRange(start, end));
}

/** "13 March 2024, 10:00 – 14 March 2024, 16:45", or "13 March 2024, 10:00–12:40" within a day. */
export function formatDateTimeRange(start: Date, end: Date, locale: Locale, timeZone: string): string {
  const f = memo(
    `dtr|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }),
  );
  return memoRange('dt', start, end, locale, timeZone, () => f.formatRange(start, end));
}

/** "Central European Standard Time" for Europe/Zurich on that date, in the visitor's language. */
export function formatTimeZoneName(
  date: Date,
  locale: Locale,
  timeZone: string,
  style: 'long' | 'short' = 'long',
): string {
  const f = memo(
    `tz|${locale}|${timeZone}|${style}`,
    () => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style }),
  );
  return memoRange(`tz-${style}`, date, date, locale, timeZone, () => {
    return f.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  });
}

export function formatNumber(value: number, locale: Locale): string {
  return memo(`n|${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** The country's name in the visitor's language, from its ISO 3166-1 alpha-2 code. */
export function countryName(code: string, locale: Locale): string {
  return (
    memo(`c|${locale}`, () => new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' })).of(code) ??
    code
  );
}

export function languageName(code: string, locale: Locale): string {
  return (
    memo(`l|${locale}`, () => new Intl.DisplayNames(locale, { type: 'language', fallback: 'code' })).of(
      code,
    ) ?? code
  );
}
