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
      // Hints for the failure message: the innermost elements wider than the screen (outside any
      // box that scrolls on its own), else those reaching past its edge. Once the browser has
      // widened the layout, "past the edge" is measured from the start side: right in Arabic.
      const scrollsItself = (el: Element) => {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(a).overflowX)) return true;
        }
        return false;
      };
      const rtl = getComputedStyle(document.documentElement).direction === 'rtl';
      const start = document.documentElement.getBoundingClientRect();
      const innermost = (els: Element[]) => els.filter((el) => !els.some((o) => o !== el && el.contains(o)));
      const visible = [...document.body.querySelectorAll('*')].filter(
        (el) => el.getBoundingClientRect().width > 0 && !scrollsItself(el),
      );
      const tooWide = innermost(visible.filter((el) => el.getBoundingClientRect().width > width + 1));
      const pastEdge = innermost(
        visible.filter((el) => {
          const rect = el.getBoundingClientRect();
          return rtl ? start.right - rect.left > width + 1 : rect.right - start.left > width + 1;
        }),
      );
      const culprits = (tooWide.length > 0 ? tooWide : pastEdge).slice(0, 8).map((el) => {
        const rect = el.getBoundingClientRect();
        const id = el.id ? `#${el.id}` : '';
        const classes = [...el.classList].map((c) => `.${c}`).join('');
        const text = (el.textContent ?? '').trim().slice(0, 40);
        return `${el.tagName.toLowerCase()}${id}${classes} (${Math.round(rect.width)} px wide) "${text}"`;
      });
      return { innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth, culprits };
    }, PHONE.width);
    const culprits = `wider than the ${PHONE.width} px screen:\n${layout.culprits.join('\n')}`;
    // innerWidth too: a mobile browser widens the layout (zooming out) to fit what is too wide.
    expect(
      Math.max(layout.scrollWidth, layout.innerWidth),
      `no sideways scrolling (scrollWidth ${layout.scrollWidth}, innerWidth ${layout.innerWidth}); ${culprits}`,
    ).toBeLessThanOrEqual(PHONE.width);
  });
});
