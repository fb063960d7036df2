// "Download my data" lists the mail Colloquy sent or will send to the person, as the outbox keeps
// it (docs/adr/0026-outbox-retention.md): real mail written through the outbox and delivered to a
// real SMTP server on loopback (test/smtp-sink.ts), with the retention window on.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app';
import { signedInUser } from '../../../test/accounts';
import { makeOutgoingMail } from '../../../test/factories';
import { SmtpSink } from '../../../test/smtp-sink';
import { createTestDeps, TEST_NOW, type TestDeps } from '../../../test/test-deps';
import type { Clock } from '../../platform/clock';
import { mailOutbox } from '../../platform/mail/mail.tables';
import { templateVariable } from '../../platform/mail/outbox.repo';

const sink = new SmtpSink();
let deps: TestDeps;
let now = new Date(TEST_NOW);
const clock: Clock = { now: () => new Date(now) };
const DAY_MS = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  await sink.start();
  deps = await createTestDeps({
    env: { SMTP_URL: sink.url, MAIL_POLL_INTERVAL_S: '0.5', MAIL_RETENTION_DAYS: '30' },
    clock,
  });
});
afterAll(async () => {
  await deps?.close();
  await sink.stop();
});

/** Waits until the worker has sent every message written so far. */
async function untilNoneQueued() {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const queued = await deps.db.select().from(mailOutbox).where(eq(mailOutbox.status, 'queued'));
    if (queued.length === 0) return;
    if (Date.now() > deadline) throw new Error(`still queued: ${queued.map((m) => m.subject).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('download my data: mail', () => {
  test('lists the mail to the person’s address within the retention window: subject, status, dates, text, attachments by name', async () => {
    const { app } = await createApp(deps);
    const email = 'nadia@example.org';
    // Older than the 30 days the outbox keeps sent mail (not swept yet: the sweep runs hourly).
    now = new Date(Date.parse(TEST_NOW) - 31 * DAY_MS);
    await deps.mailer.send(makeOutgoingMail({ to: email, subject: 'Too old to keep' }));
    await untilNoneQueued();
    now = new Date(TEST_NOW);
    const person = await signedInUser(deps, { email });
    const asked = await app.inject({ method: 'POST', url: '/fr/sign-in', payload: { email } });
    expect(asked.statusCode).toBe(303);
    now = new Date(Date.parse(TEST_NOW) + 60_000);
    const calendar = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';
    await deps.mailer.send(
      makeOutgoingMail({
        to: 'Nadia@Example.org',
        kind: 'registration.confirmed',
        subject: 'Your place is confirmed',
        text: 'See you at session 9.',
        attachments: [
          { filename: 'session-9.ics', contentType: 'text/calendar; charset=utf-8', content: calendar },
          { filename: 'check-in.png', contentType: 'image/png', content: Buffer.from([137, 80]), cid: 'qr' },
        ],
      }),
    );
    now = new Date(Date.parse(TEST_NOW) + 120_000);
    await deps.mailer.sendBulk('test.edition:1', [
      {
        kind: 'newsletter.edition',
        locale: 'en',
        subject: 'News for you',
        text: `Dear ${templateVariable('name')}, the news.`,
        html: '<p>The news.</p>',
        recipients: [
          { to: email, vars: { name: 'Nadia' } },
          { to: 'omar@example.org', vars: { name: 'Omar' } },
        ],
      },
    ]);
    await deps.mailer.send(makeOutgoingMail({ to: 'omar@example.org', subject: 'Not for Nadia' }));
    await untilNoneQueued();
    now = new Date(Date.parse(TEST_NOW) + 180_000);

    const res = await app.inject({ url: '/en/account/data', headers: person.headers });

    expect(res.statusCode).toBe(200);
    const { mail } = res.json().accounts;
    const signInText = String(mail.messages[2]?.text);
    expect(mail).toEqual({
      keptForDays: 30,
      messages: [
        {
          kind: 'newsletter.edition',
          to: email,
          language: 'en',
          subject: 'News for you',
          status: 'sent',
          writtenAt: '2026-11-25T10:02:00.000Z',
          sentAt: '2026-11-25T10:02:00.000Z',
          text: 'Dear Nadia, the news.',
          attachments: [],
        },
        {
          kind: 'registration.confirmed',
          to: 'Nadia@Example.org',
          language: 'en',
          subject: 'Your place is confirmed',
          status: 'sent',
          writtenAt: '2026-11-25T10:01:00.000Z',
          sentAt: expect.stringMatching(/^2026-11-25T10:0[12]:00\.000Z$/),
          text: 'See you at session 9.',
          attachments: [
            { fileName: 'session-9.ics', mediaType: 'text/calendar; charset=utf-8' },
            { fileName: 'check-in.png', mediaType: 'image/png' },
          ],
        },
        {
          kind: 'accounts.sign-in',
          to: email,
          language: 'fr',
          subject: 'Votre lien de connexion à Colloquy',
          status: 'sent',
          writtenAt: '2026-11-25T10:00:00.000Z',
          sentAt: expect.stringMatching(/^2026-11-25T10:0[012]:00\.000Z$/),
          text: signInText,
          attachments: [],
        },
      ],
    });
    expect(signInText).toContain('/fr/sign-in/link?token=');
    expect(res.body).not.toContain('Too old to keep');
    expect(res.body).not.toContain('Omar');
    expect(res.body).not.toContain('Not for Nadia');
    expect(res.body).not.toContain('contentBase64');
  });

  test('with MAIL_RETENTION_DAYS=0 nothing is left out, held mail included, and the export says mail is kept until the account goes', async () => {
    const keepAll = await createTestDeps({ env: { MAIL_RETENTION_DAYS: '0' } });
    try {
      const { app } = await createApp(keepAll);
      const person = await signedInUser(keepAll, { email: 'li@example.org' });
      await keepAll.mailer.send(makeOutgoingMail({ to: person.email, locale: 'zh', subject: '您好' }));

      const res = await app.inject({ url: '/zh/account/data', headers: person.headers });

      expect(res.json().accounts.mail).toEqual({
        keptForDays: null,
        messages: [
          {
            kind: 'test.message',
            to: 'li@example.org',
            language: 'zh',
            subject: '您好',
            status: 'held',
            writtenAt: TEST_NOW.replace('Z', '.000Z'),
            sentAt: null,
            text: 'Hello Ada',
            attachments: [],
          },
        ],
      });
    } finally {
      await keepAll.close();
    }
  });
});
