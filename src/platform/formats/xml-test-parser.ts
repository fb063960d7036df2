/**
 * Test-only: a small, strict XML 1.0 parser for the documents our renderers write, so their tests can
 * check well-formedness and then assert on the tree instead of on substrings. It accepts an XML
 * declaration, elements, attributes, text and the five predefined entities plus character references,
 * and it throws on anything else: bare `&` or `<`, unbalanced or mismatched tags, duplicate or unquoted
 * attributes, characters XML 1.0 forbids, undeclared namespace prefixes, content after the root.
 * It does not support DOCTYPE, comments, CDATA or processing instructions, which we never emit.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const NAME = '[A-Za-z_][-A-Za-z0-9_.]*(?::[A-Za-z_][-A-Za-z0-9_.]*)?';
const DECLARATION = /<\?xml version="1\.0"(?: encoding="[A-Za-z][-A-Za-z0-9._]*")?\s*\?>/y;
const START_TAG_OPEN = new RegExp(`<(${NAME})`, 'y');
const ATTRIBUTE = new RegExp(`\\s+(${NAME})\\s*=\\s*(?:"([^<"]*)"|'([^<']*)')`, 'y');
const START_TAG_CLOSE = /\s*(\/?)>/y;
const END_TAG = new RegExp(`</(${NAME})\\s*>`, 'y');
const TEXT = /[^<]*/y;
const ILLEGAL_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseXml(source: string): XmlElement {
  const illegal = ILLEGAL_CHAR.exec(source);
  if (illegal) {
    fail(`illegal character U+${(illegal[0].codePointAt(0) ?? 0).toString(16)}`, illegal.index);
  }
  let pos = 0;
  const match = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = pos;
    const m = re.exec(source);
    if (m) pos = re.lastIndex;
    return m;
  };

  match(DECLARATION);
  match(/\s*/y);
  const stack: { element: XmlElement; namespaces: Set<string> }[] = [];
  let root: XmlElement | undefined;

  while (pos < source.length) {
    const parent = stack.at(-1);
    if (!parent) {
      if (root) fail('content after the root element', pos);
      const open = match(START_TAG_OPEN);
      if (!open) fail('expected the root element', pos);
      root = openElement(open[1] ?? '', new Set(['xml']));
      if (stack.length === 0) match(/\s*/y);
      continue;
    }
    if (source.startsWith('</', pos)) {
      const end = match(END_TAG);
      if (!end || end[1] !== parent.element.name) fail(`expected </${parent.element.name}>`, pos);
      stack.pop();
      if (stack.length === 0) match(/\s*/y);
      continue;
    }
    if (source.startsWith('<', pos)) {
      if (/^<[!?]/.test(source.slice(pos, pos + 2))) fail('unsupported markup', pos);
      const open = match(START_TAG_OPEN);
      if (!open) fail('bad start tag', pos);
      parent.element.children.push(openElement(open[1] ?? '', parent.namespaces));
      continue;
    }
    const start = pos;
    const raw = match(TEXT)?.[0] ?? '';
    if (raw.includes(']]>')) fail('"]]>" in text', start);
    parent.element.children.push(decode(raw, start));
  }
  if (!root || stack.length > 0) fail('unexpected end of document', pos);
  return root;

  function openElement(name: string, inherited: Set<string>): XmlElement {
    const element: XmlElement = { name, attributes: {}, children: [] };
    const namespaces = new Set(inherited);
    for (let attr = match(ATTRIBUTE); attr; attr = match(ATTRIBUTE)) {
      const attrName = attr[1] ?? '';
      if (attrName in element.attributes) fail(`duplicate attribute ${attrName}`, pos);
      element.attributes[attrName] = decode(attr[2] ?? attr[3] ?? '', pos);
      if (attrName.startsWith('xmlns:')) namespaces.add(attrName.slice('xmlns:'.length));
    }
    for (const qualified of [name, ...Object.keys(element.attributes)]) {
      const prefix = qualified.includes(':') ? qualified.split(':')[0] : undefined;
      if (prefix !== undefined && prefix !== 'xmlns' && !namespaces.has(prefix)) {
        fail(`undeclared namespace prefix ${prefix}`, pos);
      }
    }
    const close = match(START_TAG_CLOSE);
    if (!close) fail(`bad start tag <${name}>`, pos);
    if (close[1] !== '/') stack.push({ element, namespaces });
    return element;
  }
}

function decode(raw: string, at: number): string {
  return raw.replace(/&([^;]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) fail(`bare "&"`, at);
    const predefined = PREDEFINED[ref];
    if (predefined !== undefined) return predefined;
    const numeric = /^#(?:([0-9]+)|x([0-9a-fA-F]+))$/.exec(ref);
    if (!numeric) fail(`unknown entity &${ref};`, at);
    const code = numeric[1] !== undefined ? Number(numeric[1]) : parseInt(numeric[2] ?? '', 16);
    const char = code <= 0x10ffff ? String.fromCodePoint(code) : '\u0000';
    if (ILLEGAL_CHAR.test(char)) fail(`reference to an illegal character &${ref};`, at);
    return char;
  });
}

function fail(message: string, at: number): never {
  throw new SyntaxError(`Malformed XML at ${at}: ${message}`);
}

/** The element's direct children named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** The element's one child named `name`; throws when there is none or more than one. */
export function childNamed(element: XmlElement, name: string): XmlElement {
  const found = childrenNamed(element, name);
  if (found.length !== 1)
    throw new Error(`expected one <${name}> in <${element.name}>, found ${found.length}`);
  return found[0] as XmlElement;
}

/** The element's text content, decoded. */
export function textOf(element: XmlElement): string {
  return element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
