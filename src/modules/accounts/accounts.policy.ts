import { AppError } from '../../platform/errors';

/**
 * Who may do what (docs/adr/0018-accounts-sessions-and-roles.md). Every account is a
 * participant; the other roles are granted by the secretariat. Services call `assertCan` before
 * they change or reveal anything: hiding a button is never the check.
 */
export const ROLES = ['participant', 'delegate', 'speaker', 'moderator', 'secretariat'] as const;
export type Role = (typeof ROLES)[number];
export type GrantedRole = Exclude<Role, 'participant'>;
export const GRANTED_ROLES: readonly GrantedRole[] = ['delegate', 'speaker', 'moderator', 'secretariat'];

/** The person doing something: what services receive instead of a request. */
export interface Actor {
  userId: string;
  /** Name and e-mail at the time, for the audit log. */
  label: string;
  roles: ReadonlySet<Role>;
}

/** Each permission with the roles that hold it. */
export const PERMISSIONS = {
  /** One's own profile, data download, deletion, sign-out everywhere. */
  'account.own': ['participant'],
  /** The back office's front door: /admin. */
  'admin.enter': ['moderator', 'secretariat'],
  /** Series, themes, sessions, agenda items, speakers, documents and their files. */
  'content.manage': ['secretariat'],
  'roles.manage': ['secretariat'],
  'audit.read': ['secretariat'],
  'outbox.read': ['secretariat'],
  'newsletter.manage': ['secretariat'],
  /** Reach figures with exact counts (small cells shown): /admin/reach. */
  'analytics.read': ['secretariat'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  const holders: readonly Role[] = PERMISSIONS[permission];
  return holders.some((role) => actor.roles.has(role));
}

/**
 * Throws UNAUTHENTICATED for nobody (pages then send the visitor to sign in) and FORBIDDEN for
 * someone without the permission.
 */
export function assertCan(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!can(actor, permission)) throw new AppError('FORBIDDEN', { permission });
}
