import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signedInUser, type SignedInUser } from '../../../test/accounts';
import {
  makeAgendaItem,
  makeDocument,
  makeSeries,
  makeSession,
  makeSpeaker,
  makeTheme,
} from '../../../test/factories';
import { makeDocx, makeExe } from '../../../test/files';
import { multipartBody } from '../../../test/multipart';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import { createApp, type App } from '../../app';
import { auditLog } from '../audit/audit.tables';
import { documentFiles, sessions } from './conversations.tables';
import { makeDemoPdf } from './demo/demo-pdf';

const MAX_UPLOAD = 64 * 1024;
let deps: TestDeps;
let app: App['app'];
let dataDir: string;
let secretariat: SignedInUser;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'colloquy-admin-'));
  deps = await createTestDeps({ env: { DATA_DIR: dataDir, UPLOAD_MAX_BYTES: String(MAX_UPLOAD) } });
  app = (await createApp(deps)).app;
  secretariat = await signedInUser(deps, { roles: ['secretariat'], name: 'Sam Secretariat' });
});
afterAll(async () => {
  await app.close();
  await deps.close();
  await rm(dataDir, { recursive: true, force: true });
});

const post = (user: SignedInUser, url: string, payload: Record<string, string>) =>
  app.inject({ method: 'POST', url, headers: user.headers, payload: { _csrf: user.csrfToken, ...payload } });

function sessionForm(seriesId: string, overrides: Record<string, string> = {}) {
  return {
    seriesId,
    number: '31',
    title_fr: 'La PI et les mondes virtuels',
    startsAt: '2026-03-13T14:00',
    endsAt: '2026-03-13T17:00',
    timeZone: 'Europe/Zurich',
    format: 'hybrid',
    ...overrides,
  };
}

describe('sessions in the back office', () => {
  test('the secretariat creates a draft session with a French title only, and the change is audited', async () => {
    const series = await makeSeries(deps.db);

    const response = await post(secretariat, '/en/admin/sessions', sessionForm(series.id));

    expect(response.statusCode).toBe(303);
    const [created] = await deps.db.select().from(sessions).where(eq(sessions.seriesId, series.id));
    expect(created).toMatchObject({
      number: 31,
      title: { fr: 'La PI et les mondes virtuels' },
      isPublished: false,
      startsAt: new Date('2026-03-13T13:00:00Z'),
    });
    expect(response.headers.location).toBe(`/en/admin/sessions/${created!.id}?done=created`);
    const entries = await deps.db.select().from(auditLog).where(eq(auditLog.subjectId, created!.id));
    expect(entries).toMatchObject([
      {
        action: 'conversations.session.create',
        actorId: secretariat.id,
        actorLabel: `Sam Secretariat <${secretariat.email}>`,
        before: null,
        after: { number: 31, title: { fr: 'La PI et les mondes virtuels' } },
      },
    ]);
  });

  test('the edit page shows the six languages side by side and names the missing ones', async () => {
    const series = await makeSeries(deps.db);
    const session = await makeSession(deps.db, { seriesId: series.id, number: 2, title: { fr: 'Titre' } });

    const response = await app.inject({
      url: `/en/admin/sessions/${session.id}`,
      headers: secretariat.headers,
    });

    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.body).toContain(
      '<input id="field-title_ar" name="title_ar" type="text" lang="ar" dir="rtl" value/>',
    );
    expect(response.body).toContain('<label for="field-title_ar" lang="ar" dir="rtl">العربية</label>');
    expect(response.body).toContain('value="Titre"');
    expect(response.body).toContain('Missing in: Arabic, Chinese, English, Russian, and Spanish.');
  });

  test('a title empty in every language is refused, and what was typed is kept', async () => {
    const series = await makeSeries(deps.db);

    const response = await post(
      secretariat,
      '/en/admin/sessions',
      sessionForm(series.id, { title_fr: '  ', subject_fr: 'Le sujet reste' }),
    );

    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Please write this in at least one language.');
    expect(response.body).toContain('Le sujet reste');
    expect(response.body).toContain('value="31"');
  });

  test('dates that do not exist and an end before the start are refused with their reasons', async () => {
    const series = await makeSeries(deps.db);

    const badDate = await post(
      secretariat,
      '/fr/admin/sessions',
      sessionForm(series.id, { startsAt: '2026-02-30T10:00' }),
    );
    const backwards = await post(
      secretariat,
      '/en/admin/sessions',
      sessionForm(series.id, { startsAt: '2026-03-13T17:00', endsAt: '2026-03-13T09:00' }),
    );

    expect(badDate.statusCode).toBe(422);
    expect(badDate.body).toContain('Veuillez saisir une date et une heure valides');
    expect(backwards.statusCode).toBe(422);
    expect(backwards.body).toContain('The end must not be before the start.');
    expect(backwards.body).toContain('value="2026-03-13T09:00"');
  });

  test('a session number already used in the series is a conflict, said beside the field', async () => {
    const series = await makeSeries(deps.db);
    await makeSession(deps.db, { seriesId: series.id, number: 31 });

    const response = await post(secretariat, '/en/admin/sessions', sessionForm(series.id));

    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('This series already has a session with this number.');
    expect(response.body).toContain('La PI et les mondes virtuels');
  });

  test('participants and moderators are refused; a visitor is sent to sign in', async () => {
    const series = await makeSeries(deps.db);
    const participant = await signedInUser(deps);
    const moderator = await signedInUser(deps, { roles: ['moderator'] });

    const byParticipant = await post(participant, '/en/admin/sessions', sessionForm(series.id));
    const byModerator = await post(moderator, '/fr/admin/sessions', sessionForm(series.id));
    const anonymous = await app.inject({ url: '/en/admin/sessions' });

    expect(byParticipant.statusCode).toBe(403);
    expect(byModerator.statusCode).toBe(403);
    expect(byModerator.body).toContain('<html lang="fr"');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/en/sign-in?next=%2Fen%2Fadmin%2Fsessions');
    expect(await deps.db.select().from(sessions).where(eq(sessions.seriesId, series.id))).toEqual([]);
  });

  test('an agenda item is added with its speakers in order, and publishing shows the session in French with the Arabic noted missing', async () => {
    const series = await makeSeries(deps.db, { slug: 'conv-ip' });
    const session = await makeSession(deps.db, {
      seriesId: series.id,
      number: 7,
      title: { fr: 'Les données et la PI' },
      isPublished: false,
    });
    const ana = await makeSpeaker(deps.db, { name: 'Ana Lima' });
    const kenji = await makeSpeaker(deps.db, { name: 'Kenji Sato' });

    const added = await post(secretariat, `/en/admin/sessions/${session.id}/agenda`, {
      kind: 'opening',
      startsAt: '2024-03-13T13:00',
      endsAt: '2024-03-13T13:15',
      title_fr: 'Ouverture',
      speaker_0: kenji.id,
      role_0: 'chair',
      speaker_1: ana.id,
      role_1: 'speaker',
    });
    const beforePublishing = await app.inject({ url: '/fr/series/conv-ip/sessions/7' });
    const published = await post(secretariat, `/en/admin/sessions/${session.id}/publish`, {});
    const french = await app.inject({ url: '/fr/series/conv-ip/sessions/7' });
    const arabic = await app.inject({ url: '/ar/series/conv-ip/sessions/7' });

    expect(added.statusCode).toBe(303);
    expect(beforePublishing.statusCode).toBe(404);
    expect(published.statusCode).toBe(303);
    expect(french.statusCode).toBe(200);
    expect(french.body).toContain('Les données et la PI');
    expect(french.body).toContain('Ouverture');
    expect(french.body.indexOf('Kenji Sato')).toBeLessThan(french.body.indexOf('Ana Lima'));
    expect(arabic.statusCode).toBe(200);
    expect(arabic.body).toContain('<span lang="fr" dir="ltr">Les données et la PI</span>');
    expect(arabic.body).toContain('النص غير متاح باللغة العربية بعد');
    const actions = await deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.subjectId, session.id));
    expect(actions).toEqual([{ action: 'conversations.session.publish' }]);
  });
});

describe('previews of the public pages', () => {
  /** Unpublished content of each kind, and where its preview and its public page are. */
  async function arrangeDrafts() {
    const series = await makeSeries(deps.db, {
      isPublished: false,
      title: { en: 'Draft series', fr: 'Série en projet' },
    });
    const theme = await makeTheme(deps.db, { seriesId: series.id, title: { en: 'Draft theme' } });
    const session = await makeSession(deps.db, {
      seriesId: series.id,
      themeId: theme.id,
      number: 8,
      title: { en: 'Draft preview', ar: 'معاينة المسودة' },
      isPublished: false,
    });
    const speaker = await makeSpeaker(deps.db, { name: 'Pat Preview' });
    await makeAgendaItem(deps.db, { sessionId: session.id, position: 0, title: { en: 'Welcome' } }, [
      { speakerId: speaker.id, role: 'chair' },
    ]);
    const document = await makeDocument(
      deps.db,
      { seriesId: series.id, sessionId: session.id, title: { en: 'Draft paper' }, isPublished: false },
      ['en', 'fr'],
    );
    return [
      {
        kind: 'session',
        admin: `/sessions/${session.id}`,
        public: `/series/${series.slug}/sessions/8`,
        shows: ['Draft preview', 'Welcome', 'Pat Preview'],
      },
      {
        kind: 'series',
        admin: `/series/${series.id}`,
        public: `/series/${series.slug}`,
        shows: ['Draft series'],
      },
      {
        kind: 'theme',
        admin: `/series/themes/${theme.id}`,
        public: `/series/${series.slug}/themes/${theme.slug}`,
        shows: ['Draft theme'],
      },
      {
        kind: 'speaker',
        admin: `/speakers/${speaker.id}`,
        public: `/speakers/${speaker.slug}`,
        shows: ['Pat Preview', 'Draft preview'],
      },
      {
        kind: 'document',
        admin: `/documents/${document.id}`,
        public: `/documents/${document.id}/en`,
        shows: [document.symbol, 'Draft paper', `/en/admin/documents/${document.id}/files/fr`],
      },
    ];
  }

  test('the secretariat previews unpublished content of every kind; the public still gets 404', async () => {
    const drafts = await arrangeDrafts();
    for (const draft of drafts) {
      const preview = await app.inject({
        url: `/en/admin${draft.admin}/preview`,
        headers: secretariat.headers,
      });
      const visitor = await app.inject({ url: `/en${draft.public}` });

      expect(preview.statusCode, draft.kind).toBe(200);
      expect(preview.headers['x-robots-tag'], draft.kind).toBe('noindex');
      expect(preview.headers['cache-control'], draft.kind).toBe('private, no-store');
      expect(preview.body, draft.kind).toContain('<meta name="robots" content="noindex"/>');
      expect(preview.body, draft.kind).not.toContain('rel="canonical"');
      expect(preview.body, draft.kind).toContain('Preview — not published');
      expect(preview.body, draft.kind).toContain(`href="/en/admin${draft.admin}"`);
      for (const text of draft.shows) expect(preview.body, draft.kind).toContain(text);
      expect(visitor.statusCode, draft.kind).toBe(404);
    }
  });

  test('the preview switches language like the public page, and says when the page is public', async () => {
    const [session] = await arrangeDrafts();
    const arabic = await app.inject({
      url: `/ar/admin${session!.admin}/preview`,
      headers: secretariat.headers,
    });

    expect(arabic.statusCode).toBe(200);
    expect(arabic.body).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.body).toContain('معاينة المسودة');
    expect(arabic.body).toContain('معاينة — غير منشورة');
    for (const locale of ['zh', 'en', 'fr', 'ru', 'es']) {
      expect(arabic.body).toContain(`href="/${locale}/admin${session!.admin}/preview"`);
    }

    const published = await makeSeries(deps.db);
    const shown = await app.inject({
      url: `/fr/admin/series/${published.id}/preview`,
      headers: secretariat.headers,
    });
    expect(shown.body).toContain('Aperçu — cette page est publiée');
  });

  test('a participant is refused every preview, and nobody is sent to sign in', async () => {
    const drafts = await arrangeDrafts();
    const participant = await signedInUser(deps);
    for (const draft of drafts) {
      const refused = await app.inject({
        url: `/en/admin${draft.admin}/preview`,
        headers: participant.headers,
      });
      const nobody = await app.inject({ url: `/en/admin${draft.admin}/preview` });

      expect(refused.statusCode, draft.kind).toBe(403);
      expect(refused.body, draft.kind).not.toContain(draft.shows[0]);
      expect(nobody.statusCode, draft.kind).toBe(303);
      expect(nobody.headers.location, draft.kind).toMatch(/^\/en\/sign-in\?/);
    }
  });

  test('a series without a short title is named by its title in the breadcrumb (the link has a name)', async () => {
    const series = await makeSeries(deps.db, { shortTitle: {}, title: { en: 'Untitled-short series' } });
    const theme = await makeTheme(deps.db, { seriesId: series.id });

    const preview = await app.inject({
      url: `/en/admin/series/themes/${theme.id}/preview`,
      headers: secretariat.headers,
    });

    expect(preview.body).toMatch(
      new RegExp(`<a href="/en/series/${series.slug}">[^<]*(<span[^>]*>)?Untitled-short series`),
    );
  });

  test('the preview of an unknown item is a 404, and the edit pages link to their preview', async () => {
    const missing = await app.inject({
      url: '/en/admin/speakers/00000000-0000-4000-8000-000000000000/preview',
      headers: secretariat.headers,
    });
    const drafts = await arrangeDrafts();
    expect(missing.statusCode).toBe(404);
    for (const draft of drafts) {
      const edit = await app.inject({ url: `/en/admin${draft.admin}`, headers: secretariat.headers });
      expect(edit.body, draft.kind).toContain(`href="/en/admin${draft.admin}/preview"`);
    }
  });
});

describe('document uploads', () => {
  async function arrangeDocument() {
    const series = await makeSeries(deps.db);
    return makeDocument(deps.db, { seriesId: series.id, isPublished: false }, []);
  }
  const upload = (
    documentId: string,
    fileName: string,
    bytes: Buffer,
    locale = 'fr',
    contentType = 'application/pdf',
  ) => {
    const body = multipartBody(
      { _csrf: secretariat.csrfToken, locale },
      { field: 'file', fileName, contentType, bytes },
    );
    return app.inject({
      method: 'POST',
      url: `/en/admin/documents/${documentId}/files`,
      headers: { ...secretariat.headers, ...body.headers },
      payload: body.payload,
    });
  };

  test('a real PDF is stored under the data directory and served with safe headers', async () => {
    const document = await arrangeDocument();
    const pdf = makeDemoPdf(['Ordre du jour']);

    const response = await upload(document.id, 'ordre du jour «final».pdf', pdf);
    const download = await app.inject({
      url: `/en/admin/documents/${document.id}/files/fr`,
      headers: secretariat.headers,
    });

    expect(response.statusCode).toBe(303);
    const [file] = await deps.db
      .select()
      .from(documentFiles)
      .where(eq(documentFiles.documentId, document.id));
    expect(file).toMatchObject({
      locale: 'fr',
      mediaType: 'application/pdf',
      byteSize: pdf.length,
      content: null,
    });
    expect(await readdir(join(dataDir, 'uploads'))).toContain(file!.storageKey);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload).toEqual(pdf);
    expect(download.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="ordre du jour _final_.pdf"; filename*=UTF-8''ordre%20du%20jour%20%C2%ABfinal%C2%BB.pdf`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    const [entry] = await deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'conversations.document-file.upload'));
    expect(entry).toMatchObject({
      subjectId: document.id,
      after: { locale: 'fr', storageKey: file!.storageKey },
    });
  });

  test('once its document is published, an uploaded file is served publicly from the file store, safely', async () => {
    const document = await arrangeDocument();
    const pdf = makeDemoPdf(['Document public']);
    await upload(document.id, 'رسالة.pdf', pdf, 'ar');

    const hidden = await app.inject({ url: `/en/documents/${document.id}/ar` });
    await post(secretariat, `/en/admin/documents/${document.id}/publish`, {});
    const shown = await app.inject({ url: `/en/documents/${document.id}/ar` });

    expect(hidden.statusCode).toBe(404);
    expect(shown.statusCode).toBe(200);
    expect(shown.rawPayload).toEqual(pdf);
    expect(shown.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="_____.pdf"; filename*=UTF-8''${encodeURIComponent('رسالة.pdf')}`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
  });

  test('a Word file is accepted and named after its content', async () => {
    const document = await arrangeDocument();

    const response = await upload(document.id, 'notes.bin', makeDocx(), 'en', 'application/octet-stream');

    expect(response.statusCode).toBe(303);
    const [file] = await deps.db
      .select()
      .from(documentFiles)
      .where(eq(documentFiles.documentId, document.id));
    expect(file).toMatchObject({
      fileName: 'notes.docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
  });

  test('an executable renamed .pdf is refused with a clear message, and nothing is stored', async () => {
    const document = await arrangeDocument();

    const response = await upload(document.id, 'agenda.pdf', makeExe());

    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('This file is not a PDF or an office document, whatever its name says.');
    expect(response.body).toContain(`value="${document.symbol}"`);
    expect(
      await deps.db.select().from(documentFiles).where(eq(documentFiles.documentId, document.id)),
    ).toEqual([]);
  });

  test('a file over the limit is refused with a clear message in the page language, never a 500', async () => {
    const document = await arrangeDocument();
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_UPLOAD + 10, 0x20)]);

    const body = multipartBody(
      { _csrf: secretariat.csrfToken, locale: 'fr' },
      { field: 'file', fileName: 'big.pdf', contentType: 'application/pdf', bytes: big },
    );
    const response = await app.inject({
      method: 'POST',
      url: `/fr/admin/documents/${document.id}/files`,
      headers: { ...secretariat.headers, ...body.headers },
      payload: body.payload,
    });

    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('Ce fichier est trop volumineux.');
    expect(
      await deps.db.select().from(documentFiles).where(eq(documentFiles.documentId, document.id)),
    ).toEqual([]);
  });

  test('an upload without the CSRF token is refused', async () => {
    const document = await arrangeDocument();
    const body = multipartBody(
      { locale: 'fr' },
      { field: 'file', fileName: 'a.pdf', contentType: 'application/pdf', bytes: makeDemoPdf(['x']) },
    );

    const response = await app.inject({
      method: 'POST',
      url: `/en/admin/documents/${document.id}/files`,
      headers: { ...secretariat.headers, ...body.headers },
      payload: body.payload,
    });

    expect(response.statusCode).toBe(403);
    expect(
      await deps.db.select().from(documentFiles).where(eq(documentFiles.documentId, document.id)),
    ).toEqual([]);
  });
});
