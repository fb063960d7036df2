// The sign-in mail through a real SMTP server on loopback (test/smtp-sink.ts): the message as a
// person receives it, in the language of the page they asked from.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app';
import { SmtpSink } from '../../../test/smtp-sink';
import { createTestDeps, TEST_NOW, type TestDeps } from '../../../test/test-deps';
import type { Clock } from '../../platform/clock';

const sink = new SmtpSink();
let deps: TestDeps;
let now = new Date(TEST_NOW);
const clock: Clock = { now: () => new Date(now) };

beforeAll(async () => {
  await sink.start();
  deps = await createTestDeps({ env: { SMTP_URL: sink.url, MAIL_POLL_INTERVAL_S: '0.5' }, clock });
});
afterAll(async () => {
  await deps?.close();
  await sink.stop();
});

function linkAndCode(text: string) {
  const link = /(https?:\/\/\S+\/sign-in\/link\?token=([\w-]+))/.exec(text);
  const code = /^(\d{6})$/m.exec(text);
  if (!link?.[1] || !link[2] || !code?.[1]) throw new Error(`no link or code in: ${text}`);
  const url = new URL(link[1]);
  return { path: url.pathname + url.search, token: link[2], code: code[1] };
}

async function ask(app: Awaited<ReturnType<typeof createApp>>['app'], email: string, locale: string) {
  const res = await app.inject({ method: 'POST', url: `/${locale}/sign-in`, payload: { email } });
  expect(res.statusCode).toBe(303);
  const [mail] = await sink.waitFor(1, { to: email });
  return { mail: mail!, requestId: /request=([0-9a-f-]+)/.exec(res.headers.location!)![1]! };
}

describe('sign-in mail over SMTP', () => {
  test('arrives in the recipient’s language, plain text and HTML, and its link works once', async () => {
    const { app } = await createApp(deps);
    const email = 'layla@example.org';

    const { mail } = await ask(app, email, 'ar');

    expect(mail.subject).toBe('رابط تسجيل دخولك إلى Colloquy');
    expect(mail.headers.get('content-language')).toBe('ar');
    expect(mail.text).toContain('افتح هذا الرابط لتسجيل الدخول.');
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    const { path, token, code } = linkAndCode(mail.text!);
    expect(mail.html).toContain(`/ar/sign-in/link?token=${token}`);
    expect(mail.html).toContain(code);
    expect(path.startsWith('/ar/sign-in/link?token=')).toBe(true);

    const first = await app.inject({ method: 'POST', url: '/ar/sign-in/link', payload: { token } });
    const second = await app.inject({ method: 'POST', url: '/ar/sign-in/link', payload: { token } });

    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/ar/account?notice=welcome');
    expect(second.statusCode).toBe(400);
    expect(second.body).toContain('سبق استخدام رابط أو رمز تسجيل الدخول هذا');
  });

  test('the code from the mail signs in on the page that asked', async () => {
    const { app } = await createApp(deps);
    const email = 'wei@example.org';

    const { mail, requestId } = await ask(app, email, 'zh');
    const { code } = linkAndCode(mail.text!);
    const res = await app.inject({
      method: 'POST',
      url: '/zh/sign-in/code',
      payload: { request: requestId, code },
    });

    expect(mail.subject).toBe('您的 Colloquy 登录链接');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/zh/account?notice=welcome');
  });

  test('an expired link is refused, with the message in the page’s language', async () => {
    const { app } = await createApp(deps);
    const email = 'pierre@example.org';
    const { mail } = await ask(app, email, 'fr');
    const { token } = linkAndCode(mail.text!);

    now = new Date(new Date(TEST_NOW).getTime() + 15 * 60_000 + 1);
    try {
      const page = await app.inject({ url: `/fr/sign-in/link?token=${token}` });
      const post = await app.inject({ method: 'POST', url: '/fr/sign-in/link', payload: { token } });

      expect(mail.subject).toBe('Votre lien de connexion à Colloquy');
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('Ce lien ou ce code de connexion a expiré');
      expect(post.statusCode).toBe(400);
      expect(post.body).toContain('Obtenir un nouveau lien de connexion');
    } finally {
      now = new Date(TEST_NOW);
    }
  });
});
