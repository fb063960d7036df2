// The secretariat's interop pages through HTTP: the import form (multipart, refusals re-rendered
// with the values kept, 413 for a 50 MB file), the map's computation page with "Recompute now",
// and the three pol.is downloads.
import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signedInUser, type SignedInUser } from '../../../test/accounts';
import { multipartBody, type MultipartFilePart } from '../../../test/multipart';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import { createApp, type App } from '../../app';
import { importPolisComments } from './math';
import { opinionMaps, opinionResults } from './opinions.tables';

const FIXTURE = path.resolve(import.meta.dirname, 'math', 'fixtures', 'london.youth.policing');
const fixture = (file: string) => fs.readFileSync(path.join(FIXTURE, file));
const csv = (field: string, fileName: string, bytes: Buffer | string): MultipartFilePart => ({
  field,
  fileName,
  contentType: 'text/csv',
  bytes: Buffer.from(bytes),
});

let deps: TestDeps;
let app: App['app'];
let secretariat: SignedInUser;
let participant: SignedInUser;

beforeAll(async () => {
  deps = await createTestDeps();
  app = (await createApp(deps)).app;
  secretariat = await signedInUser(deps, { roles: ['secretariat'] });
  participant = await signedInUser(deps);
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

const fields = (user: SignedInUser, overrides: Record<string, string> = {}) => ({
  _csrf: user.csrfToken,
  title: 'London youth policing',
  slug: `london-${Math.random().toString(36).slice(2, 8)}`,
  language: 'en-gb',
  attribution: 'pol.is open data, london.youth.policing, CC BY 4.0',
  ...overrides,
});

function postImport(
  user: SignedInUser,
  form: Record<string, string>,
  files: MultipartFilePart[],
  locale = 'en',
) {
  const body = multipartBody(form, files);
  return app.inject({
    method: 'POST',
    url: `/${locale}/admin/opinions/import`,
    headers: { ...user.headers, ...body.headers },
    payload: body.payload,
  });
}

const mapCount = async () => (await deps.db.select({ n: count() }).from(opinionMaps))[0]!.n;

describe('import page', () => {
  test('says what the files are and that the data is CC BY, in the viewer’s language', async () => {
    const en = await app.inject({ url: '/en/admin/opinions/import', headers: secretariat.headers });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('enctype="multipart/form-data"');
    expect(en.body).toContain('CC BY 4.0');
    expect(en.body).toContain('participants-votes.csv');
    const fr = await app.inject({ url: '/fr/admin/opinions/import', headers: secretariat.headers });
    expect(fr.body).toContain('Importer une conversation pol.is');
  });

  test('is the secretariat’s only', async () => {
    const response = await app.inject({ url: '/en/admin/opinions/import', headers: participant.headers });
    expect(response.statusCode).toBe(403);
    const before = await mapCount();
    const posted = await postImport(participant, fields(participant), [
      csv('comments', 'comments.csv', fixture('comments.csv')),
      csv('votes', 'votes.csv', fixture('votes.csv')),
    ]);
    expect(posted.statusCode).toBe(403);
    expect(await mapCount()).toBe(before);
  });

  test('imports the files, then shows the map’s page with what arrived', async () => {
    const form = fields(secretariat);
    const response = await postImport(secretariat, form, [
      csv('comments', 'comments.csv', fixture('comments.csv')),
      csv('votes', 'votes.csv', fixture('votes.csv')),
      // An empty file input, as a browser sends it: not an upload.
      csv('participantsVotes', '', ''),
    ]);
    expect(response.statusCode).toBe(303);
    const [map] = await deps.db.select().from(opinionMaps).where(eq(opinionMaps.slug, form.slug));
    expect(map).toMatchObject({ isPublished: false, importedFrom: form.attribution });
    expect(response.headers.location).toBe(`/en/admin/opinions/${map!.id}/math?done=imported`);

    const shown = await app.inject({
      url: response.headers.location as string,
      headers: secretariat.headers,
    });
    expect(shown.statusCode).toBe(200);
    const statements = importPolisComments(fixture('comments.csv')).comments.length;
    expect(shown.body).toContain(`27 participants, ${statements} statements, 638 votes`);
    expect(shown.body).toContain('The map has not been computed yet.');
  });

  test('a malformed file: 422 in the viewer’s language, values kept, nothing imported', async () => {
    const before = await mapCount();
    const form = fields(secretariat, { title: 'Policía juvenil' });
    const response = await postImport(
      secretariat,
      form,
      [
        csv('comments', 'comments.csv', fixture('comments.csv')),
        csv('votes', 'votes.csv', 'timestamp,datetime,comment-id,voter-id,vote\n1,x,35,3,oui\n'),
      ],
      'es',
    );
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Línea 2: se esperaba un número entero');
    expect(response.body).toContain('value="Policía juvenil"');
    expect(response.body).toContain(`value="${form.slug}"`);
    expect(response.body).toContain('vuelva a elegirlos');
    expect(await mapCount()).toBe(before);
  });

  test('a missing title and a bad language code are pointed out beside their fields', async () => {
    const response = await postImport(
      secretariat,
      fields(secretariat, { title: ' ', language: 'not a tag' }),
      [
        csv('comments', 'comments.csv', fixture('comments.csv')),
        csv('votes', 'votes.csv', fixture('votes.csv')),
      ],
    );
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('id="error-title"');
    expect(response.body).toContain('Please enter a language code such as en, de or zh-TW.');
  });

  test('a 50 MB file is cut off at the limit: 413, the form again, nothing imported', async () => {
    const before = await mapCount();
    const header = 'timestamp,datetime,comment-id,voter-id,vote\n';
    const row = '1658934589213,Wed Jul 27 22:09:49 WIB 2022,35,3,1\n';
    const big = Buffer.alloc(50 * 1024 * 1024, row);
    big.write(header, 0);
    const response = await postImport(secretariat, fields(secretariat), [
      csv('comments', 'comments.csv', fixture('comments.csv')),
      csv('votes', 'votes.csv', big),
    ]);
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('This file is larger than 32 MB. Nothing was imported.');
    expect(await mapCount()).toBe(before);
  }, 60_000);

  test('a short name already in use: 409 with the slug pointed out', async () => {
    const form = fields(secretariat);
    const files = [
      csv('comments', 'comments.csv', fixture('comments.csv')),
      csv('votes', 'votes.csv', fixture('votes.csv')),
    ];
    expect((await postImport(secretariat, form, files)).statusCode).toBe(303);
    const again = await postImport(secretariat, form, files);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('This short name is already used.');
  });

  test('without the CSRF token the post is refused', async () => {
    const before = await mapCount();
    const response = await postImport(secretariat, { ...fields(secretariat), _csrf: 'wrong' }, [
      csv('comments', 'comments.csv', fixture('comments.csv')),
      csv('votes', 'votes.csv', fixture('votes.csv')),
    ]);
    expect(response.statusCode).toBe(403);
    expect(await mapCount()).toBe(before);
  });
});

describe('a map’s computation page and downloads', () => {
  let mapId: string;
  beforeAll(async () => {
    const form = fields(secretariat);
    // participants-votes.csv: votes without times, stamped at the import (microseconds, which
    // "votes since" must not count as newer than the computation's millisecond stamp).
    const response = await postImport(secretariat, form, [
      csv('comments', 'comments.csv', fixture('comments.csv')),
      csv('participantsVotes', 'participants-votes.csv', fixture('participants-votes.csv')),
    ]);
    mapId = /opinions\/([0-9a-f-]{36})\/math/.exec(response.headers.location as string)![1]!;
  });

  test('"Recompute now" computes the map and the page says when and how long', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/en/admin/opinions/${mapId}/math/recompute`,
      headers: secretariat.headers,
      payload: { _csrf: secretariat.csrfToken },
    });
    expect(response.statusCode).toBe(303);
    const [stored] = await deps.db.select().from(opinionResults).where(eq(opinionResults.mapId, mapId));
    expect(stored).toBeDefined();
    expect(response.headers.location).toBe(
      `/en/admin/opinions/${mapId}/math?done=recomputed&ms=${stored!.durationMs}`,
    );
    const page = await app.inject({ url: response.headers.location as string, headers: secretariat.headers });
    expect(page.body).toContain(
      `The map was recomputed in ${stored!.durationMs.toLocaleString('en-US')} ms.`,
    );
    expect(page.body).toContain('Last computed');
    expect(page.body).toMatch(/Votes since then<\/dt><dd>0</);
    expect(page.body).not.toContain('The map has not been computed yet.');
  });

  test('the three files download as CSV, with group ids once the map is computed', async () => {
    const headers = {
      'comments.csv': 'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body',
      'votes.csv': 'timestamp,datetime,comment-id,voter-id,vote',
      'participants-votes.csv': 'participant,group-id,n-comments,n-votes,n-agree,n-disagree,',
    };
    for (const [file, header] of Object.entries(headers)) {
      const response = await app.inject({
        url: `/en/admin/opinions/${mapId}/export/${file}`,
        headers: secretariat.headers,
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toMatch(
        new RegExp(`attachment; filename=".*-${file}"`),
      );
      expect(response.body.startsWith(header)).toBe(true);
    }
    const pv = await app.inject({
      url: `/en/admin/opinions/${mapId}/export/participants-votes.csv`,
      headers: secretariat.headers,
    });
    const groups = pv.body
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[1]);
    expect(groups.some((g) => g !== '')).toBe(true);
  });

  test('a file that is not one of the three, or a map that does not exist: 404', async () => {
    const other = await app.inject({
      url: `/en/admin/opinions/${mapId}/export/summary.csv`,
      headers: secretariat.headers,
    });
    expect(other.statusCode).toBe(404);
    const missing = await app.inject({
      url: `/en/admin/opinions/${crypto.randomUUID()}/math`,
      headers: secretariat.headers,
    });
    expect(missing.statusCode).toBe(404);
  });

  test('downloads and recompute are the secretariat’s only', async () => {
    const download = await app.inject({
      url: `/en/admin/opinions/${mapId}/export/votes.csv`,
      headers: participant.headers,
    });
    expect(download.statusCode).toBe(403);
    const recompute = await app.inject({
      method: 'POST',
      url: `/en/admin/opinions/${mapId}/math/recompute`,
      headers: participant.headers,
      payload: { _csrf: participant.csrfToken },
    });
    expect(recompute.statusCode).toBe(403);
  });
});
