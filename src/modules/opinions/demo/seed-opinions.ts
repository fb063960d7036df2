import { eq, sql } from 'drizzle-orm';
import type { Db, DbTransaction as Tx } from '../../../db/client';
import { createPrng } from '../math/prng';
import { opinionMaps, opinionParticipants, opinionStatements } from '../opinions.tables';

/**
 * The demo opinion map: "Training the Machines" (the demo series' ninth session), with statements
 * on AI training and copyright and generated participants whose votes form three opinion groups
 * (rights holders first; open innovation first; a middle ground that wants transparency and
 * licensing). Every participant (`externalId` demo-1 …) has a demo account (an address at
 * `demo.invalid`, no password) registered for the ninth session, so the results page's breakdown
 * by stakeholder group, category and region has real cells. The map is `is_demo`, and its
 * participants, statements and votes go with it; the accounts go with `removeDemoOpinions`, the
 * registrations (`is_demo`) with the session. Deterministic: the same rows every time.
 */

export const DEMO_MAP_SLUG = 'training-the-machines';
const DEMO_SERIES_SLUG = 'ip-frontier-technologies';
const DEMO_PARTICIPANTS = 420;
/** Share of participants in each group (rights first, open first, middle). */
const GROUP_SHARE = [0.4, 0.35, 0.25];

interface DemoStatement {
  language: string;
  body: string;
  /** Probability that a member of each group agrees (rather than disagrees) when not passing. */
  agree: [number, number, number];
  isMeta?: boolean;
  /** Written by a demo participant (else a seed from the secretariat). */
  byParticipant?: boolean;
  /** Not reviewed yet (the map is post-moderated: shown, in the queue). */
  pending?: boolean;
}

// ── Who the participants are ────────────────────────────────────────────────────────────────────

/**
 * Demo accounts are the ones at this domain: the accounts table has no demo flag, and `.invalid`
 * is reserved (RFC 2606), so no real person has such an address and no mail is ever delivered.
 */
export const DEMO_ACCOUNT_DOMAIN = 'demo.invalid';

/** The demo account of participant `n` (1-based): a recognisable, stable id (de000009-…). */
function demoAccountId(n: number): string {
  return `de000009-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

type RegistrationGroup =
  | 'government'
  | 'ip_office'
  | 'academia'
  | 'ip_professional'
  | 'enterprise'
  | 'creator'
  | 'civil_society'
  | 'media'
  | 'individual'
  | 'other';

/**
 * Stakeholder groups of each opinion group (weights): rights holders lean creators, IP
 * professionals and publishers; open innovation leans academia, technology companies and civil
 * society; the middle ground is mostly Member State delegates and intergovernmental observers
 * ('other'). Over the map that gives about a third Member States (government 21 %, IP offices
 * 10 %), academia 14 %, IP professionals 14 %, enterprises 12 %, civil society 10 %, creators 8 %,
 * intergovernmental organisations 4 %, individuals 4 %, media 3 %.
 */
const GROUP_MIX: Record<RegistrationGroup, number>[] = [
  {
    government: 18,
    ip_office: 8,
    academia: 6,
    ip_professional: 24,
    enterprise: 8,
    creator: 18,
    civil_society: 6,
    media: 6,
    individual: 4,
    other: 2,
  },
  {
    government: 14,
    ip_office: 4,
    academia: 26,
    ip_professional: 6,
    enterprise: 20,
    creator: 1,
    civil_society: 16,
    media: 1,
    individual: 8,
    other: 4,
  },
  {
    government: 36,
    ip_office: 22,
    academia: 10,
    ip_professional: 10,
    enterprise: 6,
    creator: 1,
    civil_society: 6,
    media: 1,
    individual: 0,
    other: 8,
  },
];

/** Countries by M49 region: Africa, Americas, Asia, Europe, Oceania. */
const REGION_COUNTRIES = [
  'NG KE ZA EG MA GH SN ET DZ TN CM CI UG TZ RW ZW',
  'US CA BR MX AR CO CL PE JM TT CR UY EC',
  'CN IN JP KR SG ID PK IR SA AE TH MY PH VN BD LK KZ IL TR',
  'CH FR GB DE IT ES NL SE PL RU BE AT IE FI NO CZ PT UA GR HU',
  'AU NZ FJ PG WS',
].map((list) => list.split(' '));
/** Member State delegations come from everywhere; other people more from Europe and the Americas. */
const REGION_MIX = { delegates: [24, 20, 28, 24, 4], others: [13, 24, 22, 38, 3] };

/** One of the choices, drawn with the given weights. */
function weighted<T extends string | number>(rand: () => number, weights: Record<T, number> | number[]): T {
  const entries = Object.entries(weights) as [T, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let target = rand() * total;
  for (const [key, w] of entries) {
    target -= w;
    if (target < 0) return key;
  }
  return entries[entries.length - 1]![0];
}

/** The account profile's group for a registration's (the profile has its own, shorter list). */
const PROFILE_GROUP: Record<RegistrationGroup, string> = {
  government: 'member_state',
  ip_office: 'member_state',
  academia: 'academia',
  ip_professional: 'ip_professional',
  enterprise: 'enterprise',
  creator: 'other',
  civil_society: 'civil_society',
  media: 'media',
  individual: 'other',
  other: 'igo',
};

interface DemoProfile {
  group: RegistrationGroup;
  category: 'member_state' | 'igo_observer' | 'ngo_observer' | 'other';
  country: string;
  locale: string;
  wantsOnsite: boolean;
}

/**
 * Who each participant is, from the opinion group their votes come from. A PRNG of its own, so
 * the votes (and the test's fingerprint of them) do not change with these draws.
 */
function demoProfiles(opinionGroups: readonly number[]): DemoProfile[] {
  const prng = createPrng(9_0009);
  const rand = () => prng.next();
  const locales = ['en', 'en', 'en', 'en', 'fr', 'fr', 'es', 'es', 'ar', 'zh', 'ru'];
  return opinionGroups.map((opinionGroup) => {
    const group = weighted<RegistrationGroup>(rand, GROUP_MIX[opinionGroup]!);
    const delegate = group === 'government' || group === 'ip_office';
    // Accredited observers: intergovernmental organisations, and the NGOs of civil society,
    // creators' and IP practitioners' associations, and some industry associations.
    const ngoShare = { civil_society: 0.85, creator: 0.4, ip_professional: 0.35, enterprise: 0.1 } as Partial<
      Record<RegistrationGroup, number>
    >;
    const category = delegate
      ? 'member_state'
      : group === 'other'
        ? 'igo_observer'
        : rand() < (ngoShare[group] ?? 0)
          ? 'ngo_observer'
          : 'other';
    const region = Number(weighted<string>(rand, delegate ? REGION_MIX.delegates : REGION_MIX.others));
    const countries = REGION_COUNTRIES[region]!;
    const country = countries[Math.floor(rand() * countries.length)]!;
    const locale = locales[Math.floor(rand() * locales.length)]!;
    return { group, category, country, locale, wantsOnsite: rand() < (delegate ? 0.5 : 0.15) };
  });
}

const STATEMENTS: DemoStatement[] = [
  {
    language: 'en',
    body: 'Training an AI model on copyrighted works should require the permission of the rights holders.',
    agree: [0.92, 0.1, 0.45],
  },
  {
    language: 'en',
    body: 'A text and data mining exception for AI training benefits research and innovation.',
    agree: [0.15, 0.92, 0.55],
  },
  {
    language: 'en',
    body: 'Creators whose works are used for training should be paid, for example through collective licensing.',
    agree: [0.95, 0.25, 0.82],
  },
  {
    language: 'en',
    body: 'Rights holders should be able to opt out of AI training with a machine-readable reservation.',
    agree: [0.55, 0.5, 0.85],
  },
  {
    language: 'en',
    body: 'AI developers should publish a sufficiently detailed summary of the content used to train their models.',
    agree: [0.92, 0.6, 0.92],
  },
  {
    language: 'en',
    body: 'Works generated by AI without meaningful human input should not be protected by copyright.',
    agree: [0.82, 0.55, 0.75],
  },
  {
    language: 'en',
    body: 'Fair use or fair dealing already strikes the right balance for AI training: no new law is needed.',
    agree: [0.08, 0.82, 0.3],
  },
  {
    language: 'en',
    body: 'An opt-out system puts an unfair burden on individual creators and small rights holders.',
    agree: [0.9, 0.18, 0.5],
  },
  {
    language: 'en',
    body: 'Collective management organisations are ready to license training data at scale.',
    agree: [0.62, 0.15, 0.45],
  },
  {
    language: 'en',
    body: 'Requiring licences for training would entrench the largest AI companies, the only ones able to pay.',
    agree: [0.2, 0.85, 0.5],
  },
  {
    language: 'en',
    body: 'Countries should agree on common rules, so that AI training does not simply move to the most permissive jurisdiction.',
    agree: [0.75, 0.4, 0.85],
  },
  {
    language: 'en',
    body: 'WIPO should help developing countries build the capacity to take part in these policy choices.',
    agree: [0.88, 0.85, 0.92],
  },
  {
    language: 'en',
    body: 'An output that substantially reproduces a work it was trained on infringes copyright, whoever trained the model.',
    agree: [0.92, 0.5, 0.8],
  },
  {
    language: 'en',
    body: 'Training on publicly available web content is like a person reading it, and should be free.',
    agree: [0.08, 0.82, 0.35],
  },
  {
    language: 'en',
    body: 'Traditional knowledge and traditional cultural expressions need specific protection against use in AI training.',
    agree: [0.8, 0.4, 0.75],
  },
  {
    language: 'en',
    body: 'Labelling AI-generated content would help the public and creators alike.',
    agree: [0.86, 0.58, 0.86],
  },
  {
    language: 'en',
    body: 'Open-source AI models deserve lighter obligations than commercial ones.',
    agree: [0.3, 0.86, 0.6],
  },
  {
    language: 'en',
    body: 'Remuneration for training should reach authors and performers, not only publishers and producers.',
    agree: [0.9, 0.4, 0.7],
  },
  {
    language: 'fr',
    body: 'Les obligations de transparence ne doivent pas contraindre à divulguer des secrets d’affaires.',
    agree: [0.25, 0.86, 0.55],
  },
  {
    language: 'fr',
    body: 'Le droit d’auteur doit rester centré sur la création humaine.',
    agree: [0.9, 0.5, 0.8],
  },
  {
    language: 'es',
    body: 'Los países en desarrollo necesitan acceso a datos para entrenar modelos en sus propias lenguas.',
    agree: [0.55, 0.9, 0.85],
  },
  {
    language: 'es',
    body: 'Una licencia obligatoria con remuneración equitativa sería un buen término medio.',
    agree: [0.5, 0.45, 0.86],
  },
  {
    language: 'en',
    body: 'This map should also ask about patents for inventions made with the help of AI.',
    agree: [0.5, 0.5, 0.5],
    isMeta: true,
  },
  {
    language: 'en',
    body: 'Small creators cannot check whether their work was used: the burden of proof should be on AI developers.',
    agree: [0.9, 0.3, 0.72],
    byParticipant: true,
  },
  {
    language: 'en',
    body: 'Museums and archives need a clear rule for digitised collections used in training.',
    agree: [0.6, 0.7, 0.78],
    byParticipant: true,
    pending: true,
  },
  {
    language: 'fr',
    body: 'Il faut un registre public des jeux de données d’entraînement.',
    agree: [0.75, 0.45, 0.82],
    byParticipant: true,
    pending: true,
  },
];

/**
 * Adds the demo map unless it is there (or the ninth session is not).
 * @returns how many rows were added (map, participants, statements, votes).
 */
export async function seedDemoOpinions(db: Db, clock: { now(): Date }): Promise<number> {
  const [existing] = await db
    .select({ id: opinionMaps.id })
    .from(opinionMaps)
    .where(eq(opinionMaps.slug, DEMO_MAP_SLUG));
  if (existing) return 0;
  const { rows } = await db.execute<{ id: string; starts_at: Date | string }>(
    sql`SELECT s.id, s.starts_at FROM conversations_sessions s JOIN conversations_series se ON se.id = s.series_id
        WHERE se.slug = ${DEMO_SERIES_SLUG} AND s.number = 9 AND s.is_demo`,
  );
  const session = rows[0];
  if (!session) return 0;
  const opensAt = new Date(new Date(session.starts_at).getTime() - 21 * 86_400_000);
  const now = clock.now();
  const prng = createPrng(90_2024);
  const rand = () => prng.next();

  return db.transaction(async (tx) => {
    const [map] = await tx
      .insert(opinionMaps)
      .values({
        sessionId: session.id,
        slug: DEMO_MAP_SLUG,
        topic: {
          en: 'Training the machines: AI, training data and copyright',
          fr: 'Entraîner les machines : IA, données d’entraînement et droit d’auteur',
          es: 'Entrenar a las máquinas: IA, datos de entrenamiento y derecho de autor',
          ar: 'تدريب الآلات: الذكاء الاصطناعي وبيانات التدريب وحق المؤلف',
          zh: '训练机器：人工智能、训练数据与版权',
          ru: 'Обучение машин: ИИ, обучающие данные и авторское право',
        },
        description: {
          en: 'Demo content. Should AI developers need permission to train on protected works, should creators be paid, and what should developers disclose? Vote on each statement, or add your own.',
          fr: 'Contenu de démonstration. Les développeurs d’IA doivent-ils obtenir une autorisation pour s’entraîner sur des œuvres protégées, les créateurs doivent-ils être rémunérés, et que doivent divulguer les développeurs ? Votez sur chaque affirmation ou ajoutez la vôtre.',
          es: 'Contenido de demostración. ¿Necesitan los desarrolladores de IA permiso para entrenar con obras protegidas, deben cobrar los creadores y qué deben revelar los desarrolladores? Vote cada afirmación o añada la suya.',
        },
        moderation: 'post',
        allowStatements: true,
        opensAt,
        closesAt: null,
        isPublished: true,
        isDemo: true,
        createdAt: opensAt,
        updatedAt: opensAt,
      })
      .returning({ id: opinionMaps.id });
    const mapId = map!.id;

    const people = Array.from({ length: DEMO_PARTICIPANTS }, () => {
      const r = rand();
      const group = r < GROUP_SHARE[0]! ? 0 : r < GROUP_SHARE[0]! + GROUP_SHARE[1]! ? 1 : 2;
      // Each person votes on a share of the statements, and leans a little their own way.
      return { group, seen: 0.55 + rand() * 0.4, lean: (rand() - 0.5) * 0.2 };
    });
    const joined = (i: number) =>
      new Date(opensAt.getTime() + Math.floor((i / DEMO_PARTICIPANTS) * 20 * 86_400_000));
    const profiles = demoProfiles(people.map((p) => p.group));
    // Each person made an account (and registered) a few days before joining the map.
    const signedUp = people.map(
      (_, i) => new Date(joined(i).getTime() - ((i * 7) % 10) * 86_400_000 - 3_600_000),
    );
    const accounts = await insertDemoAccounts(tx, profiles, signedUp);
    const participantIds = (
      await tx
        .insert(opinionParticipants)
        .values(
          people.map((_, i) => ({
            mapId,
            userId: demoAccountId(i + 1),
            externalId: `demo-${i + 1}`,
            createdAt: joined(i),
          })),
        )
        .returning({ id: opinionParticipants.id })
    ).map((r) => r.id);

    // Participant-written statements come from participants of the group that agrees most.
    const authors = STATEMENTS.map((s, j) => {
      if (!s.byParticipant) return undefined;
      const group = s.agree.indexOf(Math.max(...s.agree));
      const index = people.findIndex((p, i) => p.group === group && i >= 40 + j * 7);
      return index;
    });
    const statementIds = (
      await tx
        .insert(opinionStatements)
        .values(
          STATEMENTS.map((s, j) => ({
            mapId,
            language: s.language,
            body: s.body,
            authorParticipantId: authors[j] === undefined ? null : participantIds[authors[j]]!,
            isSeed: !s.byParticipant,
            isMeta: s.isMeta ?? false,
            status: s.pending ? ('pending' as const) : ('accepted' as const),
            moderatedAt: s.pending ? null : opensAt,
            createdAt: authors[j] === undefined ? opensAt : joined(authors[j]),
          })),
        )
        .returning({ id: opinionStatements.id })
    ).map((r) => r.id);

    // Columns as arrays, inserted with one unnest: a fraction of the cost of thousands of VALUES rows.
    const votes = {
      participant: [] as number[],
      statement: [] as number[],
      vote: [] as number[],
      at: [] as string[],
    };
    people.forEach((person, i) => {
      const at = joined(i).getTime();
      STATEMENTS.forEach((s, j) => {
        const isAuthor = authors[j] === i;
        // Statements written later are seen by fewer people.
        const seen = s.byParticipant ? (i > (authors[j] ?? 0) ? person.seen * 0.6 : 0) : person.seen;
        const r1 = rand();
        const r2 = rand();
        const r3 = rand();
        if (!isAuthor && r1 >= seen) return;
        const p = Math.min(0.98, Math.max(0.02, s.agree[person.group]! + person.lean));
        const vote = isAuthor ? 1 : r2 < 0.12 ? 0 : r3 < p ? 1 : -1;
        const votedAt = new Date(Math.min(now.getTime(), at + (j + 1) * 47_000));
        votes.participant.push(participantIds[i]!);
        votes.statement.push(statementIds[j]!);
        votes.vote.push(vote);
        votes.at.push(votedAt.toISOString());
      });
    });
    await tx.execute(sql`INSERT INTO opinions_votes (map_id, participant_id, statement_id, vote, voted_at)
      SELECT ${mapId}::uuid, p, s, v, t FROM unnest(${arrayLiteral(votes.participant)}::int[], ${arrayLiteral(votes.statement)}::int[],
        ${arrayLiteral(votes.vote)}::smallint[], ${arrayLiteral(votes.at)}::timestamptz[]) AS x(p, s, v, t)`);
    const registered = await insertDemoRegistrations(tx, {
      sessionId: session.id,
      startsAt: new Date(session.starts_at),
      now,
      profiles,
      signedUp,
    });
    return 1 + accounts + participantIds.length + statementIds.length + votes.vote.length + registered;
  });
}

/** Each column as one PostgreSQL array literal (numbers, codes and ISO times: nothing to quote). */
const arrayLiteral = (values: readonly (number | string)[]) => `{${values.join(',')}}`;

/** The participants' accounts, ids demoAccountId(1…); those already there are left alone. */
async function insertDemoAccounts(
  tx: Tx,
  profiles: readonly DemoProfile[],
  at: readonly Date[],
): Promise<number> {
  const { rowCount } = await tx.execute(sql`INSERT INTO accounts_users
      (id, email, name, country, stakeholder_group, preferred_locale, created_at, updated_at)
    SELECT ('de000009-0000-4000-8000-' || lpad(to_hex(n::int), 12, '0'))::uuid,
           'map-participant-' || lpad(n::text, 3, '0') || ${'@' + DEMO_ACCOUNT_DOMAIN},
           'Demo map participant ' || lpad(n::text, 3, '0'), c, g::accounts_stakeholder_group, l, t, t
      FROM unnest(${arrayLiteral(profiles.map((p) => p.country))}::text[],
                  ${arrayLiteral(profiles.map((p) => PROFILE_GROUP[p.group]))}::text[],
                  ${arrayLiteral(profiles.map((p) => p.locale))}::text[],
                  ${arrayLiteral(at.map((d) => d.toISOString()))}::timestamptz[]) WITH ORDINALITY AS x(c, g, l, t, n)
    ON CONFLICT DO NOTHING`);
  return rowCount ?? 0;
}

/**
 * The participants' registrations for the ninth session, confirmed, `is_demo`, within the
 * session's capacity (onsite when wanted and there is room, else online; nobody beyond it). None
 * when registration is not set up for the session: the breakdown then reads the account profiles.
 */
async function insertDemoRegistrations(
  tx: Tx,
  args: {
    sessionId: string;
    startsAt: Date;
    now: Date;
    profiles: readonly DemoProfile[];
    signedUp: readonly Date[];
  },
): Promise<number> {
  const { rows } = await tx.execute<{ onsite_room: number; online_room: number }>(sql`
    SELECT s.onsite_capacity - count(*) FILTER (WHERE r.mode = 'onsite')::int AS onsite_room,
           s.online_capacity - count(*) FILTER (WHERE r.mode = 'online')::int AS online_room
      FROM registration_settings s
      LEFT JOIN registration_registrations r ON r.session_id = s.session_id AND r.status = 'confirmed'
     WHERE s.session_id = ${args.sessionId}
     GROUP BY s.onsite_capacity, s.online_capacity`);
  const room = rows[0];
  if (!room) return 0;
  const prng = createPrng(9_0010);
  const held = args.startsAt < args.now;
  const r = { n: [] as number[], mode: [] as string[], category: [] as string[], group: [] as string[] };
  const more = {
    country: [] as string[],
    locale: [] as string[],
    at: [] as string[],
    attended: [] as string[],
  };
  args.profiles.forEach((p, i) => {
    const mode =
      p.wantsOnsite && room.onsite_room > 0 ? 'onsite' : room.online_room > 0 ? 'online' : undefined;
    const attends = prng.next() < (mode === 'onsite' ? 0.85 : 0.68);
    if (!mode) return;
    if (mode === 'onsite') room.onsite_room--;
    else room.online_room--;
    r.n.push(i + 1);
    r.mode.push(mode);
    r.category.push(p.category);
    r.group.push(p.group);
    more.country.push(p.country);
    more.locale.push(p.locale);
    more.at.push(args.signedUp[i]!.toISOString());
    more.attended.push(
      held && attends ? new Date(args.startsAt.getTime() + (i % 20) * 60_000).toISOString() : 'NULL',
    );
  });
  // Member State delegates belong to their State's delegation (made, as a demo one, when missing).
  await tx.execute(sql`INSERT INTO registration_delegations (country, is_demo, created_at)
    SELECT DISTINCT c, true, now() FROM unnest(${arrayLiteral(more.country)}::text[], ${arrayLiteral(r.category)}::text[]) AS x(c, k)
     WHERE k = 'member_state'
    ON CONFLICT (country) DO NOTHING`);
  const { rowCount } = await tx.execute(sql`INSERT INTO registration_registrations
      (session_id, user_id, person_key, mode, status, participant_category, stakeholder_group, country, display_name,
       delegation_id, consent_public_list, consent_recording, locale, check_in_code, created_at, updated_at,
       confirmed_at, checked_in_at, joined_online_at, reminder_sent_at, is_demo)
    SELECT ${args.sessionId}::uuid, u.id, u.id, x.mode::registration_mode, 'confirmed', x.category::registration_participant_category,
           x.grp::registration_stakeholder_group, x.country, u.name, d.id, x.n % 5 <> 0, x.n % 7 <> 0, x.locale,
           'DEMOM' || lpad(x.n::text, 4, '0'), x.at, x.at, x.at,
           CASE WHEN x.mode = 'onsite' THEN x.attended END, CASE WHEN x.mode = 'online' THEN x.attended END,
           ${held ? new Date(args.startsAt.getTime() - 86_400_000).toISOString() : null}::timestamptz, true
      FROM unnest(${arrayLiteral(r.n)}::int[], ${arrayLiteral(r.mode)}::text[], ${arrayLiteral(r.category)}::text[],
                  ${arrayLiteral(r.group)}::text[], ${arrayLiteral(more.country)}::text[], ${arrayLiteral(more.locale)}::text[],
                  ${arrayLiteral(more.at)}::timestamptz[], ${arrayLiteral(more.attended)}::timestamptz[])
           AS x(n, mode, category, grp, country, locale, at, attended)
      JOIN accounts_users u ON u.id = ('de000009-0000-4000-8000-' || lpad(to_hex(x.n), 12, '0'))::uuid
      LEFT JOIN registration_delegations d ON d.country = x.country AND x.category = 'member_state'
    ON CONFLICT DO NOTHING`);
  return rowCount ?? 0;
}

/**
 * Takes the demo maps out (`npm run demo:remove`); their participants, statements and votes go
 * with them. Then the demo accounts (their registrations are `is_demo`: they go with the demo
 * sessions, or with removeDemoRegistrations).
 * @returns how many maps and accounts were removed.
 */
export async function removeDemoOpinions(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    const maps = await tx
      .delete(opinionMaps)
      .where(eq(opinionMaps.isDemo, true))
      .returning({ id: opinionMaps.id });
    const accounts = await tx.execute(
      sql`DELETE FROM accounts_users WHERE email LIKE ${'%@' + DEMO_ACCOUNT_DOMAIN}`,
    );
    return maps.length + (accounts.rowCount ?? 0);
  });
}
