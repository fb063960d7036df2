import { formatNumber } from '../../../platform/i18n/format';
import { languageName } from '../../../platform/i18n/format';
import { dirOf, LOCALE_NAMES, LOCALES, type Locale } from '../../../platform/i18n/locales';
import { missingLocales, pickText } from '../../../platform/i18n/localized-text';
import { AdminLayout, type AdminNavLink } from '../../../platform/views/admin-layout';
import {
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  TextArea,
  TextField,
  type FormState,
} from '../../../platform/views/forms';
import { textOf } from '../../../platform/views/localized';
import type { ViewContext } from '../../../platform/views/view-context';
import type { EditionDetail, NewsletterOverview } from '../newsletter.service';
import type { Edition, NewsletterTheme } from '../newsletter.types';
import { EditionMailContent, type EditionMailProps } from './mails';

interface AdminPageProps {
  ctx: ViewContext;
  nav: AdminNavLink[];
  csrfToken: string;
}

const adminBase = (ctx: ViewContext) => `/${ctx.locale}/admin/newsletter`;
const editionHref = (ctx: ViewContext, id: string) => `${adminBase(ctx)}/editions/${id}`;

function editionTitle(ctx: ViewContext, edition: Pick<Edition, 'subject'>): string {
  return pickText(edition.subject, ctx.locale)?.text ?? '';
}

function formatDateTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
    date,
  );
}

export function NewsletterOverviewPage({
  ctx,
  nav,
  overview,
}: Omit<AdminPageProps, 'csrfToken'> & { overview: NewsletterOverview }) {
  const { t, locale } = ctx;
  const total = Object.values(overview.confirmedByLocale).reduce((a, b) => a + b, 0);
  return (
    <AdminLayout ctx={ctx} title={t('newsletter.admin.title')} nav={nav}>
      <h1>{t('newsletter.admin.title')}</h1>
      <section aria-labelledby="subscribers-heading">
        <h2 id="subscribers-heading">{t('newsletter.admin.subscribers', { count: total })}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('newsletter.admin.language')}</th>
              <th scope="col">{t('newsletter.admin.confirmed')}</th>
            </tr>
          </thead>
          <tbody>
            {LOCALES.map((l) => (
              <tr key={l}>
                <th scope="row" lang={l} dir={dirOf(l)}>
                  {LOCALE_NAMES[l]}
                </th>
                <td>{formatNumber(overview.confirmedByLocale[l] ?? 0, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="editions-heading">
        <h2 id="editions-heading">{t('newsletter.admin.editions')}</h2>
        <p>
          <a class="button" href={`${adminBase(ctx)}/editions/new`}>
            {t('newsletter.admin.newEdition')}
          </a>
        </p>
        {overview.editions.length === 0 ? (
          <p>{t('newsletter.admin.noEditions')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('newsletter.admin.subject')}</th>
                <th scope="col">{t('newsletter.admin.status')}</th>
                <th scope="col">{t('newsletter.admin.created')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.editions.map((e) => (
                <tr key={e.id}>
                  <td>
                    <a href={editionHref(ctx, e.id)}>{editionTitle(ctx, e)}</a>
                  </td>
                  <td>
                    {e.status === 'draft'
                      ? t('newsletter.admin.status.draft')
                      : t('newsletter.admin.status.queued', { count: e.recipientCount ?? 0 })}
                  </td>
                  <td>{formatDateTime(e.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </AdminLayout>
  );
}

/** The form's values for an edition (or nothing for a new one). */
export function editionFormValues(edition: Edition | undefined): FormState['values'] {
  if (!edition) return {};
  const values: FormState['values'] = { locales: edition.segmentLocales, themes: edition.segmentThemeIds };
  for (const l of LOCALES) {
    values[`subject_${l}`] = edition.subject[l] ?? '';
    values[`body_${l}`] = edition.body[l] ?? '';
  }
  return values;
}

function EditionForm({
  ctx,
  csrfToken,
  themes,
  form,
  action,
}: {
  ctx: ViewContext;
  csrfToken: string;
  themes: NewsletterTheme[];
  form: FormState;
  action: string;
}) {
  const { t, locale } = ctx;
  const subject: Partial<Record<Locale, string>> = {};
  for (const l of LOCALES) {
    const value = form.values[`subject_${l}`];
    if (typeof value === 'string') subject[l] = value;
  }
  const missing = missingLocales(subject);
  const labels: Record<string, string> = {
    locales: t('newsletter.admin.segmentLanguages'),
    themes: t('newsletter.admin.segmentThemes'),
  };
  for (const l of LOCALES) {
    labels[`subject_${l}`] = `${t('newsletter.admin.subject')} (${languageName(l, locale)})`;
    labels[`body_${l}`] = `${t('newsletter.admin.body')} (${languageName(l, locale)})`;
  }
  return (
    <>
      <ErrorSummary t={t} form={form} labels={labels} />
      <form method="post" action={action} novalidate>
        <CsrfField token={csrfToken} />
        <p class="hint">{t('newsletter.admin.languagesHint')}</p>
        {missing.length > 0 && missing.length < LOCALES.length ? (
          <p class="notice">
            {t('newsletter.admin.missing', {
              languages: missing.map((l) => languageName(l, locale)).join(', '),
            })}
          </p>
        ) : null}
        <div class="side-by-side">
          {LOCALES.map((l) => (
            <fieldset key={l} lang={l} dir={dirOf(l)}>
              <legend>{LOCALE_NAMES[l]}</legend>
              <TextField
                t={t}
                form={form}
                name={`subject_${l}`}
                label={labels[`subject_${l}`]!}
                maxLength={200}
                lang={l}
                dir={dirOf(l)}
              />
              <TextArea
                t={t}
                form={form}
                name={`body_${l}`}
                label={labels[`body_${l}`]!}
                rows={10}
                lang={l}
                dir={dirOf(l)}
              />
            </fieldset>
          ))}
        </div>
        <h2>{t('newsletter.admin.segment')}</h2>
        <p class="hint">{t('newsletter.admin.segmentHint')}</p>
        <CheckboxGroup
          t={t}
          form={form}
          name="locales"
          legend={labels.locales!}
          options={LOCALES.map((l) => ({ value: l, label: languageName(l, locale) }))}
        />
        {themes.length > 0 ? (
          <CheckboxGroup
            t={t}
            form={form}
            name="themes"
            legend={labels.themes!}
            options={themes.map((theme) => ({ value: theme.id, label: textOf(ctx, theme.title) }))}
          />
        ) : null}
        <button type="submit">{t('newsletter.admin.save')}</button>
      </form>
    </>
  );
}

export function NewEditionPage({
  ctx,
  nav,
  csrfToken,
  themes,
  form,
}: AdminPageProps & { themes: NewsletterTheme[]; form: FormState }) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('newsletter.admin.newEdition')} nav={nav}>
      <h1>{t('newsletter.admin.newEdition')}</h1>
      <EditionForm
        ctx={ctx}
        csrfToken={csrfToken}
        themes={themes}
        form={form}
        action={`${adminBase(ctx)}/editions`}
      />
    </AdminLayout>
  );
}

function PreviewLinks({ ctx, edition }: { ctx: ViewContext; edition: Edition }) {
  const { t } = ctx;
  return (
    <nav aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t('newsletter.admin.preview')}</h2>
      <ul class="nav-list">
        {LOCALES.map((l) => (
          <li key={l}>
            <a href={`${editionHref(ctx, edition.id)}/preview?as=${l}`} lang={l} dir={dirOf(l)}>
              {LOCALE_NAMES[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function EditionPage({
  ctx,
  nav,
  csrfToken,
  detail,
  form,
  saved = false,
  autoRefresh = false,
}: AdminPageProps & { detail: EditionDetail; form: FormState; saved?: boolean; autoRefresh?: boolean }) {
  const { t, locale } = ctx;
  const { edition, progress } = detail;
  const title = editionTitle(ctx, edition) || t('newsletter.admin.edition');
  return (
    <AdminLayout ctx={ctx} title={title} nav={nav}>
      <p>
        <a href={adminBase(ctx)}>{t('newsletter.admin.back')}</a>
      </p>
      <h1>{title}</h1>
      {saved ? (
        <p class="notice" role="status">
          {t('newsletter.admin.saved')}
        </p>
      ) : null}
      {progress ? (
        <section aria-labelledby="progress-heading">
          <h2 id="progress-heading">{t('newsletter.admin.progress')}</h2>
          <p>
            {t('newsletter.admin.queuedAt', {
              date: formatDateTime(edition.queuedAt!, locale),
              count: detail.recipients,
            })}
          </p>
          <dl class="progress" id="edition-progress">
            <dt>{t('newsletter.admin.progress.queued')}</dt>
            <dd data-count="queued">{formatNumber(progress.queued, locale)}</dd>
            <dt>{t('newsletter.admin.progress.sent')}</dt>
            <dd data-count="sent">{formatNumber(progress.sent, locale)}</dd>
            <dt>{t('newsletter.admin.progress.failed')}</dt>
            <dd data-count="failed">{formatNumber(progress.failed, locale)}</dd>
            {progress.held > 0 ? (
              <>
                <dt>{t('newsletter.admin.progress.held')}</dt>
                <dd data-count="held">{formatNumber(progress.held, locale)}</dd>
              </>
            ) : null}
          </dl>
          {progress.queued > 0 ? (
            autoRefresh ? (
              <p>
                {t('newsletter.admin.autoRefresh')}{' '}
                <a href={`${editionHref(ctx, edition.id)}?auto=0`}>{t('newsletter.admin.stopRefresh')}</a>
              </p>
            ) : (
              <p>
                <a href={editionHref(ctx, edition.id)}>{t('newsletter.admin.refresh')}</a>
              </p>
            )
          ) : (
            <p>{t('newsletter.admin.done')}</p>
          )}
        </section>
      ) : (
        <>
          <p class="recipients">{t('newsletter.admin.recipients', { count: detail.recipients })}</p>
          {detail.recipients > 0 ? (
            <p>
              <a class="button" href={`${editionHref(ctx, edition.id)}/send`}>
                {t('newsletter.admin.sendEllipsis')}
              </a>
            </p>
          ) : null}
        </>
      )}
      <PreviewLinks ctx={ctx} edition={edition} />
      {edition.status === 'draft' ? (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t('newsletter.admin.edit')}</h2>
          <EditionForm
            ctx={ctx}
            csrfToken={csrfToken}
            themes={detail.themes}
            form={form}
            action={editionHref(ctx, edition.id)}
          />
        </section>
      ) : null}
    </AdminLayout>
  );
}

export function PreviewPage({
  ctx,
  nav,
  edition,
  mail,
  text,
}: Omit<AdminPageProps, 'csrfToken'> & { edition: Edition; mail: EditionMailProps; text: string }) {
  const { t, locale } = ctx;
  const title = t('newsletter.admin.previewAs', { language: languageName(mail.subscriberLocale, locale) });
  return (
    <AdminLayout ctx={ctx} title={title} nav={nav}>
      <p>
        <a href={editionHref(ctx, edition.id)}>{t('newsletter.admin.backToEdition')}</a>
      </p>
      <h1>{title}</h1>
      <PreviewLinks ctx={ctx} edition={edition} />
      <section aria-labelledby="preview-subject" class="mail-preview">
        <h2 id="preview-subject">
          {t('newsletter.admin.subject')}:{' '}
          <span lang={mail.contentLocale} dir={dirOf(mail.contentLocale)}>
            {mail.subject}
          </span>
        </h2>
        <div lang={mail.subscriberLocale} dir={dirOf(mail.subscriberLocale)}>
          <EditionMailContent {...mail} headingLevel={3} />
        </div>
      </section>
      <section aria-labelledby="preview-text">
        <h2 id="preview-text">{t('newsletter.admin.textVersion')}</h2>
        <pre lang={mail.subscriberLocale} dir={dirOf(mail.subscriberLocale)}>
          {text}
        </pre>
      </section>
    </AdminLayout>
  );
}

export function SendPage({ ctx, nav, csrfToken, detail }: AdminPageProps & { detail: EditionDetail }) {
  const { t } = ctx;
  const { edition } = detail;
  const title = t('newsletter.admin.sendTitle');
  return (
    <AdminLayout ctx={ctx} title={title} nav={nav}>
      <h1>{title}</h1>
      <p>
        {t('newsletter.admin.sendQuestion', {
          subject: editionTitle(ctx, edition),
          count: detail.recipients,
        })}
      </p>
      <p>{t('newsletter.admin.sendWarning')}</p>
      <form method="post" action={`${editionHref(ctx, edition.id)}/send`}>
        <CsrfField token={csrfToken} />
        <button type="submit">{t('newsletter.admin.send', { count: detail.recipients })}</button>
      </form>
      <p>
        <a href={editionHref(ctx, edition.id)}>{t('newsletter.admin.cancel')}</a>
      </p>
    </AdminLayout>
  );
}
