import type { Deps } from '../../../deps';
import { AppError } from '../../../platform/errors';
import type { AppModule, PersonalDataSubject } from '../../../platform/http/module';
import { eraseOutboxMailTo, listOutboxMailTo } from '../../../platform/mail/outbox.repo';
import { forgetAuditActor } from '../../audit';
import { assertCan, type Actor } from '../accounts.policy';
import { deleteSignInTokensOfEmail, listSignInTokensOfEmail } from '../repo/sign-in-tokens';
import {
  deleteUser,
  getUser,
  listRoleGrantsOfUser,
  listSessionsOfUser,
  lockSecretariatHolders,
  type DbOrTransaction,
} from '../repo/users';

/**
 * "Download my data" and "Delete my account" (docs/adr/0018-accounts-sessions-and-roles.md). Every
 * module that holds something about a person gives an `AppModule.personalData` hook; these walk
 * all of them, accounts included, so a new module only has to declare its own.
 */

/** The format's name and version, first in the file, so a reader knows what they hold. */
export const PERSONAL_DATA_FORMAT = 'colloquy-personal-data/1';

/**
 * Everything Colloquy holds about the signed-in person, one entry per module, as JSON.
 * @throws AppError UNAUTHENTICATED when nobody is signed in.
 */
export async function exportPersonalData(
  deps: Deps,
  actor: Actor | null,
  modules: readonly AppModule[],
): Promise<Record<string, unknown>> {
  assertCan(actor, 'account.own');
  const user = await getUser(deps.db, actor.userId);
  const subject: PersonalDataSubject = { id: user.id, email: user.email };
  const data: Record<string, unknown> = {
    format: PERSONAL_DATA_FORMAT,
    exportedAt: deps.clock.now().toISOString(),
  };
  for (const module of modules) {
    if (module.personalData) data[module.name] = await module.personalData.exportFor(deps, subject);
  }
  return data;
}

/**
 * Deletes the signed-in person's account: every module erases or anonymises what it holds, in one
 * transaction, then the account goes (its sessions and roles with it). Their entries in the audit
 * log stay, with "deleted account" as the actor.
 *
 * @throws AppError UNAUTHENTICATED when nobody is signed in.
 * @throws AppError CONFLICT when they hold the last secretariat role (someone must run the site).
 */
export async function deleteOwnAccount(
  deps: Deps,
  actor: Actor | null,
  modules: readonly AppModule[],
): Promise<void> {
  assertCan(actor, 'account.own');
  const accounts = modules.find((m) => m.name === 'accounts');
  if (!accounts?.personalData) throw new Error('deleteOwnAccount: the accounts module is not mounted');
  await deps.db.transaction(async (tx) => {
    const secretariat = await lockSecretariatHolders(tx);
    if (secretariat.length === 1 && secretariat[0] === actor.userId) {
      throw new AppError('CONFLICT', { reason: 'lastSecretariat' });
    }
    const user = await getUser(tx, actor.userId);
    const subject: PersonalDataSubject = { id: user.id, email: user.email };
    // Accounts last: the others may still need the account row (foreign keys) while they erase.
    for (const module of [...modules.filter((m) => m !== accounts), accounts]) {
      await module.personalData?.eraseFor(deps, tx, subject);
    }
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What accounts itself holds: the profile, roles, sessions (no tokens), pending sign-ins, and the
 * mail Colloquy sent or will send to the person's address, as far as the outbox keeps it
 * (MAIL_RETENTION_DAYS, docs/adr/0026-outbox-retention.md): accounts is what erases it.
 */
export async function exportAccountData(deps: Deps, subject: PersonalDataSubject): Promise<unknown> {
  const user = await getUser(deps.db, subject.id);
  const sessions = await listSessionsOfUser(deps.db, subject.id);
  const signIns = await listSignInTokensOfEmail(deps.db, subject.email);
  const retentionDays = deps.config.MAIL_RETENTION_DAYS;
  const mail = await listOutboxMailTo(deps.db, subject.email, {
    keptSince: retentionDays > 0 ? new Date(deps.clock.now().getTime() - retentionDays * DAY_MS) : undefined,
  });
  return {
    profile: {
      email: user.email,
      name: user.name,
      organisation: user.organisation,
      country: user.country,
      stakeholderGroup: user.stakeholderGroup,
      preferredLanguage: user.preferredLocale,
      hasPassword: user.passwordHash !== null,
      createdAt: user.createdAt.toISOString(),
      updatedAt: user.updatedAt.toISOString(),
      lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    },
    roles: [
      { role: 'participant', grantedAt: user.createdAt.toISOString() },
      ...(await listRoleGrantsOfUser(deps.db, subject.id)).map((r) => ({
        role: r.role,
        grantedAt: r.grantedAt.toISOString(),
      })),
    ],
    sessions: sessions.map((s) => ({
      startedAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
    })),
    signInRequests: signIns.map((s) => ({
      requestedAt: s.createdAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      usedAt: s.usedAt?.toISOString() ?? null,
      language: s.locale,
    })),
    mail: {
      /** Days a sent, failed or held message is kept after it was written; null: until the account goes. */
      keptForDays: retentionDays > 0 ? retentionDays : null,
      messages: mail.map((m) => ({
        kind: m.kind,
        to: m.toAddress,
        language: m.locale,
        subject: m.subject,
        status: m.status,
        writtenAt: m.createdAt.toISOString(),
        sentAt: m.sentAt?.toISOString() ?? null,
        text: m.text,
        attachments: (m.attachments ?? []).map((a) => ({ fileName: a.filename, mediaType: a.contentType })),
      })),
    },
  };
}

/**
 * Erases what accounts holds: the audit log forgets the name, the mail to the person's address
 * leaves the outbox (single messages deleted, newsletter ones reduced to their status; ADR 0026),
 * then the account row goes.
 */
export async function eraseAccountData(
  _deps: Deps,
  tx: DbOrTransaction,
  subject: PersonalDataSubject,
): Promise<void> {
  await forgetAuditActor(tx, subject.id);
  await deleteSignInTokensOfEmail(tx, subject.email);
  await eraseOutboxMailTo(tx, subject.email);
  // Sessions and roles go with the row (ON DELETE CASCADE); roles this person granted keep
  // existing, with grantedBy set to null.
  await deleteUser(tx, subject.id);
}
