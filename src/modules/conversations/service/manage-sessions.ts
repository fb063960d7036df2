import type { Deps } from '../../../deps';
import { AppError } from '../../../platform/errors';
import { assertCan, type Actor } from '../../accounts';
import { recordAudit } from '../../audit';
import { localizedOf, type AgendaItemFormInput, type SessionFormInput } from '../conversations.admin.schema';
import {
  countDrafts,
  deleteAgendaItem,
  findAgendaItemById,
  findSeriesById,
  findSessionById,
  insertAgendaItem,
  insertSession,
  listAgendaOfSession,
  listAllSeries,
  listAllSessions,
  listAllSpeakers,
  listDocumentsOfSession,
  listThemesOfSeries,
  replaceAgendaItemSpeakers,
  swapAgendaItemPositions,
  updateAgendaItem,
  updateSession,
  type AgendaItemWithSpeakers,
  type DocumentRow,
  type DraftCounts,
  type SeriesRow,
  type SessionListRow,
  type SessionRow,
  type SpeakerRow,
  type ThemeRow,
} from '../repo/manage';

/** Every session of every series, published or not. @throws AppError UNAUTHENTICATED, FORBIDDEN */
export async function listSessionsForAdmin(
  deps: Deps,
  { actor }: { actor: Actor | null },
): Promise<SessionListRow[]> {
  assertCan(actor, 'content.manage');
  return listAllSessions(deps.db);
}

/** What a session form chooses from: the series and, per series, the themes. */
export interface SessionChoices {
  series: SeriesRow[];
  themes: ThemeRow[];
}

/** The series and themes a new session can belong to. @throws AppError UNAUTHENTICATED, FORBIDDEN */
export async function getSessionChoices(
  deps: Deps,
  { actor }: { actor: Actor | null },
): Promise<SessionChoices> {
  assertCan(actor, 'content.manage');
  const series = await listAllSeries(deps.db);
  const themes = (await Promise.all(series.map((s) => listThemesOfSeries(deps.db, s.id)))).flat();
  return { series, themes };
}

export interface SessionForAdmin extends SessionChoices {
  session: SessionRow;
  parent: SeriesRow;
  agenda: AgendaItemWithSpeakers[];
  documents: DocumentRow[];
}

/** A session with its agenda and documents, to edit. @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND */
export async function getSessionForAdmin(
  deps: Deps,
  { actor, sessionId }: { actor: Actor | null; sessionId: string },
): Promise<SessionForAdmin> {
  assertCan(actor, 'content.manage');
  const session = await findSessionById(deps.db, sessionId);
  const parent = session && (await findSeriesById(deps.db, session.seriesId));
  if (!session || !parent) throw new AppError('NOT_FOUND', { session: sessionId });
  const [choices, agenda, documents] = await Promise.all([
    getSessionChoices(deps, { actor }),
    listAgendaOfSession(deps.db, sessionId),
    listDocumentsOfSession(deps.db, sessionId),
  ]);
  return { ...choices, session, parent, agenda, documents };
}

function sessionValues(input: SessionFormInput) {
  return {
    seriesId: input.seriesId,
    themeId: input.themeId ?? null,
    number: input.number,
    title: localizedOf(input, 'title'),
    subject: localizedOf(input, 'subject'),
    description: localizedOf(input, 'description'),
    venue: localizedOf(input, 'venue'),
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    timeZone: input.timeZone,
    format: input.format,
    livestreamUrl: input.livestreamUrl ?? null,
    recordingUrl: input.recordingUrl ?? null,
  };
}

async function checkSeriesAndTheme(
  db: Parameters<typeof findSeriesById>[0],
  input: SessionFormInput,
): Promise<void> {
  if (!(await findSeriesById(db, input.seriesId))) {
    throw new AppError('BAD_REQUEST', { field: 'seriesId' });
  }
  if (input.themeId) {
    const themes = await listThemesOfSeries(db, input.seriesId);
    if (!themes.some((t) => t.id === input.themeId)) throw new AppError('BAD_REQUEST', { field: 'themeId' });
  }
}

/**
 * Creates a session as a draft. Audited.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, BAD_REQUEST (series or theme unknown), CONFLICT (number taken)
 */
export async function createSession(
  deps: Deps,
  { actor, input }: { actor: Actor | null; input: SessionFormInput },
): Promise<SessionRow> {
  assertCan(actor, 'content.manage');
  return deps.db.transaction(async (tx) => {
    await checkSeriesAndTheme(tx, input);
    const created = await insertSession(tx, { ...sessionValues(input), isPublished: false });
    await recordAudit(deps, tx, actor, {
      action: 'conversations.session.create',
      subjectType: 'session',
      subjectId: created.id,
      after: created,
    });
    return created;
  });
}

/**
 * Changes a session. A published session's public page changes at once. Audited.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_REQUEST, CONFLICT (number taken)
 */
export async function editSession(
  deps: Deps,
  { actor, sessionId, input }: { actor: Actor | null; sessionId: string; input: SessionFormInput },
): Promise<SessionRow> {
  assertCan(actor, 'content.manage');
  return deps.db.transaction(async (tx) => {
    const before = await findSessionById(tx, sessionId);
    if (!before) throw new AppError('NOT_FOUND', { session: sessionId });
    await checkSeriesAndTheme(tx, input);
    const after = await updateSession(tx, sessionId, sessionValues(input));
    await recordAudit(deps, tx, actor, {
      action: 'conversations.session.update',
      subjectType: 'session',
      subjectId: sessionId,
      before,
      after,
    });
    return after;
  });
}

/**
 * Publishes a session (its page appears, in a published series) or takes it back. The public page
 * cache is cleared by the database's change notification. Audited.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND
 */
export async function setSessionPublished(
  deps: Deps,
  { actor, sessionId, isPublished }: { actor: Actor | null; sessionId: string; isPublished: boolean },
): Promise<SessionRow> {
  assertCan(actor, 'content.manage');
  return deps.db.transaction(async (tx) => {
    const before = await findSessionById(tx, sessionId);
    if (!before) throw new AppError('NOT_FOUND', { session: sessionId });
    const after = await updateSession(tx, sessionId, { isPublished });
    await recordAudit(deps, tx, actor, {
      action: isPublished ? 'conversations.session.publish' : 'conversations.session.unpublish',
      subjectType: 'session',
      subjectId: sessionId,
      before: { isPublished: before.isPublished },
      after: { isPublished: after.isPublished },
    });
    return after;
  });
}

export interface AgendaItemForAdmin {
  session: SessionRow;
  entry: AgendaItemWithSpeakers | undefined;
  speakers: SpeakerRow[];
}

/**
 * A session's agenda item to edit (or, without `agendaItemId`, what a new one chooses from).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND
 */
export async function getAgendaItemForAdmin(
  deps: Deps,
  { actor, sessionId, agendaItemId }: { actor: Actor | null; sessionId?: string; agendaItemId?: string },
): Promise<AgendaItemForAdmin> {
  assertCan(actor, 'content.manage');
  const entry = agendaItemId ? await findAgendaItemById(deps.db, agendaItemId) : undefined;
  if (agendaItemId && !entry) throw new AppError('NOT_FOUND', { agendaItem: agendaItemId });
  const session = await findSessionById(deps.db, entry?.item.sessionId ?? sessionId ?? '');
  if (!session) throw new AppError('NOT_FOUND', { session: sessionId });
  return { session, entry, speakers: await listAllSpeakers(deps.db) };
}

/**
 * Adds an item at the end of a session's agenda, with its speakers in order. Audited.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_REQUEST (unknown speaker)
 */
export async function addAgendaItem(
  deps: Deps,
  { actor, sessionId, input }: { actor: Actor | null; sessionId: string; input: AgendaItemFormInput },
): Promise<AgendaItemWithSpeakers> {
  assertCan(actor, 'content.manage');
  return deps.db.transaction(async (tx) => {
    if (!(await findSessionById(tx, sessionId))) throw new AppError('NOT_FOUND', { session: sessionId });
    const { speakers, ...values } = input;
    const item = await insertAgendaItem(tx, { ...values, sessionId });
    await replaceAgendaItemSpeakers(tx, item.id, speakers).catch(unknownSpeaker);
    const after = await findAgendaItemById(tx, item.id);
    await recordAudit(deps, tx, actor, {
      action: 'conversations.agenda-item.create',
      subjectType: 'agenda-item',
      subjectId: item.id,
      after,
    });
    return after!;
  });
}

/** A speaker that does not exist (a foreign key violation) is the form's problem, not a crash. */
function unknownSpeaker(error: unknown): never {
  const code = ((error as { cause?: { code?: string } }).cause ?? (error as { code?: string })).code;
  if (code === '23503') throw new AppError('BAD_REQUEST', { field: 'speaker' });
  throw error;
}

/** Changes an agenda item and its speakers. Audited. @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_REQUEST */
export async function editAgendaItem(
  deps: Deps,
  { actor, agendaItemId, input }: { actor: Actor | null; agendaItemId: string; input: AgendaItemFormInput },
): Promise<AgendaItemWithSpeakers> {
  assertCan(actor, 'content.manage');
  return deps.db.transaction(async (tx) => {
    const before = await findAgendaItemById(tx, agendaItemId);
    if (!before) throw new AppError('NOT_FOUND', { agendaItem: agendaItemId });
    const { speakers, ...values } = input;
    await updateAgendaItem(tx, agendaItemId, values);
    await replaceAgendaItemSpeakers(tx, agendaItemId, speakers).catch(unknownSpeaker);
    const after = await findAgendaItemById(tx, agendaItemId);
    await recordAudit(deps, tx, actor, {
      action: 'conversations.agenda-item.update',
      subjectType: 'agenda-item',
      subjectId: agendaItemId,
      before,
      after,
    });
    return after!;
  });
}

/** Takes an item off its session's agenda. Audited. @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND */
export async function removeAgendaItem(
  deps: Deps,
  { actor, agendaItemId }: { actor: Actor | null; agendaItemId: string },
): Promise<SessionRow['id']> {
  assertCan(actor, 'content.manage');
  return deps.db.transaction(async (tx) => {
    const before = await findAgendaItemById(tx, agendaItemId);
    if (!before) throw new AppError('NOT_FOUND', { agendaItem: agendaItemId });
    await deleteAgendaItem(tx, agendaItemId);
    await recordAudit(deps, tx, actor, {
      action: 'conversations.agenda-item.delete',
      subjectType: 'agenda-item',
      subjectId: agendaItemId,
      before,
    });
    return before.item.sessionId;
  });
}

/**
 * Moves an item one place up or down its session's agenda (nothing at either end). Audited.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND
 */
export async function moveAgendaItem(
  deps: Deps,
  { actor, agendaItemId, direction }: { actor: Actor | null; agendaItemId: string; direction: 'up' | 'down' },
): Promise<SessionRow['id']> {
  assertCan(actor, 'content.manage');
  return deps.db.transaction(async (tx) => {
    const found = await findAgendaItemById(tx, agendaItemId);
    if (!found) throw new AppError('NOT_FOUND', { agendaItem: agendaItemId });
    const agenda = await listAgendaOfSession(tx, found.item.sessionId);
    const at = agenda.findIndex((e) => e.item.id === agendaItemId);
    const other = agenda[direction === 'up' ? at - 1 : at + 1];
    if (!other) return found.item.sessionId;
    await swapAgendaItemPositions(tx, found.item, other.item);
    await recordAudit(deps, tx, actor, {
      action: 'conversations.agenda-item.move',
      subjectType: 'agenda-item',
      subjectId: agendaItemId,
      before: { position: found.item.position },
      after: { position: other.item.position },
    });
    return found.item.sessionId;
  });
}

/** How many series, sessions and documents are drafts. @throws AppError UNAUTHENTICATED, FORBIDDEN */
export async function countContentDrafts(
  deps: Deps,
  { actor }: { actor: Actor | null },
): Promise<DraftCounts> {
  assertCan(actor, 'content.manage');
  return countDrafts(deps.db);
}
