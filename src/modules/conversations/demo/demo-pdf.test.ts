import { describe, expect, test } from 'vitest';
import { makeDemoPdf } from './demo-pdf';

const LINES = [
  'DEMO DOCUMENT — not an official WIPO document',
  'WIPO/IP/AI/GE/24/INF/1',
  'Agenda – Session 9',
  'Language version: French',
];

function xrefOffsets(text: string): number[] {
  const match = /\nxref\n0 (\d+)\n([\s\S]*?)trailer/.exec(text);
  if (!match) throw new Error('no xref table');
  const entries = match[2]!.match(/.{20}/gs) ?? [];
  expect(entries).toHaveLength(Number(match[1]));
  return entries.slice(1).map((entry) => {
    expect(entry).toMatch(/^\d{10} 00000 n \n$/);
    return Number(entry.slice(0, 10));
  });
}

describe('makeDemoPdf', () => {
  test('writes a PDF 1.4 file that ends with %%EOF', () => {
    const text = makeDemoPdf(LINES).toString('latin1');

    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.endsWith('%%EOF\n')).toBe(true);
  });

  test('points every xref entry at its object and startxref at the table', () => {
    const text = makeDemoPdf(LINES).toString('latin1');

    const offsets = xrefOffsets(text);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);

    expect(offsets).toHaveLength(6);
    offsets.forEach((offset, index) => {
      expect(text.slice(offset, offset + `${index + 1} 0 obj`.length)).toBe(`${index + 1} 0 obj`);
    });
    expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
  });

  test('declares the exact length of the page content stream', () => {
    const text = makeDemoPdf(LINES).toString('latin1');

    const match = /<< \/Length (\d+) >>\nstream\n([\s\S]*?)\nendstream/.exec(text);

    expect(Number(match?.[1])).toBe(match?.[2]?.length);
  });

  test('encodes WinAnsi characters, transliterates accented Latin letters and drops other scripts', () => {
    const text = makeDemoPdf(['Résumé — Wiśniewski (draft) \\ Привет 你好 مرحبا end']).toString('latin1');

    expect(text).toContain('(R\\351sum\\351 \\227 Wisniewski \\(draft\\) \\\\ end) Tj');
    expect([...text].every((char) => char.charCodeAt(0) < 0x80)).toBe(true);
  });

  test('wraps a long line instead of running off the page', () => {
    const long = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');

    const text = makeDemoPdf([long]).toString('latin1');

    const shown = [...text.matchAll(/\((.*?)\) Tj/g)].map((m) => m[1]!);
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.join(' ')).toBe(long);
    expect(shown.every((line) => line.length <= 80)).toBe(true);
  });
});
