/**
 * Every code point that XML 1.0 forbids (W3C XML 1.0, 5th ed., §2.2 "Char"): C0 controls other than
 * tab, LF and CR; lone UTF-16 surrogates; U+FFFE and U+FFFF. With the `u` flag a lone surrogate is
 * one code point outside every allowed range, so it is matched too, while a valid pair is not.
 */
const ILLEGAL_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Makes any string safe to put in XML 1.0 character data or in an attribute value (quoted with either
 * `"` or `'`): removes the characters XML 1.0 does not allow at all (W3C XML 1.0 §2.2), which no
 * escape can carry, then replaces `&`, `<`, `>`, `"` and `'` with the five predefined entities (§4.6).
 * Used by the Atom feed and the sitemap so that organiser titles and participant text cannot break
 * the document or inject markup.
 */
export function escapeXml(value: string): string {
  return value.replace(ILLEGAL_XML_CHARS, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * A date as an RFC 3339 UTC timestamp without fractional seconds (`2025-03-01T09:30:00Z`). This is
 * the form both Atom (RFC 4287 §3.3) and sitemaps (W3C Datetime) accept.
 *
 * @throws RangeError when the date is invalid.
 */
export function formatXmlDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
