import { describe, expect, test } from 'vitest';
import { etagOf, matchesEtag, PageCache, utf8Body } from './page-cache';

const page = (body: string) => ({ body: Buffer.from(body), etag: etagOf(body), contentType: 'text/html' });

describe('PageCache', () => {
  test('drops the least recently used page when full', () => {
    const cache = new PageCache(2);
    cache.set('/a', page('a'), cache.generation);
    cache.set('/b', page('b'), cache.generation);
    cache.get('/a');

    cache.set('/c', page('c'), cache.generation);

    expect([cache.get('/a')?.body.toString(), cache.get('/b'), cache.get('/c')?.body.toString()]).toEqual([
      'a',
      undefined,
      'c',
    ]);
  });

  test('does not keep a page rendered before the last clear', () => {
    const cache = new PageCache(10);
    const startedIn = cache.generation;

    cache.clear();
    cache.set('/a', page('stale'), startedIn);

    expect(cache.get('/a')).toBeUndefined();
  });

  test('forgets pages older than their maximum age', () => {
    let now = 1_000;
    const cache = new PageCache(10, 60_000, () => now);
    cache.set('/a', page('a'), cache.generation);

    now += 59_999;
    const fresh = cache.get('/a');
    now += 1;
    const expired = cache.get('/a');

    expect(fresh?.body.toString()).toBe('a');
    expect(expired).toBeUndefined();
  });

  test('keeps nothing when its size is zero', () => {
    const cache = new PageCache(0);

    cache.set('/a', page('a'), cache.generation);

    expect(cache.size).toBe(0);
  });
});

describe('matchesEtag', () => {
  test('accepts the tag in a list, weak or strong, and *', () => {
    const etag = etagOf('x');

    expect(matchesEtag(`"other", W/${etag}`, etag)).toBe(true);
    expect(matchesEtag('*', etag)).toBe(true);
    expect(matchesEtag('"other"', etag)).toBe(false);
    expect(matchesEtag(undefined, etag)).toBe(false);
  });
});

describe('utf8Body', () => {
  test.each([
    ['empty', ''],
    ['ASCII', '<p>Session 9</p>'],
    ['two-byte', '13 March 2024, 10:00\u202f–\u202f12:40 · Русский · 中文 · العربية'],
    ['surrogate pairs', 'Emoji 🌍 and 𝔘'],
    ['a lone surrogate', 'broken \ud800 pair'],
  ])('gives the bytes Buffer.from gives: %s', (_name, text) => {
    expect(utf8Body(text).equals(Buffer.from(text))).toBe(true);
  });
});

test('the cache keeps its own copy of the bytes', () => {
  const cache = new PageCache(10);
  const body = utf8Body('<p>kept</p>');

  cache.set('/a', { body, etag: etagOf(body), contentType: 'text/html' }, cache.generation);
  body.fill(0);

  expect(cache.get('/a')?.body.toString()).toBe('<p>kept</p>');
});
