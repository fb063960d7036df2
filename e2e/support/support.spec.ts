// Proves the browser-test helpers themselves: the built server starts on its own database, the
// browser reaches it, axe runs under the app's Content Security Policy, and stop() ends it all.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkA11y, launchChromium } from './browser';
import { startTestServer, type TestServer } from './server';

describe('[support] browser test helpers', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the server answers in the browser, and axe runs despite the strict CSP', async () => {
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) blocked.push(message.text());
    });

    const response = await page.goto(`${server.url}/en`);
    const violations = await checkA11y(page);

    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(response?.headers()['content-security-policy']).toBeTruthy();
    expect(await page.evaluate(() => typeof (window as { axe?: { version?: string } }).axe?.version)).toBe(
      'string',
    );
    expect(Array.isArray(violations)).toBe(true);
    expect(blocked).toEqual([]);
    await page.close();
  });

  test('stop() ends the server', async () => {
    const other = await startTestServer();
    expect((await fetch(`${other.url}/en`)).status).toBe(200);

    await other.stop();

    await expect(fetch(`${other.url}/en`)).rejects.toThrow();
  });
});
