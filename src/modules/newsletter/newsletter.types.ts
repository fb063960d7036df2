import type { Locale } from '../../platform/i18n/locales';
import type { LocalizedText } from '../../platform/i18n/localized-text';
import type { newsletterEditions, newsletterSubscribers } from './newsletter.tables';

export type Subscriber = typeof newsletterSubscribers.$inferSelect;
export type Edition = typeof newsletterEditions.$inferSelect;
export type SubscriberStatus = Subscriber['status'];

/** A theme a subscriber may choose, with its series' title for grouping. */
export interface NewsletterTheme {
  id: string;
  title: LocalizedText;
  seriesTitle: LocalizedText;
}

/** Who an edition goes to: confirmed subscribers of these languages and themes (empty: all). */
export interface Segment {
  locales: readonly Locale[];
  themeIds: readonly string[];
}

/** One recipient of an edition, as the send needs it. */
export interface Recipient {
  id: string;
  email: string;
  locale: Locale;
  tokenNonce: string;
}

/** Delivery of an edition, counted in the outbox. */
export interface EditionProgress {
  queued: number;
  sent: number;
  failed: number;
  /** Kept in the outbox because no SMTP server is configured. */
  held: number;
}
