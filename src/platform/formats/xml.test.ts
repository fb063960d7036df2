import { describe, expect, test } from 'vitest';
import { escapeXml, formatXmlDateTime } from './xml';
import { parseXml, textOf } from './xml-test-parser';

describe('escapeXml', () => {
  test('replaces the five XML special characters with entities', () => {
    const escaped = escapeXml(`<script>alert("x") && 'y'</script>`);

    expect(escaped).toBe('&lt;script&gt;alert(&quot;x&quot;) &amp;&amp; &apos;y&apos;&lt;/script&gt;');
  });

  test('escapes an ampersand that already looks like an entity, so text round-trips', () => {
    expect(escapeXml('&amp; &#60;')).toBe('&amp;amp; &amp;#60;');
  });

  test('removes characters XML 1.0 forbids and keeps tab, line breaks and astral characters', () => {
    const input = 'a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFFg\uD800h\t\n\ri😀j\u0085k';

    const escaped = escapeXml(input);

    expect(escaped).toBe('abcdefgh\t\n\ri😀j\u0085k');
  });

  test('leaves Arabic, Chinese and Cyrillic text as it is', () => {
    const text = 'الحوكمة الرقمية، 数字治理；Цифровое управление';

    expect(escapeXml(text)).toBe(text);
  });

  test('round-trips through a strict parser in text and in both attribute quotes', () => {
    const nasty = `<b>"Tom" & 'Jerry'</b> \u0001 ]]> 中文`;
    const safe = escapeXml(nasty);

    const doc = parseXml(`<r a="${safe}" b='${safe}'>${safe}</r>`);

    const expected = `<b>"Tom" & 'Jerry'</b>  ]]> 中文`;
    expect(doc.attributes).toEqual({ a: expected, b: expected });
    expect(textOf(doc)).toBe(expected);
  });
});

describe('formatXmlDateTime', () => {
  test('writes an RFC 3339 UTC timestamp without milliseconds', () => {
    expect(formatXmlDateTime(new Date('2025-03-01T09:30:15.123+01:00'))).toBe('2025-03-01T08:30:15Z');
  });
});

// The Atom and sitemap tests trust this parser to reject malformed XML, so check that it does.
describe('the strict test parser', () => {
  test.each([
    ['a bare ampersand', '<r>a & b</r>'],
    ['an unknown entity', '<r>&nbsp;</r>'],
    ['a bare less-than in an attribute', '<r a="<"/>'],
    ['an unquoted attribute', '<r a=1/>'],
    ['a duplicate attribute', '<r a="1" a="2"/>'],
    ['mismatched tags', '<r><a></b></r>'],
    ['an unclosed element', '<r><a></r>'],
    ['a second root', '<r/><s/>'],
    ['a control character', '<r>\u0001</r>'],
    ['a reference to a control character', '<r>&#1;</r>'],
    ['an undeclared prefix', '<r><x:a/></r>'],
    ['"]]>" in text', '<r>]]></r>'],
  ])('rejects %s', (_, source) => {
    expect(() => parseXml(source)).toThrow(SyntaxError);
  });

  test('accepts a declaration, namespaces, references and self-closing elements', () => {
    const doc = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<r xmlns:x="urn:x" xml:lang="ar"><x:a b=\'1\'/>&#x4E2D;&amp;</r>\n',
    );

    expect(doc).toEqual({
      name: 'r',
      attributes: { 'xmlns:x': 'urn:x', 'xml:lang': 'ar' },
      children: [{ name: 'x:a', attributes: { b: '1' }, children: [] }, '中&'],
    });
  });
});
