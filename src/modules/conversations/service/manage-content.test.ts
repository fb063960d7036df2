import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeUser } from '../../../../test/accounts';
import {
  makeAgendaItem,
  makeDocument,
  makeSeries,
  makeSession,
  makeSpeaker,
  makeTheme,
} from '../../../../test/factories';
import { makeDocx, makeExe } from '../../../../test/files';
import { createTestDeps, type TestDeps } from '../../../../test/test-deps';
import { AppError } from '../../../platform/errors';
import type { Actor, Role } from '../../accounts';
import { auditLog } from '../../audit/audit.tables';
import { agendaItems, documentFiles } from '../conversations.tables';
import { makeDemoPdf } from '../demo/demo-pdf';
import {
  agendaItemFormSchema,
  documentFormSchema,
  seriesFormSchema,
  sessionFormSchema,
  speakerFormSchema,
  themeFormSchema,
} from '../conversations.admin.schema';
import {
  createDocument,
  editDocument,
  getDocumentForAdmin,
  listDocumentsForAdmin,
  readDocumentFileForAdmin,
  removeDocumentFile,
  setDocumentPublished,
  uploadDocumentFile,
} from './manage-documents';
import {
  createSeries,
  createTheme,
  editSeries,
  editTheme,
  getSeriesForAdmin,
  listSeriesForAdmin,
  setSeriesPublished,
} from './manage-series';
import {
  addAgendaItem,
  countContentDrafts,
  createSession,
  editAgendaItem,
  editSession,
  getSessionForAdmin,
  listSessionsForAdmin,
  moveAgendaItem,
  removeAgendaItem,
  setSessionPublished,
} from './manage-sessions';
import { createSpeaker, editSpeaker, listSpeakersForAdmin } from './manage-speakers';
import { previewDocument, previewSeries, previewSession, previewSpeaker, previewTheme } from './preview';

let deps: TestDeps;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'colloquy-manage-'));
  deps = await createTestDeps({ env: { DATA_DIR: dataDir, UPLOAD_MAX_BYTES: '4096' } });
});
afterAll(async () => {
  await deps.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function actorWith(...roles: Exclude<Role, 'participant'>[]): Promise<Actor> {
  const user = await makeUser(deps, { roles, name: `Person ${roles.join('+') || 'participant'}` });
  return {
    userId: user.id,
    label: `${user.name} <${user.email}>`,
    roles: new Set<Role>(['participant', ...roles]),
  };
}

const parse = <T>(schema: { parse(v: unknown): T }, values: Record<string, string>) => schema.parse(values);
const seriesInput = (slug: string) => parse(seriesFormSchema, { slug, title_en: 'A series' });
const sessionInput = (seriesId: string, number: number) =>
  parse(sessionFormSchema, {
    seriesId,
    number: String(number),
    title_fr: 'Une session',
    startsAt: '2026-05-01T10:00',
    endsAt: '2026-05-01T12:00',
    timeZone: 'Europe/Zurich',
    format: 'virtual',
  });
const itemInput = (title: string, speakers: Record<string, string> = {}) =>
  parse(agendaItemFormSchema('Europe/Zurich'), {
    kind: 'panel',
    startsAt: '2026-05-01T10:00',
    endsAt: '2026-05-01T11:00',
    title_en: title,
    ...speakers,
  });

async function auditOf(subjectId: string) {
  return deps.db.select().from(auditLog).where(eq(auditLog.subjectId, subjectId)).orderBy(auditLog.id);
}

describe('who may manage content', () => {
  test('participants and moderators are refused every use case; nobody must sign in first', async () => {
    const series = await makeSeries(deps.db, { isPublished: false });
    const session = await makeSession(deps.db, { seriesId: series.id, number: 1 });
    const item = await makeAgendaItem(deps.db, { sessionId: session.id, position: 0 });
    const document = await makeDocument(deps.db, { seriesId: series.id }, ['en']);
    const speaker = await makeSpeaker(deps.db);
    const theme = await makeTheme(deps.db, { seriesId: series.id });
    const cases: [string, (actor: Actor | null) => Promise<unknown>][] = [
      ['listSeriesForAdmin', (actor) => listSeriesForAdmin(deps, { actor })],
      ['getSeriesForAdmin', (actor) => getSeriesForAdmin(deps, { actor, seriesId: series.id })],
      ['createSeries', (actor) => createSeries(deps, { actor, input: seriesInput('refused') })],
      ['editSeries', (actor) => editSeries(deps, { actor, seriesId: series.id, input: seriesInput('x') })],
      [
        'setSeriesPublished',
        (actor) => setSeriesPublished(deps, { actor, seriesId: series.id, isPublished: true }),
      ],
      [
        'createTheme',
        (actor) =>
          createTheme(deps, {
            actor,
            seriesId: series.id,
            input: parse(themeFormSchema, { slug: 't', title_en: 'T' }),
          }),
      ],
      ['listSessionsForAdmin', (actor) => listSessionsForAdmin(deps, { actor })],
      ['getSessionForAdmin', (actor) => getSessionForAdmin(deps, { actor, sessionId: session.id })],
      ['createSession', (actor) => createSession(deps, { actor, input: sessionInput(series.id, 99) })],
      [
        'editSession',
        (actor) => editSession(deps, { actor, sessionId: session.id, input: sessionInput(series.id, 1) }),
      ],
      [
        'setSessionPublished',
        (actor) => setSessionPublished(deps, { actor, sessionId: session.id, isPublished: false }),
      ],
      ['previewSession', (actor) => previewSession(deps, { actor, sessionId: session.id, locale: 'en' })],
      ['previewSeries', (actor) => previewSeries(deps, { actor, seriesId: series.id })],
      ['previewTheme', (actor) => previewTheme(deps, { actor, themeId: theme.id })],
      ['previewSpeaker', (actor) => previewSpeaker(deps, { actor, speakerId: speaker.id })],
      ['previewDocument', (actor) => previewDocument(deps, { actor, documentId: document.id })],
      [
        'addAgendaItem',
        (actor) => addAgendaItem(deps, { actor, sessionId: session.id, input: itemInput('X') }),
      ],
      [
        'editAgendaItem',
        (actor) => editAgendaItem(deps, { actor, agendaItemId: item.id, input: itemInput('X') }),
      ],
      ['moveAgendaItem', (actor) => moveAgendaItem(deps, { actor, agendaItemId: item.id, direction: 'up' })],
      ['removeAgendaItem', (actor) => removeAgendaItem(deps, { actor, agendaItemId: item.id })],
      ['listSpeakersForAdmin', (actor) => listSpeakersForAdmin(deps, { actor })],
      [
        'createSpeaker',
        (actor) =>
          createSpeaker(deps, { actor, input: parse(speakerFormSchema, { slug: 'zed', name: 'Zed' }) }),
      ],
      [
        'editSpeaker',
        (actor) =>
          editSpeaker(deps, {
            actor,
            speakerId: speaker.id,
            input: parse(speakerFormSchema, { slug: 'z', name: 'Z' }),
          }),
      ],
      ['listDocumentsForAdmin', (actor) => listDocumentsForAdmin(deps, { actor })],
      ['getDocumentForAdmin', (actor) => getDocumentForAdmin(deps, { actor, documentId: document.id })],
      [
        'createDocument',
        (actor) =>
          createDocument(deps, {
            actor,
            input: parse(documentFormSchema, {
              seriesId: series.id,
              symbol: 'REFUSED/1',
              kind: 'other',
              publishedOn: '2026-01-01',
              title_en: 'T',
            }),
          }),
      ],
      [
        'setDocumentPublished',
        (actor) => setDocumentPublished(deps, { actor, documentId: document.id, isPublished: false }),
      ],
      [
        'uploadDocumentFile',
        (actor) =>
          uploadDocumentFile(deps, {
            actor,
            documentId: document.id,
            locale: 'fr',
            fileName: 'a.pdf',
            bytes: makeDemoPdf(['x']),
          }),
      ],
      [
        'removeDocumentFile',
        (actor) => removeDocumentFile(deps, { actor, documentId: document.id, locale: 'en' }),
      ],
      [
        'readDocumentFileForAdmin',
        (actor) => readDocumentFileForAdmin(deps, { actor, documentId: document.id, locale: 'en' }),
      ],
      ['countContentDrafts', (actor) => countContentDrafts(deps, { actor })],
    ];
    const participant = await actorWith();
    const moderator = await actorWith('moderator');
    const delegateAndSpeaker = await actorWith('delegate', 'speaker');

    const outcomes: Record<string, string[]> = {};
    for (const [name, run] of cases) {
      outcomes[name] = [];
      for (const actor of [null, participant, moderator, delegateAndSpeaker]) {
        const error = await run(actor).then(
          () => undefined,
          (e: unknown) => e,
        );
        outcomes[name].push(error instanceof AppError ? error.code : String(error));
      }
    }

    const expected = ['UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'];
    expect(outcomes).toEqual(Object.fromEntries(cases.map(([name]) => [name, expected])));
    expect(await deps.db.select().from(auditLog)).toEqual([]);
  });
});

describe('series, sessions and agenda', () => {
  test('editing a session records the record before and after', async () => {
    const secretariat = await actorWith('secretariat');
    const series = await makeSeries(deps.db);
    const session = await createSession(deps, { actor: secretariat, input: sessionInput(series.id, 12) });

    await editSession(deps, {
      actor: secretariat,
      sessionId: session.id,
      input: { ...sessionInput(series.id, 12), title_en: 'Now in English too' },
    });

    const entries = await auditOf(session.id);
    expect(entries.map((e) => e.action)).toEqual([
      'conversations.session.create',
      'conversations.session.update',
    ]);
    expect(entries[1]).toMatchObject({
      actorId: secretariat.userId,
      actorLabel: secretariat.label,
      at: new Date('2026-11-25T10:00:00Z'),
      before: { title: { fr: 'Une session' } },
      after: { title: { fr: 'Une session', en: 'Now in English too' } },
    });
  });

  test('a taken slug is a conflict naming its constraint, and nothing is written', async () => {
    const secretariat = await actorWith('secretariat');
    await makeSeries(deps.db, { slug: 'taken-slug' });

    const error = await createSeries(deps, { actor: secretariat, input: seriesInput('taken-slug') }).catch(
      (e: unknown) => e,
    );

    expect(error).toEqual(new AppError('CONFLICT', { constraint: 'conversations_series_slug_key' }));
    expect(error).toMatchObject({ details: { constraint: 'conversations_series_slug_key' } });
  });

  test('publishing and unpublishing a series are audited with the state before and after', async () => {
    const secretariat = await actorWith('secretariat');
    const series = await createSeries(deps, { actor: secretariat, input: seriesInput('to-publish') });

    await setSeriesPublished(deps, { actor: secretariat, seriesId: series.id, isPublished: true });
    const after = await setSeriesPublished(deps, {
      actor: secretariat,
      seriesId: series.id,
      isPublished: false,
    });

    expect(after.isPublished).toBe(false);
    expect((await auditOf(series.id)).map((e) => [e.action, e.before, e.after])).toEqual([
      [
        'conversations.series.create',
        null,
        expect.objectContaining({ slug: 'to-publish', isPublished: false }),
      ],
      ['conversations.series.publish', { isPublished: false }, { isPublished: true }],
      ['conversations.series.unpublish', { isPublished: true }, { isPublished: false }],
    ]);
  });

  test('agenda items keep their speakers in order, move, and go', async () => {
    const secretariat = await actorWith('secretariat');
    const series = await makeSeries(deps.db);
    const session = await makeSession(deps.db, { seriesId: series.id, number: 3 });
    const [a, b] = [await makeSpeaker(deps.db, { name: 'Bea' }), await makeSpeaker(deps.db, { name: 'Abe' })];

    const first = await addAgendaItem(deps, {
      actor: secretariat,
      sessionId: session.id,
      input: itemInput('First', { speaker_0: a.id, role_0: 'moderator', speaker_1: b.id }),
    });
    const second = await addAgendaItem(deps, {
      actor: secretariat,
      sessionId: session.id,
      input: itemInput('Second'),
    });
    await moveAgendaItem(deps, { actor: secretariat, agendaItemId: second.item.id, direction: 'up' });
    await removeAgendaItem(deps, { actor: secretariat, agendaItemId: first.item.id });

    expect(first.speakers).toEqual([
      { speakerId: a.id, name: 'Bea', role: 'moderator' },
      { speakerId: b.id, name: 'Abe', role: 'speaker' },
    ]);
    const left = await deps.db.select().from(agendaItems).where(eq(agendaItems.sessionId, session.id));
    expect(left.map((i) => [i.title, i.position])).toEqual([[{ en: 'Second' }, 0]]);
    expect((await auditOf(first.item.id)).map((e) => e.action)).toEqual([
      'conversations.agenda-item.create',
      'conversations.agenda-item.delete',
    ]);
    expect((await auditOf(second.item.id)).map((e) => [e.action, e.before, e.after])).toEqual([
      ['conversations.agenda-item.create', null, expect.objectContaining({ speakers: [] })],
      ['conversations.agenda-item.move', { position: 1 }, { position: 0 }],
    ]);
  });

  test('an unknown speaker is a bad request, not a crash', async () => {
    const secretariat = await actorWith('secretariat');
    const series = await makeSeries(deps.db);
    const session = await makeSession(deps.db, { seriesId: series.id, number: 4 });

    const error = await addAgendaItem(deps, {
      actor: secretariat,
      sessionId: session.id,
      input: itemInput('Ghost', { speaker_0: '00000000-0000-4000-8000-000000000000' }),
    }).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'BAD_REQUEST', details: { field: 'speaker' } });
    expect(await deps.db.select().from(agendaItems).where(eq(agendaItems.sessionId, session.id))).toEqual([]);
  });

  test('drafts are counted for the back office home', async () => {
    const secretariat = await actorWith('secretariat');
    const before = await countContentDrafts(deps, { actor: secretariat });
    const series = await makeSeries(deps.db, { isPublished: false });
    await makeSession(deps.db, { seriesId: series.id, number: 1, isPublished: false });
    await makeDocument(deps.db, { seriesId: series.id, isPublished: false }, []);

    const after = await countContentDrafts(deps, { actor: secretariat });

    expect(after).toEqual({
      series: before.series + 1,
      sessions: before.sessions + 1,
      documents: before.documents + 1,
    });
  });
});

describe('document files', () => {
  test('a docx is stored and replaces the earlier version in that language; both audited', async () => {
    const secretariat = await actorWith('secretariat');
    const series = await makeSeries(deps.db);
    const document = await createDocument(deps, {
      actor: secretariat,
      input: parse(documentFormSchema, {
        seriesId: series.id,
        symbol: 'TEST/FILES/1',
        kind: 'agenda',
        publishedOn: '2026-02-01',
        title_fr: 'Ordre du jour',
      }),
    });

    await uploadDocumentFile(deps, {
      actor: secretariat,
      documentId: document.id,
      locale: 'fr',
      fileName: 'a.pdf',
      bytes: makeDemoPdf(['v1']),
    });
    const second = await uploadDocumentFile(deps, {
      actor: secretariat,
      documentId: document.id,
      locale: 'fr',
      fileName: 'v2',
      bytes: makeDocx(),
    });
    const read = await readDocumentFileForAdmin(deps, {
      actor: secretariat,
      documentId: document.id,
      locale: 'fr',
    });

    expect(second).toMatchObject({ fileName: 'v2.docx', byteSize: makeDocx().length });
    expect(read.bytes).toEqual(makeDocx());
    expect(
      await deps.db.select().from(documentFiles).where(eq(documentFiles.documentId, document.id)),
    ).toHaveLength(1);
    const uploads = (await auditOf(document.id)).filter(
      (e) => e.action === 'conversations.document-file.upload',
    );
    expect(
      uploads.map((e) => [
        (e.before as { fileName?: string } | null)?.fileName ?? null,
        (e.after as { fileName: string }).fileName,
      ]),
    ).toEqual([
      [null, 'a.pdf'],
      ['a.pdf', 'v2.docx'],
    ]);
  });

  test('an executable and an oversized file are refused before anything is stored', async () => {
    const secretariat = await actorWith('secretariat');
    const series = await makeSeries(deps.db);
    const document = await makeDocument(deps.db, { seriesId: series.id }, []);
    const upload = (bytes: Buffer) =>
      uploadDocumentFile(deps, {
        actor: secretariat,
        documentId: document.id,
        locale: 'en',
        fileName: 'x.pdf',
        bytes,
      }).catch((e: unknown) => e);

    const exe = await upload(makeExe());
    const big = await upload(Buffer.concat([Buffer.from('%PDF-1.7'), Buffer.alloc(5000)]));

    expect(exe).toMatchObject({ code: 'BAD_REQUEST', details: { reason: 'fileType' } });
    expect(big).toMatchObject({ code: 'TOO_LARGE' });
    expect(
      await deps.db.select().from(documentFiles).where(eq(documentFiles.documentId, document.id)),
    ).toEqual([]);
  });

  test('editing a document to a session of another series is refused', async () => {
    const secretariat = await actorWith('secretariat');
    const [one, other] = [await makeSeries(deps.db), await makeSeries(deps.db)];
    const foreign = await makeSession(deps.db, { seriesId: other.id, number: 1 });
    const document = await makeDocument(deps.db, { seriesId: one.id }, []);

    const error = await editDocument(deps, {
      actor: secretariat,
      documentId: document.id,
      input: parse(documentFormSchema, {
        seriesId: one.id,
        sessionId: foreign.id,
        symbol: document.symbol,
        kind: 'other',
        publishedOn: '2026-01-01',
        title_en: 'T',
      }),
    }).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'BAD_REQUEST', details: { field: 'sessionId' } });
  });
});

describe('themes and speakers', () => {
  test('a theme and a speaker are created and edited, each change audited', async () => {
    const secretariat = await actorWith('secretariat');
    const series = await makeSeries(deps.db);

    const theme = await createTheme(deps, {
      actor: secretariat,
      seriesId: series.id,
      input: parse(themeFormSchema, { slug: 'data', title_en: 'Data' }),
    });
    await editTheme(deps, {
      actor: secretariat,
      themeId: theme.id,
      input: parse(themeFormSchema, { slug: 'data', title_en: 'Data', title_ar: 'البيانات' }),
    });
    const speaker = await createSpeaker(deps, {
      actor: secretariat,
      input: parse(speakerFormSchema, {
        slug: 'li-wei',
        name: ' Li Wei ',
        country: 'cn',
        organisation_zh: '清华大学',
      }),
    });

    expect(speaker).toMatchObject({ name: 'Li Wei', country: 'CN', organisation: { zh: '清华大学' } });
    expect((await auditOf(theme.id)).map((e) => e.action)).toEqual([
      'conversations.theme.create',
      'conversations.theme.update',
    ]);
    expect((await auditOf(speaker.id)).map((e) => e.action)).toEqual(['conversations.speaker.create']);
  });
});
