import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Deps } from '../../../deps';

const KEY_SETTING = 'registration.tokenKey';
const TOKEN_SHAPE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{22})$/;
const keys = new WeakMap<object, Promise<Buffer>>();

/** Check-in codes: 8 characters without look-alikes (no 0/O, 1/I/L), about 10^12 of them. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newCheckInCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

async function tokenKey(deps: Pick<Deps, 'db' | 'clock'>): Promise<Buffer> {
  let key = keys.get(deps.db);
  if (!key) {
    const candidate = randomBytes(32).toString('base64url');
    key = (async () => {
      await deps.db.execute(sql`INSERT INTO platform_settings (key, value, updated_at)
        VALUES (${KEY_SETTING}, ${JSON.stringify(candidate)}::jsonb, ${deps.clock.now()}) ON CONFLICT (key) DO NOTHING`);
      const result = await deps.db.execute<{ value: unknown }>(
        sql`SELECT value FROM platform_settings WHERE key = ${KEY_SETTING}`,
      );
      return Buffer.from(String(result.rows[0]!.value), 'base64url');
    })();
    keys.set(deps.db, key);
    key.catch(() => keys.delete(deps.db));
  }
  return key;
}

/**
 * The cancel link's token: `<registration id>.<HMAC(id, check-in code)>`. Registering again after
 * cancelling draws a new code, so older links stop working (docs/adr/0022).
 */
export interface CancelTokens {
  tokenFor(registration: { id: string; checkInCode: string }): string;
  verify(token: string, registration: { id: string; checkInCode: string }): boolean;
  registrationIdOf(token: string): string | undefined;
}

export async function cancelTokens(deps: Pick<Deps, 'db' | 'clock'>): Promise<CancelTokens> {
  const secret = await tokenKey(deps);
  const mac = (id: string, code: string) =>
    createHmac('sha256', secret).update(`registration.cancel\n${id}\n${code}`).digest().subarray(0, 16);
  return {
    tokenFor: (r) => `${r.id}.${mac(r.id, r.checkInCode).toString('base64url')}`,
    verify(token, r) {
      const match = TOKEN_SHAPE.exec(token);
      if (!match || match[1] !== r.id) return false;
      const given = Buffer.from(match[2]!, 'base64url');
      const expected = mac(r.id, r.checkInCode);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    registrationIdOf: (token) => TOKEN_SHAPE.exec(token)?.[1],
  };
}
