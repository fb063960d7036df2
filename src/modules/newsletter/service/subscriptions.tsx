import type { Deps } from '../../../deps';
import type { Locale } from '../../../platform/i18n/locales';
import { translatorFor } from '../../../platform/http/request-context';
import { renderDocument } from '../../../platform/http/render';
import type { PersonalDataSubject, DbTransaction } from '../../../platform/http/module';
import {
  findSubscriberByConfirmTokenHash,
  findSubscriberByEmail,
  findSubscriberById,
  insertSubscriber,
  listNewsletterThemes,
  listSubscriberThemeIds,
  replaceSubscriberThemes,
  updateSubscriber,
  deleteSubscribersByEmail,
  type DbOrTransaction,
} from '../newsletter.repo';
import type { PreferencesInput, SubscribeInput } from '../newsletter.schema';
import type { NewsletterTheme, Subscriber } from '../newsletter.types';
import {
  AlreadySubscribedMail,
  alreadySubscribedMailSubject,
  alreadySubscribedMailText,
  ConfirmMail,
  confirmMailSubject,
  confirmMailText,
} from '../views/mails';
import {
  CONFIRM_TOKEN_TTL_MS,
  hashConfirmToken,
  manageTokens,
  newConfirmToken,
  newTokenNonce,
} from './tokens';

/**
 * One confirmation or "already subscribed" message per address at most this often, whoever asks
 * (the per-IP rate limit does not stop someone flooding one address from many places).
 */
export const MAIL_THROTTLE_MS = 2 * 60 * 1000;

/** A form problem: field → message key. */
export type FieldErrors = Record<string, string>;

function baseUrl(deps: Deps): string {
  return deps.config.PUBLIC_URL.replace(/\/$/, '');
}

/** The links of a subscriber's manage token, in a language. */
export function manageUrls(deps: Deps, locale: Locale, token: string) {
  const q = `token=${encodeURIComponent(token)}`;
  return {
    unsubscribeUrl: `${baseUrl(deps)}/${locale}/newsletter/unsubscribe?${q}`,
    preferencesUrl: `${baseUrl(deps)}/${locale}/newsletter/preferences?${q}`,
  };
}

async function unknownThemes(deps: Deps, themeIds: readonly string[]): Promise<boolean> {
  if (themeIds.length === 0) return false;
  const known = new Set((await listNewsletterThemes(deps.db)).map((t) => t.id));
  return themeIds.some((id) => !known.has(id));
}

/**
 * Someone asks to receive the newsletter (double opt-in, docs/adr/0015). Whatever the address's
 * state, the visitor sees the same answer ("check your inbox"), so the form reveals nothing:
 * - new, pending or unsubscribed address: it becomes pending with the chosen language and themes,
 *   and gets a confirmation message (a new link; earlier ones stop working);
 * - confirmed address: nothing changes; it gets an "already subscribed" message with a link to its
 *   preferences.
 * At most one message per address every MAIL_THROTTLE_MS; within that, nothing changes at all.
 *
 * @returns field errors when a theme does not exist; otherwise nothing.
 */
export async function subscribeToNewsletter(
  deps: Deps,
  input: SubscribeInput,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const themeIds = [...new Set(input.themes)];
  if (await unknownThemes(deps, themeIds))
    return { ok: false, errors: { themes: 'newsletter.error.unknownTheme' } };
  const now = deps.clock.now();
  const tokens = await manageTokens(deps);

  await deps.db.transaction(async (tx) => {
    const { token, hash } = newConfirmToken();
    const fresh = {
      locale: input.locale,
      status: 'pending' as const,
      confirmTokenHash: hash,
      confirmTokenExpiresAt: new Date(now.getTime() + CONFIRM_TOKEN_TTL_MS),
      lastMailedAt: now,
      updatedAt: now,
    };
    const inserted = await insertSubscriber(tx, {
      ...fresh,
      email: input.email,
      tokenNonce: newTokenNonce(),
      createdAt: now,
    });
    if (inserted) {
      await replaceSubscriberThemes(tx, inserted.id, themeIds);
      await sendConfirmation(deps, tx, inserted, token);
      return;
    }
    const existing = (await findSubscriberByEmail(tx, input.email, { forUpdate: true }))!;
    if (existing.lastMailedAt && now.getTime() - existing.lastMailedAt.getTime() < MAIL_THROTTLE_MS) return;
    if (existing.status === 'confirmed') {
      await updateSubscriber(tx, existing.id, { lastMailedAt: now });
      const { preferencesUrl } = manageUrls(deps, input.locale, tokens.tokenFor(existing));
      const t = translatorFor(input.locale);
      const props = { t, locale: input.locale, preferencesUrl };
      await deps.mailer.send(
        {
          to: existing.email,
          locale: input.locale,
          kind: 'newsletter.already-subscribed',
          subject: alreadySubscribedMailSubject(props),
          text: alreadySubscribedMailText(props),
          html: renderDocument(<AlreadySubscribedMail {...props} />),
        },
        { db: tx },
      );
      return;
    }
    // Pending or unsubscribed: a fresh double opt-in. After an unsubscription the nonce is new too,
    // so links from before it stay dead.
    const updated = await updateSubscriber(tx, existing.id, {
      ...fresh,
      ...(existing.status === 'unsubscribed' ? { tokenNonce: newTokenNonce(), unsubscribedAt: null } : {}),
    });
    await replaceSubscriberThemes(tx, existing.id, themeIds);
    await sendConfirmation(deps, tx, updated, token);
  });
  return { ok: true };
}

async function sendConfirmation(deps: Deps, tx: DbOrTransaction, subscriber: Subscriber, token: string) {
  const locale = subscriber.locale as Locale;
  const props = {
    t: translatorFor(locale),
    locale,
    confirmUrl: `${baseUrl(deps)}/${locale}/newsletter/confirm?token=${encodeURIComponent(token)}`,
  };
  await deps.mailer.send(
    {
      to: subscriber.email,
      locale,
      kind: 'newsletter.confirm',
      subject: confirmMailSubject(props),
      text: confirmMailText(props),
      html: renderDocument(<ConfirmMail {...props} />),
    },
    { db: tx },
  );
}

/** Where a confirmation link stands. */
export type ConfirmationState = 'pending' | 'confirmed' | 'expired' | 'unknown';

function confirmationStateOf(subscriber: Subscriber | undefined, now: Date): ConfirmationState {
  if (!subscriber || subscriber.status === 'unsubscribed') return 'unknown';
  if (subscriber.status === 'confirmed') return 'confirmed';
  if (!subscriber.confirmTokenExpiresAt || subscriber.confirmTokenExpiresAt <= now) return 'expired';
  return 'pending';
}

/** What a confirmation link leads to, changing nothing (the page then asks for a click). */
export async function checkConfirmationLink(deps: Deps, token: string): Promise<ConfirmationState> {
  const subscriber = await findSubscriberByConfirmTokenHash(deps.db, hashConfirmToken(token));
  return confirmationStateOf(subscriber, deps.clock.now());
}

/**
 * Confirms a subscription from its link. Confirming twice is harmless: the second time says it is
 * confirmed and changes nothing. An expired link, or one replaced by a newer sign-up, confirms
 * nothing.
 *
 * @returns the state after the attempt: `confirmed`, `expired` or `unknown`.
 */
export async function confirmSubscription(deps: Deps, token: string): Promise<ConfirmationState> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const subscriber = await findSubscriberByConfirmTokenHash(tx, hashConfirmToken(token));
    const state = confirmationStateOf(subscriber, now);
    if (state !== 'pending') return state;
    await updateSubscriber(tx, subscriber!.id, { status: 'confirmed', confirmedAt: now, updatedAt: now });
    return 'confirmed';
  });
}

async function subscriberOfToken(
  deps: Deps,
  db: DbOrTransaction,
  token: string,
): Promise<Subscriber | undefined> {
  const tokens = await manageTokens(deps);
  const id = tokens.subscriberIdOf(token);
  if (!id) return undefined;
  const subscriber = await findSubscriberById(db, id);
  return subscriber && tokens.verify(token, subscriber) ? subscriber : undefined;
}

export interface SubscriptionPreferences {
  email: string;
  status: Subscriber['status'];
  locale: Locale;
  themeIds: string[];
  themes: NewsletterTheme[];
}

/** A subscriber's preferences from a manage link; undefined when the link is not (or no longer) good. */
export async function getSubscriptionPreferences(
  deps: Deps,
  token: string,
): Promise<SubscriptionPreferences | undefined> {
  const subscriber = await subscriberOfToken(deps, deps.db, token);
  if (!subscriber) return undefined;
  const [themeIds, themes] = await Promise.all([
    listSubscriberThemeIds(deps.db, subscriber.id),
    listNewsletterThemes(deps.db),
  ]);
  return {
    email: subscriber.email,
    status: subscriber.status,
    locale: subscriber.locale as Locale,
    themeIds,
    themes,
  };
}

/**
 * Changes a subscriber's language and themes from a manage link. An unsubscribed or pending
 * subscriber's preferences change too, but that does not subscribe anyone.
 */
export async function updateSubscriptionPreferences(
  deps: Deps,
  input: PreferencesInput,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors } | { ok: false; invalidToken: true }> {
  const themeIds = [...new Set(input.themes)];
  if (await unknownThemes(deps, themeIds))
    return { ok: false, errors: { themes: 'newsletter.error.unknownTheme' } };
  return deps.db.transaction(async (tx) => {
    const subscriber = await subscriberOfToken(deps, tx, input.token);
    if (!subscriber) return { ok: false as const, invalidToken: true as const };
    await updateSubscriber(tx, subscriber.id, { locale: input.locale, updatedAt: deps.clock.now() });
    await replaceSubscriberThemes(tx, subscriber.id, themeIds);
    return { ok: true as const };
  });
}

/**
 * Unsubscribes at once (RFC 8058 one-click, or the page's button). Doing it twice is harmless.
 *
 * @returns `unsubscribed` (now or before), or `unknown` for a link that is not good.
 */
export async function unsubscribeFromNewsletter(
  deps: Deps,
  token: string,
): Promise<'unsubscribed' | 'unknown'> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const subscriber = await subscriberOfToken(deps, tx, token);
    if (!subscriber) return 'unknown';
    if (subscriber.status !== 'unsubscribed') {
      await updateSubscriber(tx, subscriber.id, {
        status: 'unsubscribed',
        unsubscribedAt: now,
        confirmTokenHash: null,
        confirmTokenExpiresAt: null,
        updatedAt: now,
      });
    }
    return 'unsubscribed';
  });
}

/** Whether a manage link is good (for the unsubscribe page shown on GET, which changes nothing). */
export async function checkManageLink(deps: Deps, token: string): Promise<boolean> {
  return (await subscriberOfToken(deps, deps.db, token)) !== undefined;
}

/** The subscription of an account's address, for "Download my data". */
export async function exportSubscription(deps: Deps, user: PersonalDataSubject): Promise<unknown> {
  const subscriber = await findSubscriberByEmail(deps.db, user.email.trim().toLowerCase());
  if (!subscriber) return null;
  const themes = await listNewsletterThemes(deps.db);
  const chosen = new Set(await listSubscriberThemeIds(deps.db, subscriber.id));
  return {
    email: subscriber.email,
    status: subscriber.status,
    language: subscriber.locale,
    themes: themes.filter((t) => chosen.has(t.id)).map((t) => ({ id: t.id, title: t.title })),
    subscribedAt: subscriber.createdAt.toISOString(),
    confirmedAt: subscriber.confirmedAt?.toISOString() ?? null,
    unsubscribedAt: subscriber.unsubscribedAt?.toISOString() ?? null,
  };
}

/** Deletes the subscription of an account's address, with the account. */
export async function eraseSubscription(
  _deps: Deps,
  tx: DbTransaction,
  user: PersonalDataSubject,
): Promise<void> {
  await deleteSubscribersByEmail(tx, user.email.trim().toLowerCase());
}
