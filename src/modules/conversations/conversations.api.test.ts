import { describe, expect } from 'vitest';
import { createApp } from '../../app';
import {
  makeAgendaItem,
  makeDocument,
  makeSeries,
  makeSession,
  makeSpeaker,
  makeTheme,
} from '../../../test/factories';
import { isolatedDbTest as test } from '../../../test/test-deps';

describe('read API', () => {
  test('serves a session with its agenda, speakers and documents as JSON', async ({ deps }) => {
    const series = await makeSeries(deps.db, { slug: 'frontier' });
    const theme = await makeTheme(deps.db, { seriesId: series.id, slug: 'ai' });
    const session = await makeSession(deps.db, {
      seriesId: series.id,
      number: 9,
      themeId: theme.id,
      title: { en: 'Training the Machines', fr: 'Entraîner les machines' },
    });
    const speaker = await makeSpeaker(deps.db, { slug: 'ana-lima', name: 'Ana Lima' });
    await makeAgendaItem(deps.db, { sessionId: session.id, position: 1, kind: 'opening' }, [
      { speakerId: speaker.id, role: 'chair' },
    ]);
    const document = await makeDocument(
      deps.db,
      { seriesId: series.id, sessionId: session.id, symbol: 'X/1' },
      ['en', 'fr'],
    );
    const { app } = await createApp(deps);

    const res = await app.inject('/api/v1/series/frontier/sessions/9');

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const { data } = res.json();
    expect(data).toMatchObject({
      number: 9,
      series: 'frontier',
      theme: 'ai',
      title: { en: 'Training the Machines', fr: 'Entraîner les machines' },
      startsAt: '2024-03-13T12:00:00.000Z',
      format: 'hybrid',
    });
    expect(data.agenda).toEqual([
      expect.objectContaining({
        position: 1,
        kind: 'opening',
        speakers: [{ slug: 'ana-lima', name: 'Ana Lima', role: 'chair' }],
      }),
    ]);
    expect(data.documents).toEqual([
      expect.objectContaining({
        id: document.id,
        symbol: 'X/1',
        files: [
          expect.objectContaining({ locale: 'en', url: `/en/documents/${document.id}/en` }),
          expect.objectContaining({ locale: 'fr', url: `/fr/documents/${document.id}/fr` }),
        ],
      }),
    ]);
  });

  test('lists series, sessions, themes, speakers and documents', async ({ deps }) => {
    const series = await makeSeries(deps.db, { slug: 'frontier' });
    const theme = await makeTheme(deps.db, { seriesId: series.id, slug: 'ai' });
    const session = await makeSession(deps.db, { seriesId: series.id, number: 1, themeId: theme.id });
    await makeSession(deps.db, { seriesId: series.id, number: 2, isPublished: false });
    const speaker = await makeSpeaker(deps.db, { slug: 'kenji-sato', name: 'Kenji Sato' });
    await makeAgendaItem(deps.db, { sessionId: session.id, position: 1 }, [{ speakerId: speaker.id }]);
    await makeDocument(deps.db, { seriesId: series.id, sessionId: session.id });
    const { app } = await createApp(deps);

    const [list, sessions, themes, speakers, documents] = await Promise.all(
      [
        '/api/v1/series',
        '/api/v1/series/frontier/sessions',
        '/api/v1/series/frontier/themes',
        '/api/v1/speakers',
        '/api/v1/documents',
      ].map(async (url) => (await app.inject(url)).json().data),
    );

    expect(list.map((s: { slug: string }) => s.slug)).toEqual(['frontier']);
    expect(sessions.map((s: { number: number }) => s.number)).toEqual([1]);
    expect(themes.map((t: { slug: string }) => t.slug)).toEqual(['ai']);
    expect(speakers.map((s: { slug: string }) => s.slug)).toEqual(['kenji-sato']);
    expect(documents).toHaveLength(1);
  });

  test('answers unknown and malformed resources with a JSON error', async ({ deps }) => {
    await makeSeries(deps.db, { slug: 'frontier' });
    const { app } = await createApp(deps);

    const missing = await app.inject({
      url: '/api/v1/series/frontier/sessions/42',
      headers: { 'accept-language': 'fr' },
    });
    const malformed = await app.inject('/api/v1/documents?session=abc');
    const badId = await app.inject('/api/v1/documents/123');

    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
    expect(badId.statusCode).toBe(404);
  });

  test('describes every endpoint in an OpenAPI 3.1 document generated from the schemas', async ({ deps }) => {
    const { app } = await createApp(deps);

    const res = await app.inject('/api/v1/openapi.json');

    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/documents',
      '/documents/{documentId}',
      '/series',
      '/series/{seriesSlug}',
      '/series/{seriesSlug}/sessions',
      '/series/{seriesSlug}/sessions/{number}',
      '/series/{seriesSlug}/themes',
      '/speakers',
      '/speakers/{speakerSlug}',
    ]);
    const getSession = doc.paths['/series/{seriesSlug}/sessions/{number}'].get;
    expect(getSession.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual([
      'path:seriesSlug',
      'path:number',
    ]);
    const sessionSchema = getSession.responses['200'].content['application/json'].schema;
    expect(sessionSchema.properties.data.properties.format.enum).toEqual(['onsite', 'virtual', 'hybrid']);
  });
});
