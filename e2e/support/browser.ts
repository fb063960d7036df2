// Chromium for browser tests, and an accessibility check with axe-core.
//
//   const browser = await launchChromium();
//   const page = await browser.newPage();
//   await page.goto(`${server.url}/en`);
//   expect(formatViolations(await checkA11y(page))).toEqual('');
//   await browser.close();
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type * as Axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);

/** The WCAG levels we hold every page to: 2.0, 2.1 and 2.2, A and AA. */
export const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Debian's Chromium (playwright-core cannot download its own browser here). CHROMIUM_PATH wins;
 * scripts/test.mjs sets it to the one it found.
 */
export function chromiumPath(): string {
  const candidates = process.env.CHROMIUM_PATH
    ? [process.env.CHROMIUM_PATH]
    : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) {
    throw new Error(
      'No Chromium found. Install it with `sudo apt-get install chromium`, or set CHROMIUM_PATH.',
    );
  }
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      // Root in a container has no user namespaces for the sandbox.
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      // No calls home during a test: updates, sync, field trials.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

let axeSource: string | undefined;

/**
 * Runs axe-core on the page as it is now and returns the WCAG 2.x A/AA violations (empty when
 * the page passes). axe is injected with page.evaluate, which the app's strict Content Security
 * Policy does not apply to, unlike a <script> tag (addScriptTag) would.
 */
export async function checkA11y(page: Page, options: { include?: string } = {}): Promise<Axe.Result[]> {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(
    async ({ tags, include }) => {
      const axe = (window as unknown as { axe: typeof Axe }).axe;
      const results = await axe.run(include ?? document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return results.violations;
    },
    { tags: A11Y_TAGS, include: options.include },
  );
}

/** One line per failing element, for an assertion message a person can act on. '' when none. */
export function formatViolations(violations: Axe.Result[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} at ${node.target.join(' ')}`,
      ),
    )
    .join('\n');
}

/**
 * Records the page's axe-core violations as a soft failure (the journey goes on, the test fails
 * at its end), naming `what` and the URL.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  expect
    .soft(formatViolations(await checkA11y(page)), `axe-core violations on ${what} (${page.url()})`)
    .toBe('');
}
