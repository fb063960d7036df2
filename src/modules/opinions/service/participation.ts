import type { Deps } from '../../../deps';
import type { DbTransaction, PersonalDataSubject } from '../../../platform/http/module';
import { assertCan, type Actor } from '../../accounts';
import { opinionMapFromJson } from '../math';
import {
  countParticipants,
  detachParticipantsOfUser,
  ensureParticipantOfUser,
  findParticipantOfUser,
  findResultBytes,
  findResultStamp,
  findStatement,
  hasStatementText,
  insertStatement,
  listParticipationsOfUser,
  listStatementsByParticipant,
  listStatementsWithCounts,
  listVotesOfParticipant,
  upsertVote,
  type OwnVote,
} from '../opinions.repo';
import type { AddStatementInput, CastVoteInput } from '../opinions.schema';
import {
  isVisible,
  VOTE_VALUE,
  voteName,
  windowOf,
  type MapSession,
  type MapWindow,
  type OpinionMapRecord,
  type StatementWithCounts,
} from '../opinions.types';
import { getPublicMap, type Outcome } from './maps';
import { chooseNextStatement } from './next-statement';

// ── The extremity of each statement in the last computed map, cached per computation ──────────

const extremityCache = new Map<string, { computedAt: number; extremity: Map<number, number> }>();

/**
 * Statement id → extremity in the map's stored result (opinions_results), or undefined when it
 * has not been computed. The stored JSON is parsed once per computation, not per page.
 */
export async function loadExtremity(deps: Deps, mapId: string): Promise<Map<number, number> | undefined> {
  const stamp = await findResultStamp(deps.db, mapId);
  if (!stamp) return undefined;
  const cached = extremityCache.get(mapId);
  if (cached && cached.computedAt === stamp.getTime()) return cached.extremity;
  const row = await findResultBytes(deps.db, mapId);
  if (!row) return undefined;
  const { statements } = opinionMapFromJson(row.result.toString('utf8'));
  const extremity = new Map<number, number>();
  statements.id.forEach((id, j) => {
    if (statements.active[j]) extremity.set(id, statements.extremity[j]!);
  });
  if (extremityCache.size > 100) extremityCache.clear();
  extremityCache.set(mapId, { computedAt: row.computedAt.getTime(), extremity });
  return extremity;
}

// ── The map's page ───────────────────────────────────────────────────────────────────────────────

export interface ParticipationPage {
  map: OpinionMapRecord;
  session: MapSession | undefined;
  window: MapWindow;
  now: Date;
  /** Statements participants can see, and people who took part. */
  statementCount: number;
  participantCount: number;
  /** The statement to show: chosen for this participant; for a visitor, a preview. */
  next: StatementWithCounts | undefined;
  /** Statements the viewer has not voted on yet. */
  remaining: number;
  signedIn: boolean;
  /** The viewer's votes, newest first (their own statements included). */
  votes: (OwnVote & { canChange: boolean })[];
}

/** Everything the map's page shows: public, with the viewer's part when signed in. */
export async function getParticipationPage(
  deps: Deps,
  viewer: Actor | null,
  slug: string,
): Promise<ParticipationPage> {
  const { map, session } = await getPublicMap(deps, viewer, slug);
  const now = deps.clock.now();
  const [statements, participantCount] = await Promise.all([
    listStatementsWithCounts(deps.db, map.id),
    countParticipants(deps.db, map.id),
  ]);
  const visible = statements.filter((s) => isVisible(map, s.status));
  const participantId = viewer ? await findParticipantOfUser(deps.db, map.id, viewer.userId) : undefined;
  const votes = participantId ? await listVotesOfParticipant(deps.db, participantId) : [];
  const voted = new Set(votes.map((v) => v.statementId));
  const candidates = visible.filter((s) => !voted.has(s.id));
  const who = participantId ? `p${participantId}` : viewer ? `u${viewer.userId}` : 'visitor';
  const nextId = chooseNextStatement({
    candidates,
    extremity: await loadExtremity(deps, map.id),
    seed: `${who}:${voted.size}:${visible.length}`,
  });
  return {
    map,
    session,
    window: windowOf(map, now),
    now,
    statementCount: visible.length,
    participantCount,
    next: candidates.find((s) => s.id === nextId),
    remaining: candidates.length,
    signedIn: viewer !== null,
    votes: votes.map((v) => ({ ...v, canChange: isVisible(map, v.status) })),
  };
}

// ── Voting and writing ───────────────────────────────────────────────────────────────────────────

function windowRefusal(map: OpinionMapRecord, now: Date): string | undefined {
  const window = windowOf(map, now);
  if (window === 'not_yet_open') return 'opinions.error.notYetOpen';
  if (window === 'closed') return 'opinions.error.closed';
  return undefined;
}

/**
 * Agree, disagree or pass on a statement of the map, or change one's vote. Refused (with the
 * reason as a message key) when the map is not open or the statement is not one participants can
 * vote on here.
 */
export async function castVote(
  deps: Deps,
  actor: Actor | null,
  slug: string,
  input: CastVoteInput,
): Promise<Outcome<{ vote: 'agree' | 'disagree' | 'pass' }>> {
  assertCan(actor, 'account.own');
  const { map } = await getPublicMap(deps, actor, slug);
  const now = deps.clock.now();
  const closed = windowRefusal(map, now);
  if (closed) return { ok: false, errors: { _form: closed } };
  const statement = await findStatement(deps.db, input.statementId);
  if (!statement || statement.mapId !== map.id)
    return { ok: false, errors: { _form: 'opinions.error.statementNotHere' } };
  if (statement.status === 'rejected')
    return { ok: false, errors: { _form: 'opinions.error.statementRejected' } };
  if (!isVisible(map, statement.status))
    return { ok: false, errors: { _form: 'opinions.error.statementPending' } };
  await deps.db.transaction(async (tx) => {
    const participantId = await ensureParticipantOfUser(tx, map.id, actor.userId);
    await upsertVote(tx, {
      mapId: map.id,
      participantId,
      statementId: statement.id,
      vote: VOTE_VALUE[input.vote],
      votedAt: now,
    });
  });
  return { ok: true, vote: input.vote };
}

/**
 * A participant's own statement, written in the page's language. It counts as their agree vote.
 * Under pre-moderation it waits for the secretariat; under post-moderation others see it at once.
 */
export async function addStatement(
  deps: Deps,
  actor: Actor | null,
  slug: string,
  input: AddStatementInput,
  language: string,
): Promise<Outcome<{ awaitsReview: boolean }>> {
  assertCan(actor, 'account.own');
  const { map } = await getPublicMap(deps, actor, slug);
  const now = deps.clock.now();
  const closed = windowRefusal(map, now);
  if (closed) return { ok: false, errors: { _form: closed } };
  if (!map.allowStatements) return { ok: false, errors: { _form: 'opinions.error.statementsOff' } };
  if (await hasStatementText(deps.db, map.id, input.body))
    return { ok: false, errors: { body: 'opinions.error.duplicate' } };
  await deps.db.transaction(async (tx) => {
    const participantId = await ensureParticipantOfUser(tx, map.id, actor.userId);
    const statement = await insertStatement(tx, {
      mapId: map.id,
      body: input.body,
      language,
      authorParticipantId: participantId,
      status: 'pending',
      createdAt: now,
    });
    await upsertVote(tx, { mapId: map.id, participantId, statementId: statement.id, vote: 1, votedAt: now });
  });
  return { ok: true, awaitsReview: map.moderation === 'pre' };
}

// ── Personal data ────────────────────────────────────────────────────────────────────────────────

/** "Download my data": the maps the person took part in, their votes and their statements. */
export async function exportOpinions(deps: Deps, user: PersonalDataSubject): Promise<unknown> {
  const participations = await listParticipationsOfUser(deps.db, user.id);
  const out = [];
  for (const p of participations) {
    const votes = await listVotesOfParticipant(deps.db, p.participantId);
    const statements = await listStatementsByParticipant(deps.db, p.participantId);
    out.push({
      map: p.slug,
      joinedAt: p.joinedAt.toISOString(),
      votes: votes.map((v) => ({
        statement: v.body,
        vote: voteName(v.vote),
        votedAt: v.votedAt.toISOString(),
      })),
      statements: statements.map((s) => ({
        body: s.body,
        language: s.language,
        status: s.status,
        writtenAt: s.createdAt.toISOString(),
      })),
    });
  }
  return { opinionMaps: out };
}

/**
 * On account deletion, votes and statements stay (they are part of the public map) but are no
 * longer linked to the account: its participants lose their user id.
 */
export async function eraseOpinions(
  _deps: Deps,
  tx: DbTransaction,
  user: PersonalDataSubject,
): Promise<void> {
  await detachParticipantsOfUser(tx, user.id);
}
