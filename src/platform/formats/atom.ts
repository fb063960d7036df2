import { escapeXml, formatXmlDateTime } from './xml';

/** One item of an Atom feed, such as a session or a published issues paper. */
export interface AtomEntry {
  /** A permanent, unique IRI (RFC 4287 §4.2.6): never reuse one, even for a changed entry. */
  id: string;
  title: string;
  /** The entry's public page, written as `link rel="alternate"`. */
  url: string;
  updated: Date;
  published?: Date;
  /** Plain text. */
  summary?: string;
  /** The entry's language when it differs from the feed's, e.g. a participant's comment. */
  lang?: string;
}

/** An Atom feed document, e.g. the sessions of one series in one locale. */
export interface AtomFeed {
  /** A permanent, unique IRI for the feed (RFC 4287 §4.2.6). */
  id: string;
  title: string;
  subtitle?: string;
  /** BCP 47 tag of the feed's text, written as `xml:lang` on the root. */
  lang: string;
  /** Where this feed is served, written as `link rel="self"`. */
  selfUrl: string;
  /** The HTML page the feed mirrors, written as `link rel="alternate"`. */
  alternateUrl: string;
  updated: Date;
  /**
   * Who publishes the feed. RFC 4287 §4.1.1 requires an author on the feed when entries have none,
   * which ours never do, so it defaults to the feed's title.
   */
  author?: { name: string; uri?: string };
  entries: AtomEntry[];
}

/**
 * Renders an Atom 1.0 feed document (RFC 4287), ready to serve as `application/atom+xml; charset=utf-8`.
 *
 * The feed carries its required elements (id, title, updated, author) and links `rel="self"` and
 * `rel="alternate"`; each entry carries id, title, updated, an alternate link and, when given,
 * published and a plain-text summary. Text and attributes go through `escapeXml`, which also drops
 * characters XML 1.0 forbids. `xml:lang` is set on the feed, and on an entry only when its language
 * differs. Dates are RFC 3339 in UTC. The output depends only on the input.
 *
 * @throws RangeError when a date is invalid.
 */
export function renderAtomFeed(feed: AtomFeed): string {
  const author = feed.author ?? { name: feed.title };
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">`,
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
  ];
  if (feed.subtitle !== undefined && feed.subtitle !== '') {
    lines.push(`  <subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>`);
  }
  lines.push(
    `  <updated>${formatXmlDateTime(feed.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternateUrl)}"/>`,
    '  <author>',
    `    <name>${escapeXml(author.name)}</name>`,
  );
  if (author.uri !== undefined && author.uri !== '') {
    lines.push(`    <uri>${escapeXml(author.uri)}</uri>`);
  }
  lines.push('  </author>', '  <generator>Colloquy</generator>');
  for (const entry of feed.entries) {
    lines.push(...entryLines(entry, feed.lang));
  }
  lines.push('</feed>');
  return lines.join('\n') + '\n';
}

function entryLines(entry: AtomEntry, feedLang: string): string[] {
  const lang =
    entry.lang !== undefined && entry.lang !== feedLang ? ` xml:lang="${escapeXml(entry.lang)}"` : '';
  const lines = [
    `  <entry${lang}>`,
    `    <id>${escapeXml(entry.id)}</id>`,
    `    <title type="text">${escapeXml(entry.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
  ];
  if (entry.published !== undefined) {
    lines.push(`    <published>${formatXmlDateTime(entry.published)}</published>`);
  }
  lines.push(`    <updated>${formatXmlDateTime(entry.updated)}</updated>`);
  if (entry.summary !== undefined && entry.summary !== '') {
    lines.push(`    <summary type="text">${escapeXml(entry.summary)}</summary>`);
  }
  lines.push('  </entry>');
  return lines;
}
