// Registrations made up for the analytics tests: deterministic (seeded), spread over countries
// with many and with few people, every status, some attendance and some self-described genders.
// Written to the registration module's table by name, like the analytics repo reads it.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';

export interface FakeRegistration {
  sessionId: string;
  personKey: string;
  status: 'confirmed' | 'waitlisted' | 'pending_approval' | 'cancelled';
  country: string;
  stakeholderGroup: string;
  participantCategory: string;
  gender: string | null;
  attended: boolean;
}

/** mulberry32: a small seeded generator, so every run makes the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = [
  'CH',
  'FR',
  'BR',
  'CN',
  'NG',
  'IN',
  'US',
  'EG',
  'JP',
  'MX',
  'KE',
  'RU',
  'AU',
  'FJ',
  'TW',
  'MT',
];
const GROUPS = [
  'government',
  'ip_office',
  'academia',
  'ip_professional',
  'enterprise',
  'creator',
  'civil_society',
  'media',
  'individual',
  'other',
];
const CATEGORIES = ['member_state', 'igo_observer', 'ngo_observer', 'other'];
const GENDERS = [
  null,
  null,
  null,
  'woman',
  'Woman ',
  'man',
  'non-binary',
  '=cmd|calc',
  'prefer to self-describe',
];
const STATUSES = [
  'confirmed',
  'confirmed',
  'confirmed',
  'confirmed',
  'waitlisted',
  'pending_approval',
  'cancelled',
] as const;

/** `people` people, each registered for one to all of `sessionIds`. */
export function makeFakeRegistrations(
  sessionIds: readonly string[],
  people: number,
  seed = 7,
): FakeRegistration[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[], skew = 1): T => list[Math.floor(rnd() ** skew * list.length)]!;
  const out: FakeRegistration[] = [];
  for (let p = 0; p < people; p++) {
    const personKey = randomUUID();
    const sessions = sessionIds.filter(() => rnd() < 0.6);
    if (sessions.length === 0) sessions.push(pick(sessionIds));
    for (const sessionId of sessions) {
      const status = pick(STATUSES);
      out.push({
        sessionId,
        personKey,
        status,
        // Skewed: the first countries get many people, the last ones a few.
        country: pick(COUNTRIES, 2.2),
        stakeholderGroup: pick(GROUPS, 1.5),
        participantCategory: pick(CATEGORIES, 2),
        gender: pick(GENDERS),
        attended: status === 'confirmed' && rnd() < 0.55,
      });
    }
  }
  return out;
}

/** Writes them to registration_registrations in one statement. */
export async function insertFakeRegistrations(db: Db, rows: readonly FakeRegistration[]): Promise<void> {
  if (rows.length === 0) return;
  await db.$client.query(
    `INSERT INTO registration_registrations
       (session_id, person_key, mode, status, participant_category, stakeholder_group, country, gender,
        locale, check_in_code, checked_in_at, joined_online_at)
     SELECT r."sessionId", r."personKey", CASE WHEN r.attended AND random() < 0.5 THEN 'onsite' ELSE 'online' END::registration_mode,
            r.status::registration_status, r."participantCategory"::registration_participant_category,
            r."stakeholderGroup"::registration_stakeholder_group, r.country, r.gender, 'en',
            'T' || substr(md5(random()::text || r."personKey"::text || r."sessionId"::text), 1, 12),
            CASE WHEN r.attended THEN now() END, NULL
       FROM jsonb_to_recordset($1::jsonb) AS r("sessionId" uuid, "personKey" uuid, status text,
            "participantCategory" text, "stakeholderGroup" text, country text, gender text, attended boolean)`,
    [JSON.stringify(rows)],
  );
}
