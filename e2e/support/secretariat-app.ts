// The built app with, when asked, a first secretariat account, real mail and a connection to its
// database, and a Chromium page: what the journeys of the back office, accounts, the newsletter,
// registration, the opinion results and the opinion map interop start from; and the sign-in steps
// the journeys share (signInByMail, askForSignInLink, openSignInLink).
//
//   const app = await startSecretariatApp({ name: 'newsletter', secretariat: 'sec@example.org', mail: true });
//   const { page, server } = app;
//   await openSignInLink(app, page, app.secretariatLink, en);           // the one-time sign-in link
//   const [mail] = await app.sink!.waitFor(1, { to: 'ada@example.org' });
//   await page.goto(`${app.server.url}${pathOfLink(mail!.text, '/[a-z]{2}/newsletter/confirm')}`);
//   …
//   const other = await app.newPage();                                 // someone else's browser
//   await signInByMail(app, other, 'bo@example.org', en);             // from a page with the sign-in form
//   await app.db!.query('UPDATE …');                                   // with `db: true`
//   await app.stop();
//
// The command line (`create-secretariat`) and the server share the embedded database of one data
// directory, one after the other: with DATABASE_URL the server would get a database of its own that
// the command line cannot reach, so it is set aside here.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { inject } from 'vitest';
import { SmtpSink } from '../../test/smtp-sink';
import { launchChromium } from './browser';
import { startTestServer, type TestServer } from './server';

const run = promisify(execFile);

export interface SecretariatApp {
  server: TestServer;
  browser: Browser;
  /** A browser context and a page in it, for the journey's main person. */
  context: BrowserContext;
  page: Page;
  /** A page in a new browser context: another person, with cookies of their own. Closed by stop(). */
  newPage(): Promise<Page>;
  /**
   * The path and query of the secretariat's one-time sign-in link (`/en/sign-in/link?token=…`);
   * '' without `secretariat`.
   */
  secretariatLink: string;
  /** The SMTP server on loopback the app sends to, with `mail: true`. */
  sink: SmtpSink | undefined;
  /** A connection to the app's embedded database, as the superuser, with `db: true`. */
  db: pg.Client | undefined;
  /** Closes the database connection and the browser, stops the server and the sink, removes the data directory. Safe after a failed start. */
  stop(): Promise<void>;
}

export async function startSecretariatApp(opts: {
  /** Names the data directory, for a reader of /tmp. */
  name: string;
  /** The first secretariat's address (none made without it: the journey's people sign up by mail). */
  secretariat?: string;
  /** Send mail over SMTP to a sink in this process (else it is held in the outbox). */
  mail?: boolean;
  /** Connect to the app's database, for a journey that sets up or checks rows directly. */
  db?: boolean;
  /** Seed the demo series (default: no). */
  seedDemo?: boolean;
  /** More environment for the server, e.g. { UPLOAD_MAX_BYTES: '1048576' }. */
  env?: Record<string, string>;
  /** Options of the main page's browser context, e.g. { acceptDownloads: true }. */
  context?: BrowserContextOptions;
  timeoutMs?: number;
}): Promise<SecretariatApp> {
  const sink = opts.mail ? new SmtpSink() : undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `colloquy-e2e-${opts.name}-`));
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let db: pg.Client | undefined;
  const stop = async () => {
    await db?.end();
    await browser?.close();
    await server?.stop();
    await sink?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await sink?.start();
    fs.chmodSync(dataDir, 0o755);
    const env: Record<string, string> = {
      DATA_DIR: dataDir,
      SEED_DEMO: opts.seedDemo ? 'true' : 'false',
      ...(sink ? { SMTP_URL: sink.url, MAIL_POLL_INTERVAL_S: '0.5' } : {}),
    };
    const secretariatLink = opts.secretariat ? await createSecretariat(opts.secretariat, env) : '';
    [server, browser] = await Promise.all([
      startTestServer({ env: { ...env, DATABASE_URL: '', ...opts.env }, timeoutMs: opts.timeoutMs }),
      launchChromium(),
    ]);
    if (opts.db) db = await connectToDataDir(dataDir);
    const context = await browser.newContext(opts.context);
    const page = await context.newPage();
    const launched = browser;
    const newPage = async () => (await launched.newContext()).newPage();
    return { server, browser, context, page, newPage, secretariatLink, sink, db, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Runs `create-secretariat` on the data directory and returns the path of the link it printed. */
async function createSecretariat(email: string, env: Record<string, string>): Promise<string> {
  const cli = path.join(path.dirname(inject('e2eServerEntry')), 'cli.js');
  const { DATABASE_URL: _external, ...inherited } = process.env;
  const printed = await run(process.execPath, [cli, 'create-secretariat', email], {
    env: { ...inherited, ...env, LOG_LEVEL: 'warn' },
  });
  return pathOfLink(printed.stdout, '/en/sign-in/link');
}

/**
 * A client of the embedded PostgreSQL that a running server started on `dataDir`: its port is on
 * the fourth line of the cluster's postmaster.pid, the superuser's password in postgres-password.
 */
async function connectToDataDir(dataDir: string): Promise<pg.Client> {
  const pid = fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8');
  const password = fs.readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim();
  const client = new pg.Client({
    host: '127.0.0.1',
    port: Number(pid.split('\n')[3]),
    user: 'postgres',
    password,
    database: 'colloquy',
  });
  await client.connect();
  return client;
}

/**
 * Signs `page` in as `email` by the mailed link, from a page that shows the sign-in form: fills the
 * address in, sends the link, opens the one that arrives at the app's sink and confirms it (the app
 * then goes back to where the sign-in started). `t` is the catalog of the page's language.
 *
 * A journey that checks something between these steps (the check-mail page, the mail's text) calls
 * the steps it shares with this one itself: askForSignInLink, openSignInLink.
 */
export async function signInByMail(
  app: Pick<SecretariatApp, 'server' | 'sink'>,
  page: Page,
  email: string,
  t: Catalog,
): Promise<void> {
  if (!app.sink) throw new Error('signInByMail needs the app started with `mail: true`');
  await askForSignInLink(page, email, t);
  const [mail] = await app.sink.waitFor(1, { to: email, timeoutMs: 20_000 });
  await openSignInLink(app, page, pathOfLink(mail!.text, '/[a-z]{2}/sign-in/link'), t);
}

/**
 * On a page that shows the sign-in form: fills `email` in and sends the form (the app mails a
 * one-time link and a code, or shows the form again with the error). Does not wait for the answer.
 */
export async function askForSignInLink(page: Page, email: string, t: Catalog): Promise<void> {
  await page.getByLabel(text(t, 'accounts.field.email')).first().fill(email);
  await page.getByRole('button', { name: text(t, 'accounts.signIn.sendLink') }).click();
}

/**
 * Opens a one-time sign-in link (`link`: its path and query, as pathOfLink or `secretariatLink`
 * give it) and confirms it with the page's button; the app then goes where the sign-in was going
 * (the account page by default). Does not wait for that page.
 */
export async function openSignInLink(
  app: Pick<SecretariatApp, 'server'>,
  page: Page,
  link: string,
  t: Catalog,
): Promise<void> {
  await page.goto(`${app.server.url}${link}`);
  await page.getByRole('button', { name: text(t, 'accounts.link.submit') }).click();
}

/** A message catalog as imported from src/platform/i18n/messages/*.json (plural entries are objects). */
type Catalog = Readonly<Record<string, unknown>>;

function text(t: Catalog, key: string): string {
  const value = t[key];
  if (typeof value !== 'string') throw new Error(`no text for ${key} in the catalog`);
  return value;
}

/**
 * The path and query of the first absolute link in `text` whose path matches `pathPattern` (a
 * regular expression's source, e.g. `/[a-z]{2}/newsletter/confirm`) and that carries a `?token=`.
 *
 * @throws Error naming the pattern and the text, when there is none.
 */
export function pathOfLink(text: string | undefined, pathPattern: string): string {
  const match = new RegExp(`https?://\\S+?(${pathPattern}\\?token=[\\w.%-]+)`).exec(text ?? '');
  if (!match?.[1]) throw new Error(`no link to ${pathPattern} in:\n${text}`);
  return match[1];
}
