import type { Deps } from '../../../deps';
import { AppError } from '../../../platform/errors';

/**
 * Counters per e-mail address for the sign-in forms, kept in this process's memory
 * (docs/adr/0018-accounts-sessions-and-roles.md). Per-IP limits are @fastify/rate-limit's, on the
 * routes; these add a limit per address, so that spreading requests over many IPs does not
 * help against one person's mailbox or password. With several nodes each node counts on its own,
 * so the effective limit is the limit times the number of nodes.
 */
export class AttemptCounter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    /** Keys kept at most; the oldest are dropped first (a flood of addresses cannot grow memory). */
    private readonly capacity = 50_000,
  ) {}

  /** Whether `key` has used up its attempts in the current window. */
  isExhausted(key: string, now: number): boolean {
    const entry = this.windows.get(key);
    return entry !== undefined && entry.resetAt > now && entry.count >= this.max;
  }

  /** Counts one attempt. */
  add(key: string, now: number): void {
    const entry = this.windows.get(key);
    if (entry && entry.resetAt > now) {
      entry.count++;
      return;
    }
    this.windows.delete(key);
    if (this.windows.size >= this.capacity) {
      const oldest = this.windows.keys().next().value;
      if (oldest !== undefined) this.windows.delete(oldest);
    }
    this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
  }

  /** Counts one attempt, or refuses when the window is used up. @throws AppError RATE_LIMITED */
  take(key: string, now: number): void {
    if (this.isExhausted(key, now)) throw new AppError('RATE_LIMITED', { limit: 'per-address' });
    this.add(key, now);
  }
}

export interface SignInLimits {
  /** Sign-in links requested for one address: every request counts (the mailbox is the victim). */
  linkRequests: AttemptCounter;
  /** Wrong codes for one address, across its pending sign-ins. */
  wrongCodes: AttemptCounter;
  /** Wrong passwords for one address. */
  wrongPasswords: AttemptCounter;
}

const HOUR = 60 * 60 * 1000;
const limitsByDeps = new WeakMap<object, SignInLimits>();

/** The counters of this app (one set per Deps: one per server process, one per test database). */
export function signInLimitsOf(deps: Deps): SignInLimits {
  let limits = limitsByDeps.get(deps);
  if (!limits) {
    limits = {
      linkRequests: new AttemptCounter(5, HOUR),
      wrongCodes: new AttemptCounter(10, HOUR),
      wrongPasswords: new AttemptCounter(10, HOUR),
    };
    limitsByDeps.set(deps, limits);
  }
  return limits;
}
