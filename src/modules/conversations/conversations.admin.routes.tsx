import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import { downloadHeaders, sendDownload } from '../../platform/files/download';
import type { PageRouteOptions } from '../../platform/http/module';
import { parseForm, parseParams, parseQuery } from '../../platform/http/parse';
import { sendPage, viewContextOf } from '../../platform/http/request-context';
import type { MessageKey } from '../../platform/i18n/t';
import { adminNavLinks } from '../../platform/views/admin-nav';
import type { FormState } from '../../platform/views/forms';
import { can, requireViewer, type Permission, type Viewer } from '../accounts';
import {
  agendaItemFormSchema,
  documentFileFormSchema,
  documentFormSchema,
  fileParamsSchema,
  idParamsSchema,
  localizedValues,
  moveSchema,
  seriesFormSchema,
  sessionFormSchema,
  speakerFormSchema,
  themeFormSchema,
} from './conversations.admin.schema';
import { instantToZonedLocal } from './conversations.admin.time';
import type {
  AgendaItemWithSpeakers,
  DocumentRow,
  SeriesRow,
  SessionRow,
  SpeakerRow,
  ThemeRow,
} from './repo/manage';
import {
  createDocument,
  editDocument,
  getDocumentChoices,
  getDocumentForAdmin,
  listDocumentsForAdmin,
  readDocumentFileForAdmin,
  removeDocumentFile,
  setDocumentPublished,
  uploadDocumentFile,
} from './service/manage-documents';
import { previewSession } from './service/preview-session';
import {
  checkContentAccess,
  createSeries,
  createTheme,
  editSeries,
  editTheme,
  getSeriesForAdmin,
  getThemeForAdmin,
  listSeriesForAdmin,
  setSeriesPublished,
} from './service/manage-series';
import {
  addAgendaItem,
  editAgendaItem,
  editSession,
  createSession,
  getAgendaItemForAdmin,
  getSessionChoices,
  getSessionForAdmin,
  listSessionsForAdmin,
  moveAgendaItem,
  removeAgendaItem,
  setSessionPublished,
} from './service/manage-sessions';
import {
  createSpeaker,
  editSpeaker,
  getSpeakerForAdmin,
  listSpeakersForAdmin,
} from './service/manage-speakers';
import { DocumentFormPage, DocumentListPage } from './views/admin/document-pages';
import type { AdminView } from './views/admin/parts';
import { SeriesFormPage, SeriesListPage, ThemeFormPage } from './views/admin/series-pages';
import { AgendaItemFormPage, SessionFormPage, SessionListPage } from './views/admin/session-pages';
import { SpeakerFormPage, SpeakerListPage } from './views/admin/speaker-pages';
import { SessionPage } from './views/session-page';

const DONE = ['created', 'saved', 'published', 'unpublished', 'uploaded', 'removed', 'moved'] as const;
const doneQuerySchema = z.object({
  done: z.enum(DONE).optional(),
  session: z.uuid().optional(),
});

/** Unique constraints a form can hit, with the field and the message that say so. */
const CONFLICTS: Record<string, [field: string, message: MessageKey]> = {
  conversations_series_slug_key: ['slug', 'admin.error.slugTaken'],
  conversations_themes_series_slug_key: ['slug', 'admin.error.slugTaken'],
  conversations_speakers_slug_key: ['slug', 'admin.error.slugTaken'],
  conversations_sessions_series_number_key: ['number', 'admin.error.sessionNumberTaken'],
  conversations_documents_symbol_key: ['symbol', 'admin.error.symbolTaken'],
};

type Attempt<T> = { ok: true; value: T } | { ok: false; status: number; errors: Record<string, string> };

/** Runs a change; a refusal a form can show (a taken slug, an unknown choice) comes back as field errors. */
async function attempt<T>(run: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') {
      const known = CONFLICTS[String(error.details.constraint)];
      if (known) return { ok: false, status: 409, errors: { [known[0]]: known[1] } };
    }
    if (
      error instanceof AppError &&
      error.code === 'BAD_REQUEST' &&
      typeof error.details.field === 'string'
    ) {
      const field = error.details.field === 'speaker' ? 'speaker_0' : error.details.field;
      return { ok: false, status: 422, errors: { [field]: 'forms.error.invalid' } };
    }
    throw error;
  }
}

interface Upload {
  fileName: string;
  bytes: Buffer;
  truncated: boolean;
}
const uploads = new WeakMap<FastifyRequest, Upload>();

/**
 * The secretariat's pages for series, themes, sessions, agenda items, speakers and documents,
 * under /:locale/admin (docs/adr/0017-back-office-structure.md). Every handler names the signed-in
 * person and lets the service check the content permission; forms post, then redirect (303) to the page
 * with a `done` notice, or come back with their values and the problems (409/413/422).
 */
export const conversationsAdminRoutes: FastifyPluginAsync<PageRouteOptions> = async (
  app,
  { deps, site, adminSections },
) => {
  // Multipart bodies only here (document uploads): fields as strings, the file buffered up to the
  // limit and marked when cut off, so an oversized file is a form error, not a broken request.
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: deps.config.UPLOAD_MAX_BYTES, files: 1, fields: 20, fieldSize: 64 * 1024 },
    async onFile(this: FastifyRequest, part: MultipartFile) {
      const bytes = await part.toBuffer();
      uploads.set(this, { fileName: part.filename, bytes, truncated: part.file.truncated });
    },
  });

  const maxUploadMb = Math.round((deps.config.UPLOAD_MAX_BYTES / (1024 * 1024)) * 10) / 10;

  async function viewOf(req: FastifyRequest): Promise<{ viewer: Viewer; view: AdminView }> {
    const viewer = await requireViewer(deps, req);
    const ctx = viewContextOf(req, site);
    const nav = adminNavLinks({
      sections: adminSections,
      allowed: (p) => can(viewer, p as Permission),
      locale: req.locale,
      t: req.t,
      currentPath: req.url.split('?')[0] ?? req.url,
    });
    return { viewer, view: { ctx, nav, csrfToken: viewer.csrfToken, maxUploadMb } };
  }

  const base = (req: FastifyRequest) => `/${req.locale}/admin`;
  const done = (req: FastifyRequest) => parseQuery(doneQuerySchema, req.query).done;
  const page = (reply: FastifyReply, vnode: VNode, status = 200) =>
    sendPage(reply.header('x-robots-tag', 'noindex'), vnode, status);
  const invalid = (body: unknown, errors: Record<string, string>): FormState => ({
    values: body && typeof body === 'object' ? (body as Record<string, unknown>) : {},
    errors,
  });

  // Series and themes

  app.get('/series', async (req, reply) => {
    const { viewer, view } = await viewOf(req);
    return page(
      reply,
      <SeriesListPage view={view} list={await listSeriesForAdmin(deps, { actor: viewer })} />,
    );
  });

  app.get('/series/new', async (req, reply) => {
    const { viewer, view } = await viewOf(req);
    checkContentAccess({ actor: viewer });
    return page(reply, <SeriesFormPage view={view} form={{ values: {}, errors: {} }} />);
  });

  app.post('/series', async (req, reply) => {
    const { viewer, view } = await viewOf(req);
    checkContentAccess({ actor: viewer });
    const form = parseForm(seriesFormSchema, req.body);
    const saved = form.ok
      ? await attempt(() => createSeries(deps, { actor: viewer, input: form.data }))
      : { ok: false as const, status: 422, errors: form.errors };
    if (!saved.ok) {
      return page(reply, <SeriesFormPage view={view} form={invalid(req.body, saved.errors)} />, saved.status);
    }
    return reply.redirect(`${base(req)}/series/${saved.value.id}?done=created`, 303);
  });

  const seriesValues = (s: SeriesRow) => ({
    slug: s.slug,
    ...localizedValues('title', s.title),
    ...localizedValues('shortTitle', s.shortTitle),
    ...localizedValues('summary', s.summary),
    ...localizedValues('about', s.about),
    ...localizedValues('organiser', s.organiser),
  });

  app.get('/series/:id', async (req, reply) => {
    const { id } = parseParams(idParamsSchema, req.params);
    const { viewer, view } = await viewOf(req);
    const found = await getSeriesForAdmin(deps, { actor: viewer, seriesId: id });
    return page(
      reply,
      <SeriesFormPage
        view={view}
        form={{ values: seriesValues(found.series), errors: {} }}
        series={found.series}
        themes={found.themes}
        done={done(req)}
      />,
    );
  });

  app.post('/series/:id', async (req, reply) => {
    const { id } = parseParams(idParamsSchema, req.params);
    const { viewer, view } = await viewOf(req);
    const found = await getSeriesForAdmin(deps, { actor: viewer, seriesId: id });
    const form = parseForm(seriesFormSchema, req.body);
    const saved = form.ok
      ? await attempt(() => editSeries(deps, { actor: viewer, seriesId: id, input: form.data }))
      : { ok: false as const, status: 422, errors: form.errors };
    if (!saved.ok) {
      return page(
        reply,
        <SeriesFormPage
          view={view}
          form={invalid(req.body, saved.errors)}
          series={found.series}
          themes={found.themes}
        />,
        saved.status,
      );
    }
    return reply.redirect(`${base(req)}/series/${id}?done=saved`, 303);
  });

  for (const [verb, isPublished] of [
    ['publish', true],
    ['unpublish', false],
  ] as const) {
    app.post(`/series/:id/${verb}`, async (req, reply) => {
      const { id } = parseParams(idParamsSchema, req.params);
      const viewer = await requireViewer(deps, req);
      await setSeriesPublished(deps, { actor: viewer, seriesId: id, isPublished });
      return reply.redirect(`${base(req)}/series/${id}?done=${verb}ed`, 303);
    });
    app.post(`/sessions/:id/${verb}`, async (req, reply) => {
      const { id } = parseParams(idParamsSchema, req.params);
      const viewer = await requireViewer(deps, req);
      await setSessionPublished(deps, { actor: viewer, sessionId: id, isPublished });
      return reply.redirect(`${base(req)}/sessions/${id}?done=${verb}ed`, 303);
    });
    app.post(`/documents/:id/${verb}`, async (req, reply) => {
      const { id } = parseParams(idParamsSchema, req.params);
      const viewer = await requireViewer(deps, req);
      await setDocumentPublished(deps, { actor: viewer, documentId: id, isPublished });
      return reply.redirect(`${base(req)}/documents/${id}?done=${verb}ed`, 303);
    });
  }

  const themeValues = (th: ThemeRow) => ({
    slug: th.slug,
    position: String(th.position),
    ...localizedValues('title', th.title),
    ...localizedValues('description', th.description),
  });

  app.get('/series/:id/themes/new', async (req, reply) => {
    const { id } = parseParams(idParamsSchema, req.params);
    const { viewer, view } = await viewOf(req);
    const found = await getSeriesForAdmin(deps, { actor: viewer, seriesId: id });
    return page(
      reply,
      <ThemeFormPage
        view={view}
        form={{ values: { position: String(found.themes.length) }, errors: {} }}
        series={found.series}
      />,
    );
  });

  app.post('/series/:id/themes', async (req, reply) => {
    const { id } = parseParams(idParamsSchema, req.params);
    const { viewer, view } = await viewOf(req);
    const found = await getSeriesForAdmin(deps, { actor: viewer, seriesId: id });
    const form = parseForm(themeFormSchema, req.body);
    const saved = form.ok
      ? await attempt(() => createTheme(deps, { actor: viewer, seriesId: id, input: form.data }))
      : { ok: false as const, status: 422, errors: form.errors };
    if (!saved.ok) {
      return page(
        reply,
        <ThemeFormPage view={view} form={invalid(req.body, saved.errors)} series={found.series} />,
        saved.status,
      );
    }
    return reply.redirect(`${base(req)}/series/themes/${saved.value.id}?done=created`, 303);
  });

  app.get('/series/themes/:id', async (req, reply) => {
    const { id } = parseParams(idParamsSchema, req.params);
    const { viewer, view } = await viewOf(req);
    const found = await getThemeForAdmin(deps, { actor: viewer, themeId: id });
    return page(
      reply,
      <ThemeFormPage
        view={view}
        form={{ values: themeValues(found.theme), errors: {} }}
        series={found.series}
        theme={found.theme}
        done={done(req)}
      />,
    );
  });

  app.post('/series/themes/:id', async (req, reply) => {
    const { id } = parseParams(idParamsSchema, req.params);
    const { viewer, view } = await viewOf(req);
    const found = await getThemeForAdmin(deps, { actor: viewer, themeId: id });
    const form = parseForm(themeFormSchema, req.body);
    const saved = form.ok
      ? await attempt(() => editTheme(deps, { actor: viewer, themeId: id, input: form.data }))
      : { ok: false as const, status: 422, errors: form.errors };
    if (!saved.ok) {
      return page(
        reply,
        <ThemeFormPage
          view={view}
          form={invalid(req.body, saved.errors)}
          series={found.series}
          theme={found.theme}
        />,
        saved.status,
      );
    }
    return reply.redirect(`${base(req)}/series/themes/${id}?done=saved`, 303);
  });

  // Sessions and their agenda

  app.get('/sessions', async (req, reply) => {
    const { viewer, view } = await viewOf(req);
    return page(
      reply,
      <SessionListPage view={view} list={await listSessionsForAdmin(deps, { actor: viewer })} />,
    );
  });

  app.get('/sessions/new', async (req, reply) => {
    const { viewer, view } = await viewOf(req);
    const choices = await getSessionChoices(deps, { actor: viewer });
    const values = { timeZone: 'Europe/Zurich', format: 'hybrid', seriesId: choices.series[0]?.id ?? '' };
    return page(reply, <SessionFormPage view={view} form={{ values, errors: {} }} {...choices} />);
  });

  app.post('/sessions', async (req, reply) => {
    const { viewer, view } = await viewOf(req);
    const choices = await getSessionChoices(deps, { actor: viewer });
    const form = parseForm(sessionFormSchema, req.body);
    const saved = form.ok
      ? await attempt(() => createSession(deps, { actor: viewer, input: form.data }))
      : { ok: false as const, status: 422, errors: form.errors };
    if (!saved.ok) {
      return page(
        reply,
        <SessionFormPage view={view} form={invalid(req.body, saved.errors)} {...choices} />,
        saved.status,
      );
    }
    return reply.redirect(`${base(req)}/sessions/${saved.value.id}?done=created`, 303);
  });

  const sessionValues = (s: SessionRow) => ({
    seriesId: s.seriesId,
    themeId: s.themeId ?? '',
    number: String(s.number),
    ...localizedValues('title', s.title),
    ...localizedValues('subject', s.subject),
    ...localizedValues('description', s.description),
    ...localizedValues('venue', s.venue),
    startsAt: instantToZonedLocal(s.startsAt, s.timeZone),
    endsAt: instantToZonedLocal(s.endsAt, s.timeZone),
    timeZone: s.timeZone,
    format: s.format,
    livestreamUrl: s.livestreamUrl ?? '',
    recordingUrl: s.recordingUrl ?? '',
  });

  app.get('/sessions/:id', async (req, reply) => {
    const { id } = parseParams(idParamsSchema, req.params);
    const { viewer, view } = await viewOf(req);
    const found = await getSessionForAdmin(deps, { actor: viewer, sessionId: id });
    return page(
      reply,
      <SessionFormPage
        view={view}
        form={{ values: sessionValues(found.session), errors: {} }}
        {...found}
        done={done(req)}
      />,
    );
  });

  app.post('/sessions/:id', async (req, reply) => {
    const { id } = parseParams(idParamsSchema, req.params);
    const { viewer, view } = await viewOf(req);
    const found = await getSessionForAdmin(deps, { actor: viewer, sessionId: id });
    const form = parseForm(sessionFormSchema, req.body);
    const saved = form.ok
      ? await attempt(() => editSession(deps, { actor: viewer, sessionId: id, input: form.data }))
      : { ok: false as const, status: 422, errors: form.errors };
    if (!saved.ok) {
      return page(
        reply,
        <SessionFormPage view={view} form={invalid(req.body, saved.errors)} {...found} />,
        saved.status,
      );
    }
    return reply.redirect(`${base(req)}/sessions/${id}?done=saved`, 303);
  });

  app.get('/sessions/:id/preview', async (req, reply) => {
    const { id } = parseParams(idParamsSchema, req.params);
    const viewer = await requireViewer(deps, req);
    const preview = await previewSession(deps, { actor: viewer, sessionId: id, locale: req.locale });
    // The public page as it would look: for the secretariat only, never cached or indexed.
    return page(
      reply.header('cache-control', 'private, no-store'),
      <SessionPage ctx={viewContextOf(req, site)} page={preview} />,
    );
  });

  const agendaValues = (entry: AgendaItemWithSpeakers, timeZone: string) => ({
    kind: entry.item.kind,
    startsAt: instantToZonedLocal(entry.item.startsAt, timeZone),
    endsAt: instantToZonedLocal(entry.item.endsAt, timeZone),
    ...localizedValues('title', entry.item.title),
    ...localizedValues('description', entry.item.description),
    ...Object.fromEntries(
      entry.speakers.flatMap((s, i) => [
        [`speaker_${i}`, s.speakerId],
        [`role_${i}`, s.role],
      ]),
    ),
  });

  app.get('/sessions/:id/agenda/new', async (req, reply) => {
    const { id } = parseParams(idParamsSchema, req.params);
    const { viewer, view } = await viewOf(req);
    const found = await getAgendaItemForAdmin(deps, { actor: viewer, sessionId: id });
    const start = instantToZonedLocal(found.session.startsAt, found.session.timeZone);
    return page(
      reply,
      <AgendaItemFormPage
        view={view}
        form={{ values: { kind: 'other', startsAt: start, endsAt: start }, errors: {} }}
        session={found.session}
        speakers={found.speakers}
      />,
    );
  });

  app.post('/sessions/:id/agenda', async (req, reply) => {
    const { id } = parseParams(idParamsSchema, req.params);
    const { viewer, view } = await viewOf(req);
    const found = await getAgendaItemForAdmin(deps, { actor: viewer, sessionId: id });
    const form = parseForm(agendaItemFormSchema(found.session.timeZone), req.body);
    const saved = form.ok
      ? await attempt(() => addAgendaItem(deps, { actor: viewer, sessionId: id, input: form.data }))
      : { ok: false as const, status: 422, errors: form.errors };
    if (!saved.ok) {
      return page(
        reply,
        <AgendaItemFormPage
          view={view}
          form={invalid(req.body, saved.errors)}
          session={found.session}
          speakers={found.speakers}
        />,
        saved.status,
      );
    }
    return reply.redirect(`${base(req)}/sessions/${id}?done=saved#agenda-heading`, 303);
  });

  app.get('/sessions/agenda/:id', async (req, reply) => {
    const { id } = parseParams(idParamsSchema, req.params);
    const { viewer, view } = await viewOf(req);
    const found = await getAgendaItemForAdmin(deps, { actor: viewer, agendaItemId: id });
    return page(
      reply,
      <AgendaItemFormPage
        view={view}
        form={{ values: agendaValues(found.entry!, found.session.timeZone), errors: {} }}
        session={found.session}
        itemId={id}
        speakers={found.speakers}
        done={done(req)}
      />,
    );
  });

  app.post('/sessions/agenda/:id', async (req, reply) => {
    const { id } = parseParams(idParamsSchema, req.params);
    const { viewer, view } = await viewOf(req);
    const found = await getAgendaItemForAdmin(deps, { actor: viewer, agendaItemId: id });
    const form = parseForm(agendaItemFormSchema(found.session.timeZone), req.body);
    const saved = form.ok
      ? await attempt(() => editAgendaItem(deps, { actor: viewer, agendaItemId: id, input: form.data }))
      : { ok: false as const, status: 422, errors: form.errors };
    if (!saved.ok) {
      return page(
        reply,
        <AgendaItemFormPage
          view={view}
          form={invalid(req.body, saved.errors)}
          session={found.session}
          itemId={id}
          speakers={found.speakers}
        />,
        saved.status,
      );
    }
    return reply.redirect(`${base(req)}/sessions/agenda/${id}?done=saved`, 303);
  });

  app.post('/sessions/agenda/:id/delete', async (req, reply) => {
    const { id } = parseParams(idParamsSchema, req.params);
    const viewer = await requireViewer(deps, req);
    const sessionId = await removeAgendaItem(deps, { actor: viewer, agendaItemId: id });
    return reply.redirect(`${base(req)}/sessions/${sessionId}?done=removed`, 303);
  });

  app.post('/sessions/agenda/:id/move', async (req, reply) => {
    const { id } = parseParams(idParamsSchema, req.params);
    const viewer = await requireViewer(deps, req);
    await getAgendaItemForAdmin(deps, { actor: viewer, agendaItemId: id }); // permission, then existence
    const form = parseForm(moveSchema, req.body);
    if (!form.ok) throw new AppError('BAD_REQUEST', { direction: 'malformed' });
    const sessionId = await moveAgendaItem(deps, {
      actor: viewer,
      agendaItemId: id,
      direction: form.data.direction,
    });
    return reply.redirect(`${base(req)}/sessions/${sessionId}?done=moved#agenda-heading`, 303);
  });

  // Speakers

  const speakerValues = (s: SpeakerRow) => ({
    slug: s.slug,
    name: s.name,
    country: s.country ?? '',
    ...localizedValues('honorific', s.honorific),
    ...localizedValues('position', s.position),
    ...localizedValues('organisation', s.organisation),
    ...localizedValues('bio', s.bio),
  });

  app.get('/speakers', async (req, reply) => {
    const { viewer, view } = await viewOf(req);
    return page(
      reply,
      <SpeakerListPage view={view} list={await listSpeakersForAdmin(deps, { actor: viewer })} />,
    );
  });

  app.get('/speakers/new', async (req, reply) => {
    const { viewer, view } = await viewOf(req);
    checkContentAccess({ actor: viewer });
    return page(reply, <SpeakerFormPage view={view} form={{ values: {}, errors: {} }} />);
  });

  app.post('/speakers', async (req, reply) => {
    const { viewer, view } = await viewOf(req);
    checkContentAccess({ actor: viewer });
    const form = parseForm(speakerFormSchema, req.body);
    const saved = form.ok
      ? await attempt(() => createSpeaker(deps, { actor: viewer, input: form.data }))
      : { ok: false as const, status: 422, errors: form.errors };
    if (!saved.ok) {
      return page(
        reply,
        <SpeakerFormPage view={view} form={invalid(req.body, saved.errors)} />,
        saved.status,
      );
    }
    return reply.redirect(`${base(req)}/speakers/${saved.value.id}?done=created`, 303);
  });

  app.get('/speakers/:id', async (req, reply) => {
    const { id } = parseParams(idParamsSchema, req.params);
    const { viewer, view } = await viewOf(req);
    const found = await getSpeakerForAdmin(deps, { actor: viewer, speakerId: id });
    return page(
      reply,
      <SpeakerFormPage
        view={view}
        form={{ values: speakerValues(found), errors: {} }}
        speakerId={id}
        done={done(req)}
      />,
    );
  });

  app.post('/speakers/:id', async (req, reply) => {
    const { id } = parseParams(idParamsSchema, req.params);
    const { viewer, view } = await viewOf(req);
    await getSpeakerForAdmin(deps, { actor: viewer, speakerId: id });
    const form = parseForm(speakerFormSchema, req.body);
    const saved = form.ok
      ? await attempt(() => editSpeaker(deps, { actor: viewer, speakerId: id, input: form.data }))
      : { ok: false as const, status: 422, errors: form.errors };
    if (!saved.ok) {
      return page(
        reply,
        <SpeakerFormPage view={view} form={invalid(req.body, saved.errors)} speakerId={id} />,
        saved.status,
      );
    }
    return reply.redirect(`${base(req)}/speakers/${id}?done=saved`, 303);
  });

  // Documents and their files

  const documentValues = (d: DocumentRow) => ({
    seriesId: d.seriesId,
    sessionId: d.sessionId ?? '',
    symbol: d.symbol,
    kind: d.kind,
    publishedOn: d.publishedOn,
    ...localizedValues('title', d.title),
  });

  app.get('/documents', async (req, reply) => {
    const { viewer, view } = await viewOf(req);
    return page(
      reply,
      <DocumentListPage view={view} list={await listDocumentsForAdmin(deps, { actor: viewer })} />,
    );
  });

  app.get('/documents/new', async (req, reply) => {
    const { viewer, view } = await viewOf(req);
    const choices = await getDocumentChoices(deps, { actor: viewer });
    const { session } = parseQuery(doneQuerySchema, req.query);
    const ofSession = choices.sessions.find((s) => s.session.id === session)?.session;
    const values = {
      seriesId: ofSession?.seriesId ?? choices.series[0]?.id ?? '',
      sessionId: ofSession?.id ?? '',
      kind: 'information',
      publishedOn: deps.clock.now().toISOString().slice(0, 10),
    };
    return page(reply, <DocumentFormPage view={view} form={{ values, errors: {} }} {...choices} />);
  });

  app.post('/documents', async (req, reply) => {
    const { viewer, view } = await viewOf(req);
    const choices = await getDocumentChoices(deps, { actor: viewer });
    const form = parseForm(documentFormSchema, req.body);
    const saved = form.ok
      ? await attempt(() => createDocument(deps, { actor: viewer, input: form.data }))
      : { ok: false as const, status: 422, errors: form.errors };
    if (!saved.ok) {
      return page(
        reply,
        <DocumentFormPage view={view} form={invalid(req.body, saved.errors)} {...choices} />,
        saved.status,
      );
    }
    return reply.redirect(`${base(req)}/documents/${saved.value.id}?done=created`, 303);
  });

  app.get('/documents/:id', async (req, reply) => {
    const { id } = parseParams(idParamsSchema, req.params);
    const { viewer, view } = await viewOf(req);
    const found = await getDocumentForAdmin(deps, { actor: viewer, documentId: id });
    return page(
      reply,
      <DocumentFormPage
        view={view}
        form={{ values: documentValues(found.document), errors: {} }}
        {...found}
        done={done(req)}
      />,
    );
  });

  app.post('/documents/:id', async (req, reply) => {
    const { id } = parseParams(idParamsSchema, req.params);
    const { viewer, view } = await viewOf(req);
    const found = await getDocumentForAdmin(deps, { actor: viewer, documentId: id });
    const form = parseForm(documentFormSchema, req.body);
    const saved = form.ok
      ? await attempt(() => editDocument(deps, { actor: viewer, documentId: id, input: form.data }))
      : { ok: false as const, status: 422, errors: form.errors };
    if (!saved.ok) {
      return page(
        reply,
        <DocumentFormPage view={view} form={invalid(req.body, saved.errors)} {...found} />,
        saved.status,
      );
    }
    return reply.redirect(`${base(req)}/documents/${id}?done=saved`, 303);
  });

  app.post('/documents/:id/files', async (req, reply) => {
    const { id } = parseParams(idParamsSchema, req.params);
    const { viewer, view } = await viewOf(req);
    const found = await getDocumentForAdmin(deps, { actor: viewer, documentId: id });
    const upload = uploads.get(req);
    const form = parseForm(documentFileFormSchema, req.body);
    const errors: Record<string, string> = form.ok ? {} : { ...form.errors };
    let status = 422;
    if (!upload || upload.bytes.length === 0) {
      errors.file = 'admin.error.fileMissing';
    } else if (upload.truncated) {
      errors.file = 'admin.error.fileTooLarge';
      status = 413;
    }
    if (form.ok && upload && !errors.file) {
      try {
        await uploadDocumentFile(deps, {
          actor: viewer,
          documentId: id,
          locale: form.data.locale,
          fileName: upload.fileName,
          bytes: upload.bytes,
        });
        return reply.redirect(`${base(req)}/documents/${id}?done=uploaded`, 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.code === 'TOO_LARGE') {
          errors.file = 'admin.error.fileTooLarge';
          status = 413;
        } else if (error.code === 'BAD_REQUEST' && error.details.reason === 'fileType') {
          errors.file = 'admin.error.fileType';
        } else {
          throw error;
        }
      }
    }
    return page(
      reply,
      <DocumentFormPage
        view={view}
        form={{ values: documentValues(found.document), errors: {} }}
        {...found}
        upload={invalid(req.body, errors)}
      />,
      status,
    );
  });

  app.get('/documents/:id/files/:fileLocale', { onSend: downloadHeaders }, async (req, reply) => {
    const { id, fileLocale } = parseParams(fileParamsSchema, req.params);
    const viewer = await requireViewer(deps, req);
    const file = await readDocumentFileForAdmin(deps, { actor: viewer, documentId: id, locale: fileLocale });
    return sendDownload(reply, file, 'private, no-store');
  });

  app.post('/documents/:id/files/:fileLocale/delete', async (req, reply) => {
    const { id, fileLocale } = parseParams(fileParamsSchema, req.params);
    const viewer = await requireViewer(deps, req);
    await removeDocumentFile(deps, { actor: viewer, documentId: id, locale: fileLocale });
    return reply.redirect(`${base(req)}/documents/${id}?done=removed`, 303);
  });
};
