import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signedInUser, type SignedInUser } from '../../../test/accounts';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import { createApp, type App } from '../../app';
import { recordAudit } from './audit.service';

let deps: TestDeps;
let app: App['app'];
let secretariat: SignedInUser;
let moderator: SignedInUser;
let participant: SignedInUser;

beforeAll(async () => {
  deps = await createTestDeps();
  app = (await createApp(deps)).app;
  secretariat = await signedInUser(deps, { roles: ['secretariat'], name: 'Sam Secretariat' });
  moderator = await signedInUser(deps, { roles: ['moderator'], name: 'Mo Moderator' });
  participant = await signedInUser(deps);
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

const get = (url: string, user?: SignedInUser) => app.inject({ url, headers: user?.headers ?? {} });

describe('the audit log', () => {
  test('shows who did what, filtered by actor and action, with the records before and after escaped', async () => {
    const actor = {
      userId: secretariat.id,
      label: `Sam Secretariat <${secretariat.email}>`,
      roles: new Set(['secretariat'] as const),
    };
    await recordAudit(deps, deps.db, actor, {
      action: 'conversations.session.update',
      subjectType: 'session',
      subjectId: 'session-audit-1',
      before: { title: { en: 'Old' } },
      after: { title: { en: '<b>New</b>' } },
    });
    await recordAudit(deps, deps.db, actor, {
      action: 'conversations.speaker.create',
      subjectType: 'speaker',
      subjectId: 'speaker-audit-1',
      after: { name: 'Kenji' },
    });

    const filtered = await get('/en/admin/audit?actor=Sam&action=conversations.session', secretariat);
    const bySubject = await get('/en/admin/audit?subjectType=speaker&subjectId=speaker-audit-1', secretariat);

    expect(filtered.statusCode).toBe(200);
    expect(filtered.body).toContain('<strong>conversations.session.update</strong>');
    expect(filtered.body).not.toContain('conversations.speaker.create');
    expect(filtered.body).toContain('&lt;b>New&lt;/b>');
    expect(filtered.body).toContain(`By Sam Secretariat &lt;${secretariat.email}>, `);
    expect(bySubject.body).toContain('<strong>conversations.speaker.create</strong>');
    expect(bySubject.body).not.toContain('conversations.session.update');
  });

  test('pages through older entries', async () => {
    const actor = { userId: moderator.id, label: 'Paging Person', roles: new Set(['moderator'] as const) };
    for (let i = 0; i < 52; i++) {
      await recordAudit(deps, deps.db, actor, {
        action: 'test.page',
        subjectType: 'thing',
        subjectId: `thing-${i}`,
      });
    }

    const first = await get('/en/admin/audit?actor=Paging', secretariat);
    const next = /href="([^"]+)" rel="next"/.exec(first.body)?.[1]?.replaceAll('&amp;', '&');
    const second = await get(next!, secretariat);

    expect(first.body.match(/<li class="audit-entry">/g)).toHaveLength(50);
    expect(first.body).toContain('<code>thing-51</code>');
    expect(second.body.match(/<li class="audit-entry">/g)).toHaveLength(2);
    expect(second.body).toContain('<code>thing-0</code>');
    expect(second.body).not.toContain('rel="next"');
  });

  test('only the secretariat reads the log', async () => {
    expect((await get('/en/admin/audit', moderator)).statusCode).toBe(403);
    expect((await get('/en/admin/audit', participant)).statusCode).toBe(403);
    expect((await get('/en/admin/audit?before=abc', secretariat)).statusCode).toBe(400);
  });
});
