// The built app with a first secretariat account and, when asked, real mail, and a Chromium page:
// what the journeys of the back office, accounts and the newsletter start from.
//
//   const app = await startSecretariatApp({ name: 'newsletter', secretariat: 'sec@example.org', mail: true });
//   const { page, server } = app;
//   await page.goto(`${server.url}${app.secretariatLink}`);             // the one-time sign-in link
//   const [mail] = await app.sink!.waitFor(1, { to: 'ada@example.org' });
//   await page.goto(`${app.server.url}${pathOfLink(mail!.text, '/[a-z]{2}/newsletter/confirm')}`);
//   …
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
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
  /** The path and query of the secretariat's one-time sign-in link (`/en/sign-in/link?token=…`). */
  secretariatLink: string;
  /** The SMTP server on loopback the app sends to, with `mail: true`. */
  sink: SmtpSink | undefined;
  /** Closes the browser, stops the server and the sink, removes the data directory. Safe after a failed start. */
  stop(): Promise<void>;
}

export async function startSecretariatApp(opts: {
  /** Names the data directory, for a reader of /tmp. */
  name: string;
  /** The first secretariat's address. */
  secretariat: string;
  /** Send mail over SMTP to a sink in this process (else it is held in the outbox). */
  mail?: boolean;
  /** Seed the demo series (default: no). */
  seedDemo?: boolean;
  /** More environment for the server, e.g. { UPLOAD_MAX_BYTES: '1048576' }. */
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<SecretariatApp> {
  const sink = opts.mail ? new SmtpSink() : undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `colloquy-e2e-${opts.name}-`));
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
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
    const cli = path.join(path.dirname(inject('e2eServerEntry')), 'cli.js');
    const { DATABASE_URL: _external, ...inherited } = process.env;
    const printed = await run(process.execPath, [cli, 'create-secretariat', opts.secretariat], {
      env: { ...inherited, ...env, LOG_LEVEL: 'warn' },
    });
    const secretariatLink = pathOfLink(printed.stdout, '/en/sign-in/link');
    [server, browser] = await Promise.all([
      startTestServer({ env: { ...env, DATABASE_URL: '', ...opts.env }, timeoutMs: opts.timeoutMs }),
      launchChromium(),
    ]);
    const context = await browser.newContext();
    const page = await context.newPage();
    return { server, browser, context, page, secretariatLink, sink, stop };
  } catch (error) {
    await stop();
    throw error;
  }
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
