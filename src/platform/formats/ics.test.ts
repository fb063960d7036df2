import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { renderCalendar, type IcsEvent } from './ics';

function makeIcsEvent(overrides: Partial<IcsEvent> = {}): IcsEvent {
  return {
    uid: 'session-1@colloquy.test',
    start: new Date('2025-06-10T08:00:00Z'),
    end: new Date('2025-06-10T09:30:00Z'),
    summary: 'Opening plenary',
    updatedAt: new Date('2025-05-01T12:00:00Z'),
    ...overrides,
  };
}

function parseEvents(ics: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

const CRLF = Buffer.from('\r\n');

/** The UTF-8 octets of each physical line, without its CRLF; throws if the output does not end in CRLF. */
function octetLines(ics: string): Buffer[] {
  const bytes = Buffer.from(ics, 'utf8');
  const lines: Buffer[] = [];
  let start = 0;
  for (let end = bytes.indexOf(CRLF); end !== -1; end = bytes.indexOf(CRLF, start)) {
    lines.push(bytes.subarray(start, end));
    start = end + CRLF.length;
  }
  if (start !== bytes.length) throw new Error('the calendar does not end in CRLF');
  return lines;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
function decode(line: Buffer): string {
  return utf8.decode(line);
}

const ARABIC_SUMMARY = 'الحوكمة الرقمية والتعاون الدولي: '.repeat(7).slice(0, 200);
// ASCII commas and semicolons (which TEXT escapes) next to the full-width ones Chinese uses (which it does not).
const CHINESE_DESCRIPTION =
  '本次会议讨论数字治理, 人工智能伦理; 数据保护；欢迎各利益攸关方参与，提出意见,;,;谢谢。\n第二段：包括“引号”和反斜杠\\。';

describe('renderCalendar', () => {
  test('writes the calendar header RFC 5545 asks for and the calendar name', () => {
    const ics = renderCalendar({ name: 'Forum 2025, plenary; all', events: [] });

    expect(ics).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Colloquy//Colloquy//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'NAME:Forum 2025\\, plenary\\; all',
        'X-WR-CALNAME:Forum 2025\\, plenary\\; all',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

  test('uses a given PRODID instead of the default', () => {
    const ics = renderCalendar({ prodId: '-//UN//IGF//EN', name: 'IGF', events: [] });

    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//UN//IGF//EN');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('IGF');
  });

  test('writes an event with UTC times and every field, in a fixed order', () => {
    const ics = renderCalendar({
      name: 'Forum',
      events: [
        makeIcsEvent({
          description: 'Two, lines;\nsecond \\ line',
          location: 'Room 1, Palais des Nations',
          url: 'https://colloquy.test/en/series/forum/sessions/1?a=1,2;b',
          start: new Date('2025-06-10T10:00:00+02:00'),
          timeZone: 'Europe/Zurich',
        }),
      ],
    });

    const vevent = ics.slice(ics.indexOf('BEGIN:VEVENT'), ics.indexOf('END:VCALENDAR'));
    expect(vevent).toBe(
      [
        'BEGIN:VEVENT',
        'UID:session-1@colloquy.test',
        'DTSTAMP:20250501T120000Z',
        'DTSTART:20250610T080000Z',
        'DTEND:20250610T093000Z',
        'SUMMARY:Opening plenary',
        'DESCRIPTION:Two\\, lines\\;\\nsecond \\\\ line',
        'LOCATION:Room 1\\, Palais des Nations',
        'URL:https://colloquy.test/en/series/forum/sessions/1?a=1,2;b',
        'LAST-MODIFIED:20250501T120000Z',
        'END:VEVENT',
        '',
      ].join('\r\n'),
    );
  });

  test('round-trips summary, description, location, start and end through ical.js', () => {
    const events = [
      makeIcsEvent({
        uid: 'session-ar@colloquy.test',
        summary: ARABIC_SUMMARY,
        description: CHINESE_DESCRIPTION,
        location: 'قاعة ٢، قصر الأمم; Genève',
        start: new Date('2025-06-10T08:00:00Z'),
        end: new Date('2025-06-10T09:30:00Z'),
      }),
      makeIcsEvent({
        uid: 'session-zh@colloquy.test',
        summary: '开幕全体会议，数字治理；人工智能',
        description: 'Line one\r\nLine two\rLine three, with \\backslash\\ and 😀 emoji',
        location: '日内瓦，万国宫',
        start: new Date('2025-12-31T23:15:00Z'),
        end: new Date('2026-01-01T00:45:00Z'),
      }),
    ];

    const parsed = parseEvents(renderCalendar({ name: 'منتدى الحوكمة', events }));

    expect(ARABIC_SUMMARY).toHaveLength(200);
    expect(
      parsed.map((e) => ({
        uid: e.uid,
        summary: e.summary,
        description: e.description,
        location: e.location,
        start: e.startDate.toJSDate(),
        end: e.endDate.toJSDate(),
      })),
    ).toEqual([
      {
        uid: 'session-ar@colloquy.test',
        summary: ARABIC_SUMMARY,
        description: CHINESE_DESCRIPTION,
        location: 'قاعة ٢، قصر الأمم; Genève',
        start: new Date('2025-06-10T08:00:00Z'),
        end: new Date('2025-06-10T09:30:00Z'),
      },
      {
        uid: 'session-zh@colloquy.test',
        summary: '开幕全体会议，数字治理；人工智能',
        description: 'Line one\nLine two\nLine three, with \\backslash\\ and 😀 emoji',
        location: '日内瓦，万国宫',
        start: new Date('2025-12-31T23:15:00Z'),
        end: new Date('2026-01-01T00:45:00Z'),
      },
    ]);
    expect(parsed.map((e) => e.startDate.zone.tzid)).toEqual(['UTC', 'UTC']);
  });

  test('folds long lines at 75 octets without splitting a character, and ends every line in CRLF', () => {
    const ics = renderCalendar({
      name: 'x'.repeat(300),
      events: [
        makeIcsEvent({
          summary: ARABIC_SUMMARY,
          description: CHINESE_DESCRIPTION.repeat(5),
          location: '😀'.repeat(60),
        }),
      ],
    });

    const lines = octetLines(ics);
    expect(Buffer.concat(lines.flatMap((line) => [line, CRLF])).equals(Buffer.from(ics, 'utf8'))).toBe(true);
    expect(lines.filter((line) => line.length > 75).map(decode)).toEqual([]);
    // Each line decodes as UTF-8 on its own (fatal on a cut sequence): no character was split.
    expect(lines.map(decode).join('')).toBe(ics.replace(/\r\n/g, ''));
    const arabicContinuations = lines
      .map(decode)
      .filter((l) => l.startsWith(' ') && /[\u0600-\u06FF]/.test(l));
    expect(arabicContinuations.length).toBeGreaterThan(3);
    // Folding fills each line: the first line of the 313-octet name is exactly 75 octets.
    expect(lines.map(decode).find((l) => l.startsWith('X-WR-CALNAME:'))).toBe(
      `X-WR-CALNAME:${'x'.repeat(62)}`,
    );
    expect(parseEvents(ics)[0]?.summary).toBe(ARABIC_SUMMARY);
    expect(parseEvents(ics)[0]?.location).toBe('😀'.repeat(60));
  });

  test('removes control characters that TEXT does not allow, so they cannot inject properties', () => {
    const ics = renderCalendar({
      name: 'Forum',
      events: [
        makeIcsEvent({
          summary: 'Plenary\u0000\u0007\u001B',
          location: 'Room\tA',
          url: 'https://colloquy.test/x\r\nATTENDEE:mailto:evil@example.com',
        }),
      ],
    });

    const [event] = parseEvents(ics);
    expect(event?.summary).toBe('Plenary');
    expect(event?.location).toBe('Room\tA');
    expect(event?.component.getFirstPropertyValue('url')).toBe(
      'https://colloquy.test/xATTENDEE:mailto:evil@example.com',
    );
    expect(event?.component.getAllProperties('attendee')).toEqual([]);
  });

  test('leaves out optional properties that are missing or empty', () => {
    const ics = renderCalendar({
      name: 'Forum',
      events: [makeIcsEvent({ description: '', location: undefined })],
    });

    expect(ics).not.toMatch(/^(DESCRIPTION|LOCATION|URL)[:;]/m);
  });
});
