// The results and report pages of an opinion map: no result yet, a result (map, groups, common
// ground, divisive statements, breakdown), "you are here", a large map drawn as clusters, Arabic,
// and refusals (unpublished, unknown, malformed slug).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import { makeSeries, makeSession } from '../../../test/factories';
import { signedInUser, type SignedInUser } from '../../../test/accounts';
import en from '../../platform/i18n/messages/en.json' with { type: 'json' };
import { recomputeMap } from './service/recompute';
import { MAX_DOTS } from './service/results';
import {
  insertMap,
  insertParticipants,
  insertStatements,
  insertVotes,
  twoCamps,
  type VoteRow,
} from './service/results.test-support';

let deps: TestDeps;
let app: Awaited<ReturnType<typeof createApp>>['app'];
let voter: SignedInUser;
let outsider: SignedInUser;
let slug: string;
let sessionId: string;

const CATALOG_KEYS = new Set(Object.keys(en));
/** Message keys shown in place of their text. */
const rawKeys = (html: string) =>
  [...new Set(html.match(/\b[a-z]+(?:\.[a-zA-Z_]+)+\b/g) ?? [])].filter((k) => CATALOG_KEYS.has(k));

beforeAll(async () => {
  deps = await createTestDeps({ env: { OPINIONS_RECOMPUTE_INTERVAL_S: '0' } });
  app = (await createApp(deps)).app;
  const series = await makeSeries(deps.db);
  sessionId = (await makeSession(deps.db, { seriesId: series.id, number: 1 })).id;
  voter = await signedInUser(deps);
  outsider = await signedInUser(deps);

  // 24 participants in two camps, the signed-in voter among the first camp; plus a statement all
  // agree with, one all reject, a rejected one and a meta one (neither may be shown).
  const map = await insertMap(deps, { sessionId, topic: 'AI training data' });
  slug = map.slug;
  const participants = await insertParticipants(deps, map.id, [voter.id, ...Array(23).fill(null)]);
  const camps = await insertStatements(
    deps,
    map.id,
    Array.from({ length: 8 }, (_, i) => ({ body: `Camp statement ${i + 1}` })),
  );
  const [common, rejectedByAll, rejected, meta] = await insertStatements(deps, map.id, [
    { body: 'Creators should be told when their work trains a model' },
    { body: 'Nothing should ever change' },
    { body: 'A statement the moderators rejected', status: 'rejected' },
    { body: 'This survey is biased', isMeta: true },
  ]);
  const at = '2026-11-25T09:00:00Z';
  const votes: VoteRow[] = twoCamps(participants, camps, at);
  for (const p of participants) {
    votes.push({ participant: p, statement: common!, vote: 1, at });
    votes.push({ participant: p, statement: rejectedByAll!, vote: -1, at });
    votes.push({ participant: p, statement: rejected!, vote: 1, at });
    votes.push({ participant: p, statement: meta!, vote: 1, at });
  }
  await insertVotes(deps, map.id, votes);
  await recomputeMap(deps, map.id);
});
afterAll(async () => {
  await app?.close();
  await deps?.close();
});

const get = (url: string, person?: SignedInUser) =>
  app.inject({ method: 'GET', url, headers: person?.headers });

describe('results page', () => {
  test('a map without a result says there are not enough votes yet', async () => {
    const empty = await insertMap(deps, { sessionId });
    await insertStatements(deps, empty.id, [{ body: 'Nobody voted on this' }]);
    const res = await get(`/en/opinions/${empty.slug}/results`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Not enough votes yet');
    expect(res.body).not.toContain('<svg class="opinion-map"');
    const report = await get(`/en/opinions/${empty.slug}/report`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('Not enough votes yet');
  });

  test('with a result: the map, its table, two groups, common ground both ways, divisive statements, the breakdown', async () => {
    const res = await get(`/en/opinions/${slug}/results`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<svg class="opinion-map"');
    expect(html).toContain('role="img"');
    // Every participant is a dot (24 ≤ MAX_DOTS), inside the points group.
    const points = html.match(/<g class="opinion-map-points">(.*?)<\/g>/s)?.[1] ?? '';
    expect(points.match(/<circle/g)).toHaveLength(24);
    expect(html).toContain('Opinion groups on the map');
    expect(html.match(/<article class="opinion-group"/g)).toHaveLength(2);
    expect(html).toContain('Group 1');
    expect(html).toContain('Group 2');
    expect(html).toMatch(/12 participants/);
    // Representative statements of the camps, with their bars in words.
    expect(html).toContain('Camp statement');
    expect(html).toMatch(/100%\s*agree, 0%\s*disagree, 0%\s*pass, of 12 votes/);
    // Common ground: the statement everybody agrees with, and the one everybody rejects.
    const consensus = html.slice(
      html.indexOf('id="results-consensus"'),
      html.indexOf('id="results-divisive"'),
    );
    expect(consensus).toContain('Creators should be told when their work trains a model');
    expect(consensus).toContain('Nothing should ever change');
    expect(consensus).toContain('Every group tends to disagree');
    // Divisive: the camp statements, not the common ones.
    const divisive = html.slice(
      html.indexOf('id="results-divisive"'),
      html.indexOf('id="results-breakdown"'),
    );
    expect(divisive).toContain('Camp statement');
    expect(divisive).not.toContain('Creators should be told');
    // Rejected and meta statements are never shown.
    expect(html).not.toContain('A statement the moderators rejected');
    expect(html).not.toContain('This survey is biased');
    // The breakdown: 23 imported participants and one account without registration or profile: all "not known".
    expect(html).toContain('By stakeholder group');
    expect(html).toContain('By UN region (M49)');
    expect(html).toContain('Not known');
    expect(html).toContain('How this is computed:');
    expect(rawKeys(html)).toEqual([]);
  });

  test('"you are here" for the participant who voted, only for them', async () => {
    const mine = await get(`/en/opinions/${slug}/results`, voter);
    expect(mine.body).toContain('class="opinion-map-you"');
    expect(mine.body).toMatch(/You are in Group [12]\./);
    const theirs = await get(`/en/opinions/${slug}/results`, outsider);
    expect(theirs.body).not.toContain('class="opinion-map-you"');
    expect(theirs.body).not.toContain('You are in Group');
    expect(theirs.headers['cache-control'] ?? '').not.toContain('public');
  });

  test('in Arabic: right to left, Arabic text, statements keep their own language', async () => {
    const res = await get(`/ar/opinions/${slug}/results`, voter);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="ar" dir="rtl"');
    expect(res.body).toContain('بيانات التدريب وحق المؤلف');
    expect(res.body).toContain('خريطة الآراء');
    expect(res.body).toContain('أنت هنا');
    expect(res.body).toContain('<p class="statement-text" lang="en" dir="ltr">');
    expect(rawKeys(res.body)).toEqual([]);
  });

  test('unpublished, unknown and malformed maps are not found, never a 500', async () => {
    const draft = await insertMap(deps, { isPublished: false });
    for (const url of [
      `/en/opinions/${draft.slug}/results`,
      `/en/opinions/${draft.slug}/report`,
      '/en/opinions/no-such-map/results',
      '/en/opinions/Not_A_Slug!/results',
      '/en/opinions/trailing-hyphen-/report',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
    }
  });

  test('a map larger than MAX_DOTS is drawn as base clusters sized by count', async () => {
    const big = await insertMap(deps);
    const participants = await insertParticipants(deps, big.id, Array(MAX_DOTS + 100).fill(null));
    const statements = await insertStatements(
      deps,
      big.id,
      Array.from({ length: 6 }, (_, i) => ({ body: `Big ${i}` })),
    );
    await insertVotes(deps, big.id, twoCamps(participants, statements, '2026-11-25T09:00:00Z'));
    await recomputeMap(deps, big.id);
    const res = await get(`/en/opinions/${big.slug}/results`);
    const points = res.body.match(/<g class="opinion-map-points">(.*?)<\/g>/s)?.[1] ?? '';
    const circles = points.match(/<circle/g)?.length ?? 0;
    expect(circles).toBeGreaterThan(0);
    expect(circles).toBeLessThanOrEqual(100);
    expect(res.body).toContain('Each circle stands for participants who voted alike');
  });
});

describe('report page', () => {
  test('everything on one page with the date of the computation and the counts', async () => {
    const res = await get(`/en/opinions/${slug}/report`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('class="opinion-report"');
    expect(html).toContain('Opinion map report');
    expect(html).toMatch(/Computed on [^<]*2026[^<]*UTC/);
    expect(html).toContain('24 participants');
    expect(html).toContain('24 in opinion groups');
    expect(html).toContain('10 statements');
    for (const id of [
      'results-map',
      'results-groups',
      'results-consensus',
      'results-divisive',
      'results-breakdown',
    ]) {
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toContain('Open since');
    expect(rawKeys(html)).toEqual([]);
    // The same for everyone: printed and passed on, it shows nobody's own place.
    const asVoter = await get(`/en/opinions/${slug}/report`, voter);
    expect(asVoter.body).not.toContain('class="opinion-map-you"');
    expect(asVoter.body).not.toContain('You are in Group');
  });
});
