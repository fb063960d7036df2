import type { Deps } from '../../../deps';
import { AppError } from '../../../platform/errors';
import type { DbTransaction, PersonalDataSubject } from '../../../platform/http/module';
import { renderCalendar } from '../../../platform/formats/ics';
import { renderDocument } from '../../../platform/http/render';
import type { MailAttachment } from '../../../platform/mail/mailer';
import { translatorFor } from '../../../platform/http/request-context';
import { isLocale, type Locale } from '../../../platform/i18n/locales';
import { pickText } from '../../../platform/i18n/localized-text';
import { assertCan, type Actor, type Viewer } from '../../accounts';
import { recordAudit } from '../../audit';
import {
  anonymiseRegistrationsOfUser,
  claimDueReminders,
  countConfirmed,
  countsOfSession,
  ensureDelegation,
  ensureOrganisation,
  findRegistrationByCode,
  findRegistrationById,
  findRegistrationOfPerson,
  findSessionById,
  findSessionByRef,
  findSettings,
  findUserEmail,
  findUserProfile,
  insertRegistration,
  listConsentingParticipants,
  listRegistrationsOfSession,
  listRegistrationsOfUser,
  listSessionsForAdmin,
  oldestWaitlisted,
  updateRegistration,
  upsertSettings,
  type DbOrTransaction,
} from '../registration.repo';
import type { RegisterInput, SettingsInput } from '../registration.schema';
import type {
  ModeCounts,
  ParticipantCategory,
  RegistrableSession,
  Registration,
  RegistrationMode,
  RegistrationSettings,
  RegistrationStatus,
  RegistrationWindow,
  StakeholderGroup,
} from '../registration.types';
import {
  holdsPlace,
  RegistrationMail,
  registrationMailSubject,
  registrationMailText,
  type RegistrationMailKind,
} from '../views/mails';
import { checkInUrl, qrPng } from './check-in-qr';
import { cancelTokens, newCheckInCode, type CancelTokens } from './tokens';
import { zonedLocalToUtc } from './zoned-time';

/** Field → message key; `_form` for a refusal of the whole form. */
export type FieldErrors = Record<string, string>;

/** How long before a session its reminder goes out (docs/adr/0022). */
export const REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;

// ── Reading ──────────────────────────────────────────────────────────────────────────────────────

export function windowOf(
  settings: RegistrationSettings | undefined,
  session: Pick<RegistrableSession, 'startsAt'>,
  now: Date,
): RegistrationWindow {
  if (!settings?.isEnabled || (settings.onsiteCapacity === 0 && settings.onlineCapacity === 0))
    return 'not_offered';
  if (settings.opensAt && now < settings.opensAt) return 'not_yet_open';
  const closesAt = settings.closesAt ?? session.startsAt;
  if (now >= closesAt) return 'closed';
  return 'open';
}

function capacityOf(settings: RegistrationSettings, mode: RegistrationMode): number {
  return mode === 'onsite' ? settings.onsiteCapacity : settings.onlineCapacity;
}

function needsApproval(
  settings: RegistrationSettings,
  mode: RegistrationMode,
  category: ParticipantCategory,
): boolean {
  const list = mode === 'onsite' ? settings.onsiteApprovalCategories : settings.onlineApprovalCategories;
  return list.includes(category);
}

/** A published session by its public address, or 404. */
async function publicSession(
  deps: Deps,
  ref: { seriesSlug: string; number: number },
): Promise<RegistrableSession> {
  const session = await findSessionByRef(deps.db, ref.seriesSlug, ref.number);
  if (!session?.isPublished) throw new AppError('NOT_FOUND', { session: ref });
  return session;
}

export interface RegistrationOverview {
  session: RegistrableSession;
  settings: RegistrationSettings | undefined;
  window: RegistrationWindow;
  /** The closing moment (the setting, or the session's start). */
  closesAt: Date;
  counts: Record<RegistrationMode, ModeCounts>;
}

async function overviewOf(
  deps: Deps,
  db: DbOrTransaction,
  session: RegistrableSession,
): Promise<RegistrationOverview> {
  const settings = await findSettings(db, session.id);
  const counts = await countsOfSession(db, session.id);
  return {
    session,
    settings,
    window: windowOf(settings, session, deps.clock.now()),
    closesAt: settings?.closesAt ?? session.startsAt,
    counts: {
      onsite: { capacity: settings?.onsiteCapacity ?? 0, ...counts.onsite },
      online: { capacity: settings?.onlineCapacity ?? 0, ...counts.online },
    },
  };
}

/** What the registration page shows: the session's state, and the viewer's registration if any. */
export async function getRegistrationPage(
  deps: Deps,
  viewer: Viewer | null,
  ref: { seriesSlug: string; number: number },
): Promise<
  RegistrationOverview & {
    registration: Registration | undefined;
    waitlistPosition: number | undefined;
    checkInUrl: string | undefined;
    profile: Record<string, string>;
  }
> {
  if (!viewer) throw new AppError('UNAUTHENTICATED');
  const session = await publicSession(deps, ref);
  const overview = await overviewOf(deps, deps.db, session);
  const registration = await findRegistrationOfPerson(deps.db, session.id, viewer.userId);
  const profile = await findUserProfile(deps.db, viewer.userId);
  return {
    ...overview,
    registration,
    waitlistPosition: registration ? await waitlistPositionOf(deps.db, registration) : undefined,
    checkInUrl: registration ? checkInUrlOf(deps, registration) : undefined,
    profile: {
      displayName: profile?.name || viewer.name,
      organisationName: profile?.organisation ?? '',
      country: profile?.country ?? '',
      stakeholderGroup: PROFILE_GROUPS[profile?.stakeholderGroup ?? ''] ?? '',
    },
  };
}

/** The profile's stakeholder groups (accounts) → the registration's (issue 4's list). */
const PROFILE_GROUPS: Record<string, StakeholderGroup> = {
  member_state: 'government',
  academia: 'academia',
  ip_professional: 'ip_professional',
  enterprise: 'enterprise',
  civil_society: 'civil_society',
  media: 'media',
  other: 'other',
};

/** The check-in address its QR code encodes (ADR 0024), in the registration's language. */
function checkInUrlOf(deps: Deps, r: Registration): string {
  return checkInUrl(baseUrl(deps), isLocale(r.locale) ? r.locale : 'en', r.sessionId, r.checkInCode);
}

async function waitlistPositionOf(db: DbOrTransaction, r: Registration): Promise<number | undefined> {
  if (r.status !== 'waitlisted') return undefined;
  const ahead = await listRegistrationsOfSession(db, r.sessionId, { status: 'waitlisted', mode: r.mode });
  const ordered = ahead.sort(
    (a, b) => (a.waitlistedAt?.getTime() ?? 0) - (b.waitlistedAt?.getTime() ?? 0) || a.id.localeCompare(b.id),
  );
  return ordered.findIndex((x) => x.id === r.id) + 1;
}

/** The session's registration state for everyone (the participants page, the session page's block). */
export async function getRegistrationOverview(
  deps: Deps,
  ref: { seriesSlug: string; number: number },
): Promise<RegistrationOverview> {
  return overviewOf(deps, deps.db, await publicSession(deps, ref));
}

// ── Registering ──────────────────────────────────────────────────────────────────────────────────

export type RegisterResult =
  { ok: true; registration: Registration } | { ok: false; errors: FieldErrors; existing?: Registration };

/**
 * Registers the signed-in person (never anyone named in the form) for a session. The session's
 * settings row is locked for the transaction (SELECT … FOR UPDATE), so the places of a mode are
 * counted and taken by one registration at a time: capacity is never exceeded and the waitlist
 * keeps arrival order (docs/adr/0022). One row per person and session (a unique index); someone
 * registered already is told so, and someone who cancelled registers again on the same row.
 *
 * @throws AppError UNAUTHENTICATED for nobody; NOT_FOUND for an unpublished or unknown session.
 */
export async function register(
  deps: Deps,
  viewer: Viewer | null,
  ref: { seriesSlug: string; number: number },
  input: RegisterInput,
  locale: Locale,
): Promise<RegisterResult> {
  if (!viewer) throw new AppError('UNAUTHENTICATED');
  assertCan(viewer, 'account.own');
  const session = await publicSession(deps, ref);
  const mode = input.mode as RegistrationMode;
  const category = input.participantCategory as ParticipantCategory;
  const now = deps.clock.now();
  // Read before the transaction: a pool connection taken inside it could wait on the others.
  const tokens = await cancelTokens(deps);

  const result = await deps.db.transaction(async (tx): Promise<RegisterResult> => {
    const settings = await findSettings(tx, session.id, { forUpdate: true });
    const window = windowOf(settings, session, now);
    if (window !== 'open' || !settings) return { ok: false, errors: { _form: windowMessage(window) } };
    const errors: FieldErrors = {};
    if (capacityOf(settings, mode) === 0) errors.mode = 'registration.error.modeNotOffered';
    if (!settings.allowedCategories.includes(category))
      errors.participantCategory = 'registration.error.categoryNotAllowed';
    if (Object.keys(errors).length > 0) return { ok: false, errors };

    const existing = await findRegistrationOfPerson(tx, session.id, viewer.userId, { forUpdate: true });
    if (existing && existing.status !== 'cancelled')
      return { ok: false, errors: { _form: 'registration.error.already' }, existing };

    let status: RegistrationStatus;
    if (needsApproval(settings, mode, category)) status = 'pending_approval';
    else
      status =
        (await countConfirmed(tx, session.id, mode)) < capacityOf(settings, mode)
          ? 'confirmed'
          : 'waitlisted';

    const values = {
      mode,
      status,
      participantCategory: category,
      stakeholderGroup: input.stakeholderGroup as StakeholderGroup,
      country: input.country,
      displayName: input.displayName,
      organisationName: input.organisationName,
      organisationId: input.organisationName
        ? await ensureOrganisation(tx, input.organisationName, null)
        : null,
      delegationId: category === 'member_state' ? await ensureDelegation(tx, input.country) : null,
      interpretationLanguage: input.interpretationLanguage,
      accessibilityNeeds: input.accessibilityNeeds,
      consentPublicList: input.consentPublicList,
      consentRecording: input.consentRecording,
      gender: input.gender,
      locale,
      checkInCode: newCheckInCode(),
      updatedAt: now,
      waitlistedAt: status === 'waitlisted' ? now : null,
      confirmedAt: status === 'confirmed' ? now : null,
      cancelledAt: null,
      decidedAt: null,
      decidedBy: null,
      checkedInAt: null,
      checkedInBy: null,
      joinedOnlineAt: null,
      reminderSentAt: null,
    };
    const row = existing
      ? await updateRegistration(tx, existing.id, { ...values, createdAt: now })
      : await insertRegistration(tx, {
          ...values,
          sessionId: session.id,
          userId: viewer.userId,
          personKey: viewer.userId,
          createdAt: now,
        });
    // The unique index is the last word; under the lock this is not reached, but it stays correct.
    if (!row) return { ok: false, errors: { _form: 'registration.error.already' } };
    await sendRegistrationMail(deps, tx, session, row, MAIL_OF_STATUS[status], tokens, viewer.email);
    return { ok: true, registration: row };
  });
  return result;
}

const MAIL_OF_STATUS: Record<RegistrationStatus, RegistrationMailKind> = {
  confirmed: 'confirmed',
  waitlisted: 'waitlisted',
  pending_approval: 'pending',
  cancelled: 'declined',
};

function windowMessage(window: RegistrationWindow): string {
  if (window === 'not_yet_open') return 'registration.error.notYetOpen';
  if (window === 'closed') return 'registration.error.closed';
  return 'registration.error.notOffered';
}

// ── Mail ─────────────────────────────────────────────────────────────────────────────────────────

function baseUrl(deps: Deps): string {
  return deps.config.PUBLIC_URL.replace(/\/$/, '');
}

export function sessionPath(
  locale: Locale,
  session: Pick<RegistrableSession, 'seriesSlug' | 'number'>,
): string {
  return `/${locale}/series/${session.seriesSlug}/sessions/${session.number}`;
}

export function sessionName(
  t: ReturnType<typeof translatorFor>,
  locale: Locale,
  session: RegistrableSession,
): string {
  const title = pickText(session.title, locale)?.text;
  const number = t('session.number', { number: session.number });
  return title ? `${number}: ${title}` : number;
}

async function sendRegistrationMail(
  deps: Deps,
  tx: DbOrTransaction,
  session: RegistrableSession,
  registration: Registration,
  kind: RegistrationMailKind,
  tokens: CancelTokens,
  email?: string,
): Promise<void> {
  const to = email ?? (registration.userId ? await findUserEmail(tx, registration.userId) : undefined);
  if (!to || registration.isDemo) return;
  const locale: Locale = isLocale(registration.locale) ? registration.locale : 'en';
  const t = translatorFor(locale);
  const page = `${baseUrl(deps)}${sessionPath(locale, session)}`;
  const props = {
    t,
    locale,
    kind,
    sessionName: sessionName(t, locale, session),
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    timeZone: session.timeZone,
    mode: registration.mode,
    checkInCode: registration.checkInCode,
    sessionUrl: page,
    calendarUrl: `${page}/calendar.ics`,
    joinUrl: `${page}/join`,
    cancelUrl: `${baseUrl(deps)}/${locale}/registrations/cancel?token=${encodeURIComponent(tokens.tokenFor(registration))}`,
  };
  const attachments: MailAttachment[] = [];
  // The calendar goes with the messages that give a place (ADR 0024); the others link it.
  if (kind === 'confirmed' || kind === 'promoted')
    attachments.push({
      filename: `session-${session.number}.ics`,
      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
      content: registrationCalendar(t, locale, session, page, deps.clock.now()),
    });
  let qrCid: string | undefined;
  if (holdsPlace(kind) && registration.mode === 'onsite') {
    qrCid = `check-in-${registration.id}@colloquy`;
    const png = await qrPng(checkInUrlOf(deps, registration));
    attachments.push({ filename: 'check-in.png', contentType: 'image/png', content: png, cid: qrCid });
  }
  const mail = { ...props, qrCid };
  await deps.mailer.send(
    {
      to,
      locale,
      kind: `registration.${kind}`,
      subject: registrationMailSubject(mail),
      text: registrationMailText(mail),
      html: renderDocument(<RegistrationMail {...mail} />),
      attachments,
      ...(kind === 'reminder' ? { dedupeKey: `registration.reminder:${registration.id}` } : {}),
    },
    { db: tx },
  );
}

/**
 * The session as a calendar file. Its UID is the public calendar file's (`session-<id>@colloquy`),
 * so a calendar that has both keeps one event.
 */
function registrationCalendar(
  t: ReturnType<typeof translatorFor>,
  locale: Locale,
  session: RegistrableSession,
  sessionUrl: string,
  now: Date,
): string {
  return renderCalendar({
    name: pickText(session.seriesTitle, locale)?.text ?? session.seriesSlug,
    events: [
      {
        uid: `session-${session.id}@colloquy`,
        start: session.startsAt,
        end: session.endsAt,
        summary: sessionName(t, locale, session),
        description: sessionUrl,
        location: pickText(session.venue, locale)?.text,
        url: sessionUrl,
        updatedAt: now,
      },
    ],
  });
}

// ── Cancelling and the waitlist ──────────────────────────────────────────────────────────────────

/**
 * Confirms the longest-waiting people of a mode while it has free places. Runs under the settings
 * row's lock (the caller holds it).
 * @returns the promoted registrations.
 */
async function promoteWaitlist(
  deps: Deps,
  tx: DbOrTransaction,
  session: RegistrableSession,
  settings: RegistrationSettings,
  mode: RegistrationMode,
  tokens: CancelTokens,
): Promise<Registration[]> {
  const free = capacityOf(settings, mode) - (await countConfirmed(tx, session.id, mode));
  const promoted: Registration[] = [];
  const now = deps.clock.now();
  for (const next of await oldestWaitlisted(tx, session.id, mode, free)) {
    const row = await updateRegistration(tx, next.id, {
      status: 'confirmed',
      confirmedAt: now,
      updatedAt: now,
    });
    await sendRegistrationMail(deps, tx, session, row, 'promoted', tokens);
    promoted.push(row);
  }
  return promoted;
}

export type CancelOutcome =
  { state: 'cancelled'; promoted: number } | { state: 'already' } | { state: 'unknown' };

async function cancelInTransaction(
  deps: Deps,
  tx: DbOrTransaction,
  registrationId: string,
  check: (r: Registration) => boolean,
  tokens: CancelTokens,
  actor?: Actor,
): Promise<CancelOutcome> {
  const peek = await findRegistrationById(tx, registrationId);
  if (!peek || !check(peek)) return { state: 'unknown' };
  const session = (await findSessionById(tx, peek.sessionId))!;
  // Lock order everywhere: the session's settings row, then registrations.
  const settings = await findSettings(tx, peek.sessionId, { forUpdate: true });
  const registration = (await findRegistrationById(tx, registrationId, { forUpdate: true }))!;
  if (registration.status === 'cancelled') return { state: 'already' };
  const now = deps.clock.now();
  const row = await updateRegistration(tx, registration.id, {
    status: 'cancelled',
    cancelledAt: now,
    updatedAt: now,
  });
  if (actor) {
    await recordAudit(deps, tx, actor, {
      action: 'registration.cancel',
      subjectType: 'registration',
      subjectId: row.id,
      before: { status: registration.status },
      after: { status: row.status },
    });
  }
  const promoted =
    registration.status === 'confirmed' && settings
      ? await promoteWaitlist(deps, tx, session, settings, registration.mode, tokens)
      : [];
  return { state: 'cancelled', promoted: promoted.length };
}

/** The signed-in person cancels their registration for a session. */
export async function cancelOwnRegistration(
  deps: Deps,
  viewer: Viewer | null,
  ref: { seriesSlug: string; number: number },
): Promise<CancelOutcome> {
  if (!viewer) throw new AppError('UNAUTHENTICATED');
  const session = await publicSession(deps, ref);
  const mine = await findRegistrationOfPerson(deps.db, session.id, viewer.userId);
  if (!mine) return { state: 'unknown' };
  const tokens = await cancelTokens(deps);
  return deps.db.transaction((tx) =>
    cancelInTransaction(deps, tx, mine.id, (r) => r.userId === viewer.userId, tokens),
  );
}

/** Where a cancel link leads, changing nothing (GET shows a button; mail scanners follow links). */
export async function checkCancelLink(
  deps: Deps,
  token: string,
): Promise<{ registration: Registration; session: RegistrableSession } | undefined> {
  const tokens = await cancelTokens(deps);
  const id = tokens.registrationIdOf(token);
  const registration = id ? await findRegistrationById(deps.db, id) : undefined;
  if (!registration || !tokens.verify(token, registration)) return undefined;
  return { registration, session: (await findSessionById(deps.db, registration.sessionId))! };
}

/** Cancels from the e-mail's link: the token is the credential. */
export async function cancelByToken(deps: Deps, token: string): Promise<CancelOutcome> {
  const tokens = await cancelTokens(deps);
  const id = tokens.registrationIdOf(token);
  if (!id) return { state: 'unknown' };
  return deps.db.transaction((tx) =>
    cancelInTransaction(deps, tx, id, (r) => tokens.verify(token, r), tokens),
  );
}

// ── Attendance ───────────────────────────────────────────────────────────────────────────────────

/**
 * The signed-in person joins the session room: a confirmed registration gets its online attendance
 * recorded (the first time), and they are sent on to the livestream (or the session page).
 * @returns where to go, or `register` when they hold no confirmed place.
 */
export async function joinOnline(
  deps: Deps,
  viewer: Viewer | null,
  ref: { seriesSlug: string; number: number },
  locale: Locale,
): Promise<{ joined: true; url: string } | { joined: false }> {
  if (!viewer) throw new AppError('UNAUTHENTICATED');
  const session = await publicSession(deps, ref);
  const mine = await findRegistrationOfPerson(deps.db, session.id, viewer.userId);
  if (!mine || mine.status !== 'confirmed') return { joined: false };
  if (!mine.joinedOnlineAt) {
    const now = deps.clock.now();
    await updateRegistration(deps.db, mine.id, { joinedOnlineAt: now, updatedAt: now });
  }
  return { joined: true, url: session.livestreamUrl ?? sessionPath(locale, session) };
}

export type CheckInResult =
  { ok: true; registration: Registration; already: boolean } | { ok: false; errors: FieldErrors };

/**
 * What the check-in address in a confirmation's QR code opens (ADR 0024): the registration the code
 * names, to confirm before checking in. Changes nothing; only the secretariat may look.
 */
export async function findForCheckIn(
  deps: Deps,
  actor: Actor | null,
  sessionId: string,
  code: string,
): Promise<{ ok: true; registration: Registration } | { ok: false; errors: FieldErrors }> {
  assertCan(actor, 'content.manage');
  const registration = await findRegistrationByCode(deps.db, sessionId, code, { forUpdate: false });
  if (!registration) return { ok: false, errors: { code: 'registration.error.codeUnknown' } };
  if (registration.status !== 'confirmed')
    return { ok: false, errors: { code: 'registration.error.notConfirmed' } };
  return { ok: true, registration };
}

/** The secretariat checks someone in at the door by the code on their confirmation. */
export async function checkIn(
  deps: Deps,
  actor: Actor | null,
  sessionId: string,
  code: string,
): Promise<CheckInResult> {
  assertCan(actor, 'content.manage');
  return deps.db.transaction(async (tx): Promise<CheckInResult> => {
    const registration = await findRegistrationByCode(tx, sessionId, code);
    if (!registration) return { ok: false, errors: { code: 'registration.error.codeUnknown' } };
    if (registration.status !== 'confirmed')
      return { ok: false, errors: { code: 'registration.error.notConfirmed' } };
    if (registration.checkedInAt) return { ok: true, registration, already: true };
    const now = deps.clock.now();
    const row = await updateRegistration(tx, registration.id, {
      checkedInAt: now,
      checkedInBy: actor.userId,
      updatedAt: now,
    });
    await recordAudit(deps, tx, actor, {
      action: 'registration.check-in',
      subjectType: 'registration',
      subjectId: row.id,
      before: { checkedInAt: null },
      after: { checkedInAt: now.toISOString() },
    });
    return { ok: true, registration: row, already: false };
  });
}

// ── The secretariat ──────────────────────────────────────────────────────────────────────────────

export async function listSessionsWithRegistration(deps: Deps, actor: Actor | null) {
  assertCan(actor, 'content.manage');
  return listSessionsForAdmin(deps.db);
}

export async function getSessionRegistrations(
  deps: Deps,
  actor: Actor | null,
  sessionId: string,
  filter: { status?: RegistrationStatus; mode?: RegistrationMode } = {},
) {
  assertCan(actor, 'content.manage');
  const session = await findSessionById(deps.db, sessionId);
  if (!session) throw new AppError('NOT_FOUND', { sessionId });
  const overview = await overviewOf(deps, deps.db, session);
  const registrations = await listRegistrationsOfSession(deps.db, sessionId, filter);
  return { ...overview, registrations };
}

/**
 * Approves (→ confirmed, or waitlisted when the mode is full) or declines (→ cancelled) a pending
 * registration, audited, and tells the person.
 * @throws AppError CONFLICT when it is not pending any more.
 */
export async function decideRegistration(
  deps: Deps,
  actor: Actor | null,
  sessionId: string,
  registrationId: string,
  decision: 'approve' | 'decline',
): Promise<Registration> {
  assertCan(actor, 'content.manage');
  const tokens = await cancelTokens(deps);
  return deps.db.transaction(async (tx) => {
    const session = await findSessionById(tx, sessionId);
    const settings = await findSettings(tx, sessionId, { forUpdate: true });
    const registration = await findRegistrationById(tx, registrationId, { forUpdate: true });
    if (!session || !settings || !registration || registration.sessionId !== sessionId)
      throw new AppError('NOT_FOUND', { registrationId });
    if (registration.status !== 'pending_approval')
      throw new AppError('CONFLICT', { status: registration.status });
    const now = deps.clock.now();
    let status: RegistrationStatus = 'cancelled';
    if (decision === 'approve') {
      const free =
        (await countConfirmed(tx, sessionId, registration.mode)) < capacityOf(settings, registration.mode);
      status = free ? 'confirmed' : 'waitlisted';
    }
    const row = await updateRegistration(tx, registration.id, {
      status,
      decidedAt: now,
      decidedBy: actor.userId,
      updatedAt: now,
      confirmedAt: status === 'confirmed' ? now : null,
      waitlistedAt: status === 'waitlisted' ? now : null,
      cancelledAt: status === 'cancelled' ? now : null,
    });
    await recordAudit(deps, tx, actor, {
      action: decision === 'approve' ? 'registration.approve' : 'registration.decline',
      subjectType: 'registration',
      subjectId: row.id,
      before: { status: registration.status },
      after: { status: row.status },
    });
    await sendRegistrationMail(deps, tx, session, row, MAIL_OF_STATUS[status], tokens);
    return row;
  });
}

/** The secretariat cancels someone's registration (audited); a freed place goes to the waitlist. */
export async function cancelRegistrationAsSecretariat(
  deps: Deps,
  actor: Actor | null,
  sessionId: string,
  registrationId: string,
): Promise<CancelOutcome> {
  assertCan(actor, 'content.manage');
  const tokens = await cancelTokens(deps);
  return deps.db.transaction((tx) =>
    cancelInTransaction(deps, tx, registrationId, (r) => r.sessionId === sessionId, tokens, actor),
  );
}

/**
 * Saves a session's registration settings (audited). More places promote people from the waitlist
 * at once; fewer places never un-confirm anyone.
 */
export async function saveSettings(
  deps: Deps,
  actor: Actor | null,
  sessionId: string,
  input: SettingsInput,
): Promise<{ ok: true; settings: RegistrationSettings } | { ok: false; errors: FieldErrors }> {
  assertCan(actor, 'content.manage');
  const session = await findSessionById(deps.db, sessionId);
  if (!session) throw new AppError('NOT_FOUND', { sessionId });
  const opensAt = input.opensAt ? zonedLocalToUtc(input.opensAt, session.timeZone) : null;
  const closesAt = input.closesAt ? zonedLocalToUtc(input.closesAt, session.timeZone) : null;
  if (opensAt && closesAt && closesAt <= opensAt)
    return { ok: false, errors: { closesAt: 'registration.error.closesBeforeOpens' } };
  const now = deps.clock.now();
  const tokens = await cancelTokens(deps);
  return deps.db.transaction(async (tx) => {
    const before = await findSettings(tx, sessionId, { forUpdate: true });
    const settings = await upsertSettings(tx, {
      sessionId,
      isEnabled: input.isEnabled,
      opensAt,
      closesAt,
      onsiteCapacity: input.onsiteCapacity,
      onlineCapacity: input.onlineCapacity,
      allowedCategories: input.allowedCategories as ParticipantCategory[],
      onsiteApprovalCategories: input.onsiteApprovalCategories as ParticipantCategory[],
      onlineApprovalCategories: input.onlineApprovalCategories as ParticipantCategory[],
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(deps, tx, actor, {
      action: 'registration.settings',
      subjectType: 'session',
      subjectId: sessionId,
      before: before ? settingsAudit(before) : null,
      after: settingsAudit(settings),
    });
    for (const mode of ['onsite', 'online'] as const)
      await promoteWaitlist(deps, tx, session, settings, mode, tokens);
    return { ok: true as const, settings };
  });
}

function settingsAudit(s: RegistrationSettings) {
  return {
    isEnabled: s.isEnabled,
    opensAt: s.opensAt?.toISOString() ?? null,
    closesAt: s.closesAt?.toISOString() ?? null,
    onsiteCapacity: s.onsiteCapacity,
    onlineCapacity: s.onlineCapacity,
    allowedCategories: s.allowedCategories,
    onsiteApprovalCategories: s.onsiteApprovalCategories,
    onlineApprovalCategories: s.onlineApprovalCategories,
  };
}

// ── Reminders ────────────────────────────────────────────────────────────────────────────────────

/**
 * Reminds every confirmed person of a session starting within REMINDER_LEAD_MS, once: the rows are
 * claimed (reminder_sent_at) and mailed in one transaction, so two nodes running the periodic check
 * never both remind someone (docs/adr/0022).
 * @returns how many reminders were written.
 */
export async function sendDueReminders(deps: Deps, batch = 200): Promise<number> {
  const now = deps.clock.now();
  const tokens = await cancelTokens(deps);
  return deps.db.transaction(async (tx) => {
    const due = await claimDueReminders(tx, now, new Date(now.getTime() + REMINDER_LEAD_MS), batch);
    const sessions = new Map<string, RegistrableSession>();
    for (const registration of due) {
      let session = sessions.get(registration.sessionId);
      if (!session) {
        session = (await findSessionById(tx, registration.sessionId))!;
        sessions.set(session.id, session);
      }
      await sendRegistrationMail(deps, tx, session, registration, 'reminder', tokens);
    }
    return due.length;
  });
}

// ── Public list and export ───────────────────────────────────────────────────────────────────────

export interface PublicParticipants {
  overview: RegistrationOverview;
  /** Member State delegates, by delegation (country code). */
  delegations: { country: string; members: { displayName: string }[] }[];
  /** Everyone else who agreed, with their organisation. */
  others: { displayName: string; organisationName: string; category: ParticipantCategory }[];
}

/** Confirmed participants who agreed to be listed; Member State delegates by delegation. */
export async function getPublicParticipants(
  deps: Deps,
  ref: { seriesSlug: string; number: number },
): Promise<PublicParticipants> {
  const session = await publicSession(deps, ref);
  const overview = await overviewOf(deps, deps.db, session);
  const rows = await listConsentingParticipants(deps.db, session.id);
  const byCountry = new Map<string, { displayName: string }[]>();
  const others: PublicParticipants['others'] = [];
  for (const r of rows) {
    if (r.participantCategory === 'member_state' && r.delegationCountry) {
      const list = byCountry.get(r.delegationCountry) ?? [];
      list.push({ displayName: r.displayName });
      byCountry.set(r.delegationCountry, list);
    } else {
      others.push({
        displayName: r.displayName,
        organisationName: r.organisationName,
        category: r.participantCategory,
      });
    }
  }
  return {
    overview,
    delegations: [...byCountry].map(([country, members]) => ({ country, members })),
    others,
  };
}

const CSV_COLUMNS = [
  'id',
  'status',
  'mode',
  'participant_category',
  'stakeholder_group',
  'country',
  'name',
  'email',
  'organisation',
  'delegation_country',
  'interpretation_language',
  'accessibility_needs',
  'consent_public_list',
  'consent_recording',
  'gender',
  'locale',
  'check_in_code',
  'registered_at',
  'confirmed_at',
  'waitlisted_at',
  'cancelled_at',
  'decided_at',
  'checked_in_at',
  'joined_online_at',
  'is_demo',
] as const;

/** A cell, quoted when needed (RFC 4180); a leading =, +, - or @ is defused for spreadsheets. */
export function csvCell(value: string | number | boolean | Date | null | undefined): string {
  let text =
    value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Everything about a session's registrations, for the secretariat (CSV, UTF-8, CRLF). */
export async function exportRegistrationsCsv(
  deps: Deps,
  actor: Actor | null,
  sessionId: string,
): Promise<{ session: RegistrableSession; csv: string }> {
  const { session, registrations } = await getSessionRegistrations(deps, actor, sessionId);
  const delegationCountry = (r: Registration) => (r.delegationId ? r.country : '');
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of registrations) {
    lines.push(
      [
        r.id,
        r.status,
        r.mode,
        r.participantCategory,
        r.stakeholderGroup,
        r.country,
        r.displayName,
        r.email,
        r.organisationName,
        delegationCountry(r),
        r.interpretationLanguage,
        r.accessibilityNeeds,
        r.consentPublicList,
        r.consentRecording,
        r.gender,
        r.locale,
        r.checkInCode,
        r.createdAt,
        r.confirmedAt,
        r.waitlistedAt,
        r.cancelledAt,
        r.decidedAt,
        r.checkedInAt,
        r.joinedOnlineAt,
        r.isDemo,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return { session, csv: `\uFEFF${lines.join('\r\n')}\r\n` };
}

// ── Personal data ────────────────────────────────────────────────────────────────────────────────

export async function exportRegistrations(deps: Deps, user: PersonalDataSubject): Promise<unknown> {
  const rows = await listRegistrationsOfUser(deps.db, user.id);
  const out = [];
  for (const r of rows) {
    const session = await findSessionById(deps.db, r.sessionId);
    out.push({
      session: session ? { series: session.seriesSlug, number: session.number } : null,
      mode: r.mode,
      status: r.status,
      participantCategory: r.participantCategory,
      stakeholderGroup: r.stakeholderGroup,
      country: r.country,
      name: r.displayName,
      organisation: r.organisationName,
      interpretationLanguage: r.interpretationLanguage,
      accessibilityNeeds: r.accessibilityNeeds,
      consentPublicList: r.consentPublicList,
      consentRecording: r.consentRecording,
      gender: r.gender,
      language: r.locale,
      checkInCode: r.checkInCode,
      registeredAt: r.createdAt.toISOString(),
      confirmedAt: r.confirmedAt?.toISOString() ?? null,
      cancelledAt: r.cancelledAt?.toISOString() ?? null,
      checkedInAt: r.checkedInAt?.toISOString() ?? null,
      joinedOnlineAt: r.joinedOnlineAt?.toISOString() ?? null,
    });
  }
  return { registrations: out };
}

/**
 * On account deletion, registrations stay for the public figures (country, groups, category, mode,
 * status, attendance) but lose everything that names or leads to the person (docs/adr/0022).
 */
export async function eraseRegistrations(
  deps: Deps,
  tx: DbTransaction,
  user: PersonalDataSubject,
): Promise<void> {
  await anonymiseRegistrationsOfUser(tx, user.id, deps.clock.now());
}
