import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps';
import { AppError } from '../../../platform/errors';
import { isLocale, type Locale } from '../../../platform/i18n/locales';
import type { Actor, Role } from '../accounts.policy';
import {
  deleteSession,
  deleteSessionsOfUser,
  findLiveSession,
  insertSession,
  touchSession,
} from '../repo/sessions';

/**
 * Server-side sessions (docs/adr/0018-accounts-sessions-and-roles.md): the browser holds a random
 * token in an HttpOnly cookie; PostgreSQL holds its hash, the person and a CSRF token. A session
 * lives 30 days from its last use; "last use" is written at most once an hour.
 */
const SESSION_DAYS = 30;
const TOUCH_AFTER_MS = 60 * 60 * 1000;

/** The signed-in person of a request, as pages and services see them. */
export interface Viewer extends Actor {
  email: string;
  name: string;
  preferredLocale: Locale;
  /** The synchronizer token every form of this session must carry as `_csrf`. */
  csrfToken: string;
  /** The session's key (a hash, never the cookie's token). */
  sessionIdHash: string;
}

/** Over https the cookie gets the `__Host-` prefix: Secure, no Domain, path `/`. */
export function sessionCookieName(deps: Pick<Deps, 'config'>): string {
  return isSecureSite(deps) ? '__Host-colloquy_session' : 'colloquy_session';
}

function isSecureSite(deps: Pick<Deps, 'config'>): boolean {
  return deps.config.PUBLIC_URL.startsWith('https:');
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const newToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Starts a session for a person and sets its cookie on the reply. */
export async function startSession(deps: Deps, reply: FastifyReply, userId: string): Promise<string> {
  const token = await createSession(deps, userId);
  reply.setCookie(sessionCookieName(deps), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureSite(deps),
    maxAge: SESSION_DAYS * 24 * 60 * 60,
  });
  return token;
}

/**
 * Signs a browser in: ends the session its cookie named, if any (a new session id at every sign-in,
 * so a planted cookie is never promoted), and starts a new one.
 */
export async function replaceSession(
  deps: Deps,
  req: FastifyRequest,
  reply: FastifyReply,
  userId: string,
): Promise<void> {
  const previous = req.cookies[sessionCookieName(deps)];
  if (previous && previous.length <= 100) await deleteSession(deps.db, hashToken(previous));
  await startSession(deps, reply, userId);
}

/** Creates a session row and returns the cookie's token. For tests and for `startSession`. */
export async function createSession(deps: Deps, userId: string): Promise<string> {
  const token = newToken();
  const now = deps.clock.now();
  await insertSession(deps.db, {
    idHash: hashToken(token),
    userId,
    csrfToken: newToken(24),
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
  });
  return token;
}

const viewers = new WeakMap<FastifyRequest, Promise<Viewer | null>>();

/** The signed-in person of this request, or null. Looked up once per request. */
export function viewerOf(deps: Deps, req: FastifyRequest): Promise<Viewer | null> {
  let viewer = viewers.get(req);
  if (!viewer) {
    viewer = loadViewer(deps, req.cookies[sessionCookieName(deps)]);
    viewers.set(req, viewer);
  }
  return viewer;
}

async function loadViewer(deps: Deps, token: string | undefined): Promise<Viewer | null> {
  if (!token || token.length > 100) return null;
  const now = deps.clock.now();
  const row = await findLiveSession(deps.db, hashToken(token), now);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await touchSession(deps.db, row.idHash, now, new Date(now.getTime() + SESSION_DAYS * 86_400_000));
  }
  const roles = new Set<Role>(['participant', ...(row.roles as Role[])]);
  return {
    userId: row.userId,
    label: row.name ? `${row.name} <${row.email}>` : row.email,
    roles,
    email: row.email,
    name: row.name,
    preferredLocale: isLocale(row.preferredLocale) ? row.preferredLocale : 'en',
    csrfToken: row.csrfToken,
    sessionIdHash: row.idHash,
  };
}

/** The signed-in person, or UNAUTHENTICATED (a page then sends the visitor to sign in). */
export async function requireViewer(deps: Deps, req: FastifyRequest): Promise<Viewer> {
  const viewer = await viewerOf(deps, req);
  if (!viewer) throw new AppError('UNAUTHENTICATED');
  return viewer;
}

/** Ends this browser's session and clears its cookie. */
export async function endSession(deps: Deps, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = req.cookies[sessionCookieName(deps)];
  if (token) await deleteSession(deps.db, hashToken(token));
  reply.clearCookie(sessionCookieName(deps), { path: '/' });
}

/** Ends every session of a person, this browser's included. Returns how many ended. */
export function endAllSessions(deps: Deps, userId: string): Promise<number> {
  return deleteSessionsOfUser(deps.db, userId);
}

/**
 * The synchronizer-token check for unsafe requests of a signed-in browser
 * (docs/adr/0019-csrf.md). Runs for every POST, PUT, PATCH and DELETE, before the handler, unless
 * the route opts out with `config: { csrf: false }` (one-click unsubscribe, whose URL is its own
 * credential). Anonymous requests are covered by the same-origin check in app.tsx.
 */
export async function checkCsrf(deps: Deps, req: FastifyRequest): Promise<void> {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
  if (req.routeOptions.config.csrf === false) return;
  const viewer = await viewerOf(deps, req);
  if (!viewer) return;
  const body = req.body as Record<string, unknown> | undefined;
  const fromBody = body && typeof body === 'object' ? body._csrf : undefined;
  const given = typeof fromBody === 'string' ? fromBody : req.headers['x-csrf-token'];
  if (typeof given !== 'string' || !sameToken(given, viewer.csrfToken)) throw new AppError('CSRF');
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `false`: this unsafe route does not take the session's CSRF token (its URL is a credential). */
    csrf?: boolean;
  }
}
