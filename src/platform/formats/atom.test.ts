import { describe, expect, test } from 'vitest';
import { renderAtomFeed, type AtomEntry, type AtomFeed } from './atom';
import { childNamed, childrenNamed, parseXml, textOf, type XmlElement } from './xml-test-parser';

function makeAtomFeed(overrides: Partial<AtomFeed> = {}): AtomFeed {
  return {
    id: 'https://colloquy.test/en/series/forum',
    title: 'Forum 2025',
    lang: 'en',
    selfUrl: 'https://colloquy.test/en/series/forum/feed.atom',
    alternateUrl: 'https://colloquy.test/en/series/forum',
    updated: new Date('2025-05-01T12:00:00.250Z'),
    entries: [],
    ...overrides,
  };
}

function makeAtomEntry(overrides: Partial<AtomEntry> = {}): AtomEntry {
  return {
    id: 'https://colloquy.test/sessions/1',
    title: 'Opening plenary',
    url: 'https://colloquy.test/en/series/forum/sessions/1',
    updated: new Date('2025-05-02T08:00:00Z'),
    ...overrides,
  };
}

/** The element's child elements as [name, attributes, text] rows, ignoring whitespace between them. */
function rows(element: XmlElement): [string, Record<string, string>, string][] {
  return element.children
    .filter((c): c is XmlElement => typeof c !== 'string')
    .map((c) => [c.name, c.attributes, c.children.some((g) => typeof g !== 'string') ? '…' : textOf(c)]);
}

describe('renderAtomFeed', () => {
  test('writes a well-formed feed with the elements RFC 4287 requires', () => {
    const xml = renderAtomFeed(makeAtomFeed({ subtitle: 'Sessions and papers' }));

    const feed = parseXml(xml);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed ')).toBe(true);
    expect(feed.name).toBe('feed');
    expect(feed.attributes).toEqual({ xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'en' });
    expect(rows(feed)).toEqual([
      ['id', {}, 'https://colloquy.test/en/series/forum'],
      ['title', { type: 'text' }, 'Forum 2025'],
      ['subtitle', { type: 'text' }, 'Sessions and papers'],
      ['updated', {}, '2025-05-01T12:00:00Z'],
      [
        'link',
        {
          rel: 'self',
          type: 'application/atom+xml',
          href: 'https://colloquy.test/en/series/forum/feed.atom',
        },
        '',
      ],
      ['link', { rel: 'alternate', type: 'text/html', href: 'https://colloquy.test/en/series/forum' }, ''],
      ['author', {}, '…'],
      ['generator', {}, 'Colloquy'],
    ]);
    expect(rows(childNamed(feed, 'author'))).toEqual([['name', {}, 'Forum 2025']]);
  });

  test('writes the given author with a URI instead of the feed title', () => {
    const xml = renderAtomFeed(
      makeAtomFeed({ author: { name: 'IGF Secretariat', uri: 'https://igf.test/' } }),
    );

    expect(rows(childNamed(parseXml(xml), 'author'))).toEqual([
      ['name', {}, 'IGF Secretariat'],
      ['uri', {}, 'https://igf.test/'],
    ]);
  });

  test('writes each entry with its id, title, link, dates and summary, and its language when it differs', () => {
    const xml = renderAtomFeed(
      makeAtomFeed({
        entries: [
          makeAtomEntry({ published: new Date('2025-04-01T00:00:00Z'), summary: 'Welcome and framing.' }),
          makeAtomEntry({ id: 'https://colloquy.test/sessions/2', title: 'الجلسة العامة', lang: 'ar' }),
          makeAtomEntry({ id: 'https://colloquy.test/sessions/3', lang: 'en' }),
        ],
      }),
    );

    const entries = childrenNamed(parseXml(xml), 'entry');
    expect(entries.map((e) => e.attributes)).toEqual([{}, { 'xml:lang': 'ar' }, {}]);
    expect(entries.map(rows)).toEqual([
      [
        ['id', {}, 'https://colloquy.test/sessions/1'],
        ['title', { type: 'text' }, 'Opening plenary'],
        [
          'link',
          { rel: 'alternate', type: 'text/html', href: 'https://colloquy.test/en/series/forum/sessions/1' },
          '',
        ],
        ['published', {}, '2025-04-01T00:00:00Z'],
        ['updated', {}, '2025-05-02T08:00:00Z'],
        ['summary', { type: 'text' }, 'Welcome and framing.'],
      ],
      [
        ['id', {}, 'https://colloquy.test/sessions/2'],
        ['title', { type: 'text' }, 'الجلسة العامة'],
        [
          'link',
          { rel: 'alternate', type: 'text/html', href: 'https://colloquy.test/en/series/forum/sessions/1' },
          '',
        ],
        ['updated', {}, '2025-05-02T08:00:00Z'],
      ],
      [
        ['id', {}, 'https://colloquy.test/sessions/3'],
        ['title', { type: 'text' }, 'Opening plenary'],
        [
          'link',
          { rel: 'alternate', type: 'text/html', href: 'https://colloquy.test/en/series/forum/sessions/1' },
          '',
        ],
        ['updated', {}, '2025-05-02T08:00:00Z'],
      ],
    ]);
  });

  test('escapes markup in text and attributes, so it stays text', () => {
    const hostile = `<script>alert("x&y")</script>'`;

    const xml = renderAtomFeed(
      makeAtomFeed({
        title: hostile,
        subtitle: hostile,
        alternateUrl: `https://colloquy.test/?q="><script>&a='1'`,
        entries: [
          makeAtomEntry({ title: hostile, summary: hostile, url: `https://colloquy.test/"onmouseover='x'` }),
        ],
      }),
    );

    expect(xml).not.toContain('<script');
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;&apos;');
    const feed = parseXml(xml);
    const entry = childNamed(feed, 'entry');
    expect([textOf(childNamed(feed, 'title')), textOf(childNamed(feed, 'subtitle'))]).toEqual([
      hostile,
      hostile,
    ]);
    expect(childrenNamed(feed, 'link')[1]?.attributes.href).toBe(`https://colloquy.test/?q="><script>&a='1'`);
    expect([textOf(childNamed(entry, 'title')), textOf(childNamed(entry, 'summary'))]).toEqual([
      hostile,
      hostile,
    ]);
    expect(childNamed(entry, 'link').attributes.href).toBe(`https://colloquy.test/"onmouseover='x'`);
  });

  test('removes characters XML 1.0 forbids, which would make readers reject the whole feed', () => {
    const xml = renderAtomFeed(
      makeAtomFeed({
        title: 'Forum\u0000 2025\u000B',
        entries: [
          makeAtomEntry({ title: 'Bad\u0008 paste\uFFFF', summary: 'line one\u001B\nline two\uD83D' }),
        ],
      }),
    );

    const feed = parseXml(xml);
    const entry = childNamed(feed, 'entry');
    expect(textOf(childNamed(feed, 'title'))).toBe('Forum 2025');
    expect(textOf(childNamed(entry, 'title'))).toBe('Bad paste');
    expect(textOf(childNamed(entry, 'summary'))).toBe('line one\nline two');
  });

  test('leaves out an empty subtitle and summary', () => {
    const xml = renderAtomFeed(makeAtomFeed({ subtitle: '', entries: [makeAtomEntry({ summary: '' })] }));

    const feed = parseXml(xml);
    expect(childrenNamed(feed, 'subtitle')).toEqual([]);
    expect(childrenNamed(childNamed(feed, 'entry'), 'summary')).toEqual([]);
  });
});
