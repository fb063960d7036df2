// The newsletter's use cases, one file per group under service/ (STYLE.md §1): subscriptions
// (public, double opt-in, tokens from e-mails) and editions (the secretariat's, permission-checked).
import type { Deps } from '../../deps';
import { listNewsletterThemes } from './newsletter.repo';
import type { NewsletterTheme } from './newsletter.types';

export {
  checkConfirmationLink,
  checkManageLink,
  confirmSubscription,
  eraseSubscription,
  exportSubscription,
  getSubscriptionPreferences,
  subscribeToNewsletter,
  unsubscribeFromNewsletter,
  updateSubscriptionPreferences,
} from './service/subscriptions';
export type { ConfirmationState, FieldErrors, SubscriptionPreferences } from './service/subscriptions';
export {
  createEdition,
  editionBatchKey,
  editionLocales,
  getEditionDetail,
  getNewsletterOverview,
  listSegmentThemes,
  previewEdition,
  sendEdition,
  updateEdition,
} from './service/editions';
export type { EditionDetail, NewsletterOverview } from './service/editions';

/** The themes a visitor may choose when signing up: those of every published series. */
export function listSignupThemes(deps: Deps): Promise<NewsletterTheme[]> {
  return listNewsletterThemes(deps.db);
}
