import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { hmacSha256 } from './tokens';

describe('hmacSha256', () => {
  test('is HMAC-SHA256 (truncated to 128 bits), for short and long keys', () => {
    for (const key of [randomBytes(32), randomBytes(64), randomBytes(100), Buffer.from('k')]) {
      for (const message of ['', 'newsletter.manage\nid\nnonce', 'é'.repeat(200)]) {
        const expected = createHmac('sha256', key).update(message).digest().subarray(0, 16);
        expect(hmacSha256(key)(message).equals(expected)).toBe(true);
      }
    }
  });
});
