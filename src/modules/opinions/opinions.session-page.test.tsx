// A session's public page lists its published opinion maps (topic in the page's language, a link
// to take part and to the results), and the page cache forgets the page when a map is published,
// unpublished or edited: opinions_maps notifies like the content tables (migration 0015).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app';
import { signedInUser } from '../../../test/accounts';
import { makeSeries, makeSession } from '../../../test/factories';
import { makeOpinionMap } from '../../../test/opinions';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import { listenForContentChanges } from '../../db/content-changes';
import type { Actor } from '../accounts';
import { seedDemo } from '../conversations';
import { seedDemoOpinions } from './demo/seed-opinions';
import type { MapFormInput } from './opinions.schema';
import { saveMap, setMapPublished } from './service/maps';

let deps: TestDeps;
let app: Awaited<ReturnType<typeof createApp>>['app'];
let pageCache: Awaited<ReturnType<typeof createApp>>['pageCache'];
let secretariat: Actor;
let seriesSlug: string;
let seriesId: string;
let n = 0;

beforeAll(async () => {
  deps = await createTestDeps();
  ({ app, pageCache } = await createApp(deps));
  const sec = await signedInUser(deps, { roles: ['secretariat'] });
  secretariat = { userId: sec.id, label: 'sec', roles: new Set(['participant', 'secretariat']) };
  const series = await makeSeries(deps.db);
  seriesSlug = series.slug;
  seriesId = series.id;
});
afterAll(async () => {
  await app?.close();
  await deps?.close();
});

async function arrange(overrides: Partial<MapFormInput> = {}, published = true) {
  const number = ++n;
  const session = await makeSession(deps.db, { seriesId, number });
  const { map, input } = await makeOpinionMap(
    deps,
    secretariat,
    {
      slug: `session-map-${number}`,
      topic: { en: 'Training the machines', fr: 'Entraîner les machines' },
      sessionId: session.id,
      ...overrides,
    },
    { published },
  );
  return { url: `/en/series/${seriesSlug}/sessions/${number}`, number, map, input };
}

/** The opinion map section of a session page, or undefined when the page has none. */
const section = (html: string) => /<section id="opinion-maps"[\s\S]*?<\/section>/.exec(html)?.[0];

describe('the session page lists its published opinion maps', () => {
  test('a published map: its topic in the page language, a link to take part and one to the results', async () => {
    const { number, map } = await arrange();

    const fr = await app.inject(`/fr/series/${seriesSlug}/sessions/${number}`);

    expect(fr.statusCode).toBe(200);
    const part = section(fr.body)!;
    expect(part).toContain('<h2 id="opinion-maps-heading">Carte des opinions</h2>');
    expect(part).toContain('Entraîner les machines');
    expect(part).toContain(`href="/fr/opinions/${map.slug}"`);
    expect(part).toContain('>Participer</a>');
    expect(part).toContain(`href="/fr/opinions/${map.slug}/results"`);
  });

  test('an unpublished map is not there', async () => {
    const { url, map } = await arrange({}, false);

    const res = await app.inject(url);

    expect(res.statusCode).toBe(200);
    expect(section(res.body)).toBeUndefined();
    expect(res.body).not.toContain(`/opinions/${map.slug}`);
  });

  test('a closed map leads to its results; one not open yet says so', async () => {
    const closed = await arrange({
      opensAt: '2026-10-01T00:00',
      closesAt: '2026-10-31T00:00',
    });
    const later = await arrange({ opensAt: '2026-12-01T00:00' });

    const closedPage = section((await app.inject(closed.url)).body)!;
    const laterPage = section((await app.inject(later.url)).body)!;

    expect(closedPage).not.toContain('Take part');
    expect(closedPage).toContain(`href="/en/opinions/${closed.map.slug}/results"`);
    expect(laterPage).toContain('Not open yet: see the topic');
  });

  test('a topic missing in the page language is shown in another, marked as such', async () => {
    const { number } = await arrange({ topic: { en: 'Only in English' } });

    const res = await app.inject(`/ar/series/${seriesSlug}/sessions/${number}`);

    const part = section(res.body)!;
    expect(part).toContain('Only in English');
    expect(part).toContain('fallback-note');
  });
});

describe("the session page's read model holds its maps, in the writer's transaction", () => {
  /** The map slugs the session page of this number links to, in order, once each (not cached). */
  const listed = async (number: number) => {
    pageCache.clear();
    const html = section((await app.inject(`/en/series/${seriesSlug}/sessions/${number}`)).body) ?? '';
    return [...new Set([...html.matchAll(/href="\/en\/opinions\/([a-z0-9-]+)/g)].map((m) => m[1]))];
  };
  /** The transaction ids that wrote the session's page rows: unchanged when no row was rewritten. */
  const pageWriters = async (sessionId: string) =>
    (
      await deps.pool.query<{ xmin: string }>(
        'SELECT xmin::text FROM conversations_session_pages WHERE session_id = $1 ORDER BY locale',
        [sessionId],
      )
    ).rows.map((r) => r.xmin);

  test('maps of one session in the order they open; a moved map leaves one page for the other', async () => {
    const later = await arrange({ opensAt: '2026-11-20T00:00' });
    const earlier = await makeOpinionMap(
      deps,
      secretariat,
      { ...later.input, slug: `${later.input.slug}-earlier`, opensAt: '2026-11-10T00:00' },
      { published: true },
    );
    const other = await arrange({}, false);

    const before = await listed(later.number);
    await saveMap(deps, secretariat, earlier.map.id, { ...earlier.input, sessionId: other.map.sessionId });

    expect(before).toEqual([earlier.map.slug, later.map.slug]);
    expect(await listed(later.number)).toEqual([later.map.slug]);
    expect(await listed(other.number)).toEqual([earlier.map.slug]);
  });

  test('an edit the page does not show rewrites none of its rows; one it shows rewrites them', async () => {
    const { map, input } = await arrange();
    const sessionId = map.sessionId!;
    const written = await pageWriters(sessionId);

    await saveMap(deps, secretariat, map.id, { ...input, moderation: 'pre', publishOpenData: true });
    const afterHiddenEdit = await pageWriters(sessionId);
    await saveMap(deps, secretariat, map.id, { ...input, topic: { en: 'Another topic' } });
    const afterTopicEdit = await pageWriters(sessionId);

    expect(written).toHaveLength(6);
    expect(afterHiddenEdit).toEqual(written);
    expect(afterTopicEdit).not.toEqual(written);
  });

  test('a deleted session takes its part with it; its map stays, without a session', async () => {
    const { map } = await arrange();

    await deps.pool.query('DELETE FROM conversations_sessions WHERE id = $1', [map.sessionId]);

    const parts = await deps.pool.query(
      'SELECT 1 FROM conversations_session_page_parts WHERE session_id = $1',
      [map.sessionId],
    );
    const kept = await deps.pool.query<{ session_id: string | null }>(
      'SELECT session_id FROM opinions_maps WHERE id = $1',
      [map.id],
    );
    expect(parts.rowCount).toBe(0);
    expect(kept.rows).toEqual([{ session_id: null }]);
  });
});

describe('the page cache forgets a session page when its maps change', () => {
  test('publishing, editing and unpublishing a map each clear the cached page', async () => {
    const { url, map, input } = await arrange({}, false);
    const stop = await listenForContentChanges(deps.url, () => pageCache.clear(), deps.log);
    try {
      const before = await app.inject(url);
      expect(pageCache.get(url) !== undefined).toBe(true);

      await setMapPublished(deps, secretariat, map.id, true);
      await waitFor(() => pageCache.get(url) === undefined);
      const published = await app.inject(url);

      await saveMap(deps, secretariat, map.id, { ...input, topic: { en: 'Renamed topic' } });
      await waitFor(() => pageCache.get(url) === undefined);
      const edited = await app.inject(url);

      await setMapPublished(deps, secretariat, map.id, false);
      await waitFor(() => pageCache.get(url) === undefined);
      const unpublished = await app.inject(url);

      expect(section(before.body)).toBeUndefined();
      expect(section(published.body)).toContain('Training the machines');
      expect(section(edited.body)).toContain('Renamed topic');
      expect(section(unpublished.body)).toBeUndefined();
    } finally {
      await stop();
    }
  });
});

test("the demo's ninth session shows its map", async () => {
  const demo = await createTestDeps();
  try {
    await seedDemo(demo.db, demo.clock);
    await seedDemoOpinions(demo.db, demo.clock);
    const { app: demoApp } = await createApp(demo);

    const res = await demoApp.inject('/en/series/ip-frontier-technologies/sessions/9');
    await demoApp.close();

    const part = section(res.body)!;
    expect(part).toContain('Training the machines');
    expect(part).toMatch(/href="\/en\/opinions\/[a-z0-9-]+"/);
  } finally {
    await demo.close();
  }
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
