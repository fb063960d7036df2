/**
 * Tiny PDF writer for demo documents. The demo needs real, downloadable files for every language
 * version of a document, but nothing that looks like an official text, so each file is one A4 page
 * of plain Helvetica lines. Written by hand because one page of text does not justify a PDF library.
 */

const A4_WIDTH = 595.28;
const A4_HEIGHT = 841.89;
const MARGIN = 72;
const FONT_SIZE = 11;
const LEADING = 16;
/** Helvetica averages about half an em per character: 80 characters fill the text width at 11 pt. */
const MAX_LINE_CHARS = 80;

/** The characters WinAnsiEncoding puts in 0x80–0x9F; 0x20–0x7E and 0xA0–0xFF match Unicode. */
const WIN_ANSI_HIGH: ReadonlyMap<string, number> = new Map([
  ['€', 0x80],
  ['‚', 0x82],
  ['ƒ', 0x83],
  ['„', 0x84],
  ['…', 0x85],
  ['†', 0x86],
  ['‡', 0x87],
  ['ˆ', 0x88],
  ['‰', 0x89],
  ['Š', 0x8a],
  ['‹', 0x8b],
  ['Œ', 0x8c],
  ['Ž', 0x8e],
  ['‘', 0x91],
  ['’', 0x92],
  ['“', 0x93],
  ['”', 0x94],
  ['•', 0x95],
  ['–', 0x96],
  ['—', 0x97],
  ['˜', 0x98],
  ['™', 0x99],
  ['š', 0x9a],
  ['›', 0x9b],
  ['œ', 0x9c],
  ['ž', 0x9e],
  ['Ÿ', 0x9f],
]);

/** Latin letters that Unicode does not decompose into a base letter plus a mark. */
const LATIN_FALLBACKS: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
};

/**
 * Makes a one-page A4 PDF 1.4 showing `lines` in Helvetica, wrapping long lines. Characters outside
 * WinAnsiEncoding are transliterated when they are accented Latin letters ("ś" becomes "s") and
 * dropped otherwise, because the standard fonts cannot show Arabic, Chinese or Cyrillic.
 */
export function makeDemoPdf(lines: string[]): Buffer {
  const textLines = lines.flatMap((line) => wrapLine(toWinAnsiText(line), MAX_LINE_CHARS));
  const content = [
    'BT',
    `/F1 ${FONT_SIZE} Tf`,
    `${LEADING} TL`,
    `${MARGIN} ${round(A4_HEIGHT - MARGIN)} Td`,
    ...textLines.map((line, index) => `${index === 0 ? '' : 'T* '}(${toPdfString(line)}) Tj`),
    'ET',
  ].join('\n');

  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4_WIDTH} ${A4_HEIGHT}] ` +
      '/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Producer (Colloquy demo content) >>',
  ];

  // Every byte above 0x7E is written as an octal escape, so the file is pure ASCII and string
  // lengths are byte offsets.
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefOffset = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\n`;
  pdf += `startxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(pdf, 'ascii');
}

/** Keeps the characters WinAnsiEncoding can show, transliterating accented Latin letters. */
function toWinAnsiText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (isWinAnsi(char)) {
      out += char;
      continue;
    }
    const fallback = LATIN_FALLBACKS[char] ?? stripMarks(char);
    if ([...fallback].every(isWinAnsi)) out += fallback;
  }
  // Dropping a whole word of another script leaves double spaces behind.
  return out.replace(/ {2,}/g, ' ').trim();
}

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_HIGH.has(char);
}

/** "ś" → "s", "ő" → "o"; a character with no Latin base comes back without its marks, or empty. */
function stripMarks(char: string): string {
  return char.normalize('NFD').replace(/\p{M}/gu, '');
}

function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const wrapped: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current && current.length + 1 + word.length > width) {
      wrapped.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  wrapped.push(current);
  return wrapped;
}

/** A PDF literal string body: parentheses and backslashes escaped, non-ASCII as octal escapes. */
function toPdfString(text: string): string {
  let out = '';
  for (const char of text) {
    const code = WIN_ANSI_HIGH.get(char) ?? char.codePointAt(0) ?? 0x3f;
    if (char === '(' || char === ')' || char === '\\') out += `\\${char}`;
    else if (code >= 0x20 && code <= 0x7e) out += char;
    else out += `\\${code.toString(8).padStart(3, '0')}`;
  }
  return out;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
