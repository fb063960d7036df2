// Opinion maps, participants, statements and votes for the results tests, written straight into
// the module's tables (the contract between participation and results), so these tests do not
// depend on the participation service.
import { randomBytes } from 'node:crypto';
import type { Deps } from '../../../deps';

export interface TestMap {
  id: string;
  slug: string;
}

export async function insertMap(
  deps: Deps,
  overrides: {
    sessionId?: string | null;
    isPublished?: boolean;
    moderation?: 'pre' | 'post';
    topic?: string;
  } = {},
): Promise<TestMap> {
  const slug = `map-${randomBytes(4).toString('hex')}`;
  const { rows } = await deps.db.$client.query<{ id: string }>(
    `INSERT INTO opinions_maps (slug, topic, description, session_id, opens_at, is_published, moderation)
     VALUES ($1, $2, $3, $4, '2026-11-01T00:00:00Z', $5, $6) RETURNING id`,
    [
      slug,
      { en: overrides.topic ?? 'Training data and copyright', ar: 'بيانات التدريب وحق المؤلف' },
      { en: 'What should the rules be?' },
      overrides.sessionId ?? null,
      overrides.isPublished ?? true,
      overrides.moderation ?? 'post',
    ],
  );
  return { id: rows[0]!.id, slug };
}

/** Participants of a map: one per entry, with the account given (null: an imported participant). */
export async function insertParticipants(
  deps: Deps,
  mapId: string,
  userIds: (string | null)[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, userId] of userIds.entries()) {
    const { rows } = await deps.db.$client.query<{ id: number }>(
      `INSERT INTO opinions_participants (map_id, user_id, external_id) VALUES ($1, $2, $3) RETURNING id`,
      [mapId, userId, userId ? null : `imported-${i}-${randomBytes(3).toString('hex')}`],
    );
    ids.push(rows[0]!.id);
  }
  return ids;
}

export async function insertStatements(
  deps: Deps,
  mapId: string,
  statements: {
    body: string;
    status?: 'pending' | 'accepted' | 'rejected';
    isMeta?: boolean;
    language?: string;
  }[],
  createdAt = '2026-11-01T00:00:00Z',
): Promise<number[]> {
  const ids: number[] = [];
  for (const s of statements) {
    const { rows } = await deps.db.$client.query<{ id: number }>(
      `INSERT INTO opinions_statements (map_id, language, body, is_seed, is_meta, status, created_at)
       VALUES ($1, $2, $3, true, $4, $5, $6) RETURNING id`,
      [mapId, s.language ?? 'en', s.body, s.isMeta ?? false, s.status ?? 'accepted', createdAt],
    );
    ids.push(rows[0]!.id);
  }
  return ids;
}

export interface VoteRow {
  participant: number;
  statement: number;
  vote: -1 | 0 | 1;
  /** timestamptz text; microseconds are kept. */
  at: string;
}

/** Writes votes (a changed vote updates its row, as participation does). */
export async function insertVotes(deps: Deps, mapId: string, votes: readonly VoteRow[]): Promise<void> {
  if (votes.length === 0) return;
  await deps.db.$client.query(
    `INSERT INTO opinions_votes (map_id, participant_id, statement_id, vote, voted_at)
     SELECT $1, p, s, v, t::timestamptz FROM unnest($2::int[], $3::int[], $4::int[], $5::text[]) AS x(p, s, v, t)
     ON CONFLICT (participant_id, statement_id) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
    [
      mapId,
      votes.map((v) => v.participant),
      votes.map((v) => v.statement),
      votes.map((v) => v.vote),
      votes.map((v) => v.at),
    ],
  );
}

/**
 * Two camps: the first half of the participants agrees with the first half of the statements and
 * disagrees with the rest; the second half the other way round. The map has two clear groups.
 */
export function twoCamps(
  participants: readonly number[],
  statements: readonly number[],
  at: string,
): VoteRow[] {
  const rows: VoteRow[] = [];
  participants.forEach((p, i) => {
    statements.forEach((s, j) => {
      const sameSide = i < participants.length / 2 === j < statements.length / 2;
      rows.push({ participant: p, statement: s, vote: sameSide ? 1 : -1, at });
    });
  });
  return rows;
}
