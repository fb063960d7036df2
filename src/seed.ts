import type { Deps } from './deps';
import { findSetting, writeSetting } from './db/settings';
import { seedDemo } from './modules/conversations';
import { recomputeDueMaps, seedDemoOpinions } from './modules/opinions';
import { seedDemoRegistrations } from './modules/registration';

const DEMO_SEEDED = 'demo.seededAt';

/**
 * Seeds the demo series on the very first start of an installation. Once seeded (or once removed
 * with `npm run demo:remove`), later starts leave the content alone.
 */
export async function seedDemoOnFirstStart(deps: Deps): Promise<boolean> {
  if ((await findSetting(deps.db, DEMO_SEEDED)) !== undefined) return false;
  return seedDemoNow(deps);
}

/** Seeds the demo now, unless it is there already (`npm run seed`). */
export async function seedDemoNow(deps: Deps): Promise<boolean> {
  const { seeded } = await seedDemo(deps.db, deps.clock);
  // Registrations for the demo sessions (idempotent: added once, also to a demo seeded before them).
  await seedDemoRegistrations(deps.db, deps.clock);
  // The demo opinion map on the ninth session (idempotent, like the registrations), computed at
  // once: its results are there for the first visitor, and no later start of the server spends its
  // first seconds (and a worker thread's memory) on it.
  if ((await seedDemoOpinions(deps.db, deps.clock)) > 0) await recomputeDueMaps(deps);
  if (seeded || (await findSetting(deps.db, DEMO_SEEDED)) === undefined) {
    await writeSetting(deps.db, DEMO_SEEDED, deps.clock.now().toISOString(), deps.clock.now());
  }
  return seeded;
}
