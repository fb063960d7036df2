import { describe, expect, test } from 'vitest';
import { negotiateLocale } from './locales';
import { pickText } from './localized-text';
import { translator } from './t';

describe('negotiateLocale', () => {
  test.each([
    [undefined, 'en'],
    ['', 'en'],
    ['fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
    ['de-CH, ru;q=0.8, en;q=0.5', 'ru'],
    ['en;q=0.1, zh-Hant-TW;q=0.9', 'zh'],
    ['ar-EG', 'ar'],
    ['es;q=0, fr;q=0.2', 'fr'],
    ['*', 'en'],
    ['garbage;;;q=x', 'en'],
  ])('%s → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe('pickText', () => {
  test('prefers the asked language, then English, then any language', () => {
    expect(pickText({ fr: 'Bonjour', en: 'Hello' }, 'fr')).toEqual({
      text: 'Bonjour',
      locale: 'fr',
      isFallback: false,
    });
    expect(pickText({ fr: 'Bonjour', en: 'Hello' }, 'ar')).toEqual({
      text: 'Hello',
      locale: 'en',
      isFallback: true,
    });
    expect(pickText({ ru: 'Привет' }, 'zh')).toEqual({ text: 'Привет', locale: 'ru', isFallback: true });
    expect(pickText({ en: '   ' }, 'en')).toBeUndefined();
    expect(pickText(null, 'en')).toBeUndefined();
  });
});

describe('translator', () => {
  test('chooses the plural form of the locale and formats numbers for it', () => {
    expect(translator('en')('theme.sessions', { count: 1 })).toBe('1 session');
    expect(translator('en')('theme.sessions', { count: 12000 })).toBe('12,000 sessions');
  });

  test('fills placeholders and leaves unknown ones visible', () => {
    expect(translator('en')('session.number', { number: 9 })).toBe('Session 9');
    expect(translator('en')('session.number')).toBe('Session {number}');
  });
});
