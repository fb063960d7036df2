import type { ComponentChildren } from 'preact';
import { languageName } from '../../../../platform/i18n/format';
import { dirOf, LOCALE_NAMES, LOCALES, type Locale } from '../../../../platform/i18n/locales';
import { missingLocales, pickText, type LocalizedText } from '../../../../platform/i18n/localized-text';
import type { MessageKey } from '../../../../platform/i18n/t';
import { AdminLayout, type AdminNavLink } from '../../../../platform/views/admin-layout';
import { CsrfField, ErrorSummary, type FormState } from '../../../../platform/views/forms';
import type { ViewContext } from '../../../../platform/views/view-context';
import { localizedOf } from '../../conversations.admin.schema';

/** What every back office page of this module renders with. */
export interface AdminView {
  ctx: ViewContext;
  nav: AdminNavLink[];
  csrfToken: string;
  /** UPLOAD_MAX_BYTES in megabytes, for the upload form's hint. */
  maxUploadMb: number;
}

export const adminBase = (ctx: ViewContext) => `/${ctx.locale}/admin`;

export function AdminPage({
  view,
  title,
  children,
}: {
  view: AdminView;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <AdminLayout ctx={view.ctx} title={title} nav={view.nav}>
      <h1>{title}</h1>
      {children}
    </AdminLayout>
  );
}

/** A saved-or-not form: the summary of problems first, the CSRF token, then the fields. */
export function AdminForm({
  view,
  form,
  labels,
  action,
  submit,
  multipart,
  children,
}: {
  view: AdminView;
  form: FormState;
  labels: Record<string, string>;
  action: string;
  submit: string;
  multipart?: boolean;
  children: ComponentChildren;
}) {
  return (
    <form method="post" action={action} enctype={multipart ? 'multipart/form-data' : undefined} novalidate>
      <ErrorSummary t={view.ctx.t} form={form} labels={labels} />
      <CsrfField token={view.csrfToken} />
      {children}
      <button type="submit" class="button">
        {submit}
      </button>
    </form>
  );
}

/** The languages of `locales` named in the viewer's language, as a list ("Arabic, Chinese and Russian"). */
export function languageList(ctx: ViewContext, locales: readonly Locale[]): string {
  return new Intl.ListFormat(ctx.locale, { type: 'conjunction' }).format(
    locales.map((l) => languageName(l, ctx.locale)),
  );
}

/**
 * An organiser text in the six languages side by side: each box labelled with its language's own
 * name and marked with its `lang` and `dir`, and a note of the languages still missing.
 */
export function LocalizedFieldset({
  ctx,
  form,
  name,
  label,
  multiline,
  required,
}: {
  ctx: ViewContext;
  form: FormState;
  name: string;
  label: string;
  multiline?: boolean;
  required?: boolean;
}) {
  const { t } = ctx;
  const error = form.errors[name];
  const missing = missingLocales(localizedOf(form.values, name));
  const noteId = `missing-${name}`;
  return (
    <fieldset
      id={`field-${name}`}
      class={error ? 'field localized-field field-error' : 'field localized-field'}
      aria-describedby={[error ? `error-${name}` : '', noteId].filter(Boolean).join(' ')}
    >
      <legend>
        {label}
        {required ? <span class="required"> ({t('forms.required')})</span> : null}
      </legend>
      {error ? (
        <p class="error-message" id={`error-${name}`}>
          {t(error as MessageKey)}
        </p>
      ) : null}
      <p class="hint missing-languages" id={noteId}>
        {missing.length === 0
          ? t('admin.languages.complete')
          : t('admin.languages.missing', { languages: languageList(ctx, missing) })}
      </p>
      <div class="localized-grid">
        {LOCALES.map((l) => {
          const field = `${name}_${l}`;
          const value = form.values[field];
          const shown = typeof value === 'string' ? value : '';
          return (
            <div class="localized-box" key={l}>
              <label for={`field-${field}`} lang={l} dir={dirOf(l)}>
                {LOCALE_NAMES[l]}
              </label>
              {multiline ? (
                <textarea id={`field-${field}`} name={field} lang={l} dir={dirOf(l)} rows={4}>
                  {shown}
                </textarea>
              ) : (
                <input id={`field-${field}`} name={field} type="text" lang={l} dir={dirOf(l)} value={shown} />
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** A text in the viewer's language for lists (marked with its own language when it falls back). */
export function TextIn({ ctx, text }: { ctx: ViewContext; text: LocalizedText | null | undefined }) {
  const picked = pickText(text, ctx.locale);
  if (!picked) return <span>{ctx.t('admin.untitled')}</span>;
  return (
    <span lang={picked.locale} dir={dirOf(picked.locale)}>
      {picked.text}
    </span>
  );
}

export function PublishedBadge({ ctx, isPublished }: { ctx: ViewContext; isPublished: boolean }) {
  return (
    <span class={isPublished ? 'badge status-published' : 'badge status-draft'}>
      {ctx.t(isPublished ? 'admin.status.published' : 'admin.status.draft')}
    </span>
  );
}

/** The publish or unpublish button, as a form of its own. */
export function PublishControl({
  view,
  action,
  isPublished,
}: {
  view: AdminView;
  action: string;
  isPublished: boolean;
}) {
  const { t } = view.ctx;
  return (
    <form method="post" action={`${action}/${isPublished ? 'unpublish' : 'publish'}`} class="inline-form">
      <CsrfField token={view.csrfToken} />
      <p>
        {t('admin.status.label')}: <PublishedBadge ctx={view.ctx} isPublished={isPublished} />{' '}
        <button type="submit" class={isPublished ? 'button secondary' : 'button'}>
          {t(isPublished ? 'admin.action.unpublish' : 'admin.action.publish')}
        </button>
      </p>
    </form>
  );
}

/** A message after a change ("Saved", "Published"), from the redirect's `?done=`. */
export function DoneNotice({ ctx, done }: { ctx: ViewContext; done: string | undefined }) {
  if (!done) return null;
  return (
    <p class="notice" role="status">
      {ctx.t(`admin.done.${done}` as MessageKey)}
    </p>
  );
}

/**
 * The frame of every create/edit page: the title, a link to what the item belongs to, the notice
 * of the last change, and, once the item exists, its publish control and its preview; then the
 * form (`children` are its fields) between what comes before and after it.
 */
export function AdminFormPage({
  view,
  title,
  form,
  labels,
  action,
  done,
  up,
  isPublished,
  previewHref,
  before,
  after,
  children,
}: {
  view: AdminView;
  title: string;
  form: FormState;
  labels: Record<string, string>;
  /** Where the form posts; the publish control posts to `<action>/publish` or `/unpublish`. */
  action: string;
  done?: string;
  /** A link to the item's parent (a theme's series, an agenda item's session). */
  up?: { href: string; label: ComponentChildren };
  /** Set for a saved item that is published or not on its own (series, sessions, documents). */
  isPublished?: boolean;
  /** The public page of a saved item, previewed in any state. */
  previewHref?: string;
  before?: ComponentChildren;
  after?: ComponentChildren;
  children: ComponentChildren;
}) {
  const { t } = view.ctx;
  return (
    <AdminPage view={view} title={title}>
      {up ? (
        <p>
          <a href={up.href}>{up.label}</a>
        </p>
      ) : null}
      <DoneNotice ctx={view.ctx} done={done} />
      {isPublished !== undefined ? (
        <PublishControl view={view} action={action} isPublished={isPublished} />
      ) : null}
      {previewHref ? (
        <p>
          <a href={previewHref}>{t('admin.action.preview')}</a>
        </p>
      ) : null}
      {before}
      <AdminForm view={view} form={form} labels={labels} action={action} submit={t('admin.action.save')}>
        {children}
      </AdminForm>
      {after}
    </AdminPage>
  );
}

/**
 * A back office list page: the title, the button that makes a new item, then the list, or a line
 * saying there is nothing yet.
 */
export function AdminListPage({
  view,
  title,
  newHref,
  newLabel,
  empty,
  children,
}: {
  view: AdminView;
  title: string;
  newHref: string;
  newLabel: string;
  empty: boolean;
  children: ComponentChildren;
}) {
  return (
    <AdminPage view={view} title={title}>
      <p>
        <a class="button" href={newHref}>
          {newLabel}
        </a>
      </p>
      {empty ? <p>{view.ctx.t('admin.empty')}</p> : children}
    </AdminPage>
  );
}
