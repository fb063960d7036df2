import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { createApp } from '../../app';
import { makeDocument, makeSeries, makeSession } from '../../../test/factories';
import { dbTest as test } from '../../../test/test-deps';

// Whatever a visitor or a crawler puts in the URL, the answer is a page in a language, never a 500.
const segment = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    '.',
    '..',
    '%',
    '%00',
    '%E0%A4%A',
    '0',
    '-1',
    '9',
    '1e9',
    '99999999999',
    'ar',
    'en',
    'xx',
    '\u202e',
    '😀',
  ),
  fc.uuid(),
);
const template = fc.constantFrom(
  (a: string, _b: string) => `/${a}`,
  (a: string, b: string) => `/${a}/${b}`,
  (a: string, b: string) => `/en/series/${a}/sessions/${b}`,
  (a: string, b: string) => `/fr/series/frontier/sessions/${a}${b}`,
  (a: string, b: string) => `/ar/series/frontier/themes/${a}`.concat(b ? `?x=${b}` : ''),
  (a: string, _b: string) => `/es/speakers/${a}`,
  (a: string, b: string) => `/ru/documents/${a}/${b}`,
  (a: string, b: string) => `/zh/documents?session=${a}&kind=${b}`,
  (a: string, b: string) => `/en/series/frontier/sessions/9/calendar.ics?${a}=${b}`,
  (a: string, b: string) => `/api/v1/series/${a}/sessions/${b}`,
  (a: string, _b: string) => `/api/v1/documents/${a}`,
  (a: string, b: string) => `/api/v1/documents?session=${a}&${b}`,
);

describe('route parameters', () => {
  test('any path or query gives a 2xx, 3xx, 400 or 404, never a 500', async ({ deps }) => {
    const series = await makeSeries(deps.db, { slug: 'frontier' });
    const session = await makeSession(deps.db, { seriesId: series.id, number: 9 });
    await makeDocument(deps.db, { seriesId: series.id, sessionId: session.id });
    const { app } = await createApp(deps);

    await fc.assert(
      fc.asyncProperty(template, segment, segment, async (build, a, b) => {
        const url = build(encodeURIComponentLoosely(a), encodeURIComponentLoosely(b));
        const res = await app.inject({ url, headers: { 'accept-language': 'fr' } });
        expect([200, 301, 302, 304, 400, 404], `${url} → ${res.statusCode}`).toContain(res.statusCode);
        if (res.statusCode >= 400 && !url.startsWith('/api/'))
          expect(res.body).toMatch(/<html lang="(ar|zh|en|fr|ru|es)" dir="(rtl|ltr)">/);
      }),
      { numRuns: 400, seed: 20261125 },
    );
  });
});

/** Keeps raw '%' sequences (to test broken encodings) but escapes what would split the URL. */
function encodeURIComponentLoosely(value: string): string {
  // Byte by byte, so lone surrogates (which encodeURIComponent refuses) still make a URL.
  const percent = (c: string) =>
    [...Buffer.from(c)].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  return value.replace(/[/?#&\s]/g, percent).replace(/[^\x21-\x7e]/gu, percent);
}
