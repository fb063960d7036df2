/**
 * Gives memory back when the server is idle (docs/adr/0032-idle-memory.md): once no request has
 * come for `idleMs` (30 s by default), one full garbage collection, then nothing until requests
 * come and stop again.
 *
 * A burst of requests grows V8's young generation (up to 16 MB a semi-space), and at idle nothing
 * allocates, so nothing collects it: the memory stays resident until the next burst. A full
 * collection at idle shrinks it (measured: 164 MB resident before, 135 MB after; 173 ms on a
 * loaded machine, for about 25 MB of live objects). Under load the collection never runs. It is
 * not free afterwards: the heap starts small again, and the first seconds of the next burst pay
 * more collections while it grows back (a throughput bench whose slices came after 2 s of quiet
 * lost about 40 %), hence a long quiet time before it.
 */
import type { Server } from 'node:http';
import type { Logger } from './logger';

export type Collect = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

/**
 * V8's `gc` function, there when Node was started with --expose-gc (`npm start` does). Setting the
 * flag at run time (`v8.setFlagsFromString`) also works, but measurably slows every request
 * afterwards (cached session pages: 4,437 against 7,918 a second), so it is not done.
 */
function garbageCollector(): Collect | undefined {
  return (globalThis as { gc?: Collect }).gc;
}

export interface IdleCollectorOptions {
  /** Quiet time after the last request before the collection; 0 turns the collector off. */
  idleMs: number;
  /** How often the request count is looked at (the collection comes up to this much after idleMs). */
  checkEveryMs?: number;
  log: Logger;
  /** V8's gc (default: the one --expose-gc puts on globalThis). */
  collect?: Collect;
}

/** Starts watching `server`'s requests; returns the function that stops it. */
export function startIdleCollector(
  server: Server,
  { idleMs, checkEveryMs = 1_000, log, collect = garbageCollector() }: IdleCollectorOptions,
) {
  if (idleMs <= 0) return () => undefined;
  if (!collect) {
    log.info('node was started without --expose-gc: memory is not collected when idle (npm start passes it)');
    return () => undefined;
  }
  let requests = 0;
  let seen = -1;
  let quietSince = Date.now();
  let collected = false;
  const onRequest = () => void requests++;
  server.on('request', onRequest);
  const timer = setInterval(() => {
    const now = Date.now();
    if (requests !== seen) {
      seen = requests;
      quietSince = now;
      collected = false;
      return;
    }
    if (collected || now - quietSince < idleMs) return;
    collected = true;
    const started = performance.now();
    // 'last-resort': V8's full collection that also shrinks the young generation and hands free
    // pages back at once. A plain major collection leaves that to V8's memory reducer, which acts
    // about 8 s later (--gc-memory-reducer-start-delay-ms).
    collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    log.debug({ ms: Math.round(performance.now() - started) }, 'idle: memory collected');
  }, checkEveryMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    server.off('request', onRequest);
  };
}
