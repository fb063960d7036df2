// The confirmation as it arrives (a real SMTP server on loopback): the session's calendar attached
// and readable by ical.js, the check-in QR code inline, and the QR's address (scanned here with
// jsQR from the received PNG and from the page's SVG) opening the secretariat's check-in, which
// only the secretariat may use (docs/adr/0024).
import ICAL from 'ical.js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app';
import { signedInUser, type SignedInUser } from '../../../test/accounts';
import { makeSeries, makeSession } from '../../../test/factories';
import { SmtpSink, type ReceivedMail } from '../../../test/smtp-sink';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import { OPEN_SETTINGS, postForm } from './registration.test-support';
import { checkInUrl, qrSvgPath } from './service/check-in-qr';
import { saveSettings } from './service/registrations';

const sink = new SmtpSink();
let deps: TestDeps;
let app: Awaited<ReturnType<typeof createApp>>['app'];
let secretariat: SignedInUser;
let seriesId: string;
let sessionNumber = 0;

beforeAll(async () => {
  await sink.start();
  deps = await createTestDeps({
    env: { PUBLIC_URL: 'https://colloquy.test', SMTP_URL: sink.url, MAIL_POLL_INTERVAL_S: '0.5' },
  });
  app = (await createApp(deps)).app;
  secretariat = await signedInUser(deps, { roles: ['secretariat'] });
  seriesId = (await makeSeries(deps.db, { slug: 'ip-frontier' })).id;
});
afterAll(async () => {
  await app?.close();
  await deps?.close();
  await sink.stop();
});

const STARTS = new Date('2026-12-10T09:00:00Z');
const ENDS = new Date('2026-12-10T12:00:00Z');

async function openSession() {
  const number = ++sessionNumber;
  const session = await makeSession(deps.db, { seriesId, number, startsAt: STARTS, endsAt: ENDS });
  const actor = {
    userId: secretariat.id,
    label: 'sec',
    roles: new Set(['participant', 'secretariat'] as const),
  };
  await saveSettings(deps, actor, session.id, OPEN_SETTINGS);
  return { id: session.id, number, path: `/es/series/ip-frontier/sessions/${number}` };
}

function post(url: string, person: SignedInUser, values: Record<string, string>) {
  return postForm(app, url, person, values);
}

async function registerOnsite(person: SignedInUser, path: string, displayName: string) {
  const res = await post(`${path}/register`, person, {
    mode: 'onsite',
    participantCategory: 'ngo_observer',
    stakeholderGroup: 'civil_society',
    country: 'AR',
    displayName,
  });
  expect(res.statusCode).toBe(303);
}

/** Reads a QR symbol from RGBA pixels. */
function scan(rgba: Uint8ClampedArray, width: number, height: number): string | undefined {
  return jsQR(rgba, width, height)?.data;
}

/** The page's SVG drawn as pixels (4 a module, white where no square is), then scanned. */
function scanSvg(svg: string): string | undefined {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]);
  const d = /<path d="([^"]+)"/.exec(svg)![1]!;
  const scale = 4;
  const px = size * scale;
  const rgba = new Uint8ClampedArray(px * px * 4).fill(255);
  for (const [, x, y] of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy++)
      for (let dx = 0; dx < scale; dx++) {
        const i = ((Number(y) * scale + dy) * px + Number(x) * scale + dx) * 4;
        rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
      }
  }
  return scan(rgba, px, px);
}

function attachment(mail: ReceivedMail, filename: string) {
  return mail.attachments.find((a) => a.filename === filename);
}

describe('the confirmation e-mail', () => {
  test('carries the session’s calendar (PUBLISH, same UID as the public file) and the check-in QR inline', async () => {
    const session = await openSession();
    const person = await signedInUser(deps);
    await registerOnsite(person, session.path, 'Lucía Prueba');

    const [mail] = await sink.waitFor(1, { to: person.email });
    const ics = attachment(mail!, `session-${session.number}.ics`);
    expect(ics).toBeDefined();
    expect(ics!.headers.get('content-type')).toMatchObject({
      value: 'text/calendar',
      params: { charset: 'utf-8', method: 'PUBLISH' },
    });
    const calendar = new ICAL.Component(ICAL.parse(ics!.content.toString('utf8')));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(1);
    expect(events[0]!.uid).toBe(`session-${session.id}@colloquy`);
    expect(events[0]!.startDate.toJSDate()).toEqual(STARTS);
    expect(events[0]!.endDate.toJSDate()).toEqual(ENDS);
    expect(events[0]!.summary).toBe(`Sesión ${session.number}: Session title ${session.number}`);

    const png = attachment(mail!, 'check-in.png');
    expect(png).toMatchObject({ contentType: 'image/png', contentDisposition: 'inline' });
    // mailparser resolves `cid:` references: the image the HTML shows is this attachment.
    expect(png!.cid).toMatch(/^check-in-.+@colloquy$/);
    expect(mail!.html).toContain(`<img src="data:image/png;base64,${png!.content.toString('base64')}"`);
    const code = /<strong[^>]*>([A-Z0-9]{8})<\/strong>/.exec(mail!.html as string)![1]!;
    const image = PNG.sync.read(png!.content);
    const expected = checkInUrl('https://colloquy.test', 'es', session.id, code);
    expect(scan(new Uint8ClampedArray(image.data), image.width, image.height)).toBe(expected);
    // The text part keeps the code for mail programs that show no images.
    expect(mail!.text).toContain(code);
  });

  test('an online place gets the calendar and no QR code; a waitlisted person neither', async () => {
    const session = await openSession();
    const online = await signedInUser(deps);
    const res = await post(`${session.path}/register`, online, {
      mode: 'online',
      participantCategory: 'other',
      stakeholderGroup: 'academia',
      country: 'CL',
      displayName: 'En Línea',
    });
    expect(res.statusCode).toBe(303);
    const [mail] = await sink.waitFor(1, { to: online.email });
    expect(mail!.attachments.map((a) => a.filename)).toEqual([`session-${session.number}.ics`]);

    const pending = await signedInUser(deps);
    await post(`${session.path}/register`, pending, {
      mode: 'onsite',
      participantCategory: 'member_state',
      stakeholderGroup: 'government',
      country: 'UY',
      displayName: 'Delegado Pendiente',
    });
    const [received] = await sink.waitFor(1, { to: pending.email });
    expect(received!.attachments).toEqual([]);
  });
});

describe('the QR code’s address', () => {
  test('encodes the secretariat’s check-in URL for the registration (the segments, and a scan of the page’s SVG)', async () => {
    const session = await openSession();
    const person = await signedInUser(deps);
    await registerOnsite(person, session.path, 'Mateo Prueba');
    const page = await app.inject({
      method: 'GET',
      url: `${session.path}/register`,
      headers: person.headers,
    });
    expect(page.statusCode).toBe(200);
    const code = /class="check-in-code"[^>]*>.*?<strong>([A-Z0-9]{8})<\/strong>/s.exec(page.body)![1]!;
    const url = checkInUrl('https://colloquy.test', 'es', session.id, code);
    expect(url).toBe(`https://colloquy.test/es/admin/registrations/${session.id}/check-in?code=${code}`);

    // What the encoder was given, read back from its segments.
    const segments = QRCode.create(url, { errorCorrectionLevel: 'M' }).segments;
    const text = segments
      .map((s) => (typeof s.data === 'string' ? s.data : Buffer.from(s.data).toString('utf8')))
      .join('');
    expect(text).toBe(url);
    // What the page draws, scanned.
    const svg = /<svg class="qr-code"[\s\S]*?<\/svg>/.exec(page.body)![0];
    expect(svg).toContain(
      `aria-label="Código QR de acreditación para el código ${code}: muéstrelo en la entrada"`,
    );
    expect(scanSvg(svg)).toBe(url);
    expect(qrSvgPath(url).path).toBe(/<path d="([^"]+)"/.exec(svg)![1]);
  });

  test('opens a confirmation for the secretariat, who checks the person in; nobody else gets anything', async () => {
    const session = await openSession();
    const person = await signedInUser(deps);
    await registerOnsite(person, session.path, 'Valentina Prueba');
    const [mail] = await sink.waitFor(1, { to: person.email });
    const code = /<strong[^>]*>([A-Z0-9]{8})<\/strong>/.exec(mail!.html as string)![1]!;
    const path = new URL(checkInUrl('https://colloquy.test', 'es', session.id, code)).pathname;
    const url = `${path}?code=${code}`;

    // The participant, another signed-in person, and nobody: refused, no name shown.
    for (const who of [person, await signedInUser(deps)]) {
      const res = await app.inject({ method: 'GET', url, headers: who.headers });
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('Valentina');
    }
    const anonymous = await app.inject({ method: 'GET', url });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.body).not.toContain('Valentina');
    const forged = await post(`/es/admin/registrations/${session.id}/check-in`, person, { code });
    expect(forged.statusCode).toBe(403);

    // The secretariat, whose language is English, is sent to the same address in English.
    const redirected = await app.inject({ method: 'GET', url, headers: secretariat.headers });
    expect(redirected.statusCode).toBe(303);
    const inEnglish = url.replace('/es/', '/en/');
    expect(redirected.headers.location).toBe(inEnglish);
    // There: a prompt naming the person, the form filled in; nothing recorded yet.
    const prompt = await app.inject({ method: 'GET', url: inEnglish, headers: secretariat.headers });
    expect(prompt.statusCode).toBe(200);
    expect(prompt.body).toContain('Check in Valentina Prueba? Press the button to confirm.');
    expect(prompt.body).toMatch(
      new RegExp(`name="code"[^>]*value="${code}"|value="${code}"[^>]*name="code"`),
    );
    const before = await deps.db.$client.query(
      `SELECT checked_in_at FROM registration_registrations WHERE check_in_code = $1`,
      [code],
    );
    expect(before.rows[0].checked_in_at).toBeNull();

    const done = await post(`/es/admin/registrations/${session.id}/check-in`, secretariat, { code });
    expect(done.statusCode).toBe(200);
    const after = await deps.db.$client.query(
      `SELECT checked_in_at, checked_in_by FROM registration_registrations WHERE check_in_code = $1`,
      [code],
    );
    expect(after.rows[0]).toMatchObject({ checked_in_by: secretariat.id });
    expect(after.rows[0].checked_in_at).not.toBeNull();
    const again = await app.inject({ method: 'GET', url: inEnglish, headers: secretariat.headers });
    expect(again.body).toContain('Already checked in at');

    // A code that names nobody, or none at all: said so, never a 500.
    const unknown = await app.inject({
      method: 'GET',
      url: `${path.replace('/es/', '/en/')}?code=ZZZZ9999`,
      headers: secretariat.headers,
    });
    expect(unknown.statusCode).toBe(404);
    const missing = await app.inject({
      method: 'GET',
      url: path.replace('/es/', '/en/'),
      headers: secretariat.headers,
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('id="field-code"');
  });
});
