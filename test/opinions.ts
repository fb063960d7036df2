// Opinion maps for route and service tests. Not in test/factories.ts, whose factories insert one
// row with Drizzle: a map goes through the service, createMap, because the tests speak in the
// admin form's terms (MapFormInput: opening and closing as wall-clock times in the session's time
// zone, which the service turns into instants) and some hand the same input to saveMap later; the
// service also checks the form and writes the audit entry a real map has.
//
//   const { map, input } = await makeOpinionMap(deps, secretariat, { sessionId }, { published: true });
import { randomBytes } from 'node:crypto';
import type { Deps } from '../src/deps';
import type { Actor } from '../src/modules/accounts';
import type { MapFormInput } from '../src/modules/opinions/opinions.schema';
import { createMap, setMapPublished } from '../src/modules/opinions/service/maps';

/**
 * A map, a draft unless `published`, open since 2026-11-01 (the test clock: 2026-11-25 10:00 UTC)
 * with no closing, post-moderated, taking statements, no open data. Throws if the service refuses
 * the input. Returns the map as stored last and the input it was created with.
 */
export async function makeOpinionMap(
  deps: Deps,
  actor: Actor,
  overrides: Partial<MapFormInput> = {},
  { published = false }: { published?: boolean } = {},
) {
  const input: MapFormInput = {
    slug: `map-${randomBytes(4).toString('hex')}`,
    topic: { en: 'A topic' },
    description: {},
    sessionId: null,
    moderation: 'post',
    allowStatements: true,
    publishOpenData: false,
    opensAt: '2026-11-01T00:00',
    closesAt: null,
    ...overrides,
  };
  const created = await createMap(deps, actor, input);
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  const map = published ? await setMapPublished(deps, actor, created.map.id, true) : created.map;
  return { map, input };
}
