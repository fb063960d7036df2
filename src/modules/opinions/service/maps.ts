import type { Deps } from '../../../deps';
import { AppError } from '../../../platform/errors';
import type { LocalizedText } from '../../../platform/i18n/localized-text';
import { assertCan, type Actor } from '../../accounts';
import { recordAudit } from '../../audit';
import { instantToZonedLocal, zonedLocalToInstant } from '../../conversations';
import {
  countVotesOnStatement,
  findMapById,
  findMapBySlug,
  findSession,
  findStatement,
  hasStatementText,
  insertMap,
  insertStatement,
  listMaps,
  listSessions,
  listStatementsWithCounts,
  updateMap,
  updateStatement,
  type MapSummary,
} from '../opinions.repo';
import type { MapFormInput, SeedStatementInput } from '../opinions.schema';
import {
  windowOf,
  type MapSession,
  type OpinionMapRecord,
  type SessionOpinionMap,
  type Statement,
  type StatementWithCounts,
} from '../opinions.types';

/** Field → message key; `_form` for a refusal of the whole form. */
export type FieldErrors = Record<string, string>;
export type Outcome<T> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';

// ── Reading (public) ─────────────────────────────────────────────────────────────────────────────

/** The published maps, newest first. */
export function listPublishedMaps(deps: Deps): Promise<MapSummary[]> {
  return listMaps(deps.db, { publishedOnly: true });
}

/** A map as the session page's part `opinionMaps` holds it (migration 0022): instants in ms. */
interface MapOnSessionPage {
  slug: string;
  topic: LocalizedText;
  opensAt: number;
  closesAt: number | null;
}

/**
 * The published maps of a session, for its public page, from the page's part `opinionMaps`
 * (the read model holds it: docs/adr/0033-session-page-parts.md), with their window now. The
 * database wrote the part, so its shape is known; nothing or anything else is no map.
 */
export function opinionMapsOfPagePart(part: unknown, now: Date): SessionOpinionMap[] {
  if (!Array.isArray(part)) return [];
  return (part as MapOnSessionPage[]).map((m) => {
    const map = {
      slug: m.slug,
      topic: m.topic,
      opensAt: new Date(m.opensAt),
      closesAt: m.closesAt === null ? null : new Date(m.closesAt),
    };
    return { ...map, window: windowOf(map, now) };
  });
}

/**
 * A published map by its URL key, with its session (when that is published too), or 404. The
 * secretariat may open a draft.
 */
export async function getPublicMap(
  deps: Deps,
  viewer: Actor | null,
  slug: string,
): Promise<{ map: OpinionMapRecord; session: MapSession | undefined }> {
  const map = await findMapBySlug(deps.db, slug);
  if (!map || (!map.isPublished && !(viewer && viewer.roles.has('secretariat'))))
    throw new AppError('NOT_FOUND', { map: slug });
  const session = map.sessionId ? await findSession(deps.db, map.sessionId) : undefined;
  return { map, session: session?.isPublished ? session : undefined };
}

// ── The secretariat ──────────────────────────────────────────────────────────────────────────────

export async function listMapsForAdmin(deps: Deps, actor: Actor | null): Promise<MapSummary[]> {
  assertCan(actor, 'content.manage');
  return listMaps(deps.db, { publishedOnly: false });
}

export interface AdminMapData {
  map: OpinionMapRecord;
  session: MapSession | undefined;
  statements: StatementWithCounts[];
}

export async function getMapForAdmin(deps: Deps, actor: Actor | null, mapId: string): Promise<AdminMapData> {
  assertCan(actor, 'content.manage');
  const map = await findMapById(deps.db, mapId);
  if (!map) throw new AppError('NOT_FOUND', { map: mapId });
  const session = map.sessionId ? await findSession(deps.db, map.sessionId) : undefined;
  return { map, session, statements: await listStatementsWithCounts(deps.db, map.id) };
}

/** The sessions a map may belong to (the form's select). */
export async function listSessionChoices(deps: Deps, actor: Actor | null): Promise<MapSession[]> {
  assertCan(actor, 'content.manage');
  return listSessions(deps.db);
}

/**
 * `2026-03-29T02:30` on the clock of `timeZone` as an instant; undefined when the clock never
 * shows it there: a day that does not exist, or the hour skipped when clocks go forward (which
 * `zonedLocalToInstant` would move to the next hour without a word). A time the clock shows twice,
 * when it goes back, is the first of the two.
 */
export function wallClockToInstant(local: string, timeZone: string): Date | undefined {
  const at = zonedLocalToInstant(local, timeZone);
  return at && instantToZonedLocal(at, timeZone) === local ? at : undefined;
}

/**
 * The form's checks that need the database: the slug is free, the session exists, and the opening
 * and closing (typed on the clock of that session's zone, UTC without a session) exist there and
 * come in that order. Returns them as instants.
 */
async function checkMapForm(
  deps: Deps,
  input: MapFormInput,
  mapId?: string,
): Promise<{ errors: FieldErrors; opensAt: Date; closesAt: Date | null }> {
  const errors: FieldErrors = {};
  const other = await findMapBySlug(deps.db, input.slug);
  if (other && other.id !== mapId) errors.slug = 'admin.error.slugTaken';
  const session = input.sessionId ? await findSession(deps.db, input.sessionId) : undefined;
  if (input.sessionId && !session) errors.sessionId = 'forms.error.invalid';
  const zone = session?.timeZone ?? 'UTC';
  const opensAt = wallClockToInstant(input.opensAt, zone);
  const closesAt = input.closesAt === null ? null : wallClockToInstant(input.closesAt, zone);
  if (!opensAt) errors.opensAt = 'opinions.error.noSuchTime';
  if (closesAt === undefined) errors.closesAt = 'opinions.error.noSuchTime';
  else if (opensAt && closesAt && closesAt <= opensAt) errors.closesAt = 'opinions.error.closesBeforeOpens';
  return { errors, opensAt: opensAt ?? new Date(NaN), closesAt: closesAt ?? null };
}

const auditView = (m: OpinionMapRecord) => ({
  slug: m.slug,
  topic: m.topic,
  description: m.description,
  sessionId: m.sessionId,
  moderation: m.moderation,
  allowStatements: m.allowStatements,
  publishOpenData: m.publishOpenData,
  opensAt: m.opensAt.toISOString(),
  closesAt: m.closesAt?.toISOString() ?? null,
  isPublished: m.isPublished,
});

/** Writes a map (new when `mapId` is undefined) and its audit entry; a taken slug is a field error. */
async function writeMap(
  deps: Deps,
  actor: Actor,
  input: MapFormInput,
  before: OpinionMapRecord | undefined,
): Promise<Outcome<{ map: OpinionMapRecord }>> {
  const { errors, opensAt, closesAt } = await checkMapForm(deps, input, before?.id);
  if (Object.keys(errors).length) return { ok: false, errors };
  const now = deps.clock.now();
  const values = { ...input, opensAt, closesAt };
  try {
    const map = await deps.db.transaction(async (tx) => {
      const row = before
        ? await updateMap(tx, before.id, { ...values, updatedAt: now })
        : await insertMap(tx, { ...values, isPublished: false, createdAt: now, updatedAt: now });
      await recordAudit(deps, tx, actor, {
        action: before ? 'opinions.map.update' : 'opinions.map.create',
        subjectType: 'opinion-map',
        subjectId: row.id,
        before: before ? auditView(before) : null,
        after: auditView(row),
      });
      return row;
    });
    return { ok: true, map };
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, errors: { slug: 'admin.error.slugTaken' } };
    throw err;
  }
}

/** A new map, as a draft. */
export async function createMap(
  deps: Deps,
  actor: Actor | null,
  input: MapFormInput,
): Promise<Outcome<{ map: OpinionMapRecord }>> {
  assertCan(actor, 'content.manage');
  return writeMap(deps, actor, input, undefined);
}

/** Saves a map's settings (publishing is separate). */
export async function saveMap(
  deps: Deps,
  actor: Actor | null,
  mapId: string,
  input: MapFormInput,
): Promise<Outcome<{ map: OpinionMapRecord }>> {
  assertCan(actor, 'content.manage');
  const before = await findMapById(deps.db, mapId);
  if (!before) throw new AppError('NOT_FOUND', { map: mapId });
  return writeMap(deps, actor, input, before);
}

export async function setMapPublished(
  deps: Deps,
  actor: Actor | null,
  mapId: string,
  isPublished: boolean,
): Promise<OpinionMapRecord> {
  assertCan(actor, 'content.manage');
  return deps.db.transaction(async (tx) => {
    const before = await findMapById(tx, mapId);
    if (!before) throw new AppError('NOT_FOUND', { map: mapId });
    const row = await updateMap(tx, mapId, { isPublished, updatedAt: deps.clock.now() });
    await recordAudit(deps, tx, actor, {
      action: isPublished ? 'opinions.map.publish' : 'opinions.map.unpublish',
      subjectType: 'opinion-map',
      subjectId: mapId,
      before: { isPublished: before.isPublished },
      after: { isPublished },
    });
    return row;
  });
}

/** A seed statement from the secretariat: accepted at once. */
export async function addSeedStatement(
  deps: Deps,
  actor: Actor | null,
  mapId: string,
  input: SeedStatementInput,
): Promise<Outcome<{ statement: Statement }>> {
  assertCan(actor, 'content.manage');
  const map = await findMapById(deps.db, mapId);
  if (!map) throw new AppError('NOT_FOUND', { map: mapId });
  if (await hasStatementText(deps.db, mapId, input.body))
    return { ok: false, errors: { body: 'opinions.error.duplicate' } };
  const now = deps.clock.now();
  const statement = await deps.db.transaction(async (tx) => {
    const row = await insertStatement(tx, {
      mapId,
      body: input.body,
      language: input.language,
      isMeta: input.isMeta,
      isSeed: true,
      status: 'accepted',
      moderatedAt: now,
      moderatedBy: actor.userId,
      createdAt: now,
    });
    await recordAudit(deps, tx, actor, {
      action: 'opinions.statement.seed',
      subjectType: 'opinion-statement',
      subjectId: String(row.id),
      after: { mapId, body: row.body, language: row.language, isMeta: row.isMeta },
    });
    return row;
  });
  return { ok: true, statement };
}

async function statementOfMap(deps: Deps, mapId: string, statementId: number): Promise<Statement> {
  const statement = await findStatement(deps.db, statementId);
  if (!statement || statement.mapId !== mapId) throw new AppError('NOT_FOUND', { statement: statementId });
  return statement;
}

/**
 * Edits a statement. Its text and language may change only while nobody has voted on it (a vote
 * is on the words people read); whether it is meta may change at any time.
 */
export async function editStatement(
  deps: Deps,
  actor: Actor | null,
  mapId: string,
  statementId: number,
  input: SeedStatementInput,
): Promise<Outcome<{ statement: Statement }>> {
  assertCan(actor, 'content.manage');
  const before = await statementOfMap(deps, mapId, statementId);
  const textChanged = input.body !== before.body || input.language !== before.language;
  if (textChanged && (await countVotesOnStatement(deps.db, statementId)) > 0)
    return { ok: false, errors: { body: 'opinions.error.hasVotes' } };
  if (input.body !== before.body && (await hasStatementText(deps.db, mapId, input.body)))
    return { ok: false, errors: { body: 'opinions.error.duplicate' } };
  const statement = await deps.db.transaction(async (tx) => {
    const row = await updateStatement(tx, statementId, {
      body: input.body,
      language: input.language,
      isMeta: input.isMeta,
    });
    await recordAudit(deps, tx, actor, {
      action: 'opinions.statement.edit',
      subjectType: 'opinion-statement',
      subjectId: String(statementId),
      before: { body: before.body, language: before.language, isMeta: before.isMeta },
      after: { body: row.body, language: row.language, isMeta: row.isMeta },
    });
    return row;
  });
  return { ok: true, statement };
}

/** Accepts or rejects a statement (a rejected one leaves the map; accepting it again restores it). */
export async function moderateStatement(
  deps: Deps,
  actor: Actor | null,
  mapId: string,
  statementId: number,
  decision: 'accept' | 'reject',
): Promise<Statement> {
  assertCan(actor, 'content.manage');
  const before = await statementOfMap(deps, mapId, statementId);
  const status = decision === 'accept' ? 'accepted' : 'rejected';
  return deps.db.transaction(async (tx) => {
    const row = await updateStatement(tx, statementId, {
      status,
      moderatedAt: deps.clock.now(),
      moderatedBy: actor.userId,
    });
    await recordAudit(deps, tx, actor, {
      action: `opinions.statement.${decision}`,
      subjectType: 'opinion-statement',
      subjectId: String(statementId),
      before: { status: before.status },
      after: { status },
    });
    return row;
  });
}
