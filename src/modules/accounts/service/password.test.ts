import { describe, expect, test } from 'vitest';
import { safeNextPath } from '../accounts.schema';
import { AttemptCounter } from './limits';
import { hashPassword, needsRehash, verifyPassword } from './password';

describe('passwords', () => {
  test('a hash verifies its password only, and two hashes of one password differ (salt)', async () => {
    const hash = await hashPassword('correct horse battery staple');
    const other = await hashPassword('correct horse battery staple');

    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(other).not.toBe(hash);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', hash)).toBe(false);
    expect(await verifyPassword('anything', null)).toBe(false);
    expect(await verifyPassword('anything', 'md5$abc')).toBe(false);
  });

  test('a hash with other parameters still verifies, and is due for a rehash', async () => {
    const { scryptSync, randomBytes } = await import('node:crypto');
    const salt = randomBytes(16);
    const key = scryptSync('older password here', salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const old = `scrypt$16384$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;

    expect(await verifyPassword('older password here', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('older password here'))).toBe(false);
  });

  test('the same text in composed or decomposed Unicode is the same password (NFC)', async () => {
    const hash = await hashPassword('café crème');

    expect(await verifyPassword('cafe\u0301 cre\u0300me', hash)).toBe(true);
  });
});

describe('where to go after signing in', () => {
  test.each([
    ['/en/documents?session=9', '/en/documents?session=9'],
    ['/fr/account', '/fr/account'],
    ['https://evil.example/', ''],
    ['//evil.example/', ''],
    ['/\\evil.example', ''],
    ['/en/\u0000', ''],
    ['javascript:alert(1)', ''],
    [['/en/a', '/en/b'], ''],
    [undefined, ''],
  ])('%j → %j', (given, expected) => {
    expect(safeNextPath(given)).toBe(expected);
  });
});

describe('attempt counter', () => {
  test('refuses after the limit within the window, and starts again after it', () => {
    const counter = new AttemptCounter(2, 1000);

    counter.take('a@example.org', 0);
    counter.take('a@example.org', 10);

    expect(() => counter.take('a@example.org', 20)).toThrow(
      expect.objectContaining({ code: 'RATE_LIMITED' }),
    );
    expect(counter.isExhausted('b@example.org', 20)).toBe(false);
    expect(() => counter.take('a@example.org', 1001)).not.toThrow();
  });

  test('keeps at most its capacity of keys, dropping the oldest', () => {
    const counter = new AttemptCounter(1, 1000, 2);

    counter.add('a', 0);
    counter.add('b', 0);
    counter.add('c', 0);

    expect([counter.isExhausted('a', 1), counter.isExhausted('b', 1), counter.isExhausted('c', 1)]).toEqual([
      false,
      true,
      true,
    ]);
  });
});
