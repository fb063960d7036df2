/** One session as an iCalendar VEVENT. Times are instants; they are written in UTC. */
export interface IcsEvent {
  /** Globally unique and stable across renders, e.g. `session-<id>@colloquy.example.org`. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  /** An absolute URL, e.g. the session's public page. */
  url?: string;
  /** Written as DTSTAMP and LAST-MODIFIED, so the same data always renders the same bytes. */
  updatedAt: Date;
  /**
   * The session's IANA time zone. It is not written: DTSTART and DTEND are UTC, which every client
   * shows in its own zone without the VTIMEZONE block a TZID would require. Kept so callers can pass
   * the session as it is, and so a later version can add TZID with VTIMEZONE without a type change.
   */
  timeZone?: string;
}

/** A published calendar: a series' sessions, for subscription or for a one-off download. */
export interface IcsCalendar {
  /** Defaults to `-//Colloquy//Colloquy//EN`. */
  prodId?: string;
  /** Shown by calendar apps as the subscribed calendar's name. */
  name: string;
  events: IcsEvent[];
}

const DEFAULT_PROD_ID = '-//Colloquy//Colloquy//EN';
const CRLF = '\r\n';
/** RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
const MAX_LINE_OCTETS = 75;

/**
 * Renders a calendar as an iCalendar stream (RFC 5545) with METHOD:PUBLISH, ready to serve as
 * `text/calendar; charset=utf-8`.
 *
 * - Lines end in CRLF and are folded at 75 octets of UTF-8 (§3.1), never inside a character, so
 *   Arabic and Chinese text survives any compliant parser.
 * - TEXT values escape backslash, semicolon, comma and line breaks (§3.3.11); other control
 *   characters, which TEXT does not allow, are removed.
 * - DTSTART, DTEND, DTSTAMP and LAST-MODIFIED are UTC date-times (`20250301T093000Z`, §3.3.5 form 2).
 * - The calendar name goes in both NAME (RFC 7986) and X-WR-CALNAME (read by Apple, Google, Outlook).
 *
 * The output depends only on the input: no clock is read.
 *
 * @throws RangeError when a date is invalid.
 */
export function renderCalendar(cal: IcsCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(cal.prodId ?? DEFAULT_PROD_ID)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(cal.name)}`,
    `X-WR-CALNAME:${escapeText(cal.name)}`,
  ];
  for (const event of cal.events) {
    lines.push(...eventLines(event));
  }
  lines.push('END:VCALENDAR');
  return lines.map((line) => foldLine(line) + CRLF).join('');
}

function eventLines(event: IcsEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${formatUtcDateTime(event.updatedAt)}`,
    `DTSTART:${formatUtcDateTime(event.start)}`,
    `DTEND:${formatUtcDateTime(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description !== undefined && event.description !== '') {
    lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  }
  if (event.location !== undefined && event.location !== '') {
    lines.push(`LOCATION:${escapeText(event.location)}`);
  }
  if (event.url !== undefined && event.url !== '') {
    // URL is a URI value (§3.3.13), not TEXT: commas and semicolons stay literal. Control characters,
    // which could end the line and inject properties, are dropped; a URI never contains them.
    lines.push(`URL:${event.url.replace(/\p{Cc}/gu, '')}`);
  }
  lines.push(`LAST-MODIFIED:${formatUtcDateTime(event.updatedAt)}`, 'END:VEVENT');
  return lines;
}

/** RFC 5545 §3.3.5, form 2 (UTC): `YYYYMMDDTHHMMSSZ`. */
function formatUtcDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** TEXT escaping, RFC 5545 §3.3.11. Backslash first, so the escapes added later are not doubled. */
function escapeText(value: string): string {
  return stripControls(value.replace(/\r\n|\r|\n/g, '\n'))
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/**
 * TEXT and URI values may not contain CONTROL (§3.1: U+0000–U+001F and U+007F, except HTAB). LF is
 * kept here because `escapeText` turns it into `\n`. C1 controls (U+0080–U+009F) are legal and kept.
 */
function stripControls(value: string): string {
  return value.replace(/\p{Cc}/gu, (c) => (c === '\t' || c === '\n' || c > '\u007F' ? c : ''));
}

/**
 * RFC 5545 §3.1 folding: break a long line with CRLF followed by one space, so the continuation's
 * space counts towards its 75 octets. Iterating by code point keeps surrogate pairs together, and
 * measuring each code point's UTF-8 length keeps multi-byte characters whole.
 */
function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}
