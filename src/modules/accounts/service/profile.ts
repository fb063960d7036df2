import type { Deps } from '../../../deps';
import type { Locale } from '../../../platform/i18n/locales';
import { assertCan, type Actor } from '../accounts.policy';
import type { stakeholderGroup } from '../accounts.tables';
import { getUser, listRolesOfUser, updateUser, type GrantedRoleValue } from '../repo/users';
import { hashPassword } from './password';

export type StakeholderGroup = (typeof stakeholderGroup.enumValues)[number];

/** A person's own profile, as the profile page shows it (never the password hash). */
export interface Profile {
  id: string;
  email: string;
  name: string;
  organisation: string;
  country: string | null;
  stakeholderGroup: StakeholderGroup | null;
  preferredLocale: Locale;
  hasPassword: boolean;
  roles: GrantedRoleValue[];
  createdAt: Date;
}

export interface ProfileInput {
  name: string;
  organisation: string;
  country: string | null;
  stakeholderGroup: StakeholderGroup | null;
  preferredLocale: Locale;
}

/**
 * The signed-in person's own profile.
 * @throws AppError UNAUTHENTICATED when nobody is signed in.
 */
export async function getOwnProfile(deps: Deps, actor: Actor | null): Promise<Profile> {
  assertCan(actor, 'account.own');
  const user = await getUser(deps.db, actor.userId);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    organisation: user.organisation,
    country: user.country,
    stakeholderGroup: user.stakeholderGroup,
    preferredLocale: user.preferredLocale as Locale,
    hasPassword: user.passwordHash !== null,
    roles: await listRolesOfUser(deps.db, user.id),
    createdAt: user.createdAt,
  };
}

/**
 * Saves the person's profile. The preferred language is the one every e-mail to them is written in.
 * @throws AppError UNAUTHENTICATED when nobody is signed in.
 */
export async function updateOwnProfile(deps: Deps, actor: Actor | null, input: ProfileInput): Promise<void> {
  assertCan(actor, 'account.own');
  await updateUser(deps.db, actor.userId, { ...input, updatedAt: deps.clock.now() });
}

/**
 * Sets or changes the person's password (scrypt). Signing in by e-mail keeps working.
 * @throws AppError UNAUTHENTICATED when nobody is signed in.
 */
export async function setOwnPassword(deps: Deps, actor: Actor | null, password: string): Promise<void> {
  assertCan(actor, 'account.own');
  const passwordHash = await hashPassword(password);
  await updateUser(deps.db, actor.userId, { passwordHash, updatedAt: deps.clock.now() });
}
