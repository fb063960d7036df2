// The site without JavaScript: pages are rendered on the server, the times fall back to UTC (the
// <noscript> text), the language switcher is plain links and the document filter a plain GET form.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ar from '../src/platform/i18n/messages/ar.json' with { type: 'json' };
import en from '../src/platform/i18n/messages/en.json' with { type: 'json' };
import { LOCALE_NAMES } from '../src/platform/i18n/locales';
import { launchChromium } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

const SERIES = 'ip-frontier-technologies';

type Text = Record<string, string>;

describe('[Conversations] the site without JavaScript', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const serverErrors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
    page = await context.newPage();
    page.on('response', (response) => {
      if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`);
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  async function api<T>(path: string): Promise<T> {
    const response = await fetch(`${server.url}/api/v1${path}`);
    expect(response.status, `GET /api/v1${path}`).toBe(200);
    return ((await response.json()) as { data: T }).data;
  }

  const text = async (selector: string) => (await page.locator(selector).first().innerText()).trim();

  test('scripts really are off in this browser context', async () => {
    await page.setContent(
      '<p id="p">before</p><script>document.getElementById("p").textContent = "after"</script>',
    );
    expect(await text('#p')).toBe('before');
  });

  test('the home page: the series, the featured session, and every session by theme', async () => {
    const series = await api<{ title: Text }>(`/series/${SERIES}`);
    const sessions = await api<{ number: number; title: Text }[]>(`/series/${SERIES}/sessions`);

    const response = await page.goto(`${server.url}/en/`);
    expect(response?.status()).toBe(200);
    expect(await text('h1')).toBe(series.title.en);
    expect(await page.getByRole('link', { name: en['home.watchTheEvent'], exact: true }).isVisible()).toBe(
      true,
    );
    for (const session of sessions) {
      const link = page.locator(
        `main .session-list a[href="/en/series/${SERIES}/sessions/${session.number}"]`,
      );
      expect(await link.count(), `session ${session.number} is listed`).toBe(1);
      expect((await link.innerText()).trim()).toBe(session.title.en);
    }

    // The languages are plain links.
    await page.getByRole('link', { name: LOCALE_NAMES.ar, exact: true }).click();
    await page.waitForURL(`${server.url}/ar/`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await text('h1')).toBe(series.title.ar);
    expect(await text('a.skip-link')).toBe(ar['layout.skipToContent']);
  });

  test('a session page: agenda, times in UTC from <noscript>, the calendar file and the pager', async () => {
    const session = await api<{ title: Text; agenda: unknown[]; startsAt: string }>(
      `/series/${SERIES}/sessions/9`,
    );
    await page.goto(`${server.url}/en/`);
    await page.getByRole('link', { name: session.title.en, exact: true }).click();
    await page.waitForURL(`${server.url}/en/series/${SERIES}/sessions/9`);

    expect(await text('h1')).toBe(session.title.en);
    expect(await page.locator('ol.agenda > li.agenda-item').count()).toBe(session.agenda.length);

    // Without the script, each time says it in UTC: the <noscript> text of session.utc.
    const utcPrefix = en['session.utc'].split('{time}')[0]!;
    const when = await page.locator('dl.facts .viewer-time').innerText();
    expect(when).toContain(utcPrefix);
    const agendaTimes = await page.locator('ol.agenda .viewer-time').allInnerTexts();
    expect(agendaTimes.length).toBe(session.agenda.length);
    expect(agendaTimes.every((t) => t.includes(utcPrefix))).toBe(true);

    // The calendar file is a plain link, and answers with iCalendar.
    const calendarHref = await page
      .getByRole('link', { name: en['session.addToCalendar'], exact: true })
      .getAttribute('href');
    expect(calendarHref).toBe(`/en/series/${SERIES}/sessions/9/calendar.ics`);
    const ics = await page.request.get(`${server.url}${calendarHref}`);
    expect(ics.status()).toBe(200);
    expect(ics.headers()['content-type']).toMatch(/^text\/calendar/);
    expect(await ics.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);

    // The pager takes you to the next session.
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(`${server.url}/en/series/${SERIES}/sessions/10`);
    expect(await text('.session-number')).toBe(en['session.number'].replace('{number}', '10'));
  });

  test('the document library: the filter form, submitted with a session chosen, lists that session’s documents', async () => {
    const all = await api<{ id: string }[]>('/documents');
    const ofSession9 = await api<{ id: string; kind: string }[]>('/documents?session=9');
    expect(ofSession9.length, 'session 9 has documents in the demo').toBeGreaterThan(0);
    expect(ofSession9.length, 'and there are documents of other sessions').toBeLessThan(all.length);

    await page.goto(`${server.url}/en/documents`);
    const rows = page.locator('table.documents tbody tr');
    expect(await rows.count()).toBe(all.length);

    await page.getByLabel(en['documents.filter.session'], { exact: true }).selectOption('9');
    await page.getByRole('button', { name: en['documents.filter.apply'], exact: true }).click();
    await page.waitForURL(
      (url) => url.pathname === '/en/documents' && url.searchParams.get('session') === '9',
    );

    expect(await rows.count()).toBe(ofSession9.length);
    const sessionColumn = await page.locator('table.documents tbody tr td:nth-child(3)').allInnerTexts();
    const session9 = en['session.number'].replace('{number}', '9');
    expect(sessionColumn.map((cell) => cell.trim())).toEqual(ofSession9.map(() => session9));
    // The download links are those of session 9's documents.
    const ids = await rows.evaluateAll((trs) =>
      trs.map(
        (tr) => /\/documents\/([^/]+)\//.exec(tr.querySelector('a[href]')?.getAttribute('href') ?? '')?.[1],
      ),
    );
    expect(ids.sort()).toEqual(ofSession9.map((d) => d.id).sort());
    // The form shows the filter in use.
    expect(await page.locator('#filter-session').inputValue()).toBe('9');
    expect(await page.locator('#filter-kind').inputValue()).toBe('');

    // Narrowed further by kind, with the form again.
    const kind = ofSession9[0]!.kind;
    await page.getByLabel(en['documents.filter.kind'], { exact: true }).selectOption(kind);
    await page.getByRole('button', { name: en['documents.filter.apply'], exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('kind') === kind);
    expect(await rows.count()).toBe(ofSession9.filter((d) => d.kind === kind).length);
    expect(await page.locator('#filter-session').inputValue()).toBe('9');

    // A document downloads with a plain link.
    const href = await page.locator('table.documents a[href*="/documents/"]').first().getAttribute('href');
    const file = await page.request.get(`${server.url}${href}`);
    expect(file.status()).toBe(200);
    expect((await file.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  test('no page answered with a server error', () => {
    expect(serverErrors).toEqual([]);
  });
});
