import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { delegations, organisations, registrations, registrationSettings } from '../registration.tables';
import {
  CATEGORIES,
  STAKEHOLDER_GROUPS,
  type ParticipantCategory,
  type RegistrationMode,
  type RegistrationStatus,
  type StakeholderGroup,
} from '../registration.types';

/**
 * Deterministic, clearly generated registrations for the demo series' sessions 1–12, so the
 * registration and reach pages have something to show. Every row is `is_demo`; people are "Demo
 * participant 0042" with no account; the same seed always gives the same rows (mulberry32).
 */

export const DEMO_SERIES_SLUG = 'ip-frontier-technologies';
const DEMO_PEOPLE = 2400;

/** UN Member States (ISO 3166-1 alpha-2), a broad spread across regions. */
const COUNTRIES =
  `AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD
CL CN CO KM CG CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT
HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MC MN
ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA KR MD RO RU RW KN LC VC WS SM ST SA SN RS SC
SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO TT TN TR TM TV UG UA AE GB TZ US UY UZ VU VE VN YE ZM ZW`
    .split(/\s+/)
    .filter(Boolean);

/** Countries that send most people, as in the real series (weights, not data). */
const HEAVY = [
  'CH',
  'US',
  'FR',
  'GB',
  'DE',
  'CN',
  'IN',
  'BR',
  'JP',
  'KR',
  'NG',
  'KE',
  'ZA',
  'MX',
  'EG',
  'RU',
  'ES',
  'AR',
];

const DEMO_ORGANISATIONS = [
  'Demo University of Applied Research',
  'Demo Institute for Innovation Policy',
  'Demo Creators Alliance',
  'Demo Patent Attorneys Association',
  'Demo Technology Company',
  'Demo Civil Society Network',
  'Demo News Agency',
  'Demo Intergovernmental Organisation',
];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The demo person key: recognisable (de…) and stable. */
export function demoPersonKey(index: number): string {
  return `de000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

interface DemoPerson {
  key: string;
  name: string;
  country: string;
  group: StakeholderGroup;
  category: ParticipantCategory;
  organisation: string | null;
  gender: string | null;
  locale: string;
  consent: boolean;
}

function demoPeople(): DemoPerson[] {
  const rand = mulberry32(20191);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const locales = ['en', 'en', 'en', 'fr', 'es', 'ar', 'zh', 'ru'];
  return Array.from({ length: DEMO_PEOPLE }, (_, i) => {
    const country = rand() < 0.35 ? pick(HEAVY) : pick(COUNTRIES);
    // Every group is represented; governments and IP offices are Member State delegates.
    const group = STAKEHOLDER_GROUPS[i % STAKEHOLDER_GROUPS.length]!;
    const category: ParticipantCategory =
      group === 'government' || group === 'ip_office'
        ? 'member_state'
        : group === 'civil_society'
          ? 'ngo_observer'
          : rand() < 0.08
            ? 'igo_observer'
            : 'other';
    const g = rand();
    return {
      key: demoPersonKey(i + 1),
      name: `Demo participant ${String(i + 1).padStart(4, '0')}`,
      country,
      group,
      category,
      organisation: category === 'member_state' ? null : rand() < 0.7 ? pick(DEMO_ORGANISATIONS) : null,
      gender: g < 0.35 ? 'woman' : g < 0.65 ? 'man' : g < 0.67 ? 'non-binary' : null,
      locale: pick(locales),
      consent: rand() < 0.6,
    };
  });
}

/**
 * Adds the demo registrations unless they are there already. Sessions that are not in the demo
 * series (or not there) are skipped.
 * @returns how many registrations were added.
 */
export async function seedDemoRegistrations(db: Db, clock: { now(): Date }): Promise<number> {
  const existing = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(eq(registrations.isDemo, true));
  if ((existing[0]?.n ?? 0) > 0) return 0;
  const sessionRows = await db.execute<{
    id: string;
    number: number;
    starts_at: string | Date;
    format: string;
  }>(
    sql`SELECT s.id, s.number, s.starts_at, s.format FROM conversations_sessions s
        JOIN conversations_series se ON se.id = s.series_id
        WHERE se.slug = ${DEMO_SERIES_SLUG} AND s.number BETWEEN 1 AND 12 AND s.is_demo ORDER BY s.number`,
  );
  if (sessionRows.rows.length === 0) return 0;
  const people = demoPeople();
  const now = clock.now();
  let added = 0;

  await db.transaction(async (tx) => {
    const delegationIds = new Map<string, string>();
    const organisationIds = new Map<string, string>();
    for (const name of DEMO_ORGANISATIONS) {
      const [row] = await tx
        .insert(organisations)
        .values({ name, nameKey: name.toLowerCase(), isDemo: true, createdAt: now })
        .onConflictDoUpdate({ target: organisations.nameKey, set: { name } })
        .returning({ id: organisations.id });
      organisationIds.set(name, row!.id);
    }
    for (const country of new Set(
      people.filter((p) => p.category === 'member_state').map((p) => p.country),
    )) {
      const [row] = await tx
        .insert(delegations)
        .values({ country, isDemo: true, createdAt: now })
        .onConflictDoUpdate({ target: delegations.country, set: { country } })
        .returning({ id: delegations.id });
      delegationIds.set(country, row!.id);
    }

    for (const session of sessionRows.rows) {
      const rand = mulberry32(1000 + session.number);
      const startsAt = new Date(session.starts_at);
      const onsiteCapacity = 120 + session.number * 10;
      const onlineCapacity = 600 + session.number * 40;
      await tx
        .insert(registrationSettings)
        .values({
          sessionId: session.id,
          isEnabled: true,
          opensAt: new Date(startsAt.getTime() - 60 * 86_400_000),
          closesAt: null,
          onsiteCapacity: session.format === 'virtual' ? 0 : onsiteCapacity,
          onlineCapacity,
          allowedCategories: [...CATEGORIES],
          onsiteApprovalCategories: ['member_state', 'igo_observer'],
          onlineApprovalCategories: [],
          isDemo: true,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing();
      // Later sessions draw more people, as the real series grew.
      const share = 0.12 + session.number * 0.018;
      const counts: Record<RegistrationMode, number> = { onsite: 0, online: 0 };
      const rows: (typeof registrations.$inferInsert)[] = [];
      for (const person of people) {
        if (rand() >= share) continue;
        const wantsOnsite =
          session.format !== 'virtual' && (person.category === 'member_state' ? rand() < 0.7 : rand() < 0.15);
        const mode: RegistrationMode = wantsOnsite ? 'onsite' : 'online';
        const capacity = mode === 'onsite' ? onsiteCapacity : onlineCapacity;
        const registeredAt = new Date(startsAt.getTime() - Math.floor(rand() * 50 + 1) * 86_400_000);
        let status: RegistrationStatus;
        if (rand() < 0.06) status = 'cancelled';
        else if (counts[mode] < capacity) status = 'confirmed';
        else status = 'waitlisted';
        if (status === 'confirmed') counts[mode]++;
        const attended = status === 'confirmed' && rand() < (mode === 'onsite' ? 0.85 : 0.68);
        const attendedAt = new Date(startsAt.getTime() + Math.floor(rand() * 20) * 60_000);
        rows.push({
          sessionId: session.id,
          userId: null,
          personKey: person.key,
          mode,
          status,
          participantCategory: person.category,
          stakeholderGroup: person.group,
          country: person.country,
          displayName: person.name,
          organisationName: person.organisation ?? '',
          organisationId: person.organisation ? organisationIds.get(person.organisation)! : null,
          delegationId: person.category === 'member_state' ? delegationIds.get(person.country)! : null,
          interpretationLanguage: mode === 'onsite' && rand() < 0.3 ? person.locale : null,
          consentPublicList: person.consent,
          consentRecording: rand() < 0.8,
          gender: person.gender,
          locale: person.locale,
          checkInCode: `DEMO${session.number.toString(36).toUpperCase()}${person.key.slice(-5).toUpperCase()}`,
          createdAt: registeredAt,
          updatedAt: registeredAt,
          confirmedAt: status === 'confirmed' ? registeredAt : null,
          waitlistedAt: status === 'waitlisted' ? registeredAt : null,
          cancelledAt: status === 'cancelled' ? new Date(registeredAt.getTime() + 86_400_000) : null,
          checkedInAt: attended && mode === 'onsite' ? attendedAt : null,
          joinedOnlineAt: attended && mode === 'online' ? attendedAt : null,
          reminderSentAt: status === 'confirmed' ? new Date(startsAt.getTime() - 86_400_000) : null,
          isDemo: true,
        });
      }
      for (let i = 0; i < rows.length; i += 500) {
        await tx
          .insert(registrations)
          .values(rows.slice(i, i + 500))
          .onConflictDoNothing();
      }
      added += rows.length;
    }
  });
  return added;
}

/**
 * Takes the demo registrations out (`npm run demo:remove`): those of demo sessions go with their
 * sessions; this removes any left, and demo organisations and delegations no real registration uses.
 */
export async function removeDemoRegistrations(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    const regs = await tx
      .delete(registrations)
      .where(eq(registrations.isDemo, true))
      .returning({ id: registrations.id });
    const settings = await tx
      .delete(registrationSettings)
      .where(eq(registrationSettings.isDemo, true))
      .returning({ id: registrationSettings.sessionId });
    const orgs = await tx
      .delete(organisations)
      .where(
        and(
          eq(organisations.isDemo, true),
          sql`${organisations.id} NOT IN (SELECT organisation_id FROM registration_registrations WHERE organisation_id IS NOT NULL)`,
        ),
      )
      .returning({ id: organisations.id });
    const dels = await tx
      .delete(delegations)
      .where(
        and(
          eq(delegations.isDemo, true),
          sql`${delegations.id} NOT IN (SELECT delegation_id FROM registration_registrations WHERE delegation_id IS NOT NULL)`,
        ),
      )
      .returning({ id: delegations.id });
    return regs.length + settings.length + orgs.length + dels.length;
  });
}
