import { z } from 'zod';
import type { Deps } from '../../deps';
import { defineApiRoute, type ApiRoute } from '../../platform/http/api';
import { LOCALES } from '../../platform/i18n/locales';
import { localizedTextSchema } from '../../platform/i18n/localized-text';
import type { AgendaEntry, DocumentWithFiles, Series, Session, Speaker, Theme } from './conversations.types';
import {
  DOCUMENT_KINDS,
  documentParamsSchema,
  seriesParamsSchema,
  sessionParamsSchema,
  sessionNumberSchema,
  speakerParamsSchema,
} from './conversations.schema';
import {
  getDocument,
  getDocumentLibrary,
  getSessionDetail,
  getSpeakerPage,
  listSeries,
  getSeriesProgramme,
  listSpeakersOfSeries,
} from './conversations.service';
import { agendaItemKind, sessionFormat, speakerRole } from './conversations.tables';

// The read API's resources. Organiser texts are objects with one entry per language present.
const text = localizedTextSchema.meta({
  description: 'A text in up to six languages, keyed by locale code.',
});
const isoDateTime = z.iso.datetime().meta({ description: 'UTC, ISO 8601' });

const seriesResource = z.object({
  slug: z.string(),
  title: text,
  shortTitle: text,
  summary: text,
  about: text,
  organiser: text,
});
const themeResource = z.object({
  slug: z.string(),
  title: text,
  description: text,
  position: z.number().int(),
});
const sessionResource = z.object({
  number: z.number().int().positive(),
  series: z.string(),
  theme: z.string().nullable(),
  title: text,
  subject: text,
  description: text,
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  timeZone: z.string().meta({ description: 'IANA time zone the session is held in' }),
  format: z.enum(sessionFormat.enumValues),
  venue: text,
  livestreamUrl: z.string().nullable(),
  recordingUrl: z.string().nullable(),
});
const speakerResource = z.object({
  slug: z.string(),
  name: z.string(),
  honorific: text,
  position: text,
  organisation: text,
  bio: text,
  country: z.string().nullable().meta({ description: 'ISO 3166-1 alpha-2' }),
});
const agendaItemResource = z.object({
  position: z.number().int(),
  kind: z.enum(agendaItemKind.enumValues),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  title: text,
  description: text,
  speakers: z.array(z.object({ slug: z.string(), name: z.string(), role: z.enum(speakerRole.enumValues) })),
});
const documentResource = z.object({
  id: z.uuid(),
  symbol: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  title: text,
  publishedOn: z.iso.date(),
  session: z.number().int().nullable(),
  files: z.array(
    z.object({
      locale: z.enum(LOCALES),
      fileName: z.string(),
      mediaType: z.string(),
      byteSize: z.number().int(),
      url: z.string(),
    }),
  ),
});
const sessionDetailResource = sessionResource.extend({
  agenda: z.array(agendaItemResource),
  documents: z.array(documentResource),
});

const toSeries = (s: Series) => ({
  slug: s.slug,
  title: s.title,
  shortTitle: s.shortTitle,
  summary: s.summary,
  about: s.about,
  organiser: s.organiser,
});
const toTheme = (t: Theme) => ({
  slug: t.slug,
  title: t.title,
  description: t.description,
  position: t.position,
});
const toSession = (s: Session, seriesSlug: string, themes: Theme[]) => ({
  number: s.number,
  series: seriesSlug,
  theme: themes.find((t) => t.id === s.themeId)?.slug ?? null,
  title: s.title,
  subject: s.subject,
  description: s.description,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  timeZone: s.timeZone,
  format: s.format,
  venue: s.venue,
  livestreamUrl: s.livestreamUrl,
  recordingUrl: s.recordingUrl,
});
const toSpeaker = (s: Speaker) => ({
  slug: s.slug,
  name: s.name,
  honorific: s.honorific,
  position: s.position,
  organisation: s.organisation,
  bio: s.bio,
  country: s.country,
});
const toAgendaItem = ({ item, speakers }: AgendaEntry) => ({
  position: item.position,
  kind: item.kind,
  startsAt: item.startsAt.toISOString(),
  endsAt: item.endsAt.toISOString(),
  title: item.title,
  description: item.description,
  speakers: speakers.map(({ speaker, role }) => ({ slug: speaker.slug, name: speaker.name, role })),
});
const toDocument = ({ document, session, files }: DocumentWithFiles) => ({
  id: document.id,
  symbol: document.symbol,
  kind: document.kind,
  title: document.title,
  publishedOn: document.publishedOn,
  session: session?.number ?? null,
  files: files.map((f) => ({
    locale: f.locale as (typeof LOCALES)[number],
    fileName: f.fileName,
    mediaType: f.mediaType,
    byteSize: f.byteSize,
    url: `/${f.locale}/documents/${document.id}/${f.locale}`,
  })),
});

const documentQuerySchema = z
  .object({ session: sessionNumberSchema.optional(), kind: z.enum(DOCUMENT_KINDS).optional() })
  .strict();

/** The read API of the conversations module, under /api/v1. */
export function conversationsApi(deps: Deps): ApiRoute[] {
  return [
    defineApiRoute({
      path: '/series',
      operationId: 'listSeries',
      summary: 'Every published series',
      tag: 'series',
      response: z.object({ data: z.array(seriesResource) }),
      handler: async () => ({ data: (await listSeries(deps)).map(toSeries) }),
    }),
    defineApiRoute({
      path: '/series/{seriesSlug}',
      operationId: 'getSeries',
      summary: 'One series with its themes and sessions',
      tag: 'series',
      params: seriesParamsSchema,
      response: z.object({
        data: seriesResource.extend({ themes: z.array(themeResource), sessions: z.array(sessionResource) }),
      }),
      handler: async ({ params }) => {
        const { series, themes, sessions } = await getSeriesProgramme(deps, {
          seriesSlug: params.seriesSlug,
        });
        return {
          data: {
            ...toSeries(series),
            themes: themes.map(toTheme),
            sessions: sessions.map((s) => toSession(s, series.slug, themes)),
          },
        };
      },
    }),
    defineApiRoute({
      path: '/series/{seriesSlug}/themes',
      operationId: 'listThemes',
      summary: 'The themes of a series, in order',
      tag: 'themes',
      params: seriesParamsSchema,
      response: z.object({ data: z.array(themeResource) }),
      handler: async ({ params }) => {
        const { themes } = await getSeriesProgramme(deps, { seriesSlug: params.seriesSlug });
        return { data: themes.map(toTheme) };
      },
    }),
    defineApiRoute({
      path: '/series/{seriesSlug}/sessions',
      operationId: 'listSessions',
      summary: 'The published sessions of a series, by number',
      tag: 'sessions',
      params: seriesParamsSchema,
      response: z.object({ data: z.array(sessionResource) }),
      handler: async ({ params }) => {
        const { series, themes, sessions } = await getSeriesProgramme(deps, {
          seriesSlug: params.seriesSlug,
        });
        return { data: sessions.map((s) => toSession(s, series.slug, themes)) };
      },
    }),
    defineApiRoute({
      path: '/series/{seriesSlug}/sessions/{number}',
      operationId: 'getSession',
      summary: 'One session with its agenda, speakers and documents',
      tag: 'sessions',
      params: sessionParamsSchema,
      response: z.object({ data: sessionDetailResource }),
      handler: async ({ params }) => {
        const page = await getSessionDetail(deps, { seriesSlug: params.seriesSlug, number: params.number });
        return {
          data: {
            ...toSession(page.session, page.series.slug, page.theme ? [page.theme] : []),
            agenda: page.agenda.map(toAgendaItem),
            documents: page.documents.map(toDocument),
          },
        };
      },
    }),
    defineApiRoute({
      path: '/speakers',
      operationId: 'listSpeakers',
      summary: 'Everyone who speaks in the primary series',
      tag: 'speakers',
      response: z.object({ data: z.array(speakerResource) }),
      handler: async () => ({ data: (await listSpeakersOfSeries(deps, {})).speakers.map(toSpeaker) }),
    }),
    defineApiRoute({
      path: '/speakers/{speakerSlug}',
      operationId: 'getSpeaker',
      summary: 'One speaker and where they speak',
      tag: 'speakers',
      params: speakerParamsSchema,
      response: z.object({
        data: speakerResource.extend({
          appearances: z.array(
            z.object({
              series: z.string(),
              session: z.number().int(),
              agendaItem: z.number().int(),
              role: z.enum(speakerRole.enumValues),
            }),
          ),
        }),
      }),
      handler: async ({ params }) => {
        const page = await getSpeakerPage(deps, { slug: params.speakerSlug });
        return {
          data: {
            ...toSpeaker(page.speaker),
            appearances: page.appearances.map((a) => ({
              series: a.seriesSlug,
              session: a.session.number,
              agendaItem: a.item.position,
              role: a.role,
            })),
          },
        };
      },
    }),
    defineApiRoute({
      path: '/documents',
      operationId: 'listDocuments',
      summary: 'Published documents of the primary series, newest first',
      tag: 'documents',
      query: documentQuerySchema,
      response: z.object({ data: z.array(documentResource) }),
      handler: async ({ query }) => {
        const library = await getDocumentLibrary(deps, { sessionNumber: query.session, kind: query.kind });
        return { data: library.documents.map(toDocument) };
      },
    }),
    defineApiRoute({
      path: '/documents/{documentId}',
      operationId: 'getDocument',
      summary: 'One document with its language versions',
      tag: 'documents',
      params: documentParamsSchema,
      response: z.object({ data: documentResource }),
      handler: async ({ params }) => ({
        data: toDocument(await getDocument(deps, { documentId: params.documentId })),
      }),
    }),
  ];
}
