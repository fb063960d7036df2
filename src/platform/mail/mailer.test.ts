// Writing to the outbox: held without SMTP, queued with it, in the caller's transaction, at most
// once per dedupe key, and in bulk. Delivery itself is in mail-worker.test.ts.
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../config';
import type { Db } from '../../db/client';
import * as schema from '../../db/schema';
import { createTestDeps, TEST_NOW, type TestDeps } from '../../../test/test-deps';
import { makeOutgoingMail } from '../../../test/factories';
import { SmtpSink } from '../../../test/smtp-sink';
import { MAIL_QUEUE, QUEUE_SCHEMA } from './mail-queue';
import { createOutboxMailer } from './mailer';
import { countOutboxMailByStatus, findOutboxMail, listOutboxMail } from './outbox.repo';

async function jobIds(deps: TestDeps, ids: readonly string[]): Promise<string[]> {
  const result = await deps.db.execute<{ id: string }>(
    sql`SELECT id FROM ${sql.identifier(QUEUE_SCHEMA)}.job
        WHERE name = ${MAIL_QUEUE} AND id = ANY(${sql.param(ids)}::uuid[])`,
  );
  return result.rows.map((row) => row.id).sort();
}

describe('with no SMTP server configured', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps();
  });
  afterAll(() => deps?.close());

  test('keeps the message in the outbox as held, and queues nothing', async () => {
    const { id } = await deps.mailer.send(
      makeOutgoingMail({
        to: 'nadia@example.org',
        locale: 'ar',
        subject: 'مرحبا',
        headers: { 'X-Colloquy-Test': '1' },
      }),
    );

    expect(await findOutboxMail(deps.db, id)).toEqual({
      id,
      kind: 'test.message',
      toAddress: 'nadia@example.org',
      locale: 'ar',
      subject: 'مرحبا',
      text: 'Hello Ada',
      html: '<!doctype html><html lang="en"><body><p>Hello Ada</p></body></html>',
      headers: { 'X-Colloquy-Test': '1' },
      templateId: null,
      vars: null,
      status: 'held',
      attempts: 0,
      lastError: null,
      createdAt: new Date(TEST_NOW),
      sentAt: null,
      nextAttemptAt: null,
      dedupeKey: null,
      attachments: null,
    });
    expect(await jobIds(deps, [id])).toEqual([]);
    expect(deps.mail.queue).toBeUndefined();
  });

  test('keeps a message only if the caller’s transaction commits', async () => {
    const rolledBack = { id: '' };
    await expect(
      deps.db.transaction(async (tx) => {
        rolledBack.id = (await deps.mailer.send(makeOutgoingMail({ kind: 'test.rollback' }), { db: tx })).id;
        throw new Error('the caller’s next write failed');
      }),
    ).rejects.toThrow('the caller’s next write failed');
    const committed = await deps.db.transaction(async (tx) =>
      deps.mailer.send(makeOutgoingMail({ kind: 'test.commit' }), { db: tx }),
    );

    expect(await findOutboxMail(deps.db, rolledBack.id)).toBeUndefined();
    expect(await findOutboxMail(deps.db, committed.id)).toMatchObject({
      kind: 'test.commit',
      status: 'held',
    });
  });

  test('sends a message with a dedupe key at most once', async () => {
    const first = await deps.mailer.send(makeOutgoingMail({ dedupeKey: 'test.dedupe:1' }));
    const again = await deps.mailer.sendMany([
      makeOutgoingMail({ dedupeKey: 'test.dedupe:1' }),
      makeOutgoingMail({ dedupeKey: 'test.dedupe:2' }),
      makeOutgoingMail({ dedupeKey: 'test.dedupe:2' }),
    ]);

    expect(again[0]).toEqual(first);
    expect(again[2]).toEqual(again[1]);
    expect(again[1]).not.toEqual(first);
    const rows = await deps.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM mail_outbox WHERE dedupe_key LIKE 'test.dedupe:%'`,
    );
    expect(rows.rows[0]!.n).toBe(2);
  });

  test('refuses header values with line breaks, reserved headers and lists of recipients', async () => {
    await expect(
      deps.mailer.send(makeOutgoingMail({ headers: { 'X-Note': 'a\r\nBcc: eve@example.org' } })),
    ).rejects.toThrow('line break in header "X-Note"');
    await expect(deps.mailer.send(makeOutgoingMail({ headers: { Bcc: 'eve@example.org' } }))).rejects.toThrow(
      'header "Bcc" may not be set',
    );
    await expect(
      deps.mailer.send(makeOutgoingMail({ to: 'ada@example.org, eve@example.org' })),
    ).rejects.toThrow('"to" must be one bare address');
  });

  test('lists the outbox newest first and counts it by status, for the back office', async () => {
    const own = await createTestDeps();
    try {
      const [a, b] = await own.mailer.sendMany([
        makeOutgoingMail({ kind: 'test.a' }),
        makeOutgoingMail({ kind: 'test.b' }),
      ]);

      const listed = await listOutboxMail(own.db, { status: 'held', limit: 10 });
      const page2 = await listOutboxMail(own.db, { limit: 10, before: listed[0]! });

      expect(listed.map((row) => row.id).sort()).toEqual([a!.id, b!.id].sort());
      expect(page2.map((row) => row.id)).toEqual([listed[1]!.id]);
      expect(await countOutboxMailByStatus(own.db)).toEqual({ queued: 0, sent: 0, failed: 0, held: 2 });
    } finally {
      await own.close();
    }
  });
});

describe('with an SMTP server configured', () => {
  const sink = new SmtpSink();
  let deps: TestDeps;
  beforeAll(async () => {
    await sink.start();
    // No worker: the messages stay queued, to look at.
    deps = await createTestDeps({ env: { SMTP_URL: sink.url }, mailWorker: false });
  });
  afterAll(async () => {
    await deps?.close();
    await sink.stop();
  });

  test('queues the message with a delivery job of the same id, in the caller’s transaction', async () => {
    const rolledBack = { id: '' };
    await deps.db
      .transaction(async (tx) => {
        rolledBack.id = (await deps.mailer.send(makeOutgoingMail({ kind: 'test.rollback' }), { db: tx })).id;
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    const { id } = await deps.mailer.send(makeOutgoingMail());

    expect(await findOutboxMail(deps.db, id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(await jobIds(deps, [id, rolledBack.id])).toEqual([id]);
    expect(await findOutboxMail(deps.db, rolledBack.id)).toBeUndefined();
  });

  test('sendMany writes 1,000 messages in as many statements as 10', async () => {
    // A pool of its own that counts the statements the mailer sends (instrumenting pg, not our code).
    const counting = new pg.Pool({ connectionString: deps.url, max: 1 });
    let statements = 0;
    counting.on('connect', (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      client.query = ((...args: unknown[]) => {
        statements++;
        return query(...args);
      }) as typeof client.query;
    });
    const db: Db = drizzle(counting, { schema, casing: 'snake_case' });
    const mailer = createOutboxMailer({ db, clock: deps.clock, queue: deps.mail.queue });
    const edition = (n: number, batch: string) =>
      Array.from({ length: n }, (_, i) =>
        makeOutgoingMail({
          to: `subscriber${i}@example.org`,
          kind: 'newsletter.edition',
          dedupeKey: `test.edition:${batch}:${i}`,
          html: `<!doctype html><html lang="en"><body>${'<p>News of the series.</p>'.repeat(40)}</body></html>`,
          headers: { 'List-Unsubscribe': `<https://colloquy.test/en/newsletter/unsubscribe/${i}>` },
        }),
      );
    try {
      await mailer.sendMany(edition(10, 'small'));
      const forTen = statements;
      statements = 0;
      // Measured: 0.16-0.22 s for 1,000 messages of 1 KB (embedded PostgreSQL, 2 cores).
      const queued = await mailer.sendMany(edition(1_000, 'large'));
      const forThousand = statements;

      // BEGIN, the outbox INSERT, pg-boss's job INSERT, COMMIT.
      expect([forTen, forThousand]).toEqual([4, 4]);
      expect(new Set(queued.map((q) => q.id)).size).toBe(1_000);
      const counts = await deps.db.execute<{ rows: number; jobs: number }>(sql`
        SELECT (SELECT count(*)::int FROM mail_outbox
                 WHERE dedupe_key LIKE 'test.edition:large:%' AND status = 'queued') AS rows,
               (SELECT count(*)::int FROM ${sql.identifier(QUEUE_SCHEMA)}.job
                 WHERE name = ${MAIL_QUEUE} AND id = ANY(${sql.param(queued.map((q) => q.id))}::uuid[])) AS jobs`);
      expect(counts.rows[0]).toEqual({ rows: 1_000, jobs: 1_000 });
    } finally {
      await counting.end();
    }
  });
});

describe('mail configuration', () => {
  test('takes smtp:// and smtps:// URLs and a From with or without a name', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://user:secret@mail.example.org:465',
      MAIL_FROM: 'wipo@example.org',
    });

    expect([config.SMTP_URL, config.MAIL_FROM]).toEqual([
      'smtps://user:secret@mail.example.org:465',
      'wipo@example.org',
    ]);
    expect(loadConfig({}).MAIL_FROM).toBe('Colloquy <no-reply@localhost>');
  });

  test('refuses another scheme and a From without an address, naming the variables', () => {
    let error: unknown;
    try {
      loadConfig({ SMTP_URL: 'http://mail.example.org', MAIL_FROM: 'Colloquy' });
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'MAIL_FROM',
      'SMTP_URL',
    ]);
  });
});
