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
import type { ViewContext } from '../../platform/views/view-context';
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
import {
  previewDocument,
  previewSeries,
  previewSession,
  previewSpeaker,
  previewTheme,
  type Preview,
} from './service/preview';
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
import { DocumentLibraryPage } from './views/document-library-page';
import { SeriesHomePage } from './views/series-home-page';
import { SessionPage } from './views/session-page';
import { SpeakerPage } from './views/speaker-pages';
import { ThemePage } from './views/theme-page';

const DONE = ['created', 'saved', 'published', 'unpublished', 'uploaded', 'removed', 'moved'] as const;
type Done = (typeof DONE)[number];
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
  const idOf = (req: FastifyRequest) => parseParams(idParamsSchema, req.params).id;
  const page = (reply: FastifyReply, vnode: VNode, status = 200) =>
    sendPage(reply.header('x-robots-tag', 'noindex'), vnode, status);
  const invalid = (body: unknown, errors: Record<string, string>): FormState => ({
    values: body && typeof body === 'object' ? (body as Record<string, unknown>) : {},
    errors,
  });

  /**
   * A form's two routes: GET `show` renders it filled from what `load` found, POST `submit` parses
   * the body, saves and redirects (303), or renders the form again with the values and the problems
   * (422 bad input, 409 a taken slug or number). `load` checks the permission (through its service)
   * and that the subject exists, before anything is parsed.
   */
  function formRoutes<F, S extends z.ZodType, R>(spec: {
    show: string;
    submit: string;
    load: (viewer: Viewer, req: FastifyRequest) => Promise<F>;
    values: (found: F, req: FastifyRequest) => Record<string, unknown>;
    render: (view: AdminView, form: FormState, found: F, done?: Done) => VNode;
    schema: S | ((found: F) => S);
    save: (viewer: Viewer, data: z.output<S>, req: FastifyRequest) => Promise<R>;
    redirect: (req: FastifyRequest, saved: R) => string;
  }) {
    app.get(spec.show, async (req, reply) => {
      const { viewer, view } = await viewOf(req);
      const found = await spec.load(viewer, req);
      const done = parseQuery(doneQuerySchema, req.query).done;
      return page(reply, spec.render(view, { values: spec.values(found, req), errors: {} }, found, done));
    });
    app.post(spec.submit, async (req, reply) => {
      const { viewer, view } = await viewOf(req);
      const found = await spec.load(viewer, req);
      const schema = typeof spec.schema === 'function' ? spec.schema(found) : spec.schema;
      const form = parseForm(schema, req.body);
      const saved = form.ok
        ? await attempt(() => spec.save(viewer, form.data, req))
        : { ok: false as const, status: 422, errors: form.errors };
      if (!saved.ok)
        return page(reply, spec.render(view, invalid(req.body, saved.errors), found), saved.status);
      return reply.redirect(spec.redirect(req, saved.value), 303);
    });
  }

  /**
   * GET `<path>/:id/preview`: the public view of the item in any state, marked as a preview (with a
   * link back to `<path>/:id`), for the secretariat only, never cached or indexed. The language
   * links of the page lead to the same preview in the other languages.
   */
  function previewRoute<P>(
    path: string,
    load: (viewer: Viewer, id: string, req: FastifyRequest) => Promise<Preview<P>>,
    render: (ctx: ViewContext, page: P) => VNode,
  ) {
    app.get(`${path}/:id/preview`, async (req, reply) => {
      const id = idOf(req);
      const preview = await load(await requireViewer(deps, req), id, req);
      const ctx: ViewContext = {
        ...viewContextOf(req, site),
        preview: { published: preview.published, editHref: `${base(req)}${path}/${id}` },
      };
      return page(reply.header('cache-control', 'private, no-store'), render(ctx, preview.page));
    });
  }

  // Series and themes

  app.get('/series', async (req, reply) => {
    const { viewer, view } = await viewOf(req);
    return page(
      reply,
      <SeriesListPage view={view} list={await listSeriesForAdmin(deps, { actor: viewer })} />,
    );
  });

  const seriesValues = (s: SeriesRow) => ({
    slug: s.slug,
    ...localizedValues('title', s.title),
    ...localizedValues('shortTitle', s.shortTitle),
    ...localizedValues('summary', s.summary),
    ...localizedValues('about', s.about),
    ...localizedValues('organiser', s.organiser),
  });

  formRoutes({
    show: '/series/new',
    submit: '/series',
    load: async (viewer) => checkContentAccess({ actor: viewer }),
    values: () => ({}),
    render: (view, form) => <SeriesFormPage view={view} form={form} />,
    schema: seriesFormSchema,
    save: (viewer, input) => createSeries(deps, { actor: viewer, input }),
    redirect: (req, saved) => `${base(req)}/series/${saved.id}?done=created`,
  });

  formRoutes({
    show: '/series/:id',
    submit: '/series/:id',
    load: (viewer, req) => getSeriesForAdmin(deps, { actor: viewer, seriesId: idOf(req) }),
    values: (found) => seriesValues(found.series),
    render: (view, form, found, done) => (
      <SeriesFormPage view={view} form={form} series={found.series} themes={found.themes} done={done} />
    ),
    schema: seriesFormSchema,
    save: (viewer, input, req) => editSeries(deps, { actor: viewer, seriesId: idOf(req), input }),
    redirect: (req) => `${base(req)}/series/${idOf(req)}?done=saved`,
  });

  previewRoute(
    '/series',
    (viewer, seriesId) => previewSeries(deps, { actor: viewer, seriesId }),
    (ctx, home) => <SeriesHomePage ctx={ctx} home={home} />,
  );

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

  formRoutes({
    show: '/series/:id/themes/new',
    submit: '/series/:id/themes',
    load: (viewer, req) => getSeriesForAdmin(deps, { actor: viewer, seriesId: idOf(req) }),
    values: (found) => ({ position: String(found.themes.length) }),
    render: (view, form, found) => <ThemeFormPage view={view} form={form} series={found.series} />,
    schema: themeFormSchema,
    save: (viewer, input, req) => createTheme(deps, { actor: viewer, seriesId: idOf(req), input }),
    redirect: (req, saved) => `${base(req)}/series/themes/${saved.id}?done=created`,
  });

  formRoutes({
    show: '/series/themes/:id',
    submit: '/series/themes/:id',
    load: (viewer, req) => getThemeForAdmin(deps, { actor: viewer, themeId: idOf(req) }),
    values: (found) => themeValues(found.theme),
    render: (view, form, found, done) => (
      <ThemeFormPage view={view} form={form} series={found.series} theme={found.theme} done={done} />
    ),
    schema: themeFormSchema,
    save: (viewer, input, req) => editTheme(deps, { actor: viewer, themeId: idOf(req), input }),
    redirect: (req) => `${base(req)}/series/themes/${idOf(req)}?done=saved`,
  });

  previewRoute(
    '/series/themes',
    (viewer, themeId) => previewTheme(deps, { actor: viewer, themeId }),
    (ctx, themePage) => <ThemePage ctx={ctx} page={themePage} />,
  );

  // Sessions and their agenda

  app.get('/sessions', async (req, reply) => {
    const { viewer, view } = await viewOf(req);
    return page(
      reply,
      <SessionListPage view={view} list={await listSessionsForAdmin(deps, { actor: viewer })} />,
    );
  });

  formRoutes({
    show: '/sessions/new',
    submit: '/sessions',
    load: (viewer) => getSessionChoices(deps, { actor: viewer }),
    values: (choices) => ({
      timeZone: 'Europe/Zurich',
      format: 'hybrid',
      seriesId: choices.series[0]?.id ?? '',
    }),
    render: (view, form, choices) => <SessionFormPage view={view} form={form} {...choices} />,
    schema: sessionFormSchema,
    save: (viewer, input) => createSession(deps, { actor: viewer, input }),
    redirect: (req, saved) => `${base(req)}/sessions/${saved.id}?done=created`,
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

  formRoutes({
    show: '/sessions/:id',
    submit: '/sessions/:id',
    load: (viewer, req) => getSessionForAdmin(deps, { actor: viewer, sessionId: idOf(req) }),
    values: (found) => sessionValues(found.session),
    render: (view, form, found, done) => <SessionFormPage view={view} form={form} {...found} done={done} />,
    schema: sessionFormSchema,
    save: (viewer, input, req) => editSession(deps, { actor: viewer, sessionId: idOf(req), input }),
    redirect: (req) => `${base(req)}/sessions/${idOf(req)}?done=saved`,
  });

  previewRoute(
    '/sessions',
    (viewer, sessionId, req) => previewSession(deps, { actor: viewer, sessionId, locale: req.locale }),
    (ctx, sessionPage) => <SessionPage ctx={ctx} page={sessionPage} />,
  );

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

  formRoutes({
    show: '/sessions/:id/agenda/new',
    submit: '/sessions/:id/agenda',
    load: (viewer, req) => getAgendaItemForAdmin(deps, { actor: viewer, sessionId: idOf(req) }),
    values: (found) => {
      const start = instantToZonedLocal(found.session.startsAt, found.session.timeZone);
      return { kind: 'other', startsAt: start, endsAt: start };
    },
    render: (view, form, found) => (
      <AgendaItemFormPage view={view} form={form} session={found.session} speakers={found.speakers} />
    ),
    schema: (found) => agendaItemFormSchema(found.session.timeZone),
    save: (viewer, input, req) => addAgendaItem(deps, { actor: viewer, sessionId: idOf(req), input }),
    redirect: (req) => `${base(req)}/sessions/${idOf(req)}?done=saved#agenda-heading`,
  });

  formRoutes({
    show: '/sessions/agenda/:id',
    submit: '/sessions/agenda/:id',
    load: (viewer, req) => getAgendaItemForAdmin(deps, { actor: viewer, agendaItemId: idOf(req) }),
    values: (found) => agendaValues(found.entry!, found.session.timeZone),
    render: (view, form, found, done) => (
      <AgendaItemFormPage
        view={view}
        form={form}
        session={found.session}
        itemId={found.entry!.item.id}
        speakers={found.speakers}
        done={done}
      />
    ),
    schema: (found) => agendaItemFormSchema(found.session.timeZone),
    save: (viewer, input, req) => editAgendaItem(deps, { actor: viewer, agendaItemId: idOf(req), input }),
    redirect: (req) => `${base(req)}/sessions/agenda/${idOf(req)}?done=saved`,
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

  formRoutes({
    show: '/speakers/new',
    submit: '/speakers',
    load: async (viewer) => checkContentAccess({ actor: viewer }),
    values: () => ({}),
    render: (view, form) => <SpeakerFormPage view={view} form={form} />,
    schema: speakerFormSchema,
    save: (viewer, input) => createSpeaker(deps, { actor: viewer, input }),
    redirect: (req, saved) => `${base(req)}/speakers/${saved.id}?done=created`,
  });

  formRoutes({
    show: '/speakers/:id',
    submit: '/speakers/:id',
    load: (viewer, req) => getSpeakerForAdmin(deps, { actor: viewer, speakerId: idOf(req) }),
    values: speakerValues,
    render: (view, form, found, done) => (
      <SpeakerFormPage view={view} form={form} speakerId={found.id} done={done} />
    ),
    schema: speakerFormSchema,
    save: (viewer, input, req) => editSpeaker(deps, { actor: viewer, speakerId: idOf(req), input }),
    redirect: (req) => `${base(req)}/speakers/${idOf(req)}?done=saved`,
  });

  previewRoute(
    '/speakers',
    (viewer, speakerId) => previewSpeaker(deps, { actor: viewer, speakerId }),
    (ctx, speakerPage) => <SpeakerPage ctx={ctx} page={speakerPage} />,
  );

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

  formRoutes({
    show: '/documents/new',
    submit: '/documents',
    load: (viewer) => getDocumentChoices(deps, { actor: viewer }),
    values: (choices, req) => {
      const { session } = parseQuery(doneQuerySchema, req.query);
      const ofSession = choices.sessions.find((s) => s.session.id === session)?.session;
      return {
        seriesId: ofSession?.seriesId ?? choices.series[0]?.id ?? '',
        sessionId: ofSession?.id ?? '',
        kind: 'information',
        publishedOn: deps.clock.now().toISOString().slice(0, 10),
      };
    },
    render: (view, form, choices) => <DocumentFormPage view={view} form={form} {...choices} />,
    schema: documentFormSchema,
    save: (viewer, input) => createDocument(deps, { actor: viewer, input }),
    redirect: (req, saved) => `${base(req)}/documents/${saved.id}?done=created`,
  });

  formRoutes({
    show: '/documents/:id',
    submit: '/documents/:id',
    load: (viewer, req) => getDocumentForAdmin(deps, { actor: viewer, documentId: idOf(req) }),
    values: (found) => documentValues(found.document),
    render: (view, form, found, done) => <DocumentFormPage view={view} form={form} {...found} done={done} />,
    schema: documentFormSchema,
    save: (viewer, input, req) => editDocument(deps, { actor: viewer, documentId: idOf(req), input }),
    redirect: (req) => `${base(req)}/documents/${idOf(req)}?done=saved`,
  });

  previewRoute(
    '/documents',
    (viewer, documentId) => previewDocument(deps, { actor: viewer, documentId }),
    (ctx, library) => (
      <DocumentLibraryPage
        ctx={ctx}
        library={library}
        filter={{ session: library.sessionNumber }}
        fileHref={(locale, documentId, fileLocale) =>
          `/${locale}/admin/documents/${documentId}/files/${fileLocale}`
        }
      />
    ),
  );

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
