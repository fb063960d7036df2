import pg from 'pg';
import type { Logger } from '../platform/logger';

export const CONTENT_CHANGED_CHANNEL = 'colloquy_content_changed';

/**
 * Listens for the NOTIFY that the content tables' triggers send (migration 0001) and calls
 * `onChange` for each. Reconnects with backoff if the connection drops, and calls `onChange` on
 * reconnect too, since changes may have been missed meanwhile. Returns a function that stops it.
 */
export async function listenForContentChanges(
  url: string,
  onChange: (table: string) => void,
  log: Logger,
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retryMs = 250;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, application_name: 'colloquy-listener' });
    next.on('notification', (msg) => onChange(msg.payload ?? ''));
    let failed = false;
    next.on('error', (error) => {
      if (failed) return; // one reconnect per lost connection, however many errors it reports
      failed = true;
      log.warn({ err: error }, 'content change listener lost its connection');
      void next.end().catch(() => undefined);
      scheduleReconnect();
    });
    await next.connect();
    await next.query(`LISTEN ${CONTENT_CHANGED_CHANNEL}`);
    if (stopped) {
      // stop() was called while this reconnect was under way.
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    retryMs = 250;
  };

  const scheduleReconnect = () => {
    if (stopped) return;
    client = undefined;
    setTimeout(() => {
      if (stopped) return;
      connect()
        .then(() => onChange('*'))
        .catch(() => {
          retryMs = Math.min(retryMs * 2, 10_000);
          scheduleReconnect();
        });
    }, retryMs).unref();
  };

  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => undefined);
  };
}
