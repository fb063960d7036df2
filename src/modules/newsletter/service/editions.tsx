import type { Deps } from '../../../deps';
import { AppError } from '../../../platform/errors';
import { renderDocument } from '../../../platform/http/render';
import { translatorFor } from '../../../platform/http/request-context';
import { LOCALES, type Locale } from '../../../platform/i18n/locales';
import { pickText } from '../../../platform/i18n/localized-text';
import type { BulkMail } from '../../../platform/mail/mailer';
import { countOutboxMailByBatch, templateVariable } from '../../../platform/mail/outbox.repo';
import { assertCan, type Actor } from '../../accounts';
import { recordAudit } from '../../audit';
import {
  countConfirmedByLocale,
  countSegment,
  getEdition,
  insertEdition,
  listEditions,
  listNewsletterThemes,
  listSegmentRecipients,
  updateEdition as updateEditionRow,
} from '../newsletter.repo';
import type { EditionInput } from '../newsletter.schema';
import type { Edition, EditionProgress, NewsletterTheme, Segment } from '../newsletter.types';
import { EditionMail, editionMailText, type EditionMailProps } from '../views/mails';
import type { FieldErrors } from './subscriptions';
import { manageTokens } from './tokens';

/** The outbox batch of an edition: its progress is counted there. */
export const editionBatchKey = (editionId: string) => `newsletter.edition:${editionId}`;

const segmentOf = (edition: Pick<Edition, 'segmentLocales' | 'segmentThemeIds'>): Segment => ({
  locales: edition.segmentLocales as Locale[],
  themeIds: edition.segmentThemeIds,
});

/** The languages an edition is written in, in the six languages' order. */
export function editionLocales(edition: Pick<Edition, 'subject' | 'body'>): Locale[] {
  return LOCALES.filter((l) => edition.subject[l]?.trim() && edition.body[l]?.trim());
}

/**
 * The language a subscriber reads an edition in: theirs if the edition has it, else English,
 * else the edition's first language.
 */
export function contentLocaleFor(
  edition: Pick<Edition, 'subject' | 'body'>,
  subscriberLocale: Locale,
): Locale {
  const available = editionLocales(edition);
  if (available.includes(subscriberLocale)) return subscriberLocale;
  if (available.includes('en')) return 'en';
  return available[0] ?? subscriberLocale;
}

/** What one subscriber language gets: the props of the mail's views (links still hold the token variable). */
export function editionMailProps(
  deps: Deps,
  edition: Pick<Edition, 'subject' | 'body'>,
  subscriberLocale: Locale,
  token = templateVariable('token'),
): EditionMailProps {
  const contentLocale = contentLocaleFor(edition, subscriberLocale);
  const base = deps.config.PUBLIC_URL.replace(/\/$/, '');
  return {
    t: translatorFor(subscriberLocale),
    subscriberLocale,
    contentLocale,
    subject: pickText(edition.subject, contentLocale)?.text ?? '',
    body: pickText(edition.body, contentLocale)?.text ?? '',
    unsubscribeUrl: `${base}/${subscriberLocale}/newsletter/unsubscribe?token=${token}`,
    preferencesUrl: `${base}/${subscriberLocale}/newsletter/preferences?token=${token}`,
  };
}

async function checkThemes(deps: Deps, themeIds: readonly string[]): Promise<FieldErrors | undefined> {
  if (themeIds.length === 0) return undefined;
  const known = new Set((await listNewsletterThemes(deps.db)).map((t) => t.id));
  return themeIds.every((id) => known.has(id)) ? undefined : { themes: 'newsletter.error.unknownTheme' };
}

const auditView = (e: Edition) => ({
  subject: e.subject,
  segmentLocales: e.segmentLocales,
  segmentThemeIds: e.segmentThemeIds,
  status: e.status,
  recipientCount: e.recipientCount,
});

/**
 * The secretariat writes a new edition (a draft).
 *
 * @throws AppError UNAUTHENTICATED, FORBIDDEN without `newsletter.manage`.
 */
export async function createEdition(
  deps: Deps,
  actor: Actor | null,
  input: EditionInput,
): Promise<{ ok: true; edition: Edition } | { ok: false; errors: FieldErrors }> {
  assertCan(actor, 'newsletter.manage');
  const errors = await checkThemes(deps, input.segmentThemeIds);
  if (errors) return { ok: false, errors };
  const now = deps.clock.now();
  const edition = await deps.db.transaction(async (tx) => {
    const row = await insertEdition(tx, {
      ...input,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(deps, tx, actor, {
      action: 'newsletter.edition.create',
      subjectType: 'newsletter_edition',
      subjectId: row.id,
      after: auditView(row),
    });
    return row;
  });
  return { ok: true, edition };
}

/**
 * Changes a draft edition's text or segment.
 *
 * @throws AppError UNAUTHENTICATED, FORBIDDEN; NOT_FOUND; CONFLICT once it has been sent.
 */
export async function updateEdition(
  deps: Deps,
  actor: Actor | null,
  editionId: string,
  input: EditionInput,
): Promise<{ ok: true; edition: Edition } | { ok: false; errors: FieldErrors }> {
  assertCan(actor, 'newsletter.manage');
  const errors = await checkThemes(deps, input.segmentThemeIds);
  if (errors) return { ok: false, errors };
  const edition = await deps.db.transaction(async (tx) => {
    const before = await getEdition(tx, editionId, { forUpdate: true });
    if (before.status !== 'draft')
      throw new AppError('CONFLICT', { edition: editionId, status: before.status });
    const after = await updateEditionRow(tx, editionId, { ...input, updatedAt: deps.clock.now() });
    await recordAudit(deps, tx, actor, {
      action: 'newsletter.edition.update',
      subjectType: 'newsletter_edition',
      subjectId: editionId,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
  return { ok: true, edition };
}

export interface NewsletterOverview {
  editions: Edition[];
  /** Confirmed subscribers by language. */
  confirmedByLocale: Record<string, number>;
}

/** The back office's newsletter page: editions, newest first, and who is subscribed. */
export async function getNewsletterOverview(deps: Deps, actor: Actor | null): Promise<NewsletterOverview> {
  assertCan(actor, 'newsletter.manage');
  const [editions, confirmedByLocale] = await Promise.all([
    listEditions(deps.db),
    countConfirmedByLocale(deps.db),
  ]);
  return { editions, confirmedByLocale };
}

/** The themes an edition's segment may name (for the edition form). */
export async function listSegmentThemes(deps: Deps, actor: Actor | null): Promise<NewsletterTheme[]> {
  assertCan(actor, 'newsletter.manage');
  return listNewsletterThemes(deps.db);
}

export interface EditionDetail {
  edition: Edition;
  themes: NewsletterTheme[];
  /** Confirmed subscribers the segment holds now (for a draft), or the messages queued (once sent). */
  recipients: number;
  /** Delivery, once sent. */
  progress?: EditionProgress;
}

/**
 * An edition with how many will receive it and, once sent, its delivery so far.
 *
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND.
 */
export async function getEditionDetail(
  deps: Deps,
  actor: Actor | null,
  editionId: string,
): Promise<EditionDetail> {
  assertCan(actor, 'newsletter.manage');
  const edition = await getEdition(deps.db, editionId);
  const themes = await listNewsletterThemes(deps.db);
  if (edition.status === 'draft') {
    return { edition, themes, recipients: await countSegment(deps.db, segmentOf(edition)) };
  }
  const counts = await countOutboxMailByBatch(deps.db, editionBatchKey(edition.id));
  return {
    edition,
    themes,
    recipients: edition.recipientCount ?? 0,
    progress: { queued: counts.queued, sent: counts.sent, failed: counts.failed, held: counts.held },
  };
}

/**
 * An edition as a subscriber of `locale` would get it (the links carry no real token).
 *
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND.
 */
export async function previewEdition(
  deps: Deps,
  actor: Actor | null,
  editionId: string,
  locale: Locale,
): Promise<{ edition: Edition; mail: EditionMailProps; text: string }> {
  assertCan(actor, 'newsletter.manage');
  const edition = await getEdition(deps.db, editionId);
  const mail = editionMailProps(deps, edition, locale, 'preview');
  return { edition, mail, text: editionMailText(mail) };
}

/**
 * Sends an edition to every confirmed subscriber of its segment, each in their language (or the
 * fallback, with a note), each message with its own unsubscribe link (RFC 8058 headers). Sending
 * twice sends once: the edition is locked and marked queued in the same transaction as its
 * messages (a second call returns the first one's count), and the bulk send's dedupe key is the
 * edition and language (`mail_templates`' unique batch key and locale): even a second send that got
 * past the lock would write nothing.
 *
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND; CONFLICT when the segment is empty.
 */
export async function sendEdition(
  deps: Deps,
  actor: Actor | null,
  editionId: string,
): Promise<{ queued: number; alreadySent: boolean }> {
  assertCan(actor, 'newsletter.manage');
  const tokens = await manageTokens(deps);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const edition = await getEdition(tx, editionId, { forUpdate: true });
    if (edition.status !== 'draft') return { queued: edition.recipientCount ?? 0, alreadySent: true };
    const recipients = await listSegmentRecipients(tx, segmentOf(edition));
    if (recipients.length === 0) throw new AppError('CONFLICT', { edition: editionId, recipients: 0 });

    const mails: BulkMail[] = [];
    for (const locale of LOCALES) {
      const those = recipients.filter((r) => r.locale === locale);
      if (those.length === 0) continue;
      const props = editionMailProps(deps, edition, locale);
      mails.push({
        kind: 'newsletter.edition',
        locale,
        subject: props.subject,
        text: editionMailText(props),
        html: renderDocument(<EditionMail {...props} />),
        headers: {
          'List-Unsubscribe': `<${props.unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
        recipients: those.map((r) => ({ to: r.email, vars: { token: tokens.tokenFor(r) } })),
      });
    }
    const { written } = await deps.mailer.sendBulk(editionBatchKey(edition.id), mails, { db: tx });
    const after = await updateEditionRow(tx, edition.id, {
      status: 'queued',
      recipientCount: written,
      queuedAt: now,
      queuedBy: actor.userId,
      updatedAt: now,
    });
    await recordAudit(deps, tx, actor, {
      action: 'newsletter.edition.send',
      subjectType: 'newsletter_edition',
      subjectId: edition.id,
      before: auditView(edition),
      after: auditView(after),
    });
    return { queued: written, alreadySent: false };
  });
}
