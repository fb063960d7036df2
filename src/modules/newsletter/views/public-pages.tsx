import type { ComponentChildren } from 'preact';
import { LOCALE_NAMES, LOCALES } from '../../../platform/i18n/locales';
import {
  ErrorSummary,
  SelectField,
  TextField,
  CheckboxGroup,
  type FormState,
} from '../../../platform/views/forms';
import { Layout } from '../../../platform/views/layout';
import { textOf } from '../../../platform/views/localized';
import type { ViewContext } from '../../../platform/views/view-context';
import type { ConfirmationState, SubscriptionPreferences } from '../service/subscriptions';
import type { LocalizedText } from '../../../platform/i18n/localized-text';

/** A theme as the forms show it. */
export interface ThemeOption {
  id: string;
  title: LocalizedText;
}

function languageOptions() {
  return LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }));
}

function themeOptions(ctx: ViewContext, themes: readonly ThemeOption[]) {
  return themes.map((theme) => ({ value: theme.id, label: textOf(ctx, theme.title) }));
}

/**
 * The sign-up form: the same for every visitor (it sits on cached public pages), so it carries no
 * per-visitor token; the server checks that the post comes from this site.
 */
export function SubscribeForm({
  ctx,
  themes,
  form,
  headingLevel = 2,
}: {
  ctx: ViewContext;
  themes: readonly ThemeOption[];
  form?: FormState;
  headingLevel?: 1 | 2;
}) {
  const { t, locale } = ctx;
  const state: FormState = form ?? { values: { locale }, errors: {} };
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section class="newsletter-signup" aria-labelledby="newsletter-heading">
      <Heading id="newsletter-heading">{t('newsletter.signup.heading')}</Heading>
      <p>{t('newsletter.signup.intro')}</p>
      <ErrorSummary
        t={t}
        form={state}
        labels={{
          email: t('newsletter.signup.email'),
          locale: t('newsletter.signup.language'),
          themes: t('newsletter.signup.themes'),
        }}
      />
      <form method="post" action={`/${locale}/newsletter`} novalidate>
        <TextField
          t={t}
          form={state}
          name="email"
          type="email"
          label={t('newsletter.signup.email')}
          autocomplete="email"
          maxLength={254}
          dir="ltr"
          required
        />
        <SelectField
          t={t}
          form={state}
          name="locale"
          label={t('newsletter.signup.language')}
          options={languageOptions()}
        />
        {themes.length > 0 ? (
          <>
            <CheckboxGroup
              t={t}
              form={state}
              name="themes"
              legend={t('newsletter.signup.themes')}
              options={themeOptions(ctx, themes)}
            />
            <p class="hint">{t('newsletter.signup.themesHint')}</p>
          </>
        ) : null}
        <p class="hint">{t('newsletter.signup.privacy')}</p>
        <button type="submit">{t('newsletter.signup.submit')}</button>
      </form>
    </section>
  );
}

export function SubscribePage({
  ctx,
  themes,
  form,
}: {
  ctx: ViewContext;
  themes: readonly ThemeOption[];
  form?: FormState;
}) {
  return (
    <Layout ctx={ctx} title={ctx.t('newsletter.signup.heading')}>
      <SubscribeForm ctx={ctx} themes={themes} form={form} headingLevel={1} />
    </Layout>
  );
}

function MessagePage({
  ctx,
  title,
  children,
}: {
  ctx: ViewContext;
  title: string;
  children?: ComponentChildren;
}) {
  return (
    <Layout ctx={ctx} title={title} noindex>
      <h1>{title}</h1>
      {children}
    </Layout>
  );
}

export function SubscribeSentPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <MessagePage ctx={ctx} title={t('newsletter.sent.title')}>
      <p>{t('newsletter.sent.body')}</p>
      <p>{t('newsletter.sent.spam')}</p>
    </MessagePage>
  );
}

/** A link that does not (or no longer) work. */
export function InvalidLinkPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <MessagePage ctx={ctx} title={t('newsletter.invalidLink.title')}>
      <p>{t('newsletter.invalidLink.body')}</p>
      <p>
        <a href={`/${ctx.locale}/newsletter`}>{t('newsletter.invalidLink.again')}</a>
      </p>
    </MessagePage>
  );
}

export function ConfirmPage({
  ctx,
  state,
  token,
}: {
  ctx: ViewContext;
  state: ConfirmationState;
  token: string;
}) {
  const { t, locale } = ctx;
  if (state === 'unknown') return <InvalidLinkPage ctx={ctx} />;
  if (state === 'expired') {
    return (
      <MessagePage ctx={ctx} title={t('newsletter.confirm.expiredTitle')}>
        <p>{t('newsletter.confirm.expiredBody')}</p>
        <p>
          <a href={`/${locale}/newsletter`}>{t('newsletter.invalidLink.again')}</a>
        </p>
      </MessagePage>
    );
  }
  if (state === 'confirmed') {
    return (
      <MessagePage ctx={ctx} title={t('newsletter.confirm.doneTitle')}>
        <p>{t('newsletter.confirm.doneBody')}</p>
      </MessagePage>
    );
  }
  return (
    <MessagePage ctx={ctx} title={t('newsletter.confirm.title')}>
      <p>{t('newsletter.confirm.body')}</p>
      <form method="post" action={`/${locale}/newsletter/confirm`}>
        <input type="hidden" name="token" value={token} />
        <button type="submit">{t('newsletter.confirm.submit')}</button>
      </form>
    </MessagePage>
  );
}

export function UnsubscribePage({
  ctx,
  state,
  token,
}: {
  ctx: ViewContext;
  state: 'ask' | 'done' | 'unknown';
  token: string;
}) {
  const { t, locale } = ctx;
  if (state === 'unknown') return <InvalidLinkPage ctx={ctx} />;
  if (state === 'done') {
    return (
      <MessagePage ctx={ctx} title={t('newsletter.unsubscribe.doneTitle')}>
        <p>{t('newsletter.unsubscribe.doneBody')}</p>
        <p>
          <a href={`/${locale}/newsletter`}>{t('newsletter.unsubscribe.again')}</a>
        </p>
      </MessagePage>
    );
  }
  return (
    <MessagePage ctx={ctx} title={t('newsletter.unsubscribe.title')}>
      <p>{t('newsletter.unsubscribe.body')}</p>
      <form method="post" action={`/${locale}/newsletter/unsubscribe`}>
        <input type="hidden" name="token" value={token} />
        <button type="submit">{t('newsletter.unsubscribe.submit')}</button>
      </form>
      <p>
        <a href={`/${locale}/newsletter/preferences?token=${encodeURIComponent(token)}`}>
          {t('newsletter.unsubscribe.preferencesInstead')}
        </a>
      </p>
    </MessagePage>
  );
}

export function PreferencesPage({
  ctx,
  preferences,
  token,
  form,
  saved = false,
}: {
  ctx: ViewContext;
  preferences: SubscriptionPreferences;
  token: string;
  form?: FormState;
  saved?: boolean;
}) {
  const { t, locale } = ctx;
  const state: FormState = form ?? {
    values: { locale: preferences.locale, themes: preferences.themeIds },
    errors: {},
  };
  return (
    <MessagePage ctx={ctx} title={t('newsletter.preferences.title')}>
      {saved ? (
        <p class="notice" role="status">
          {t('newsletter.preferences.saved')}
        </p>
      ) : null}
      <p>
        {t('newsletter.preferences.address')} <span dir="ltr">{preferences.email}</span>
      </p>
      <p>{t(`newsletter.preferences.status.${preferences.status}`)}</p>
      <ErrorSummary
        t={t}
        form={state}
        labels={{ locale: t('newsletter.signup.language'), themes: t('newsletter.signup.themes') }}
      />
      <form method="post" action={`/${locale}/newsletter/preferences`}>
        <input type="hidden" name="token" value={token} />
        <SelectField
          t={t}
          form={state}
          name="locale"
          label={t('newsletter.signup.language')}
          options={languageOptions()}
        />
        {preferences.themes.length > 0 ? (
          <>
            <CheckboxGroup
              t={t}
              form={state}
              name="themes"
              legend={t('newsletter.signup.themes')}
              options={themeOptions(ctx, preferences.themes)}
            />
            <p class="hint">{t('newsletter.signup.themesHint')}</p>
          </>
        ) : null}
        <button type="submit">{t('newsletter.preferences.submit')}</button>
      </form>
      {preferences.status !== 'unsubscribed' ? (
        <section aria-labelledby="unsubscribe-heading">
          <h2 id="unsubscribe-heading">{t('newsletter.unsubscribe.title')}</h2>
          <form method="post" action={`/${locale}/newsletter/unsubscribe`}>
            <input type="hidden" name="token" value={token} />
            <button type="submit">{t('newsletter.unsubscribe.submit')}</button>
          </form>
        </section>
      ) : (
        <p>
          <a href={`/${locale}/newsletter`}>{t('newsletter.unsubscribe.again')}</a>
        </p>
      )}
    </MessagePage>
  );
}
