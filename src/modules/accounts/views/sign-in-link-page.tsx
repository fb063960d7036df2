import type { MessageKey } from '../../../platform/i18n/t';
import { CsrfField, TextField, type FormState } from '../../../platform/views/forms';
import { Layout } from '../../../platform/views/layout';
import type { ViewContext } from '../../../platform/views/view-context';
import type { SignInRefusal } from '../service/sign-in';

/**
 * The page a sign-in link opens: one button that signs in. The link is spent by the button, not by
 * opening the page, so mail scanners that follow links do not use it up.
 */
export function SignInLinkPage({
  ctx,
  token,
  email,
  csrfToken,
}: {
  ctx: ViewContext;
  token: string;
  email: string;
  /** When the browser is signed in already (as someone else, perhaps): its forms need the token. */
  csrfToken?: string;
}) {
  const { t, locale } = ctx;
  const title = t('accounts.link.title');
  return (
    <Layout ctx={ctx} title={title} current="account" noindex>
      <h1>{title}</h1>
      <p>
        {t('accounts.link.as')} <strong dir="ltr">{email}</strong>
      </p>
      <form method="post" action={`/${locale}/sign-in/link`}>
        {csrfToken ? <CsrfField token={csrfToken} /> : null}
        <input type="hidden" name="token" value={token} />
        <button type="submit">{t('accounts.link.submit')}</button>
      </form>
    </Layout>
  );
}

const REFUSALS: Record<SignInRefusal, MessageKey> = {
  expired: 'accounts.refusal.expired',
  used: 'accounts.refusal.used',
  unknown: 'accounts.refusal.unknown',
  wrongCode: 'accounts.refusal.wrongCode',
  tooManyCodes: 'accounts.refusal.tooManyCodes',
  wrongPassword: 'accounts.signIn.wrongPassword',
};

/** A link or code that did not work: what happened, and a form for a new link. */
export function SignInRefusedPage({
  ctx,
  reason,
  email,
  csrfToken,
}: {
  ctx: ViewContext;
  reason: SignInRefusal;
  email?: string;
  csrfToken?: string;
}) {
  const { t, locale } = ctx;
  const title = t('accounts.refusal.title');
  const form: FormState = { values: { email: email ?? '' }, errors: {} };
  return (
    <Layout ctx={ctx} title={title} current="account" noindex>
      <h1>{title}</h1>
      <p class="notice" role="alert">
        {t(REFUSALS[reason])}
      </p>
      <h2>{t('accounts.refusal.newLink')}</h2>
      <form method="post" action={`/${locale}/sign-in`} noValidate>
        {csrfToken ? <CsrfField token={csrfToken} /> : null}
        <TextField
          t={t}
          form={form}
          name="email"
          type="email"
          label={t('accounts.field.email')}
          autocomplete="email"
          maxLength={254}
          dir="ltr"
          required
        />
        <button type="submit">{t('accounts.signIn.sendLink')}</button>
      </form>
    </Layout>
  );
}
