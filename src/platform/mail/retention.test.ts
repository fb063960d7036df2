// Outbox retention (docs/adr/0026-outbox-retention.md): the sweep deletes single messages and
// erases bulk ones once they are final and older than MAIL_RETENTION_DAYS, leaving what is newer or
// still queued; erasing an address forgets its mail at once and stops what is still queued.
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeOutgoingMail } from '../../../test/factories';
import { createTestDeps, TEST_NOW, type TestDeps } from '../../../test/test-deps';
import type { Clock } from '../clock';
import { mailOutbox } from './mail.tables';
import { countOutboxMailByBatch, ERASED_ADDRESS, eraseOutboxMailTo, type MailStatus } from './outbox.repo';
import { sweepOutbox } from './retention';
import { startMail } from './start-mail';

const DAY = 24 * 60 * 60 * 1000;
let now = new Date(TEST_NOW);
const clock: Clock = { now: () => new Date(now) };
let deps: TestDeps;

beforeAll(async () => {
  deps = await createTestDeps({ clock });
});
afterAll(() => deps?.close());

/** A single message to `to`, in `status`, made `ageDays` before now. */
async function single(to: string, status: MailStatus, ageDays: number) {
  const { id } = await deps.mailer.send(makeOutgoingMail({ to, kind: 'test.single' }));
  await setRow(id, status, ageDays);
  return id;
}

/** A bulk send to `recipients`, every row in `status`, made `ageDays` before now. */
async function bulk(batch: string, recipients: string[], status: MailStatus, ageDays: number) {
  await deps.mailer.sendBulk(batch, [
    {
      kind: 'test.bulk',
      locale: 'en',
      subject: 'Edition',
      text: 'Hello',
      html: '<p>Hello</p>',
      recipients: recipients.map((to, i) => ({ to, vars: { token: `token-${batch}-${i}` } })),
    },
  ]);
  const { rows } = await deps.db.execute<{ id: string }>(
    sql`SELECT o.id FROM mail_outbox o JOIN mail_templates t ON t.id = o.template_id WHERE t.batch_key = ${batch}`,
  );
  for (const { id } of rows) await setRow(id, status, ageDays);
  return rows.map((r) => r.id);
}

async function setRow(id: string, status: MailStatus, ageDays: number) {
  await deps.db
    .update(mailOutbox)
    .set({ status, createdAt: new Date(now.getTime() - ageDays * DAY) })
    .where(eq(mailOutbox.id, id));
}

const rowsOf = (ids: string[]) => deps.db.select().from(mailOutbox).where(inArray(mailOutbox.id, ids));

describe('the retention sweep', () => {
  test('deletes old final single messages, erases old bulk ones, keeps the new and the queued', async () => {
    now = new Date(TEST_NOW);
    const oldSent = await single('old-sent@example.org', 'sent', 31);
    const oldFailed = await single('old-failed@example.org', 'failed', 40);
    const oldHeld = await single('old-held@example.org', 'held', 90);
    const oldQueued = await single('old-queued@example.org', 'queued', 31);
    const recent = await single('recent@example.org', 'sent', 29);
    const oldBulk = await bulk('test.sweep:old', ['a@example.org', 'b@example.org'], 'sent', 31);
    const newBulk = await bulk('test.sweep:new', ['c@example.org'], 'sent', 1);
    const before = await countOutboxMailByBatch(deps.db, 'test.sweep:old');

    const swept = await sweepOutbox(deps.db, { clock, retentionDays: 30 });

    expect(swept).toMatchObject({ deleted: 3, erased: 2 });
    expect(swept.before).toEqual(new Date(new Date(TEST_NOW).getTime() - 30 * DAY));
    expect((await rowsOf([oldSent, oldFailed, oldHeld])).length).toBe(0);
    expect((await rowsOf([oldQueued, recent])).map((r) => r.toAddress).sort()).toEqual([
      'old-queued@example.org',
      'recent@example.org',
    ]);
    const erased = await rowsOf(oldBulk);
    expect(erased.map((r) => [r.toAddress, r.vars, r.headers, r.status])).toEqual([
      [ERASED_ADDRESS, null, {}, 'sent'],
      [ERASED_ADDRESS, null, {}, 'sent'],
    ]);
    // The edition's progress still counts its messages.
    expect(await countOutboxMailByBatch(deps.db, 'test.sweep:old')).toEqual(before);
    expect((await rowsOf(newBulk))[0]).toMatchObject({
      toAddress: 'c@example.org',
      vars: { token: expect.any(String) },
    });

    // A second round finds nothing more to do.
    expect(await sweepOutbox(deps.db, { clock, retentionDays: 30 })).toMatchObject({ deleted: 0, erased: 0 });
  });

  test('a round given the previous cut looks only at rows made since then', async () => {
    now = new Date(new Date(TEST_NOW).getTime() + 400 * DAY);
    const veryOld = await single('very-old@example.org', 'sent', 200);
    const old = await single('old@example.org', 'sent', 35);

    const swept = await sweepOutbox(deps.db, {
      clock,
      retentionDays: 30,
      after: new Date(now.getTime() - 100 * DAY),
    });

    expect(swept).toMatchObject({ deleted: 1, erased: 0 });
    expect((await rowsOf([veryOld, old])).map((r) => r.toAddress)).toEqual(['very-old@example.org']);
  });
});

describe('erasing an address', () => {
  test('deletes its single messages, erases its bulk ones and stops those still queued; others stay', async () => {
    now = new Date(TEST_NOW);
    const mine = await single('Leaver@Example.org', 'sent', 0);
    const [queuedBulk, othersBulk] = await bulk(
      'test.erase:1',
      ['leaver@example.org', 'stays@example.org'],
      'queued',
      0,
    );
    const [sentBulk] = await bulk('test.erase:2', ['LEAVER@example.org'], 'sent', 0);
    const others = await single('stays@example.org', 'held', 0);

    const result = await eraseOutboxMailTo(deps.db, 'leaver@example.org');

    expect(result).toEqual({ deleted: 1, erased: 2 });
    expect(await rowsOf([mine])).toEqual([]);
    const [stopped] = await rowsOf([queuedBulk!]);
    expect(stopped).toMatchObject({
      toAddress: ERASED_ADDRESS,
      vars: null,
      status: 'failed',
      lastError: 'recipient erased',
    });
    expect((await rowsOf([sentBulk!]))[0]).toMatchObject({
      toAddress: ERASED_ADDRESS,
      status: 'sent',
      lastError: null,
    });
    expect((await rowsOf([othersBulk!, others])).map((r) => [r.toAddress, r.status]).sort()).toEqual([
      ['stays@example.org', 'held'],
      ['stays@example.org', 'queued'],
    ]);
  });
});

describe('the sweep in a server', () => {
  test('startMail sweeps at once in the server with MAIL_RETENTION_DAYS set, never with 0 or in the CLI', async () => {
    now = new Date(TEST_NOW);
    const old = await single('old-for-start@example.org', 'sent', 8);
    const start = (days: number, worker: boolean) =>
      startMail({
        config: { ...deps.config, MAIL_RETENTION_DAYS: days },
        db: deps.db,
        url: deps.url,
        clock,
        log: deps.log,
        worker,
      });

    for (const [days, worker] of [
      [0, true],
      [7, false],
    ] as const) {
      const mail = await start(days, worker);
      await mail.stop(); // waits for a round under way
      expect(await rowsOf([old]), `days ${days}, worker ${worker}`).toHaveLength(1);
    }
    const server = await start(7, true);
    await server.stop();
    expect(await rowsOf([old])).toEqual([]);
  });
});
