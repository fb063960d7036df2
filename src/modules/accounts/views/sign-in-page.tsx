import { CsrfField, ErrorSummary, TextField, type FormState } from '../../../platform/views/forms';
import { Layout } from '../../../platform/views/layout';
import type { ViewContext } from '../../../platform/views/view-context';

/** Sign in or sign up: a link by e-mail, or a password for those who set one. */
export function SignInPage({
  ctx,
  next,
  linkForm,
  passwordForm,
  notice,
  signedInAs,
  csrfToken,
}: {
  ctx: ViewContext;
  next: string;
  linkForm: FormState;
  passwordForm: FormState;
  notice?: 'signedOut' | 'deleted' | 'wrongPassword';
  /** The browser is signed in already: say as whom (signing in again switches accounts). */
  signedInAs?: string;
  /** A signed-in browser's forms carry its token (ADR 0019). */
  csrfToken?: string;
}) {
  const { t, locale } = ctx;
  const title = t('accounts.signIn.title');
  return (
    <Layout ctx={ctx} title={title} current="account" noindex>
      <h1>{title}</h1>
      {notice === 'signedOut' ? (
        <p class="notice" role="status">
          {t('accounts.signIn.signedOut')}
        </p>
      ) : null}
      {notice === 'wrongPassword' ? (
        <p class="notice" role="alert">
          {t('accounts.signIn.wrongPassword')}
        </p>
      ) : null}
      {signedInAs ? (
        <p class="notice">
          {t('accounts.account.signedInAs')} <strong dir="ltr">{signedInAs}</strong>.{' '}
          <a href={`/${locale}/account`}>{t('accounts.account.title')}</a>
        </p>
      ) : null}
      <p>{t('accounts.signIn.intro')}</p>
      <ErrorSummary t={t} form={linkForm} labels={{ email: t('accounts.field.email') }} />
      <form method="post" action={`/${locale}/sign-in`} noValidate>
        {csrfToken ? <CsrfField token={csrfToken} /> : null}
        <input type="hidden" name="next" value={next} />
        <TextField
          t={t}
          form={linkForm}
          name="email"
          type="email"
          label={t('accounts.field.email')}
          hint={t('accounts.signIn.emailHint')}
          autocomplete="email"
          maxLength={254}
          dir="ltr"
          required
        />
        <button type="submit">{t('accounts.signIn.sendLink')}</button>
      </form>
      <h2 id="password-heading">{t('accounts.signIn.passwordTitle')}</h2>
      <p>{t('accounts.signIn.passwordIntro')}</p>
      <form
        method="post"
        action={`/${locale}/sign-in/password`}
        aria-labelledby="password-heading"
        noValidate
      >
        {csrfToken ? <CsrfField token={csrfToken} /> : null}
        <input type="hidden" name="next" value={next} />
        <TextField
          t={t}
          form={passwordForm}
          name="email"
          type="email"
          label={t('accounts.field.email')}
          autocomplete="username"
          maxLength={254}
          dir="ltr"
          required
        />
        <TextField
          t={t}
          form={passwordForm}
          name="password"
          type="password"
          label={t('accounts.field.password')}
          autocomplete="current-password"
          required
        />
        <button type="submit">{t('accounts.signIn.withPassword')}</button>
      </form>
    </Layout>
  );
}
