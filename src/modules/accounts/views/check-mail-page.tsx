import { CsrfField, ErrorSummary, TextField, type FormState } from '../../../platform/views/forms';
import { Layout } from '../../../platform/views/layout';
import type { ViewContext } from '../../../platform/views/view-context';

/**
 * After asking for a link: "check your mail", and the field for the code, for people who read
 * their mail on another device. The same page whether or not the address had an account.
 */
export function CheckMailPage({
  ctx,
  requestId,
  minutes,
  form,
  attemptsLeft,
  csrfToken,
}: {
  ctx: ViewContext;
  requestId: string;
  minutes: number;
  form: FormState;
  /** After a wrong code: how many more the pending sign-in takes. */
  attemptsLeft?: number;
  /** When the browser is signed in already (as someone else, perhaps): its forms need the token. */
  csrfToken?: string;
}) {
  const { t, locale } = ctx;
  const title = t('accounts.checkMail.title');
  return (
    <Layout ctx={ctx} title={title} current="account" noindex>
      <h1>{title}</h1>
      <p>{t('accounts.checkMail.sent', { minutes })}</p>
      <p>{t('accounts.checkMail.noMail')}</p>
      <ErrorSummary t={t} form={form} labels={{ code: t('accounts.field.code') }} />
      {attemptsLeft !== undefined ? (
        <p class="notice">{t('accounts.checkMail.attemptsLeft', { count: attemptsLeft })}</p>
      ) : null}
      <form method="post" action={`/${locale}/sign-in/code`} noValidate>
        {csrfToken ? <CsrfField token={csrfToken} /> : null}
        <input type="hidden" name="request" value={requestId} />
        <TextField
          t={t}
          form={form}
          name="code"
          label={t('accounts.field.code')}
          hint={t('accounts.checkMail.codeHint')}
          autocomplete="one-time-code"
          inputMode="numeric"
          maxLength={12}
          dir="ltr"
          required
        />
        <button type="submit">{t('accounts.checkMail.submit')}</button>
      </form>
      <p>
        <a href={`/${locale}/sign-in`}>{t('accounts.checkMail.again')}</a>
      </p>
    </Layout>
  );
}
