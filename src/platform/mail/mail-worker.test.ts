// Delivery through the queue and a real SMTP server on loopback (test/smtp-sink.ts), with short
// retry delays: every wait between attempts is 1 s (MAIL_RETRY_DELAY_MAX_S), two retries.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDeps, TEST_NOW, type TestDeps } from '../../../test/test-deps';
import { makeOutgoingMail } from '../../../test/factories';
import { SmtpSink } from '../../../test/smtp-sink';
import { MAIL_QUEUE, QUEUE_SCHEMA } from './mail-queue';
import { findOutboxMail, type OutboxMail } from './outbox.repo';

const RETRY_LIMIT = 2;
const sink = new SmtpSink({ rejectRecipient: (address) => address.startsWith('nobody@') });
let deps: TestDeps;

beforeAll(async () => {
  await sink.start();
  deps = await createTestDeps({
    env: {
      SMTP_URL: sink.url,
      MAIL_FROM: 'Colloquy <no-reply@colloquy.test>',
      MAIL_RETRY_LIMIT: String(RETRY_LIMIT),
      MAIL_RETRY_DELAY_S: '1',
      MAIL_RETRY_DELAY_MAX_S: '1',
      MAIL_POLL_INTERVAL_S: '0.5',
    },
  });
});

afterAll(async () => {
  await deps?.close();
  await sink.stop();
});

/** Polls `read` until `done` holds for what it returns, or fails after `timeoutMs`. */
async function waitUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`waitUntil: timed out; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function outboxRows(ids: readonly string[]): Promise<OutboxMail[]> {
  const rows = await Promise.all(ids.map((id) => findOutboxMail(deps.db, id)));
  return rows.map((row) => row!);
}

async function jobStates(ids: readonly string[]): Promise<string[]> {
  const result = await deps.db.execute<{ state: string }>(
    sql`SELECT state FROM ${sql.identifier(QUEUE_SCHEMA)}.job
        WHERE name = ${MAIL_QUEUE} AND id = ANY(${sql.param(ids)}::uuid[])`,
  );
  return result.rows.map((row) => row.state);
}

describe('the mail worker', () => {
  test('delivers a message with its subject, both parts, recipient, headers and language', async () => {
    const { id } = await deps.mailer.send(
      makeOutgoingMail({
        to: 'camille@example.org',
        locale: 'fr',
        kind: 'newsletter.edition',
        subject: 'Lettre d’information : la conversation n° 12',
        text: 'Bonjour Camille,\n\nLa douzième session porte sur les médias synthétiques.',
        html: '<!doctype html><html lang="fr"><body><p>Bonjour Camille,</p><p>La douzième session porte sur les médias synthétiques.</p></body></html>',
        headers: {
          'List-Unsubscribe': '<https://colloquy.test/fr/newsletter/unsubscribe/tok123>',
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      }),
    );

    const [received] = await sink.waitFor(1, { to: 'camille@example.org' });
    const row = await waitUntil(
      () => findOutboxMail(deps.db, id),
      (r) => r?.status === 'sent',
    );

    expect(received!.envelope).toEqual({ from: 'no-reply@colloquy.test', to: ['camille@example.org'] });
    expect(received!.messageId).toBe(`<${id}@colloquy.test>`);
    expect(received!.subject).toBe('Lettre d’information : la conversation n° 12');
    expect(received!.text?.trim()).toBe(
      'Bonjour Camille,\n\nLa douzième session porte sur les médias synthétiques.',
    );
    expect(received!.html).toBe(
      '<!doctype html><html lang="fr"><body><p>Bonjour Camille,</p><p>La douzième session porte sur les médias synthétiques.</p></body></html>',
    );
    // The header lines as they arrived (mailparser folds List-* headers into one structure).
    const lines = Object.fromEntries(received!.headerLines.map((h) => [h.key, h.line]));
    expect(lines).toMatchObject({
      'content-language': 'Content-Language: fr',
      'list-unsubscribe': 'List-Unsubscribe: <https://colloquy.test/fr/newsletter/unsubscribe/tok123>',
      'list-unsubscribe-post': 'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    });
    expect(row).toMatchObject({
      status: 'sent',
      attempts: 1,
      lastError: null,
      sentAt: new Date(TEST_NOW),
      nextAttemptAt: null,
    });
  });

  test('delivers a single message’s attachments byte for byte: a calendar file and an inline image', async () => {
    const ics =
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\nSUMMARY:Séance n° 9\r\nEND:VCALENDAR\r\n';
    // Every byte value, so base64 and the transfer encoding are both exercised.
    const png = Uint8Array.from({ length: 256 }, (_, i) => i);
    const { id } = await deps.mailer.send(
      makeOutgoingMail({
        to: 'ines@example.org',
        html: '<!doctype html><html lang="en"><body><img src="cid:qr@colloquy" alt="QR"></body></html>',
        attachments: [
          {
            filename: 'session-9.ics',
            contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
            content: ics,
          },
          { filename: 'check-in.png', contentType: 'image/png', content: png, cid: 'qr@colloquy' },
        ],
      }),
    );

    const [received] = await sink.waitFor(1, { to: 'ines@example.org' });
    await waitUntil(
      () => findOutboxMail(deps.db, id),
      (r) => r?.status === 'sent',
    );
    const byName = (name: string) => received!.attachments.find((a) => a.filename === name);
    const calendar = byName('session-9.ics');
    const image = byName('check-in.png');
    expect(received!.attachments).toHaveLength(2);
    expect(calendar).toMatchObject({ filename: 'session-9.ics', contentType: 'text/calendar' });
    expect(calendar!.headers.get('content-type')).toMatchObject({
      value: 'text/calendar',
      params: { charset: 'utf-8', method: 'PUBLISH' },
    });
    expect(calendar!.content.toString('utf8')).toBe(ics);
    expect(image).toMatchObject({ filename: 'check-in.png', contentType: 'image/png', cid: 'qr@colloquy' });
    expect(image!.contentDisposition).toBe('inline');
    expect([...image!.content]).toEqual([...png]);
  });

  test('a bulk message carries no attachment', async () => {
    await deps.mailer.sendBulk('test.bulk-attachments', [
      {
        kind: 'test.bulk',
        locale: 'en',
        subject: 'Edition',
        text: 'Text',
        html: '<!doctype html><html lang="en"><body><p>Text</p></body></html>',
        recipients: [{ to: 'bulk-reader@example.org', vars: {} }],
      },
    ]);
    const [received] = await sink.waitFor(1, { to: 'bulk-reader@example.org' });
    expect(received!.attachments).toEqual([]);
  });

  test('the SMTP server is down: 20 messages wait, then arrive exactly once each when it is back', async () => {
    await sink.stop();
    const recipients = Array.from({ length: 20 }, (_, i) => `delegate${i}@example.org`);
    const queued = await deps.mailer.sendMany(
      recipients.map((to) => makeOutgoingMail({ to, kind: 'test.outage' })),
    );
    const ids = queued.map((q) => q.id);

    // Every message has been tried once and refused (connection refused) before the server returns.
    const refused = await waitUntil(
      () => outboxRows(ids),
      (rows) => rows.every((row) => row.attempts >= 1),
    );
    await sink.start();
    const sent = await waitUntil(
      () => outboxRows(ids),
      (rows) => rows.every((row) => row.status === 'sent'),
    );
    expect(
      await waitUntil(
        () => jobStates(ids),
        (states) => states.every((s) => s === 'completed'),
      ),
    ).toHaveLength(20);

    const arrived = sink.messages.filter((m) => m.envelope.to.some((to) => recipients.includes(to)));
    expect(arrived.map((m) => m.messageId).sort()).toEqual(ids.map((id) => `<${id}@colloquy.test>`).sort());
    expect(arrived.map((m) => m.envelope.to[0]).sort()).toEqual([...recipients].sort());
    expect(
      refused.every((row) => row.status === 'queued' && /ECONNREFUSED|connect/i.test(row.lastError ?? '')),
    ).toBe(true);
    expect(
      sent.every((row) => row.attempts >= 2 && row.lastError === null && row.nextAttemptAt === null),
    ).toBe(true);
  });

  test('a message the server refuses for good is marked failed after its retries, with the error', async () => {
    const { id } = await deps.mailer.send(
      makeOutgoingMail({ to: 'nobody@example.org', kind: 'test.bounce' }),
    );

    const row = await waitUntil(
      () => findOutboxMail(deps.db, id),
      (r) => r?.status === 'failed',
    );

    expect(row).toMatchObject({
      status: 'failed',
      attempts: RETRY_LIMIT + 1,
      sentAt: null,
      nextAttemptAt: null,
    });
    expect(row!.lastError).toMatch(/550/);
    expect(
      await waitUntil(
        () => jobStates([id]),
        (states) => states[0] === 'failed',
      ),
    ).toEqual(['failed']);
    expect(sink.messages.filter((m) => m.envelope.to.includes('nobody@example.org'))).toEqual([]);
  });

  test('a message already sent is not sent again when its job runs twice', async () => {
    const { id } = await deps.mailer.send(makeOutgoingMail({ to: 'grace@example.org', kind: 'test.twice' }));
    await sink.waitFor(1, { to: 'grace@example.org' });
    await waitUntil(
      () => findOutboxMail(deps.db, id),
      (r) => r?.status === 'sent',
    );

    // Put its finished job back in the queue, as a second delivery of the same job would.
    await deps.db.execute(
      sql`UPDATE ${sql.identifier(QUEUE_SCHEMA)}.job SET state = 'created', start_after = now(), completed_on = NULL
          WHERE name = ${MAIL_QUEUE} AND id = ${id}`,
    );
    await waitUntil(
      () => jobStates([id]),
      (states) => states[0] === 'completed',
    );

    expect(sink.messages.filter((m) => m.envelope.to.includes('grace@example.org'))).toHaveLength(1);
    expect(await findOutboxMail(deps.db, id)).toMatchObject({ status: 'sent', attempts: 1 });
  });
});
