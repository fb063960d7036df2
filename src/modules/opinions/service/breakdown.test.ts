// Who each opinion group draws from: counts against plain SQL over the same rows, registration
// first and the profile as fallback, and the reach pages' small-cell rule applied per group.
import { randomBytes } from 'node:crypto';
import { describe, expect } from 'vitest';
import { dbTest as test } from '../../../../test/test-deps';
import { makeSeries, makeSession } from '../../../../test/factories';
import { makeUser } from '../../../../test/accounts';
import type { Deps } from '../../../deps';
import { M49_OF_COUNTRY, suppressColumn } from '../../analytics';
import { opinionMapFromJson } from '../math';
import { buildBreakdown, NOT_KNOWN } from './breakdown';
import { recomputeMap } from './recompute';
import { breakdownOf } from './results';
import {
  insertMap,
  insertParticipants,
  insertStatements,
  insertVotes,
  twoCamps,
} from './results.test-support';
import type { BreakdownCell } from './results.repo';

describe('buildBreakdown', () => {
  const cells = (rows: [number, string | null, number][]): BreakdownCell[] =>
    rows.map(([group, stakeholderGroup, people]) => ({
      group,
      stakeholderGroup,
      category: null,
      country: null,
      people,
    }));

  test('counts of 1–4 are hidden per group, and a lone hidden count takes the next smallest with it', () => {
    const b = buildBreakdown(
      cells([
        [0, 'academia', 12],
        [0, 'enterprise', 3],
        [0, 'media', 7],
        [1, 'academia', 2],
        [1, 'enterprise', 4],
        [1, 'media', 30],
        [1, null, 6],
      ]),
      [0, 1],
      false,
    );
    const row = (key: string) => b.tables.stakeholderGroups.find((r) => r.key === key)?.counts;
    // Group 0: 3 is hidden, alone, so 7 (the next smallest) is hidden too.
    // Group 1: 2 and 4 are hidden: two hidden, nothing more to hide.
    expect(row('academia')).toEqual([12, null]);
    expect(row('enterprise')).toEqual([null, null]);
    expect(row('media')).toEqual([null, 30]);
    expect(row(NOT_KNOWN)).toEqual([0, 6]);
    // Exactly the reach pages' rule, column by column.
    const one = cells([
      [0, 'academia', 12],
      [0, 'enterprise', 3],
      [0, 'media', 7],
    ]);
    const column = buildBreakdown(one, [0], true).tables.stakeholderGroups.map((r) => r.counts[0]!);
    expect(column).toEqual([12, 7, 3]);
    const shown = buildBreakdown(one, [0], false).tables.stakeholderGroups.map((r) => r.counts[0]);
    expect(shown).toEqual(suppressColumn(column));
    expect(shown).toEqual([12, null, null]);
  });

  test('rows go largest first, “not known” last; regions come from M49', () => {
    const b = buildBreakdown(
      [
        { group: 0, stakeholderGroup: null, category: null, country: 'FR', people: 9 },
        { group: 0, stakeholderGroup: 'media', category: 'other', country: 'KE', people: 5 },
        { group: 0, stakeholderGroup: 'government', category: 'member_state', country: null, people: 6 },
        { group: 0, stakeholderGroup: 'igo', category: null, country: 'AQ', people: 5 },
      ],
      [0],
      true,
    );
    expect(b.tables.stakeholderGroups.map((r) => r.key)).toEqual(['government', 'igo', 'media', NOT_KNOWN]);
    expect(b.tables.categories.map((r) => r.key)).toEqual(['member_state', 'other', NOT_KNOWN]);
    expect(b.tables.regions.map((r) => r.key)).toEqual(['150', '002', 'none', NOT_KNOWN]);
  });
});

const GROUPS = ['government', 'academia', 'enterprise', 'civil_society'] as const;
const CATEGORIES = ['member_state', 'ngo_observer', 'other'] as const;
const COUNTRIES = ['FR', 'KE', 'BR', 'IN', 'JP', 'DE'] as const;

/**
 * A map of 34 participants on a session: 20 registered for it (varied), 6 with only a profile
 * (a registration for another session must not count), 4 with neither, 4 imported.
 */
async function peopleMap(deps: Deps) {
  const series = await makeSeries(deps.db);
  const session = await makeSession(deps.db, { seriesId: series.id, number: 1 });
  const otherSession = await makeSession(deps.db, { seriesId: series.id, number: 2 });
  const userIds: (string | null)[] = [];
  for (let i = 0; i < 30; i++) {
    const user = await makeUser(deps);
    userIds.push(user.id);
    if (i < 20) {
      await deps.db.$client.query(
        `INSERT INTO registration_registrations (session_id, user_id, person_key, mode, status, participant_category,
           stakeholder_group, country, locale, check_in_code)
         VALUES ($1, $2, $2, 'online', $3, $4, $5, $6, 'en', $7)`,
        [
          session.id,
          user.id,
          i % 9 === 0 ? 'cancelled' : 'confirmed',
          CATEGORIES[i % 3],
          GROUPS[i % 4],
          COUNTRIES[i % 6],
          `C${i}-${randomBytes(4).toString('hex')}`,
        ],
      );
    } else if (i < 26) {
      await deps.db.$client.query(
        `UPDATE accounts_users SET stakeholder_group = $2, country = $3 WHERE id = $1`,
        [user.id, i % 2 ? 'ngo' : 'academia', i % 2 ? 'US' : 'CN'],
      );
      await deps.db.$client.query(
        `INSERT INTO registration_registrations (session_id, user_id, person_key, mode, status, participant_category,
           stakeholder_group, country, locale, check_in_code)
         VALUES ($1, $2, $2, 'online', 'confirmed', 'member_state', 'government', 'FR', 'en', $3)`,
        [otherSession.id, user.id, `O${i}-${randomBytes(4).toString('hex')}`],
      );
    }
  }
  userIds.push(null, null, null, null);
  const map = await insertMap(deps, { sessionId: session.id });
  // Interleaved, so each camp (first and second half of the ids) has people of every kind.
  const order = userIds.map((_, i) => (i % 2 === 0 ? i / 2 : 17 + (i - 1) / 2));
  const participants = await insertParticipants(
    deps,
    map.id,
    order.map((i) => userIds[i]!),
  );
  const statements = await insertStatements(
    deps,
    map.id,
    Array.from({ length: 8 }, (_, i) => ({ body: `S${i}` })),
  );
  await insertVotes(deps, map.id, twoCamps(participants, statements, '2026-11-25T09:00:00Z'));
  return { map: { ...map, sessionId: session.id }, participants };
}

describe('breakdownOf', () => {
  test('counts every grouped person once, registration first, else the profile, against plain SQL', async ({
    deps,
  }) => {
    const { map } = await peopleMap(deps);
    await recomputeMap(deps, map.id, { inThread: true });
    const { rows } = await deps.db.$client.query<{ result: Buffer }>(
      'SELECT result FROM opinions_results WHERE map_id = $1',
      [map.id],
    );
    const m = opinionMapFromJson(rows[0]!.result.toString('utf8'));
    expect(m.groups.length).toBe(2);
    const breakdown = await breakdownOf(deps, map, m, true);

    for (const [g, group] of m.groups.entries()) {
      const members = Array.from(m.participants.id).filter((_, i) => m.participants.group[i] === group.id);
      const { rows: people } = await deps.db.$client.query<{
        grp: string | null;
        cat: string | null;
        country: string | null;
      }>(
        `SELECT CASE WHEN r.id IS NOT NULL THEN r.stakeholder_group::text ELSE u.stakeholder_group::text END AS grp,
                r.participant_category::text AS cat,
                CASE WHEN r.id IS NOT NULL THEN r.country ELSE u.country END AS country
           FROM opinions_participants p
           LEFT JOIN accounts_users u ON u.id = p.user_id
           LEFT JOIN registration_registrations r ON r.user_id = p.user_id AND r.session_id = $2
          WHERE p.id = ANY($1::int[])`,
        [members, map.sessionId],
      );
      expect(people).toHaveLength(group.size);
      const tally = (keys: string[]) => {
        const out = new Map<string, number>();
        for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
        return out;
      };
      const expectTable = (table: 'stakeholderGroups' | 'categories' | 'regions', keys: string[]) => {
        const shown = new Map(breakdown.tables[table].map((r) => [r.key, r.counts[g]]));
        for (const [key, n] of tally(keys))
          expect(shown.get(key), `${table} ${key} in group ${group.id}`).toBe(n);
        const sum = breakdown.tables[table].reduce((s, r) => s + (r.counts[g] ?? 0), 0);
        expect(sum).toBe(group.size);
      };
      expectTable(
        'stakeholderGroups',
        people.map((p) => p.grp ?? NOT_KNOWN),
      );
      expectTable(
        'categories',
        people.map((p) => p.cat ?? NOT_KNOWN),
      );
      expectTable(
        'regions',
        people.map((p) => (p.country ? (M49_OF_COUNTRY[p.country]?.[0] ?? 'none') : NOT_KNOWN)),
      );
    }
    // The profile-only people are there (ngo and academia from profiles; US and CN regions).
    const keys = breakdown.tables.stakeholderGroups.map((r) => r.key);
    expect(keys).toContain('ngo');
    expect(breakdown.tables.regions.map((r) => r.key)).toContain('019');
  });

  test('public counts are suppressed', async ({ deps }) => {
    const { map } = await peopleMap(deps);
    await recomputeMap(deps, map.id, { inThread: true });
    const { rows } = await deps.db.$client.query<{ result: Buffer }>(
      'SELECT result FROM opinions_results WHERE map_id = $1',
      [map.id],
    );
    const m = opinionMapFromJson(rows[0]!.result.toString('utf8'));
    const exact = await breakdownOf(deps, map, m, true);
    const shown = await breakdownOf(deps, map, m, false);
    for (const table of ['stakeholderGroups', 'categories', 'regions'] as const) {
      for (const [g] of exact.groups.entries()) {
        const column = exact.tables[table].map((r) => r.counts[g]!);
        expect(shown.tables[table].map((r) => r.counts[g])).toEqual(suppressColumn(column));
        for (const [r, row] of shown.tables[table].entries()) {
          const count = row.counts[g];
          if (count !== null && count !== undefined)
            expect(count === 0 || count >= 5, `${table} row ${r}`).toBe(true);
        }
      }
    }
    // With 17 people per group spread over 4–6 keys, some cells are small: the rule did hide some.
    expect(shown.tables.regions.some((r) => r.counts.includes(null))).toBe(true);
  });
});
