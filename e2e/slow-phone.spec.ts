// A small phone (360×740 CSS pixels, touch, the meta viewport honoured): the pages fit the screen's
// width, with no sideways scrolling of the whole page, left to right and right to left. Wide content
// such as the documents table may scroll inside its own box; the page itself may not.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

const SERIES = 'ip-frontier-technologies';
const PHONE = { width: 360, height: 740 };

const PAGES = [
  { name: 'series home', path: '/' },
  { name: 'session 9', path: `/series/${SERIES}/sessions/9` },
  { name: 'session 2', path: `/series/${SERIES}/sessions/2` },
  { name: 'document library', path: '/documents' },
];
const CASES = (['en', 'ar'] as const).flatMap((locale) =>
  PAGES.map((page) => [locale, page.name, page.path] as const),
);

describe('[Conversations] on a small phone', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    context = await browser.newContext({
      viewport: PHONE,
      screen: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  test.each(CASES)('[Conversations] %s: the %s fits a 360 px wide screen', async (locale, _name, path) => {
    const response = await page.goto(`${server.url}/${locale}${path}`);
    expect(response?.status()).toBe(200);

    // Measured against the screen's 360 px, not innerWidth alone: a mobile browser widens its layout
    // viewport (and zooms out) to fit content that is too wide, so innerWidth then grows with it.
    const layout = await page.evaluate((width) => {
      // The elements sticking out of the screen, outside any box that scrolls on its own: the
      // ones to fix when the page scrolls sideways.
      const scrollsItself = (el: Element) => {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(a).overflowX)) return true;
        }
        return false;
      };
      const culprits = [...document.body.querySelectorAll('*')]
        .filter((el) => {
          const rect = el.getBoundingClientRect();
          return rect.width > 0 && (rect.right > width + 1 || rect.left < -1) && !scrollsItself(el);
        })
        .filter((el, _i, all) => !all.some((other) => other !== el && el.contains(other)))
        .slice(0, 8)
        .map((el) => {
          const rect = el.getBoundingClientRect();
          const id = el.id ? `#${el.id}` : '';
          const classes = [...el.classList].map((c) => `.${c}`).join('');
          const text = (el.textContent ?? '').trim().slice(0, 40);
          return `${el.tagName.toLowerCase()}${id}${classes} [${Math.round(rect.left)}…${Math.round(rect.right)}] "${text}"`;
        });
      return { innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth, culprits };
    }, PHONE.width);
    const culprits = `sticking out of the ${PHONE.width} px screen:\n${layout.culprits.join('\n')}`;
    expect.soft(layout.scrollWidth, `no sideways scrolling; ${culprits}`).toBeLessThanOrEqual(PHONE.width);
    expect(layout.innerWidth, `the layout is as wide as the screen, not zoomed out; ${culprits}`).toBe(
      PHONE.width,
    );
  });
});
