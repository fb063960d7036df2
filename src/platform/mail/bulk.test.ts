// Bulk sends (sendBulk): the template stored once, one small row per recipient, variables filled
// in when the message is read or sent, dedupe keys, progress by batch; and delivery of such rows
// through the queue to a real SMTP server, with the server down for a while.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import { SmtpSink } from '../../../test/smtp-sink';
import type { BulkMail } from './mailer';
import { countOutboxMailByBatch, findOutboxMail, renderTemplate, templateVariable } from './outbox.repo';

const bulk = (batch: string, n: number, over: Partial<BulkMail> = {}): BulkMail => ({
  kind: 'test.bulk',
  locale: 'fr',
  subject: `Numéro ${templateVariable('n')}`,
  text: `Bonjour ${templateVariable('who')},\nDésabonnement : https://colloquy.test/fr/u?token=${templateVariable('token')}`,
  html: `<p title="${templateVariable('who')}"><a href="https://colloquy.test/fr/u?token=${templateVariable('token')}">x</a></p>`,
  headers: { 'List-Unsubscribe': `<https://colloquy.test/fr/u?token=${templateVariable('token')}>` },
  recipients: Array.from({ length: n }, (_, i) => ({
    to: `reader${i}@example.org`,
    vars: { n: String(i), token: `t${i}`, who: `A&<"${i}` },
    dedupeKey: `${batch}:${i}`,
  })),
  ...over,
});

describe('renderTemplate', () => {
  test('fills variables, escapes them where asked, and leaves text without marks alone', () => {
    const template = `a ${templateVariable('x')} b ${templateVariable('missing')}c`;
    expect(renderTemplate(template, { x: '<1>' })).toBe('a <1> b c');
    expect(renderTemplate(template, { x: '<1>' }, (v) => v.replace(/</g, '&lt;'))).toBe('a &lt;1> b c');
    expect(renderTemplate('no marks', null)).toBe('no marks');
  });
});

describe('sendBulk without SMTP', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps();
  });
  afterAll(() => deps?.close());

  test('stores the template once and a row per recipient, which reads back filled in', async () => {
    const result = await deps.mailer.sendBulk('test.batch:1', [bulk('b1', 3)]);
    expect(result).toEqual({ written: 3, skipped: 0 });

    const { rows } = await deps.db.execute<{ id: string; subject: string | null; text: string | null }>(
      sql`SELECT id, subject, text FROM mail_outbox WHERE dedupe_key LIKE 'b1:%' ORDER BY dedupe_key`,
    );
    expect(rows.map((r) => [r.subject, r.text])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    const templates = await deps.db.execute(
      sql`SELECT 1 FROM mail_templates WHERE batch_key = 'test.batch:1'`,
    );
    expect(templates.rows).toHaveLength(1);

    const second = await findOutboxMail(deps.db, rows[1]!.id);
    expect(second).toMatchObject({
      status: 'held',
      toAddress: 'reader1@example.org',
      locale: 'fr',
      subject: 'Numéro 1',
      text: 'Bonjour A&<"1,\nDésabonnement : https://colloquy.test/fr/u?token=t1',
      html: '<p title="A&amp;&lt;&quot;1"><a href="https://colloquy.test/fr/u?token=t1">x</a></p>',
      headers: { 'List-Unsubscribe': '<https://colloquy.test/fr/u?token=t1>' },
    });
    expect(await countOutboxMailByBatch(deps.db, 'test.batch:1')).toEqual({
      queued: 0,
      sent: 0,
      failed: 0,
      held: 3,
    });
  });

  test('skips recipients whose dedupe key is already in the outbox', async () => {
    await deps.mailer.sendBulk('test.batch:2', [bulk('b2', 2)]);
    const again = await deps.mailer.sendBulk('test.batch:2b', [bulk('b2', 4)]);
    expect(again).toEqual({ written: 2, skipped: 2 });
  });

  test('sends a batch at most once per language: a second call writes nothing for a language already sent', async () => {
    const first = await deps.mailer.sendBulk('test.batch:once', [bulk('o1', 3, { locale: 'fr' })]);
    const again = await deps.mailer.sendBulk('test.batch:once', [
      bulk('o2', 3, { locale: 'fr' }),
      bulk('o3', 2, { locale: 'ar' }),
    ]);
    expect(first).toEqual({ written: 3, skipped: 0 });
    expect(again).toEqual({ written: 2, skipped: 3 });
    expect(await countOutboxMailByBatch(deps.db, 'test.batch:once')).toEqual({
      queued: 0,
      sent: 0,
      failed: 0,
      held: 5,
    });
  });

  test('refuses a bad address or a header with a line break, writing nothing', async () => {
    await expect(
      deps.mailer.sendBulk('test.batch:3', [bulk('b3', 1, { recipients: [{ to: 'a@b, c@d', vars: {} }] })]),
    ).rejects.toThrow('"to" must be one bare address');
    await expect(
      deps.mailer.sendBulk('test.batch:3', [bulk('b3', 1, { headers: { 'X-A': 'a\r\nBcc: x@y' } })]),
    ).rejects.toThrow('line break in header "X-A"');
    expect(await countOutboxMailByBatch(deps.db, 'test.batch:3')).toEqual({
      queued: 0,
      sent: 0,
      failed: 0,
      held: 0,
    });
  });
});

describe('sendBulk with SMTP', () => {
  const sink = new SmtpSink({ rejectRecipient: (address) => address.startsWith('nobody') });
  let deps: TestDeps;
  beforeAll(async () => {
    await sink.start();
    deps = await createTestDeps({
      env: {
        SMTP_URL: sink.url,
        MAIL_RETRY_LIMIT: '2',
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

  test('the server is down: every bulk message arrives once, filled in, when it is back', async () => {
    await sink.stop();
    await deps.mailer.sendBulk('test.batch:smtp', [bulk('s', 30)]);
    await new Promise((r) => setTimeout(r, 1500));
    await sink.start();
    const arrived = await sink.waitFor(30, { timeoutMs: 20_000 });
    await new Promise((r) => setTimeout(r, 500));

    expect(sink.messages).toHaveLength(30);
    expect(arrived.map((m) => m.subject).sort()).toEqual(
      Array.from({ length: 30 }, (_, i) => `Numéro ${i}`).sort(),
    );
    const seven = arrived.find((m) => m.envelope.to[0] === 'reader7@example.org')!;
    expect(seven.subject).toBe('Numéro 7');
    expect(seven.text).toContain('Bonjour A&<"7,');
    expect(seven.text).toContain('token=t7');
    expect(seven.headerLines.find((h) => h.key === 'list-unsubscribe')!.line).toBe(
      'List-Unsubscribe: <https://colloquy.test/fr/u?token=t7>',
    );
    let counts = await countOutboxMailByBatch(deps.db, 'test.batch:smtp');
    for (let i = 0; i < 50 && counts.sent < 30; i++) {
      await new Promise((r) => setTimeout(r, 100));
      counts = await countOutboxMailByBatch(deps.db, 'test.batch:smtp');
    }
    expect(counts).toEqual({ queued: 0, sent: 30, failed: 0, held: 0 });
  });

  test(
    'one refused recipient in a group is retried and fails alone; its neighbours go out once',
    { timeout: 40_000 },
    async () => {
      const mail = bulk('p', 4, { subject: 'Partial' });
      const recipients = [
        ...mail.recipients,
        { to: 'nobody@example.org', vars: { n: 'x', token: 'tx', who: 'N' } },
      ];
      await deps.mailer.sendBulk('test.batch:partial', [{ ...mail, recipients }]);
      let counts = await countOutboxMailByBatch(deps.db, 'test.batch:partial');
      for (let i = 0; i < 300 && counts.failed < 1; i++) {
        await new Promise((r) => setTimeout(r, 100));
        counts = await countOutboxMailByBatch(deps.db, 'test.batch:partial');
      }
      expect(counts).toEqual({ queued: 0, sent: 4, failed: 1, held: 0 });
      const partial = sink.messages.filter((m) => m.subject === 'Partial');
      expect(partial.map((m) => m.envelope.to[0]).sort()).toEqual([
        'reader0@example.org',
        'reader1@example.org',
        'reader2@example.org',
        'reader3@example.org',
      ]);
      const { rows } = await deps.db.execute<{ attempts: number; last_error: string }>(
        sql`SELECT attempts, last_error FROM mail_outbox WHERE to_address = 'nobody@example.org'`,
      );
      expect(rows[0]!.attempts).toBe(3);
      expect(rows[0]!.last_error).toMatch(/550/);
    },
  );
});
