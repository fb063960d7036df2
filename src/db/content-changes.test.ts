import { sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { makeSeries } from '../../test/factories';
import { dbTest as test } from '../../test/test-deps';
import { listenForContentChanges } from './content-changes';

describe('listenForContentChanges', () => {
  test('hears every write to a content table, from any connection', async ({ deps }) => {
    const heard: string[] = [];
    const stop = await listenForContentChanges(deps.url, (table) => heard.push(table), deps.log);

    try {
      const series = await makeSeries(deps.db);
      await deps.db.execute(
        sql`UPDATE conversations_series SET slug = ${series.slug + '-x'} WHERE id = ${series.id}`,
      );
      await deps.db.execute(sql`SELECT 1`); // not a write: no notice
      await waitFor(() => heard.length >= 2);
    } finally {
      await stop();
    }

    expect(heard).toEqual(['conversations_series', 'conversations_series']);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
