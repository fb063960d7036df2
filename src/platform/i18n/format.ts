import type { Locale } from './locales';

/**
 * Dates, numbers and country names through Intl, in the visitor's language. Formatters are cached
 * per locale and zone: building one costs far more than using it.
 */
const cache = new Map<string, Intl.DisplayNames>();
function memo<T extends Intl.DisplayNames>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/**
 * Range formatting (Intl's formatRange) costs about 30 µs a call, formatToParts several, and a
 * two-day agenda makes dozens of such calls for the same few instants on every render. The results
 * of these pure functions are kept per formatter, by start and end instant (numbers, so a look-up
 * builds no key string), up to a bound; when full, every result is dropped and refills.
 */
const RANGE_MEMO_LIMIT = 20_000;
let rangeCount = 0;
const rangeMemos: Map<number, Map<number, string>>[] = [];
const rangeMemoOf = new WeakMap<object, Map<number, Map<number, string>>>();
function memoRange(formatter: object, start: Date, end: Date, format: () => string): string {
  let byStart = rangeMemoOf.get(formatter);
  if (!byStart) {
    byStart = new Map();
    rangeMemoOf.set(formatter, byStart);
    rangeMemos.push(byStart);
  }
  const startMs = start.getTime();
  let byEnd = byStart.get(startMs);
  if (!byEnd) {
    byEnd = new Map();
    byStart.set(startMs, byEnd);
  }
  const endMs = end.getTime();
  let value = byEnd.get(endMs);
  if (value === undefined) {
    if (rangeCount >= RANGE_MEMO_LIMIT) {
      for (const memo of rangeMemos) memo.clear();
      rangeCount = 0;
    }
    value = format();
    byEnd.set(endMs, value);
    rangeCount++;
  }
  return value;
}

/** One Intl.DateTimeFormat per locale, time zone and kind of output, found without building a key. */
type DateFormatKind = 'date' | 'dateRange' | 'time' | 'dateTime' | 'zoneLong' | 'zoneShort';
const DATE_FORMAT_OPTIONS: Record<DateFormatKind, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'long' },
  dateRange: { dateStyle: 'long' }, // the same, with its own memo of ranges
  time: { timeStyle: 'short' },
  dateTime: { dateStyle: 'long', timeStyle: 'short' },
  zoneLong: { timeZoneName: 'long' },
  zoneShort: { timeZoneName: 'short' },
};
const dateFormats = new Map<Locale, Map<string, Partial<Record<DateFormatKind, Intl.DateTimeFormat>>>>();
function dateFormat(locale: Locale, timeZone: string, kind: DateFormatKind): Intl.DateTimeFormat {
  let byZone = dateFormats.get(locale);
  if (!byZone) {
    byZone = new Map();
    dateFormats.set(locale, byZone);
  }
  let formats = byZone.get(timeZone);
  if (!formats) {
    formats = {};
    byZone.set(timeZone, formats);
  }
  return (formats[kind] ??= new Intl.DateTimeFormat(locale, { ...DATE_FORMAT_OPTIONS[kind], timeZone }));
}

export function formatDate(date: Date, locale: Locale, timeZone: string): string {
  const f = dateFormat(locale, timeZone, 'date');
  return memoRange(f, date, date, () => f.format(date));
}

export function formatDateRange(start: Date, end: Date, locale: Locale, timeZone: string): string {
  const f = dateFormat(locale, timeZone, 'dateRange');
  return memoRange(f, start, end, () => f.formatRange(start, end));
}

export function formatTime(date: Date, locale: Locale, timeZone: string): string {
  return dateFormat(locale, timeZone, 'time').format(date);
}

export function formatTimeRange(start: Date, end: Date, locale: Locale, timeZone: string): string {
  const f = dateFormat(locale, timeZone, 'time');
  return memoRange(f, start, end, () => f.formatRange(start, end));
}

/** "13 March 2024, 10:00 – 14 March 2024, 16:45", or "13 March 2024, 10:00–12:40" within a day. */
export function formatDateTimeRange(start: Date, end: Date, locale: Locale, timeZone: string): string {
  const f = dateFormat(locale, timeZone, 'dateTime');
  return memoRange(f, start, end, () => f.formatRange(start, end));
}

/** "Central European Standard Time" for Europe/Zurich on that date, in the visitor's language. */
export function formatTimeZoneName(
  date: Date,
  locale: Locale,
  timeZone: string,
  style: 'long' | 'short' = 'long',
): string {
  const f = dateFormat(locale, timeZone, style === 'long' ? 'zoneLong' : 'zoneShort');
  return memoRange(f, date, date, () => {
    return f.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  });
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();
export function formatNumber(value: number, locale: Locale): string {
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale);
    numberFormats.set(locale, f);
  }
  return f.format(value);
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
