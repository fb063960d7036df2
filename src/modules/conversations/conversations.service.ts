import type { Deps } from '../../deps';
import { AppError } from '../../platform/errors';
import { getSeriesReachTotals } from '../analytics';
import { opinionMapsOfPagePart, type SessionOpinionMap } from '../opinions';
import type { Locale } from '../../platform/i18n/locales';
import { bytesOfFile } from './service/manage-documents';
import {
  countSeriesReach,
  findPrimarySeries,
  findPublishedDocument,
  findPublishedDocumentFile,
  findSessionDetail,
  findSessionPage,
  findSpeaker,
  findTheme,
  getPublishedSeries,
  listPublishedDocuments,
  listPublishedSeries,
  listPublishedSessions,
  listSeriesSpeakers,
  listSpeakerAppearances,
  listThemes,
} from './conversations.repo';
import type {
  AgendaEntry,
  Document,
  DocumentFile,
  DocumentWithFiles,
  Series,
  SeriesReach,
  SeriesSummary,
  Session,
  SessionPageData,
  Speaker,
  SpeakerAppearance,
  Theme,
} from './conversations.types';

export type FeaturedState = 'live' | 'next' | 'latest';
export interface FeaturedSession {
  session: Session;
  state: FeaturedState;
}

export interface SeriesHome {
  series: Series;
  reach: SeriesReach;
  featured: FeaturedSession | undefined;
  /** Themes in order, each with its sessions, newest first; sessions without a theme come last. */
  themes: { theme: Theme | undefined; sessions: Session[] }[];
}

/**
 * The session a series home puts first: the one happening now, else the next one, else the latest.
 * Pure, so the rule is tested without a database.
 */
export function pickFeaturedSession(sessions: Session[], now: Date): FeaturedSession | undefined {
  const t = now.getTime();
  const live = sessions.find((s) => s.startsAt.getTime() <= t && t <= s.endsAt.getTime());
  if (live) return { session: live, state: 'live' };
  const upcoming = sessions
    .filter((s) => s.startsAt.getTime() > t)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
  if (upcoming) return { session: upcoming, state: 'next' };
  const latest = sessions
    .filter((s) => s.endsAt.getTime() < t)
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || b.number - a.number)[0];
  return latest ? { session: latest, state: 'latest' } : undefined;
}

async function resolveSeries(deps: Deps, seriesSlug: string | undefined): Promise<Series> {
  if (seriesSlug !== undefined) return getPublishedSeries(deps.db, seriesSlug);
  const primary = await findPrimarySeries(deps.db);
  if (!primary) throw new AppError('NOT_FOUND', { series: 'primary' });
  return primary;
}

/**
 * What a series home shows: the series, its reach figures counted from the database, the featured
 * session and all published sessions grouped by theme. Without a slug, the primary series.
 *
 * @throws AppError NOT_FOUND when the series does not exist or is not published.
 */
export async function getSeriesHome(deps: Deps, args: { seriesSlug?: string }): Promise<SeriesHome> {
  return seriesHomeOf(deps, await resolveSeries(deps, args.seriesSlug));
}

/** What the home of this series shows (published or not: the back office's preview uses it too). */
export async function seriesHomeOf(deps: Deps, series: Series): Promise<SeriesHome> {
  const [themes, sessions, programmeReach, participants] = await Promise.all([
    listThemes(deps.db, series.id),
    listPublishedSessions(deps.db, series.id),
    countSeriesReach(deps.db, series.id),
    // The analytics module counts the registrations of published series only; a draft series (in
    // the back office's preview) has none public yet, which the page says as "fewer than 5".
    series.isPublished ? getSeriesReachTotals(deps, series.slug) : { people: null, countries: 0 },
  ]);
  const reach: SeriesReach = {
    ...programmeReach,
    people: participants.people,
    countries: participants.countries,
  };
  const newestFirst = [...sessions].sort((a, b) => b.number - a.number);
  const grouped: SeriesHome['themes'] = themes
    .map((theme) => ({
      theme,
      sessions: newestFirst.filter((s) => s.themeId === theme.id),
    }))
    .filter((g) => g.sessions.length > 0);
  const unthemed = newestFirst.filter((s) => !s.themeId || !themes.some((t) => t.id === s.themeId));
  if (unthemed.length > 0) grouped.push({ theme: undefined, sessions: unthemed });
  return { series, reach, featured: pickFeaturedSession(sessions, deps.clock.now()), themes: grouped };
}

/** The session page: what the read model holds for one language, and where the session stands now. */
export interface SessionPage extends SessionPageData {
  /** Whether the session is on now, still to come, or over. */
  state: SessionState;
  /** The session's published opinion maps (the opinions module's, read through its index). */
  opinionMaps: SessionOpinionMap[];
}
export type SessionState = 'live' | 'upcoming' | 'past';

export function sessionState(session: Pick<Session, 'startsAt' | 'endsAt'>, now: Date): SessionState {
  const t = now.getTime();
  return t < session.startsAt.getTime() ? 'upcoming' : t > session.endsAt.getTime() ? 'past' : 'live';
}

/** The page of a read-model row at `now` (the public page and its preview alike). */
export function sessionPageAt(data: SessionPageData, now: Date): SessionPage {
  return {
    ...data,
    state: sessionState(data.session, now),
    opinionMaps: opinionMapsOfPagePart(data.parts.opinionMaps, now),
  };
}

/**
 * One session with its agenda, speakers and documents, in one language: every organiser text
 * holds only the language the page shows (the asked one, else English, else the first there is).
 *
 * @throws AppError NOT_FOUND when the series or the session is not published.
 */
export async function getSessionPage(
  deps: Deps,
  args: { seriesSlug: string; number: number; locale: Locale },
): Promise<SessionPage> {
  // One primary-key lookup: the read model's row holds the opinion maps too (its part
  // `opinionMaps`, docs/adr/0033-session-page-parts.md).
  const found = await findSessionPage(deps.db, args.seriesSlug, args.number, args.locale);
  if (!found) throw new AppError('NOT_FOUND', { series: args.seriesSlug, session: args.number });
  return sessionPageAt(found, deps.clock.now());
}

export interface SessionDetail {
  series: SeriesSummary;
  session: Session;
  theme: Theme | undefined;
  agenda: AgendaEntry[];
  documents: DocumentWithFiles[];
}

/**
 * One session with its agenda, speakers and documents in all six languages, for the read API.
 *
 * @throws AppError NOT_FOUND when the series or the session is not published.
 */
export async function getSessionDetail(
  deps: Deps,
  args: { seriesSlug: string; number: number },
): Promise<SessionDetail> {
  const found = await findSessionDetail(deps.db, args.seriesSlug, args.number);
  if (!found) throw new AppError('NOT_FOUND', { series: args.seriesSlug, session: args.number });
  return found;
}

export interface ThemePage {
  series: Series;
  theme: Theme;
  themes: Theme[];
  sessions: Session[];
}

/**
 * A theme with its published sessions, newest first.
 *
 * @throws AppError NOT_FOUND when the series or theme does not exist.
 */
export async function getThemePage(
  deps: Deps,
  args: { seriesSlug: string; themeSlug: string },
): Promise<ThemePage> {
  const series = await getPublishedSeries(deps.db, args.seriesSlug);
  const theme = await findTheme(deps.db, series.id, args.themeSlug);
  if (!theme) throw new AppError('NOT_FOUND', { theme: args.themeSlug });
  return themePageOf(deps, series, theme);
}

/** What the page of this theme shows (its series published or not: the preview uses it too). */
export async function themePageOf(deps: Deps, series: Series, theme: Theme): Promise<ThemePage> {
  const [themes, sessions] = await Promise.all([
    listThemes(deps.db, series.id),
    listPublishedSessions(deps.db, series.id),
  ]);
  return {
    series,
    theme,
    themes,
    sessions: sessions.filter((s) => s.themeId === theme.id).sort((a, b) => b.number - a.number),
  };
}

export interface SpeakerPage {
  speaker: Speaker;
  appearances: SpeakerAppearance[];
}

/**
 * A speaker's public profile and where they speak. A speaker who appears in no published session
 * has no public page yet.
 *
 * @throws AppError NOT_FOUND when the speaker does not exist or appears nowhere public.
 */
export async function getSpeakerPage(deps: Deps, args: { slug: string }): Promise<SpeakerPage> {
  const speaker = await findSpeaker(deps.db, args.slug);
  if (!speaker) throw new AppError('NOT_FOUND', { speaker: args.slug });
  const appearances = await listSpeakerAppearances(deps.db, speaker.id);
  if (appearances.length === 0) throw new AppError('NOT_FOUND', { speaker: args.slug });
  return { speaker, appearances };
}

export interface SpeakerList {
  series: Series;
  speakers: Speaker[];
}

/** Everyone who speaks in a series' published sessions, by name. */
export async function listSpeakersOfSeries(deps: Deps, args: { seriesSlug?: string }): Promise<SpeakerList> {
  const series = await resolveSeries(deps, args.seriesSlug);
  return { series, speakers: await listSeriesSpeakers(deps.db, series.id) };
}

export interface DocumentLibrary {
  series: Series;
  sessions: Session[];
  documents: DocumentWithFiles[];
}

/**
 * The document library of a series, optionally narrowed to one session or one kind of document.
 *
 * @throws AppError NOT_FOUND when the series, or the session asked for, does not exist.
 */
export async function getDocumentLibrary(
  deps: Deps,
  args: { seriesSlug?: string; sessionNumber?: number; kind?: Document['kind'] },
): Promise<DocumentLibrary> {
  const series = await resolveSeries(deps, args.seriesSlug);
  const sessions = await listPublishedSessions(deps.db, series.id);
  let sessionId: string | undefined;
  if (args.sessionNumber !== undefined) {
    sessionId = sessions.find((s) => s.number === args.sessionNumber)?.id;
    if (!sessionId) throw new AppError('NOT_FOUND', { session: args.sessionNumber });
  }
  const documents = await listPublishedDocuments(deps.db, {
    seriesId: series.id,
    sessionId,
    kind: args.kind,
  });
  return { series, sessions, documents };
}

/**
 * One published document with its language versions.
 *
 * @throws AppError NOT_FOUND when it does not exist or is not published.
 */
export async function getDocument(deps: Deps, args: { documentId: string }): Promise<DocumentWithFiles> {
  const found = await findPublishedDocument(deps.db, args.documentId);
  if (!found) throw new AppError('NOT_FOUND', { document: args.documentId });
  return found;
}

/**
 * The bytes of one language version of a published document, for download.
 *
 * @throws AppError NOT_FOUND when the document is not published or has no version in that language.
 */
export async function getDocumentFile(
  deps: Deps,
  args: { documentId: string; locale: string },
): Promise<DocumentFile & { bytes: Buffer }> {
  const file = await findPublishedDocumentFile(deps.db, args.documentId, args.locale);
  if (!file) throw new AppError('NOT_FOUND', { document: args.documentId, locale: args.locale });
  // Demo files are in the row; uploads in the file store (docs/adr/0016-file-store-and-upload-checks.md).
  return { ...file, bytes: await bytesOfFile(deps, file) };
}

export interface SeriesProgramme {
  series: Series;
  themes: Theme[];
  /** Published sessions by number. */
  sessions: Session[];
}

/**
 * A series with all its themes and published sessions, for the API.
 *
 * @throws AppError NOT_FOUND when the series does not exist or is not published.
 */
export async function getSeriesProgramme(deps: Deps, args: { seriesSlug: string }): Promise<SeriesProgramme> {
  const series = await getPublishedSeries(deps.db, args.seriesSlug);
  const [themes, sessions] = await Promise.all([
    listThemes(deps.db, series.id),
    listPublishedSessions(deps.db, series.id),
  ]);
  return { series, themes, sessions };
}

/** Every published series, oldest first. */
export function listSeries(deps: Deps): Promise<Series[]> {
  return listPublishedSeries(deps.db);
}

export interface PublicIndex {
  series: { series: Series; themes: Theme[]; sessions: Session[]; speakers: Speaker[] }[];
}

/** Every public page's subject, for the sitemap. */
export async function getPublicIndex(deps: Deps): Promise<PublicIndex> {
  const all = await listPublishedSeries(deps.db);
  return {
    series: await Promise.all(
      all.map(async (s) => ({
        series: s,
        themes: await listThemes(deps.db, s.id),
        sessions: await listPublishedSessions(deps.db, s.id),
        speakers: await listSeriesSpeakers(deps.db, s.id),
      })),
    ),
  };
}
