import type { FastifyPluginAsync } from 'fastify';
import { downloadHeaders, sendDownload } from '../../platform/files/download';
import type { PageRouteOptions } from '../../platform/http/module';
import { parseParams, parseQuery } from '../../platform/http/parse';
import { sendPage, viewContextOf } from '../../platform/http/request-context';
import { renderCalendar } from '../../platform/formats/ics';
import { pickText } from '../../platform/i18n/localized-text';
import {
  documentFileParamsSchema,
  documentLibraryQuerySchema,
  seriesParamsSchema,
  sessionParamsSchema,
  speakerParamsSchema,
  themeParamsSchema,
} from './conversations.schema';
import {
  getDocumentFile,
  getDocumentLibrary,
  getSeriesHome,
  getSessionPage,
  getSpeakerPage,
  getThemePage,
  listSpeakersOfSeries,
} from './conversations.service';
import { conversationsFeedRoutes } from './conversations.feeds.routes';
import { DocumentLibraryPage } from './views/document-library-page';
import { SeriesHomePage } from './views/series-home-page';
import { SessionPage } from './views/session-page';
import { SpeakerListPage, SpeakerPage } from './views/speaker-pages';
import { ThemePage } from './views/theme-page';

const cached = { config: { pageCache: true } };

/** Public pages of series, sessions, themes, speakers and documents, mounted under /:locale. */
export const conversationsRoutes: FastifyPluginAsync<PageRouteOptions> = async (app, { deps, site }) => {
  await app.register(conversationsFeedRoutes, { deps, site, adminSections: [] });

  app.get('/', cached, async (req, reply) => {
    const home = await getSeriesHome(deps, {});
    return sendPage(reply, <SeriesHomePage ctx={viewContextOf(req, site)} home={home} />);
  });

  app.get('/series/:seriesSlug', cached, async (req, reply) => {
    const { seriesSlug } = parseParams(seriesParamsSchema, req.params);
    const home = await getSeriesHome(deps, { seriesSlug });
    return sendPage(reply, <SeriesHomePage ctx={viewContextOf(req, site)} home={home} />);
  });

  app.get('/series/:seriesSlug/sessions/:number', cached, async (req, reply) => {
    const { seriesSlug, number } = parseParams(sessionParamsSchema, req.params);
    const page = await getSessionPage(deps, { seriesSlug, number, locale: req.locale });
    return sendPage(reply, <SessionPage ctx={viewContextOf(req, site)} page={page} />);
  });

  app.get('/series/:seriesSlug/sessions/:number/calendar.ics', cached, async (req, reply) => {
    const { seriesSlug, number } = parseParams(sessionParamsSchema, req.params);
    const { series, session } = await getSessionPage(deps, { seriesSlug, number, locale: req.locale });
    const text = (value: Parameters<typeof pickText>[0]) => pickText(value, req.locale)?.text;
    const url = `${deps.config.PUBLIC_URL}/${req.locale}/series/${series.slug}/sessions/${session.number}`;
    const ics = renderCalendar({
      name: text(series.title) ?? series.slug,
      events: [
        {
          uid: `session-${session.id}@colloquy`,
          start: session.startsAt,
          end: session.endsAt,
          summary: `${req.t('session.number', { number: session.number })}: ${text(session.title) ?? ''}`,
          description: [text(session.subject), text(session.description), url].filter(Boolean).join('\n\n'),
          location: text(session.venue),
          url,
          updatedAt: session.updatedAt,
          timeZone: session.timeZone,
        },
      ],
    });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="session-${session.number}.ics"`)
      .send(ics);
  });

  app.get('/series/:seriesSlug/themes/:themeSlug', cached, async (req, reply) => {
    const { seriesSlug, themeSlug } = parseParams(themeParamsSchema, req.params);
    const page = await getThemePage(deps, { seriesSlug, themeSlug });
    return sendPage(reply, <ThemePage ctx={viewContextOf(req, site)} page={page} />);
  });

  app.get('/speakers', cached, async (req, reply) => {
    const list = await listSpeakersOfSeries(deps, {});
    return sendPage(reply, <SpeakerListPage ctx={viewContextOf(req, site)} list={list} />);
  });

  app.get('/speakers/:speakerSlug', cached, async (req, reply) => {
    const { speakerSlug } = parseParams(speakerParamsSchema, req.params);
    const page = await getSpeakerPage(deps, { slug: speakerSlug });
    return sendPage(reply, <SpeakerPage ctx={viewContextOf(req, site)} page={page} />);
  });

  app.get('/documents', { config: { pageCache: 'with-query' } }, async (req, reply) => {
    const filter = parseQuery(documentLibraryQuerySchema, req.query);
    const library = await getDocumentLibrary(deps, { sessionNumber: filter.session, kind: filter.kind });
    return sendPage(
      reply,
      <DocumentLibraryPage ctx={viewContextOf(req, site)} library={library} filter={filter} />,
    );
  });

  // Safe download headers (type from the checked content, attachment, nosniff, sandboxing CSP).
  app.get('/documents/:documentId/:fileLocale', { onSend: downloadHeaders }, async (req, reply) => {
    const { documentId, fileLocale } = parseParams(documentFileParamsSchema, req.params);
    const file = await getDocumentFile(deps, { documentId, locale: fileLocale });
    return sendDownload(reply, file, 'public, max-age=3600');
  });
};
