import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt from node:crypto (docs/adr/0018-accounts-sessions-and-roles.md).
 * Stored as `scrypt$N$r$p$salt$hash`, salt and hash in base64url, so the cost can rise later and
 * old hashes still verify. N = 2^15, r = 8, p = 1: 32 MiB and some tens of milliseconds a hash on
 * the test machine (bench/sections/sign-in.mjs), run on libuv's thread pool, off the event loop.
 */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;
/** Node refuses scrypt above 32 MiB unless told; 128 × N × r is exactly 32 MiB here. */
const MAX_MEM = 64 * 1024 * 1024;

function derive(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: MAX_MEM };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, SCRYPT_PARAMS);
  const { N, r, p } = SCRYPT_PARAMS;
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** A hash to verify against when the person has none, so "no such account" takes as long as "wrong password". */
let decoy: Promise<string> | undefined;

/**
 * Whether the password matches the stored hash, compared in constant time. With no hash (no
 * account, or no password set) it still spends the time of one verification and says no.
 */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parsed = stored ? parseHash(stored) : undefined;
  if (!parsed) {
    decoy ??= hashPassword('decoy password, never matches');
    await verifyPassword(password, await decoy);
    return false;
  }
  const key = await derive(password, parsed.salt, parsed);
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}

/** Whether a stored hash was made with other parameters than today's: rehash it at the next sign-in. */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return (
    !parsed || parsed.N !== SCRYPT_PARAMS.N || parsed.r !== SCRYPT_PARAMS.r || parsed.p !== SCRYPT_PARAMS.p
  );
}

function parseHash(
  stored: string,
): { N: number; r: number; p: number; salt: Buffer; hash: Buffer } | undefined {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return undefined;
  const numbers = [n, r, p].map(Number);
  if (numbers.some((x) => !Number.isSafeInteger(x) || x <= 0)) return undefined;
  const [N = 0, R = 0, P = 0] = numbers;
  return { N, r: R, p: P, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') };
}
