import { LOCALE_NAMES, LOCALES, type Locale } from '../../../platform/i18n/locales';
import type { MessageKey } from '../../../platform/i18n/t';
import {
  CsrfField,
  ErrorSummary,
  SelectField,
  TextField,
  type FormState,
} from '../../../platform/views/forms';
import { Layout } from '../../../platform/views/layout';
import type { ViewContext } from '../../../platform/views/view-context';
import { stakeholderGroup } from '../accounts.tables';
import { countryOptions } from '../countries';
import type { Profile } from '../service/profile';

export type AccountNotice = 'welcome' | 'profileSaved' | 'passwordSaved' | 'signedIn';

const NOTICES: Record<AccountNotice, MessageKey> = {
  welcome: 'accounts.notice.welcome',
  profileSaved: 'accounts.notice.profileSaved',
  passwordSaved: 'accounts.notice.passwordSaved',
  signedIn: 'accounts.notice.signedIn',
};

/** The signed-in person's own page: profile, password, sessions, their data, deletion. */
export function AccountPage({
  ctx,
  profile,
  csrfToken,
  profileForm,
  passwordForm,
  notice,
  canEnterAdmin,
}: {
  ctx: ViewContext;
  profile: Profile;
  csrfToken: string;
  profileForm: FormState;
  passwordForm: FormState;
  notice?: AccountNotice;
  canEnterAdmin: boolean;
}) {
  const { t, locale } = ctx;
  const title = t('accounts.account.title');
  const profileLabels = {
    name: t('accounts.field.name'),
    organisation: t('accounts.field.organisation'),
    country: t('accounts.field.country'),
    stakeholderGroup: t('accounts.field.stakeholderGroup'),
    preferredLocale: t('accounts.field.preferredLocale'),
  };
  const preferred = profile.preferredLocale;
  return (
    <Layout ctx={ctx} title={title} current="account" noindex>
      <h1>{title}</h1>
      {notice ? (
        <p class="notice" role="status">
          {t(NOTICES[notice])}
        </p>
      ) : null}
      {notice === 'profileSaved' && preferred !== locale ? (
        <p class="notice">
          <a href={`/${preferred}/account`} hrefLang={preferred} lang={preferred}>
            {t('accounts.notice.switchLanguage', { language: LOCALE_NAMES[preferred] })}
          </a>
        </p>
      ) : null}
      <p>
        {t('accounts.account.signedInAs')} <strong dir="ltr">{profile.email}</strong>
      </p>
      <p>
        {t('accounts.account.roles')}{' '}
        {['participant', ...profile.roles].map((r) => t(`accounts.role.${r}` as MessageKey)).join(', ')}
      </p>
      {canEnterAdmin ? (
        <p>
          <a href={`/${locale}/admin`}>{t('accounts.account.backOffice')}</a>
        </p>
      ) : null}

      <h2 id="profile-heading">{t('accounts.profile.title')}</h2>
      <ErrorSummary t={t} form={profileForm} labels={profileLabels} />
      <form method="post" action={`/${locale}/account/profile`} aria-labelledby="profile-heading" noValidate>
        <CsrfField token={csrfToken} />
        <TextField
          t={t}
          form={profileForm}
          name="name"
          label={profileLabels.name}
          autocomplete="name"
          maxLength={200}
        />
        <TextField
          t={t}
          form={profileForm}
          name="organisation"
          label={profileLabels.organisation}
          autocomplete="organization"
          maxLength={200}
        />
        <SelectField
          t={t}
          form={profileForm}
          name="country"
          label={profileLabels.country}
          blank={t('accounts.profile.notSaying')}
          options={countryOptions(locale)}
        />
        <SelectField
          t={t}
          form={profileForm}
          name="stakeholderGroup"
          label={profileLabels.stakeholderGroup}
          blank={t('accounts.profile.notSaying')}
          options={stakeholderGroup.enumValues.map((g) => ({
            value: g,
            label: t(`accounts.stakeholder.${g}` as MessageKey),
          }))}
        />
        <SelectField
          t={t}
          form={profileForm}
          name="preferredLocale"
          label={profileLabels.preferredLocale}
          hint={t('accounts.profile.languageHint')}
          options={LOCALES.map((l: Locale) => ({ value: l, label: LOCALE_NAMES[l] }))}
          required
        />
        <button type="submit">{t('accounts.profile.save')}</button>
      </form>

      <h2 id="password-heading">{t('accounts.password.title')}</h2>
      <p>{profile.hasPassword ? t('accounts.password.isSet') : t('accounts.password.notSet')}</p>
      <ErrorSummary
        t={t}
        form={passwordForm}
        labels={{ password: t('accounts.field.newPassword'), confirm: t('accounts.field.confirmPassword') }}
      />
      <form
        method="post"
        action={`/${locale}/account/password`}
        aria-labelledby="password-heading"
        noValidate
      >
        <CsrfField token={csrfToken} />
        {/* A hidden username helps password managers file the new password under the right account. */}
        <input type="hidden" name="username" autoComplete="username" value={profile.email} />
        <TextField
          t={t}
          form={passwordForm}
          name="password"
          type="password"
          label={t('accounts.field.newPassword')}
          hint={t('accounts.password.hint')}
          autocomplete="new-password"
          required
        />
        <TextField
          t={t}
          form={passwordForm}
          name="confirm"
          type="password"
          label={t('accounts.field.confirmPassword')}
          autocomplete="new-password"
          required
        />
        <button type="submit">{t('accounts.password.save')}</button>
      </form>

      <h2>{t('accounts.sessions.title')}</h2>
      <form method="post" action={`/${locale}/sign-out`}>
        <CsrfField token={csrfToken} />
        <button type="submit">{t('accounts.sessions.signOut')}</button>
      </form>
      <p>{t('accounts.sessions.everywhereHint')}</p>
      <form method="post" action={`/${locale}/account/sign-out-everywhere`}>
        <CsrfField token={csrfToken} />
        <button type="submit">{t('accounts.sessions.signOutEverywhere')}</button>
      </form>

      <h2>{t('accounts.data.title')}</h2>
      <p>{t('accounts.data.intro')}</p>
      <p>
        <a href={`/${locale}/account/data`} download="colloquy-my-data.json">
          {t('accounts.data.download')}
        </a>
      </p>
      <p>
        <a href={`/${locale}/account/delete`}>{t('accounts.delete.link')}</a>
      </p>
    </Layout>
  );
}
