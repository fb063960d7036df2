// Newsletter: the time to queue one edition to BENCH_NEWSLETTER_SUBSCRIBERS confirmed subscribers
// (default 100,000; issue 3's target: under 10 s), and the rate at which the mail worker then
// delivers it to an SMTP server on loopback (messages/s over BENCH_NEWSLETTER_DELIVERY_S seconds,
// default 20).
//
// Through the real app, as the secretariat would: the account comes from `colloquy
// create-secretariat` (its one-time link signs the bench in), the subscribers are inserted with
// SQL (confirmed, spread over the six languages, some with themes), the edition is created and sent
// with the back office's forms, and the send request is timed (it returns once every message and
// its queue job are committed). The SMTP server is a minimal one in this process (smtp-server,
// counting messages and discarding them; no parsing), so the figure is the worker's, not a parser's.
/* global fetch, URLSearchParams -- Node 24 has both built in */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { processCpuSeconds } from '../lib/cpu.mjs';
import { descendantsOf } from '../lib/proc.mjs';
import { envNumber } from '../lib/context.mjs';
import { row } from '../lib/report.mjs';
import { colloquyEnv, connectToDataDir, freePort, NODE, ROOT, startColloquy, stop } from '../lib/server.mjs';

export const name = 'newsletter';
export const description = 'queue an edition to 100,000 subscribers; delivery rate to a loopback SMTP server';

export async function run(ctx) {
  const subscribers = Math.round(envNumber('BENCH_NEWSLETTER_SUBSCRIBERS', 100_000));
  const deliveryS = envNumber('BENCH_NEWSLETTER_DELIVERY_S', 20);
  const dataDir = await ctx.copyOfSeededDataDir('newsletter-data');
  const sink = await startSink();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = { PUBLIC_URL: baseUrl, SMTP_URL: sink.url, LOG_LEVEL: 'warn', MAIL_POLL_INTERVAL_S: '0.5' };

  // The secretariat account, and a one-time sign-in link, from the command line (no server yet:
  // one process at a time on an embedded data directory).
  const cliOut = execFileSync(
    NODE,
    [path.join(ROOT, 'dist', 'cli.js'), 'create-secretariat', 'bench@example.org'],
    {
      env: colloquyEnv({ DATA_DIR: dataDir, ...env }),
      encoding: 'utf8',
    },
  );
  const link = /(http\S+\/sign-in\/link\?token=\S+)/.exec(cliOut)?.[1];
  if (!link) throw new Error(`create-secretariat printed no sign-in link:\n${cliOut}`);

  const server = await startColloquy({
    dataDir,
    port,
    logFile: ctx.logFile('newsletter'),
    env,
    nodeFlags: ctx.nodeFlags('newsletter'),
    timeoutMs: 120_000,
  });
  try {
    await insertSubscribers(dataDir, subscribers);
    const cookie = await signIn(baseUrl, link);
    const csrf = await csrfTokenOf(baseUrl, cookie);
    const editionUrl = await createEdition(baseUrl, cookie, csrf);

    const cpuBefore = treeCpu(server.pid);
    const queueStarted = performance.now();
    const sent = await post(`${baseUrl}${editionUrl}/send`, cookie, { _csrf: csrf });
    const queueMs = performance.now() - queueStarted;
    const queueCpuS = cpuSince(server.pid, cpuBefore);
    const queueNodeCpuS = processCpuSeconds(server.pid) - (cpuBefore.get(server.pid) ?? 0);
    if (sent.status !== 303) throw new Error(`send answered ${sent.status}`);
    const queued = await progressOf(baseUrl, editionUrl, cookie);
    console.log(
      `  queued ${queued.total} messages in ${Math.round(queueMs)} ms (server and PostgreSQL used ${queueCpuS.toFixed(1)} CPU s, Node ${queueNodeCpuS.toFixed(1)} s of it)`,
    );

    // Delivery: messages the sink received over the window, after the first one arrived.
    const firstBy = Date.now() + 30_000;
    while (sink.count === 0 && Date.now() < firstBy) await sleep(50);
    const startCount = sink.count;
    const deliveryCpuBefore = treeCpu(server.pid);
    const windowStarted = performance.now();
    await sleep(deliveryS * 1000);
    const delivered = sink.count - startCount;
    const deliveryCpuS = cpuSince(server.pid, deliveryCpuBefore);
    const rate = delivered / ((performance.now() - windowStarted) / 1000);
    console.log(`  delivered ${delivered} messages in ${deliveryS} s: ${Math.round(rate)} messages/s`);

    return {
      rows: [
        row(
          `queue an edition to ${subscribers.toLocaleString('en')} subscribers (send request)`,
          round2(queueMs / 1000),
          's',
          {
            below: 10,
          },
        ),
        row('  of which CPU time of the server and its PostgreSQL', round2(queueCpuS), 's'),
        row('delivery to a loopback SMTP server', Math.round(rate), 'messages/s'),
        row(
          '  server and PostgreSQL CPU per 1,000 delivered',
          delivered > 0 ? round2((deliveryCpuS / delivered) * 1000) : 0,
          's',
        ),
      ],
      details: {
        subscribers,
        queued: queued.total,
        queueMs: Math.round(queueMs),
        queueCpuS: round2(queueCpuS),
        queueNodeCpuS: round2(queueNodeCpuS),
        deliveryS,
        delivered,
        deliveryCpuS: round2(deliveryCpuS),
      },
    };
  } finally {
    await stop(server);
    await sink.stop();
  }
}

const round2 = (n) => Math.round(n * 100) / 100;

/**
 * CPU seconds used so far by a process and everything below it (Node, the embedded PostgreSQL and
 * its backends), by pid. On a busy machine the wall-clock figures stretch with the other processes
 * on the core; the CPU time the work itself took does not.
 */
function treeCpu(pid) {
  return new Map([pid, ...descendantsOf(pid)].map((p) => [p, processCpuSeconds(p)]));
}

/** CPU seconds used by the tree since `before` (processes started since count in full). */
function cpuSince(pid, before) {
  let total = 0;
  for (const [p, now] of treeCpu(pid)) total += now - (before.get(p) ?? 0);
  return total;
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A minimal SMTP server on loopback that counts what it receives and keeps nothing. */
async function startSink() {
  let count = 0;
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    closeTimeout: 50,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        count++;
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `smtp://127.0.0.1:${server.server.address().port}`,
    get count() {
      return count;
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Confirmed subscribers, straight into the table: languages in turn, every tenth with a theme. */
async function insertSubscribers(dataDir, n) {
  const client = await connectToDataDir(dataDir);
  try {
    await client.query(
      `INSERT INTO newsletter_subscribers (email, locale, status, token_nonce, created_at, updated_at, confirmed_at)
       SELECT 'subscriber' || i || '@example.org', (ARRAY['ar','zh','en','fr','ru','es'])[1 + i % 6], 'confirmed',
              md5(i::text), now(), now(), now()
       FROM generate_series(1, $1) AS i`,
      [n],
    );
    await client.query(
      `INSERT INTO newsletter_subscriber_themes (subscriber_id, theme_id)
       SELECT s.id, (SELECT id FROM conversations_themes ORDER BY position LIMIT 1)
       FROM newsletter_subscribers s WHERE s.email ~ '^subscriber[0-9]*0@'
       AND EXISTS (SELECT 1 FROM conversations_themes)`,
    );
    await client.query('ANALYZE newsletter_subscribers');
  } finally {
    await client.end();
  }
}

function cookiesOf(res) {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function post(url, cookie, fields) {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: new URL(url).origin },
    body: new URLSearchParams(fields).toString(),
  });
}

async function signIn(baseUrl, link) {
  const token = new URL(link).searchParams.get('token');
  const res = await post(`${baseUrl}/en/sign-in/link`, '', { token });
  const cookie = cookiesOf(res);
  if (!cookie) throw new Error(`signing in with the link answered ${res.status} and no cookie`);
  return cookie;
}

async function csrfTokenOf(baseUrl, cookie) {
  const res = await fetch(`${baseUrl}/en/admin/newsletter/editions/new`, { headers: { cookie } });
  const token = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1];
  if (!token) throw new Error(`no CSRF token on the new edition page (status ${res.status})`);
  return token;
}

async function createEdition(baseUrl, cookie, csrf) {
  const res = await post(`${baseUrl}/en/admin/newsletter/editions`, cookie, {
    _csrf: csrf,
    subject_en: 'News of the series',
    body_en: `${'The twelfth session of the Conversation is on synthetic media. '.repeat(20)}\n\n${'Register at https://example.org/register. '.repeat(20)}`,
    subject_fr: 'Nouvelles de la série',
    body_fr: `${'La douzième session de la Conversation porte sur les médias synthétiques. '.repeat(20)}`,
    subject_es: 'Novedades de la serie',
    body_es: `${'La duodécima sesión de la Conversación trata de los medios sintéticos. '.repeat(20)}`,
  });
  const location = res.headers.get('location');
  if (res.status !== 303 || !location) throw new Error(`creating the edition answered ${res.status}`);
  return location.split('?')[0];
}

async function progressOf(baseUrl, editionUrl, cookie) {
  const html = await (await fetch(`${baseUrl}${editionUrl}?auto=0`, { headers: { cookie } })).text();
  const figure = (key) => {
    const match = new RegExp(`data-count="${key}">([^<]+)<`).exec(html);
    return match ? Number(match[1].replace(/\D/g, '')) : 0;
  };
  const queued = figure('queued');
  const sent = figure('sent');
  const failed = figure('failed');
  return { queued, sent, failed, total: queued + sent + failed };
}
