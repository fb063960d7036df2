// Every public page type, checked with axe-core (WCAG 2.0–2.2 A and AA) in English and Arabic (right
// to left), and the home and session pages in the four other languages too. Besides axe: one h1, a
// main landmark, html[lang] and html[dir] of the page's language, and no message key shown instead
// of its text.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type * as Axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import en from '../src/platform/i18n/messages/en.json' with { type: 'json' };
import { dirOf, LOCALES, type Locale } from '../src/platform/i18n/locales';
import { checkA11y, launchChromium } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

const SERIES = 'ip-frontier-technologies';
const CATALOG_KEYS = new Set(Object.keys(en));

interface PageType {
  name: string;
  /** The path after /{locale}; a function when it needs the demo's data (see `demo`). */
  path: string | (() => string);
  status: number;
}

/** Facts about the demo read from the API in beforeAll, so that no slug or number is guessed here. */
const demo = { speakerSlug: '', virtualOneDaySession: 0 };

const PAGE_TYPES = {
  home: { name: 'series home', path: '/', status: 200 },
  session9: { name: 'session 9 (hybrid, two days)', path: `/series/${SERIES}/sessions/9`, status: 200 },
  session2: { name: 'session 2 (virtual, several days)', path: `/series/${SERIES}/sessions/2`, status: 200 },
  virtualOneDay: {
    name: 'a virtual one-day session',
    path: () => `/series/${SERIES}/sessions/${demo.virtualOneDaySession}`,
    status: 200,
  },
  theme: {
    name: 'theme page',
    path: `/series/${SERIES}/themes/artificial-intelligence-and-ip`,
    status: 200,
  },
  speakers: { name: 'speakers list', path: '/speakers', status: 200 },
  speaker: { name: 'speaker page', path: () => `/speakers/${demo.speakerSlug}`, status: 200 },
  documents: { name: 'document library', path: '/documents', status: 200 },
  documentsFiltered: {
    name: 'document library, filtered',
    path: '/documents?session=9&kind=agenda',
    status: 200,
  },
  opinionMaps: { name: 'opinion maps list', path: '/opinions', status: 200 },
  opinionMap: { name: 'opinion map (demo, visitor)', path: '/opinions/training-the-machines', status: 200 },
  opinionResults: {
    name: 'opinion map results (demo)',
    path: '/opinions/training-the-machines/results',
    status: 200,
  },
  opinionReport: {
    name: 'opinion map report (demo)',
    path: '/opinions/training-the-machines/report',
    status: 200,
  },
  notFound: { name: '404 page', path: '/no-such-page/here', status: 404 },
  badRequest: { name: '400 page', path: '/documents?session=abc', status: 400 },
} satisfies Record<string, PageType>;

const ALL_PAGES: PageType[] = Object.values(PAGE_TYPES);
const CASES: { locale: Locale; page: PageType }[] = [
  ...(['en', 'ar'] as const).flatMap((locale) => ALL_PAGES.map((page) => ({ locale, page }))),
  ...LOCALES.filter((l) => l !== 'en' && l !== 'ar').flatMap((locale) =>
    [PAGE_TYPES.home, PAGE_TYPES.session9].map((page) => ({ locale, page })),
  ),
];

const SHOWN_NODES = 4;

/** One block per failing rule: id, impact, what to fix, where (selectors and markup), and the rule's help page. */
function describeViolations(violations: Axe.Result[]): string {
  return violations
    .map((v) =>
      [
        `• ${v.id} (${v.impact ?? 'n/a'}): ${v.help}`,
        `  ${v.helpUrl}`,
        ...v.nodes.slice(0, SHOWN_NODES).map((node) => {
          const summary = node.failureSummary?.split('\n').slice(1).join('; ').trim();
          return `  - ${node.target.join(' ')}\n      ${node.html.slice(0, 200)}${summary ? `\n      ${summary}` : ''}`;
        }),
        ...(v.nodes.length > SHOWN_NODES ? [`  … and ${v.nodes.length - SHOWN_NODES} more elements`] : []),
      ].join('\n'),
    )
    .join('\n');
}

describe('[Accessibility] axe-core and page structure on every public page type', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ timeoutMs: 120_000 }), launchChromium()]);
    context = await browser.newContext();
    // axe in every document from the start, rather than checkA11y's page.evaluate of 0.5 MB after
    // each load: Chromium then reuses the compiled script, about a second saved per page on a small
    // machine. checkA11y sees `axe` already there and only runs it. Like page.evaluate, an init
    // script is not subject to the page's Content Security Policy. One tab for all the pages, too.
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    await context.addInitScript({ content: fs.readFileSync(axePath, 'utf8') });
    page = await context.newPage();
    const response = await fetch(`${server.url}/api/v1/speakers`);
    const speakers = ((await response.json()) as { data: { slug: string }[] }).data;
    demo.speakerSlug = speakers[0]?.slug ?? '';
    expect(demo.speakerSlug, 'the demo has speakers').not.toBe('');

    // The sessions are here for what they are: check the demo still makes them so.
    interface ApiSession {
      number: number;
      format: string;
      startsAt: string;
      endsAt: string;
      timeZone: string;
    }
    const sessions = (
      (await (await fetch(`${server.url}/api/v1/series/${SERIES}/sessions`)).json()) as { data: ApiSession[] }
    ).data;
    const day = (iso: string, timeZone: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone });
    const oneDay = (s: ApiSession) => day(s.startsAt, s.timeZone) === day(s.endsAt, s.timeZone);
    const byNumber = (n: number) => sessions.find((s) => s.number === n);
    expect(byNumber(9)?.format).toBe('hybrid');
    expect(oneDay(byNumber(9)!)).toBe(false);
    expect(byNumber(2)?.format).toBe('virtual');
    demo.virtualOneDaySession = sessions.find((s) => s.format === 'virtual' && oneDay(s))?.number ?? 0;
    expect(demo.virtualOneDaySession, 'the demo has a virtual one-day session').toBeGreaterThan(0);

    // The demo map's results exist once the recompute schedule has run (every second here, as
    // e2e/support/server.ts sets it; every 10 s by default):
    // check the pages with the map, not the "not enough votes yet" state.
    const results = `${server.url}/en/opinions/training-the-machines/results`;
    for (
      let waited = 0;
      !(await (await fetch(results)).text()).includes('<svg class="opinion-map"');
      waited++
    ) {
      if (waited > 60) throw new Error(`no opinion map at ${results} after 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  test.each(CASES.map((c) => [c.locale, c.page.name, c] as const))(
    '[Accessibility] %s: %s',
    async (locale, _name, { page: pageType }) => {
      const path = typeof pageType.path === 'function' ? pageType.path() : pageType.path;
      const url = `${server.url}/${locale}${path}`;
      const response = await page.goto(url);
      expect(response?.status(), `status of ${url}`).toBe(pageType.status);

      const violations = await checkA11y(page);
      expect.soft(describeViolations(violations), `axe-core violations on ${url}`).toBe('');

      const structure = await page.evaluate(() => {
        const attributeTexts = [...document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')]
          .flatMap((el) => ['aria-label', 'title', 'alt', 'placeholder'].map((a) => el.getAttribute(a)))
          .filter((v): v is string => !!v);
        return {
          h1s: document.querySelectorAll('h1').length,
          mains: document.querySelectorAll('main, [role="main"]').length,
          lang: document.documentElement.lang,
          dir: document.documentElement.dir,
          title: document.title,
          texts: [document.title, document.body.innerText, ...attributeTexts],
        };
      });
      expect.soft(structure.h1s, `exactly one h1 on ${url}`).toBe(1);
      expect.soft(structure.mains, `exactly one main landmark on ${url}`).toBe(1);
      expect.soft(structure.lang, `html[lang] on ${url}`).toBe(locale);
      expect.soft(structure.dir, `html[dir] on ${url}`).toBe(dirOf(locale));
      expect.soft(structure.title.trim(), `a document title on ${url}`).not.toBe('');

      // A key shown in place of its text: "session.agenda.heading", or a two-part one like "site.name".
      const rawKeys = structure.texts
        .flatMap((text) => text.match(/\b[a-z]+(?:\.[a-zA-Z_]+)+\b/g) ?? [])
        .filter((candidate) => CATALOG_KEYS.has(candidate));
      expect.soft([...new Set(rawKeys)], `message keys shown instead of text on ${url}`).toEqual([]);
    },
  );
});
