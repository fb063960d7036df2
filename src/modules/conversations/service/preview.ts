import type { Deps } from '../../../deps';
import { AppError } from '../../../platform/errors';
import type { Locale } from '../../../platform/i18n/locales';
import { assertCan, type Actor } from '../../accounts';
import { listPublishedDocuments, listPublishedSessions, listSpeakerAppearances } from '../conversations.repo';
import {
  seriesHomeOf,
  sessionPageAt,
  themePageOf,
  type DocumentLibrary,
  type SeriesHome,
  type SessionPage,
  type SpeakerPage,
  type ThemePage,
} from '../conversations.service';
import {
  findDocumentById,
  findSeriesById,
  findSessionById,
  findSpeakerById,
  findThemeById,
  listFilesOfDocument,
  previewSessionPage,
} from '../repo/manage';

// The back office's previews (docs/adr/0017-back-office-structure.md): the data of a public page,
// assembled by the same functions the public routes use, for content in any state. Each shows the
// page as it will look once this item is published, everything else as it is now; the route renders
// it with the public view, marked as a preview, never indexed or cached.

/** A public page's data, and whether the item is public now (the preview's banner says which). */
export interface Preview<P> {
  page: P;
  published: boolean;
}

/**
 * A session's public page in one language, from the read model's own SQL function.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND
 */
export async function previewSession(
  deps: Deps,
  { actor, sessionId, locale }: { actor: Actor | null; sessionId: string; locale: Locale },
): Promise<Preview<SessionPage>> {
  assertCan(actor, 'content.manage');
  const [found, row] = await Promise.all([
    previewSessionPage(deps.db, sessionId, locale),
    findSessionById(deps.db, sessionId),
  ]);
  if (!found || !row) throw new AppError('NOT_FOUND', { session: sessionId });
  const series = await findSeriesById(deps.db, row.seriesId);
  return {
    page: sessionPageAt(found, deps.clock.now()),
    published: row.isPublished && series?.isPublished === true,
  };
}

/**
 * A series' home: its published sessions by theme, its figures.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND
 */
export async function previewSeries(
  deps: Deps,
  { actor, seriesId }: { actor: Actor | null; seriesId: string },
): Promise<Preview<SeriesHome>> {
  assertCan(actor, 'content.manage');
  const series = await findSeriesById(deps.db, seriesId);
  if (!series) throw new AppError('NOT_FOUND', { series: seriesId });
  return { page: await seriesHomeOf(deps, series), published: series.isPublished };
}

/**
 * A theme's page (a theme is public when its series is).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND
 */
export async function previewTheme(
  deps: Deps,
  { actor, themeId }: { actor: Actor | null; themeId: string },
): Promise<Preview<ThemePage>> {
  assertCan(actor, 'content.manage');
  const theme = await findThemeById(deps.db, themeId);
  const series = theme && (await findSeriesById(deps.db, theme.seriesId));
  if (!theme || !series) throw new AppError('NOT_FOUND', { theme: themeId });
  return { page: await themePageOf(deps, series, theme), published: series.isPublished };
}

/**
 * A speaker's page. A speaker has no publication of their own: the page is public once a published
 * session lists them, so the preview lists every session they speak in, drafts included.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND
 */
export async function previewSpeaker(
  deps: Deps,
  { actor, speakerId }: { actor: Actor | null; speakerId: string },
): Promise<Preview<SpeakerPage>> {
  assertCan(actor, 'content.manage');
  const speaker = await findSpeakerById(deps.db, speakerId);
  if (!speaker) throw new AppError('NOT_FOUND', { speaker: speakerId });
  const [appearances, publicOnes] = await Promise.all([
    listSpeakerAppearances(deps.db, speaker.id, 'any'),
    listSpeakerAppearances(deps.db, speaker.id),
  ]);
  return { page: { speaker, appearances }, published: publicOnes.length > 0 };
}

/** The document library narrowed to the document's session, if it has one, with the document in it. */
export interface DocumentPreview extends DocumentLibrary {
  /** The session the library is narrowed to, as its filter would say. */
  sessionNumber: number | undefined;
}

/**
 * The document library of the document's series (narrowed to its session, if it has one) with the
 * document in its place among the published ones.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND
 */
export async function previewDocument(
  deps: Deps,
  { actor, documentId }: { actor: Actor | null; documentId: string },
): Promise<Preview<DocumentPreview>> {
  assertCan(actor, 'content.manage');
  const document = await findDocumentById(deps.db, documentId);
  const series = document && (await findSeriesById(deps.db, document.seriesId));
  if (!document || !series) throw new AppError('NOT_FOUND', { document: documentId });
  const sessionId = document.sessionId ?? undefined;
  const [session, sessions, others, files] = await Promise.all([
    sessionId ? findSessionById(deps.db, sessionId) : undefined,
    listPublishedSessions(deps.db, series.id),
    listPublishedDocuments(deps.db, { seriesId: series.id, sessionId }),
    listFilesOfDocument(deps.db, document.id),
  ]);
  const entry = {
    document,
    session: session ? { id: session.id, number: session.number, title: session.title } : null,
    files,
  };
  const documents = [...others.filter((d) => d.document.id !== document.id), entry].sort(
    (a, b) =>
      b.document.publishedOn.localeCompare(a.document.publishedOn) ||
      a.document.symbol.localeCompare(b.document.symbol),
  );
  return {
    page: { series, sessions, documents, sessionNumber: session?.number },
    published: document.isPublished && series.isPublished,
  };
}
