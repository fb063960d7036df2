import { describe, expect, test } from 'vitest';
import { translator } from './t';

describe('translator', () => {
  test('fills every placeholder, in the order the language puts them', () => {
    const params = { language: 'English', symbol: 'WIPO/IP/AI/2/GE/20/1', size: 1234 };

    expect(translator('en')('documents.download', params)).toBe(
      'Download the English version of WIPO/IP/AI/2/GE/20/1 (PDF, 1,234 KB)',
    );
    expect(translator('fr')('documents.download', params)).toBe(
      'Télécharger WIPO/IP/AI/2/GE/20/1 (English, PDF, 1\u202f234 Ko)',
    );
  });

  test('formats numbers for the language and leaves a placeholder without a value as it is', () => {
    expect(translator('en')('accounts.people.caption', { page: 2, pages: 10_000 })).toBe(
      'People, page 2 of 10,000',
    );
    expect(translator('en')('accounts.people.caption', { page: 2 })).toBe('People, page 2 of {pages}');
    expect(translator('en')('admin.audit.by', { actor: '{at}', at: 'noon' })).toBe('By {at}, noon');
  });

  test('picks the plural form for the count', () => {
    expect(translator('en')('home.reach.sessions', { count: 1 })).toBe('session');
    expect(translator('en')('home.reach.sessions', { count: 12 })).toBe('sessions');
  });

  test('gives a text without placeholders as it is, with or without parameters', () => {
    const t = translator('en');

    expect(t('home.reach.sessions')).toBe('sessions');
    expect(t('documents.download')).toBe('Download the {language} version of {symbol} (PDF, {size} KB)');
  });
});
