import { eq } from 'drizzle-orm';
import type { Db } from './client';
import { platformSettings } from './settings.tables';

export async function findSetting(db: Db, key: string): Promise<unknown> {
  const [row] = await db.select().from(platformSettings).where(eq(platformSettings.key, key)).limit(1);
  return row?.value;
}

export async function writeSetting(db: Db, key: string, value: unknown, at: Date): Promise<void> {
  await db
    .insert(platformSettings)
    .values({ key, value, updatedAt: at })
    .onConflictDoUpdate({ target: platformSettings.key, set: { value, updatedAt: at } });
}
