import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type Collect, startIdleCollector } from './idle-memory';
import { pino } from 'pino';
import { createLogger, type Logger } from './logger';

/**
 * The collector's own log lines, through a real pino logger writing to memory. (V8 reports the
 * collections of gc({ flavor: 'last-resort' }) with no flag that tells them from its own.)
 */
function watchIdleCollections() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const log = pino({ level: 'debug' }, stream) as unknown as Logger;
  return { log, lines, count: () => lines.filter((line) => line.includes('idle: memory collected')).length };
}

async function until(condition: () => boolean, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(20);
  }
}

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** V8's real gc: the test process was not started with --expose-gc, so the flag is set here. */
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as Collect;

async function serverWithCollector(idleMs: number, log: Logger = createLogger('silent')) {
  const server = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const stop = startIdleCollector(server, { idleMs, checkEveryMs: 25, log, collect });
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())), stop);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { get: async () => void (await (await fetch(url)).text()) };
}

describe('startIdleCollector', () => {
  test('collects once when requests stop, not while they come, and again after the next ones', async () => {
    const collections = watchIdleCollections();
    const app = await serverWithCollector(1_000, collections.log);

    // Requests every 50 ms for a second: never a second of quiet, even on a busy machine.
    for (let i = 0; i < 20; i++) {
      await app.get();
      await sleep(50);
    }
    expect(collections.count()).toBe(0);

    await until(() => collections.count() === 1);
    await sleep(1_500); // still quiet: no second collection
    expect(collections.count()).toBe(1);

    await app.get();
    await until(() => collections.count() === 2);
  });

  test('does nothing without a gc (node started without --expose-gc), and says so', async () => {
    const collections = watchIdleCollections();
    const server = http.createServer((_req, res) => res.end('ok'));
    const stop = startIdleCollector(server, {
      idleMs: 1,
      checkEveryMs: 5,
      log: collections.log,
      collect: undefined,
    });
    await sleep(100);
    stop();
    expect(collections.count()).toBe(0);
    expect(collections.lines.join('')).toContain('--expose-gc');
  });

  test('does nothing with an idle time of 0', async () => {
    const collections = watchIdleCollections();
    const app = await serverWithCollector(0, collections.log);
    await app.get();
    await sleep(500);
    expect(collections.count()).toBe(0);
  });
});
