// A visitor's journey through the public site, in a real Chromium against the built app: landing in
// their own language, switching languages, reaching a session by clicking, taking its calendar file
// and following "Watch the event" from the home page. Link texts come from the message catalogs, and
// facts about the demo (titles, start time, watch links) from the read API, not from this file.
import fs from 'node:fs/promises';
import ICAL from 'ical.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ar from '../src/platform/i18n/messages/ar.json' with { type: 'json' };
import es from '../src/platform/i18n/messages/es.json' with { type: 'json' };
import fr from '../src/platform/i18n/messages/fr.json' with { type: 'json' };
import { LOCALE_NAMES } from '../src/platform/i18n/locales';
import { launchChromium } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

const SERIES = 'ip-frontier-technologies';

type Text = Record<string, string>;
interface ApiSession {
  number: number;
  title: Text;
  startsAt: string;
  endsAt: string;
  livestreamUrl: string | null;
  recordingUrl: string | null;
  agenda: unknown[];
}

describe('[Conversations] visitor journeys', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  async function apiSession(number: number): Promise<ApiSession> {
    const response = await fetch(`${server.url}/api/v1/series/${SERIES}/sessions/${number}`);
    expect(response.status, `GET /api/v1/series/${SERIES}/sessions/${number}`).toBe(200);
    return ((await response.json()) as { data: ApiSession }).data;
  }

  /** A page that records what should never happen on a visit: 5xx answers, script errors, CSP blocks. */
  async function watchedPage(ctx: BrowserContext): Promise<{ page: Page; problems: string[] }> {
    const page = await ctx.newPage();
    const problems: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 500) problems.push(`${response.status()} ${response.url()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('favicon')) {
        problems.push(`console error: ${message.text()}`);
      }
    });
    return { page, problems };
  }

  const pathOf = (page: Page) => new URL(page.url()).pathname;

  test('[Conversations] a visitor lands in their language, switches to Arabic and French, opens the ninth session, downloads the calendar file and follows "Watch the event"', async () => {
    const session9 = await apiSession(9);
    context = await browser.newContext({ locale: 'es-ES', acceptDownloads: true });
    const { page, problems } = await watchedPage(context);

    // Lands in Spanish: `/` answers with a redirect chosen by Accept-Language.
    const landing = await page.goto(`${server.url}/`);
    expect(landing?.status()).toBe(200);
    expect(landing?.request().redirectedFrom()?.url()).toBe(`${server.url}/`);
    expect(pathOf(page)).toBe('/es/');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await page.locator('a.skip-link').textContent()).toBe(es['layout.skipToContent']);

    // The language switcher: Arabic, right to left.
    await page.getByRole('link', { name: LOCALE_NAMES.ar, exact: true }).click();
    await page.waitForURL(`${server.url}/ar/`);
    expect(await page.locator('html[dir="rtl"][lang="ar"]').count()).toBe(1);
    expect(await page.locator('a.skip-link').textContent()).toBe(ar['layout.skipToContent']);
    expect(await page.locator('h1').textContent()).not.toBe('');

    // … then French.
    await page.getByRole('link', { name: LOCALE_NAMES.fr, exact: true }).click();
    await page.waitForURL(`${server.url}/fr/`);
    expect(await page.locator('html[dir="ltr"][lang="fr"]').count()).toBe(1);

    // The ninth session, from the home page's sessions by theme: by its French title.
    const title9 = session9.title.fr;
    expect(title9, 'session 9 has a French title in the API').toBeTruthy();
    await page.getByRole('link', { name: title9, exact: true }).click();
    const session9Path = `/fr/series/${SERIES}/sessions/9`;
    await page.waitForURL(`${server.url}${session9Path}`);
    expect((await page.locator('h1').textContent())?.trim()).toBe(title9);

    // The agenda: its heading, a heading per day (a two-day session), every item, speaker links.
    const agendaHeading = page.getByRole('heading', { level: 2, name: fr['session.agenda.heading'] });
    expect(await agendaHeading.isVisible()).toBe(true);
    const days = await page.locator('section:has(> h2#agenda-heading) h3').allTextContents();
    expect(days.length, 'one h3 per day of the two-day session').toBe(2);
    const items = page.locator('ol.agenda > li.agenda-item');
    expect(await items.count()).toBeGreaterThanOrEqual(10);
    expect(await items.count()).toBe(session9.agenda.length);
    const speakerLinks = page.locator('ol.agenda ul.speakers a[href^="/fr/speakers/"]');
    expect(await speakerLinks.count()).toBeGreaterThan(0);

    // A speaker, and back.
    const firstSpeaker = speakerLinks.first();
    const speakerName = (await firstSpeaker.textContent())?.trim();
    await firstSpeaker.click();
    await page.waitForURL(/\/fr\/speakers\/[a-z0-9-]+$/);
    expect((await page.locator('h1').textContent())?.trim()).toBe(speakerName);
    expect(
      await page.locator(`main a[href="${session9Path}"]`).count(),
      'the speaker page lists session 9 among their appearances',
    ).toBeGreaterThan(0);
    await page.goBack();
    await page.waitForURL(`${server.url}${session9Path}`);
    expect((await page.locator('h1').textContent())?.trim()).toBe(title9);

    // The calendar file: a download, valid iCalendar, the French title and the API's start time.
    const calendarLink = page.getByRole('link', { name: fr['session.addToCalendar'], exact: true });
    const [download] = await Promise.all([page.waitForEvent('download'), calendarLink.click()]);
    expect(download.suggestedFilename()).toBe('session-9.ics');
    const downloaded = await download.path();
    const bytes = await fs.readFile(downloaded);
    // Valid UTF-8 throughout: line folding must not cut a character in two.
    const ics = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const overlong = ics.split('\r\n').filter((line) => Buffer.byteLength(line) > 75);
    expect(overlong, 'iCalendar lines are folded at 75 octets (RFC 5545 §3.1)').toEqual([]);
    expect(ics).toMatch(/\r\n$/);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const vevent = calendar.getFirstSubcomponent('vevent');
    expect(vevent, 'the calendar has an event').toBeTruthy();
    const event = new ICAL.Event(vevent!);
    expect(event.summary).toContain(title9);
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(session9.startsAt).toISOString());
    expect(event.startDate.isDate, 'DTSTART is a date-time, not a whole day').toBe(false);
    expect(event.endDate.toJSDate().toISOString()).toBe(new Date(session9.endsAt).toISOString());
    expect(vevent!.getFirstPropertyValue('url')).toBe(`${server.url}${session9Path}`);
    expect(pathOf(page), 'downloading leaves the page where it was').toBe(session9Path);

    // Home, then "Watch the event" for the featured session.
    await page.getByRole('link', { name: fr['layout.nav.home'], exact: true }).click();
    await page.waitForURL(`${server.url}/fr/`);
    const watchTheEvent = page.getByRole('link', { name: fr['home.watchTheEvent'], exact: true });
    const watchHref = await watchTheEvent.getAttribute('href');
    const featured = /^\/fr\/series\/[a-z0-9-]+\/sessions\/(\d+)#watch$/.exec(watchHref ?? '');
    expect(featured, `"Watch the event" points at a session's #watch: ${watchHref}`).toBeTruthy();
    const featuredSession = await apiSession(Number(featured![1]));
    await watchTheEvent.click();
    await page.waitForURL(`${server.url}${watchHref}`);
    expect((await page.locator('h1').textContent())?.trim()).toBe(featuredSession.title.fr);
    const watch = page.locator('#watch');
    expect(await watch.evaluate((el) => el.matches(':target'))).toBe(true);
    expect(await watch.isVisible()).toBe(true);
    // The page scrolls smoothly to the fragment, so the section may still be on its way when this
    // looks (look again for a few seconds, no longer), and ends with its top a fraction of a pixel
    // above the viewport's (-0.45 px seen in Chromium): a pixel of slack, not more.
    const viewport = page.viewportSize();
    await expect
      .poll(
        async () => {
          const box = await watch.boundingBox();
          return Boolean(box && viewport && box.y > -1 && box.y < viewport.height);
        },
        { message: 'the watch section is scrolled into view', timeout: 5_000 },
      )
      .toBe(true);
    const watchLinks = await watch
      .locator('a[href]')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    const expected = [featuredSession.recordingUrl, featuredSession.livestreamUrl].filter(Boolean);
    expect(expected.length, 'the featured session has a recording or a livestream').toBeGreaterThan(0);
    expect(watchLinks.some((href) => expected.includes(href))).toBe(true);

    expect(problems).toEqual([]);
    await page.close();
  });

  test('[Conversations] the first Tab reaches the skip link, shown on screen, and Enter moves focus to main', async () => {
    const ctx = await browser.newContext({ locale: 'en-GB' });
    try {
      const { page, problems } = await watchedPage(ctx);
      await page.goto(`${server.url}/fr/`);

      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const rect = el?.getBoundingClientRect();
        return {
          className: el?.className,
          text: el?.textContent,
          inView:
            !!rect &&
            rect.top >= 0 &&
            rect.left >= 0 &&
            rect.bottom <= innerHeight &&
            rect.right <= innerWidth,
          size: rect ? rect.width * rect.height : 0,
        };
      });
      expect(focused.className).toBe('skip-link');
      expect(focused.text).toBe(fr['layout.skipToContent']);
      expect(focused.inView, 'the focused skip link is on screen').toBe(true);
      expect(focused.size).toBeGreaterThan(0);

      await page.keyboard.press('Enter');
      await page.waitForURL(/#main$/);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
      expect(problems).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
