// Opinion maps, interop, in a real Chromium against the built app: the first secretariat signs in
// through its one-time link, is refused a votes.csv with a word for a vote (in French, the form
// kept), imports the london.youth.policing conversation (pol.is open data, CC BY 4.0: attribution
// in src/modules/opinions/math/fixtures/README.md), recomputes the map with "Recompute now" (the
// bundled server runs the math in dist's opinions-math-worker.js), and downloads votes.csv, which
// holds the fixture's current votes. axe-core checks the pages in English, French and Arabic.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import en from '../src/platform/i18n/messages/en.json' with { type: 'json' };
import fr from '../src/platform/i18n/messages/fr.json' with { type: 'json' };
import { importPolisVotes } from '../src/modules/opinions/math';
import { expectAccessible as expectAccessibleOn } from './support/browser';
import { openSignInLink, startSecretariatApp, type SecretariatApp } from './support/secretariat-app';
import type { TestServer } from './support/server';

const FIXTURE = path.resolve(
  import.meta.dirname,
  '../src/modules/opinions/math/fixtures/london.youth.policing',
);

describe('[Opinion maps] the secretariat imports a pol.is conversation and exports it', () => {
  let app: SecretariatApp;
  let scratch: string;
  let server: TestServer;
  let page: Page;
  let signInLink = '';
  const problems: string[] = [];

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'colloquy-e2e-interop-files-'));
    app = await startSecretariatApp({
      name: 'opinions-interop',
      secretariat: 'secretariat@example.org',
      env: { OPINIONS_RECOMPUTE_INTERVAL_S: '0' },
      context: { acceptDownloads: true },
    });
    ({ server, page, secretariatLink: signInLink } = app);
    page.setDefaultTimeout(15_000);
    page.on('response', (r) => {
      if (r.status() >= 500) problems.push(`${r.status()} ${r.url()}`);
    });
    page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  });

  afterAll(async () => {
    await app?.stop();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  const expectAccessible = (what: string) => expectAccessibleOn(page, what);

  test('[Opinion maps] a refused file, an import, a recompute in the bundled worker, a download', async () => {
    await openSignInLink(app, page, signInLink, en);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/en/account');

    // In French: a votes.csv with a word for a vote is refused, the values kept, nothing imported.
    await page.goto(`${server.url}/fr/admin/opinions/import`);
    expect(await page.locator('h1').textContent()).toBe(fr['opinions.interop.import.title']);
    await expectAccessible('import (fr)');
    await page.locator('#field-title').fill('Police et jeunesse à Londres');
    await page.locator('#field-slug').fill('london-youth-policing');
    await page.locator('#field-language').fill('en');
    await page
      .locator('#field-attribution')
      .fill('Data was gathered using the Polis software (compdemocracy.org/polis), CC BY 4.0.');
    const badVotes = path.join(scratch, 'votes.csv');
    fs.writeFileSync(badVotes, 'timestamp,datetime,comment-id,voter-id,vote\n1658934589213,x,35,3,oui\n');
    await page.locator('#field-comments').setInputFiles(path.join(FIXTURE, 'comments.csv'));
    await page.locator('#field-votes').setInputFiles(badVotes);
    await page.getByRole('button', { name: fr['opinions.interop.import.submit'] }).click();
    await page.waitForLoadState();
    expect(await page.locator('#error-votes').textContent()).toBe(
      fr['opinions.import.error.number'].replace('{line}', '2'),
    );
    expect(await page.locator('#field-title').inputValue()).toBe('Police et jeunesse à Londres');
    await expectAccessible('import refused (fr)');

    // The real files (the browser does not keep chosen files after a refusal).
    await page.locator('#field-comments').setInputFiles(path.join(FIXTURE, 'comments.csv'));
    await page.locator('#field-votes').setInputFiles(path.join(FIXTURE, 'votes.csv'));
    await page.getByRole('button', { name: fr['opinions.interop.import.submit'] }).click();
    await expect
      .poll(() => new URL(page.url()).pathname)
      .toMatch(/^\/fr\/admin\/opinions\/[0-9a-f-]{36}\/math$/);
    const mathPath = new URL(page.url()).pathname;
    expect(await page.locator('[role="status"]').textContent()).toContain('27');
    expect(await page.locator('main').textContent()).toContain(fr['opinions.interop.math.never']);
    await expectAccessible('computation page (fr)');

    // Recompute now, in English: the bundled server computes in its worker thread.
    await page.goto(`${server.url}${mathPath.replace('/fr/', '/en/')}`);
    await page.getByRole('button', { name: en['opinions.interop.math.recompute'] }).click();
    await expect.poll(() => new URL(page.url()).search).toMatch(/^\?done=recomputed&ms=\d+$/);
    const text = await page.locator('main').textContent();
    expect(text).toContain(en['opinions.interop.math.computedAt']);
    expect(text).not.toContain(en['opinions.interop.math.never']);
    await expectAccessible('computation page after a recompute (en)');

    // votes.csv: the current vote of each participant on each statement, as in pol.is's file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'votes.csv', exact: true }).click(),
    ]);
    const saved = path.join(scratch, 'exported-votes.csv');
    await download.saveAs(saved);
    const current = (file: string) => {
      const v = importPolisVotes(fs.readFileSync(file));
      const latest = new Map<string, string>();
      const order = Array.from(v.vote.keys()).sort(
        (a, b) => v.time[a]! - v.time[b]! || v.vote[a]! - v.vote[b]!,
      );
      for (const r of order) latest.set(`${v.participant[r]} ${v.statement[r]}`, `${v.vote[r]} ${v.time[r]}`);
      return [...latest].map((e) => e.join(' ')).sort();
    };
    expect(current(saved)).toEqual(current(path.join(FIXTURE, 'votes.csv')));

    // The pages in Arabic, right to left.
    await page.goto(`${server.url}${mathPath.replace('/fr/', '/ar/')}`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expectAccessible('computation page (ar)');
    await page.goto(`${server.url}/ar/admin/opinions/import`);
    await expectAccessible('import (ar)');

    expect(problems).toEqual([]);
  }, 120_000);
});
