import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { makeUser } from '../../../../test/accounts';
import { dbTest as test } from '../../../../test/test-deps';
import type { AppModule } from '../../../platform/http/module';
import { auditLog } from '../../audit/audit.tables';
import type { Actor, Role } from '../accounts.policy';
import { accountsModule } from '../index';
import { userRoles } from '../accounts.tables';
import { deleteOwnAccount, exportPersonalData } from './personal-data';
import { createSecretariat, grantRole, listPeopleForAdmin, removeRole } from './roles';

const actorOf = (user: { id: string; email: string }, roles: Role[]): Actor => ({
  userId: user.id,
  label: user.email,
  roles: new Set<Role>(['participant', ...roles]),
});

describe('roles', () => {
  test('permissions are checked in the service: nobody and a participant are refused', async ({ deps }) => {
    const target = await makeUser(deps);
    const participant = await makeUser(deps);

    await expect(grantRole(deps, null, { userId: target.id, role: 'moderator' })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(
      grantRole(deps, actorOf(participant, []), { userId: target.id, role: 'moderator' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      listPeopleForAdmin(deps, actorOf(participant, ['moderator']), { query: '', page: 1 }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await deps.db.select().from(userRoles).where(eq(userRoles.userId, target.id))).toEqual([]);
  });

  test('the last secretariat cannot remove their own role; with a second one they can', async ({ deps }) => {
    // This file's database is shared: start from no secretariat at all.
    await deps.db.delete(userRoles).where(eq(userRoles.role, 'secretariat'));
    const only = await makeUser(deps, { roles: ['secretariat'] });

    await expect(
      removeRole(deps, actorOf(only, ['secretariat']), { userId: only.id, role: 'secretariat' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'lastSecretariat' },
    });
    const second = await makeUser(deps, { roles: ['secretariat'] });
    const removed = await removeRole(deps, actorOf(only, ['secretariat']), {
      userId: only.id,
      role: 'secretariat',
    });

    expect(removed).toEqual({ changed: true });
    expect(
      await deps.db
        .select({ userId: userRoles.userId })
        .from(userRoles)
        .where(eq(userRoles.role, 'secretariat')),
    ).toEqual([{ userId: second.id }]);
  });

  test('granting a role held already changes nothing and records nothing', async ({ deps }) => {
    const secretariat = await makeUser(deps, { roles: ['secretariat'] });
    const target = await makeUser(deps, { roles: ['speaker'] });

    const result = await grantRole(deps, actorOf(secretariat, ['secretariat']), {
      userId: target.id,
      role: 'speaker',
    });

    expect(result).toEqual({ changed: false });
    expect(await deps.db.select().from(auditLog).where(eq(auditLog.subjectId, target.id))).toEqual([]);
  });

  test('the command line creates the first secretariat, or promotes an existing account, audited', async ({
    deps,
  }) => {
    const existing = await makeUser(deps, { email: 'first-sec@example.org' });

    const promoted = await createSecretariat(deps, 'first-sec@example.org');
    const again = await createSecretariat(deps, 'first-sec@example.org');
    const created = await createSecretariat(deps, 'new-sec@example.org');

    expect(promoted).toEqual({ userId: existing.id, created: false, granted: true });
    expect(again).toEqual({ userId: existing.id, created: false, granted: false });
    expect(created).toMatchObject({ created: true, granted: true });
    const entries = await deps.db.select().from(auditLog).where(eq(auditLog.subjectId, existing.id));
    expect(entries.map((e) => [e.action, e.actorLabel, e.after])).toEqual([
      ['accounts.role.grant', 'command line (create-secretariat)', { roles: ['secretariat'] }],
    ]);
  });
});

describe('personal data across modules', () => {
  test('every module’s hook contributes to the download and erases on deletion, in one transaction', async ({
    deps,
  }) => {
    const person = await makeUser(deps, { email: 'hooked@example.org' });
    const erased: string[] = [];
    const other: AppModule = {
      name: 'newsletter-like',
      personalData: {
        exportFor: async (_deps, user) => ({ subscriptions: [{ email: user.email }] }),
        eraseFor: async (_deps, _tx, user) => {
          erased.push(user.email);
        },
      },
    };
    const actor = actorOf(person, []);

    const data = await exportPersonalData(deps, actor, [accountsModule, other]);
    await deleteOwnAccount(deps, actor, [accountsModule, other]);

    expect(data).toMatchObject({
      format: 'colloquy-personal-data/1',
      accounts: { profile: { email: 'hooked@example.org' } },
      'newsletter-like': { subscriptions: [{ email: 'hooked@example.org' }] },
    });
    expect(erased).toEqual(['hooked@example.org']);
    await expect(exportPersonalData(deps, actor, [accountsModule])).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  test('the last secretariat cannot delete their account', async ({ deps }) => {
    await deps.db.delete(userRoles).where(eq(userRoles.role, 'secretariat'));
    const only = await makeUser(deps, { roles: ['secretariat'] });

    await expect(
      deleteOwnAccount(deps, actorOf(only, ['secretariat']), [accountsModule]),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'lastSecretariat' },
    });

    const data = await exportPersonalData(deps, actorOf(only, ['secretariat']), [accountsModule]);
    expect(data).toMatchObject({ accounts: { roles: [{ role: 'participant' }, { role: 'secretariat' }] } });
  });

  test('a module that fails to erase leaves the account as it was', async ({ deps }) => {
    const person = await makeUser(deps);
    const failing: AppModule = {
      name: 'failing',
      personalData: {
        exportFor: async () => null,
        eraseFor: async () => {
          throw new Error('cannot erase');
        },
      },
    };

    await expect(deleteOwnAccount(deps, actorOf(person, []), [accountsModule, failing])).rejects.toThrow(
      'cannot erase',
    );

    const data = await exportPersonalData(deps, actorOf(person, []), [accountsModule]);
    expect(data).toMatchObject({ accounts: { profile: { email: person.email } } });
  });
});
