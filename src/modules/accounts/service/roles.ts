import type { Deps } from '../../../deps';
import { AppError } from '../../../platform/errors';
import { recordAudit } from '../../audit';
import { assertCan, GRANTED_ROLES, type Actor, type GrantedRole } from '../accounts.policy';
import {
  countPeople,
  deleteRole,
  getUser,
  insertRole,
  listPeople,
  listRolesOfUser,
  lockSecretariatHolders,
  upsertUserByEmail,
  type PersonListItem,
} from '../repo/users';

export const PEOPLE_PAGE_SIZE = 25;

export interface PeoplePage {
  people: PersonListItem[];
  total: number;
  page: number;
  pages: number;
  query: string;
}

/**
 * The back office's list of people: search by e-mail, name or organisation, 25 a page.
 * @throws AppError UNAUTHENTICATED / FORBIDDEN without the `roles.manage` permission.
 */
export async function listPeopleForAdmin(
  deps: Deps,
  actor: Actor | null,
  opts: { query: string; page: number },
): Promise<PeoplePage> {
  assertCan(actor, 'roles.manage');
  const total = await countPeople(deps.db, opts.query);
  const pages = Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE));
  const page = Math.min(Math.max(1, opts.page), pages);
  const people = await listPeople(deps.db, {
    query: opts.query,
    limit: PEOPLE_PAGE_SIZE,
    offset: (page - 1) * PEOPLE_PAGE_SIZE,
  });
  return { people, total, page, pages, query: opts.query };
}

export interface PersonForAdmin {
  id: string;
  email: string;
  name: string;
  organisation: string;
  country: string | null;
  createdAt: Date;
  lastSignInAt: Date | null;
  roles: GrantedRole[];
}

/**
 * One person, for granting and removing roles.
 * @throws AppError UNAUTHENTICATED / FORBIDDEN without `roles.manage`; NOT_FOUND.
 */
export async function getPersonForAdmin(
  deps: Deps,
  actor: Actor | null,
  userId: string,
): Promise<PersonForAdmin> {
  assertCan(actor, 'roles.manage');
  const user = await getUser(deps.db, userId);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    organisation: user.organisation,
    country: user.country,
    createdAt: user.createdAt,
    lastSignInAt: user.lastSignInAt,
    roles: await listRolesOfUser(deps.db, user.id),
  };
}

/**
 * Grants a role to a person, recorded in the audit log with the roles before and after.
 * Granting a role they hold already changes nothing and records nothing.
 *
 * @throws AppError UNAUTHENTICATED / FORBIDDEN without `roles.manage`; NOT_FOUND.
 */
export async function grantRole(
  deps: Deps,
  actor: Actor | null,
  input: { userId: string; role: GrantedRole },
): Promise<{ changed: boolean }> {
  assertCan(actor, 'roles.manage');
  return deps.db.transaction(async (tx) => {
    const user = await getUser(tx, input.userId);
    const before = await listRolesOfUser(tx, user.id);
    const changed = await insertRole(tx, {
      userId: user.id,
      role: input.role,
      grantedBy: actor.userId,
      now: deps.clock.now(),
    });
    if (changed) {
      await recordAudit(deps, tx, actor, {
        action: 'accounts.role.grant',
        subjectType: 'accounts.user',
        subjectId: user.id,
        before: { roles: before },
        after: { roles: await listRolesOfUser(tx, user.id) },
      });
    }
    return { changed };
  });
}

/**
 * Removes a role from a person, recorded in the audit log. The last secretariat cannot remove
 * their own secretariat role: nobody could manage roles any more.
 *
 * @throws AppError UNAUTHENTICATED / FORBIDDEN without `roles.manage`; NOT_FOUND.
 * @throws AppError CONFLICT (details.reason `lastSecretariat`) for the last secretariat's own role.
 */
export async function removeRole(
  deps: Deps,
  actor: Actor | null,
  input: { userId: string; role: GrantedRole },
): Promise<{ changed: boolean }> {
  assertCan(actor, 'roles.manage');
  return deps.db.transaction(async (tx) => {
    const user = await getUser(tx, input.userId);
    if (input.role === 'secretariat') {
      const holders = await lockSecretariatHolders(tx);
      if (holders.length === 1 && holders[0] === user.id) {
        throw new AppError('CONFLICT', { reason: 'lastSecretariat' });
      }
    }
    const before = await listRolesOfUser(tx, user.id);
    const changed = await deleteRole(tx, user.id, input.role);
    if (changed) {
      await recordAudit(deps, tx, actor, {
        action: 'accounts.role.remove',
        subjectType: 'accounts.user',
        subjectId: user.id,
        before: { roles: before },
        after: { roles: await listRolesOfUser(tx, user.id) },
      });
    }
    return { changed };
  });
}

/**
 * The command line's way in: creates the account for `email` if there is none and grants it the
 * secretariat role (audited as done from the command line). For the first secretariat, before
 * anyone can sign in to grant roles.
 */
export async function createSecretariat(
  deps: Deps,
  email: string,
): Promise<{ userId: string; created: boolean; granted: boolean }> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const { user, created } = await upsertUserByEmail(tx, { email, preferredLocale: 'en', now });
    const before = await listRolesOfUser(tx, user.id);
    const granted = await insertRole(tx, { userId: user.id, role: 'secretariat', grantedBy: null, now });
    if (granted) {
      const commandLine: Actor = {
        userId: user.id,
        label: 'command line (create-secretariat)',
        roles: new Set(),
      };
      await recordAudit(deps, tx, commandLine, {
        action: 'accounts.role.grant',
        subjectType: 'accounts.user',
        subjectId: user.id,
        before: { roles: before },
        after: { roles: await listRolesOfUser(tx, user.id) },
      });
    }
    return { userId: user.id, created, granted };
  });
}

export function isGrantedRole(value: string): value is GrantedRole {
  return (GRANTED_ROLES as readonly string[]).includes(value);
}
