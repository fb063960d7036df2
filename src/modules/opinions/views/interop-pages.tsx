import type { MessageKey } from '../../../platform/i18n/t';
import { formatNumber } from '../../../platform/i18n/format';
import { pickText } from '../../../platform/i18n/localized-text';
import { AdminLayout, type AdminNavLink } from '../../../platform/views/admin-layout';
import { CsrfField, TextArea, TextField, type FormState } from '../../../platform/views/forms';
import type { ViewContext } from '../../../platform/views/view-context';
import {
  EXPORT_FILES,
  IMPORT_FILES,
  IMPORT_MAX_BYTES,
  type ImportFile,
  type MathStatus,
  type Problem,
} from '../service/interop';

interface InteropPageProps {
  ctx: ViewContext;
  nav: AdminNavLink[];
  csrfToken: string;
}

/** The import form's state: text values kept, problems with their parameters (line numbers). */
export interface ImportFormState {
  values: Record<string, unknown>;
  errors: Record<string, Problem>;
}

const base = (ctx: ViewContext) => `/${ctx.locale}/admin/opinions`;

const FILE_LABEL: Record<ImportFile, MessageKey> = {
  comments: 'opinions.interop.import.comments',
  votes: 'opinions.interop.import.votes',
  participantsVotes: 'opinions.interop.import.participantsVotes',
};
const FILE_HINT: Record<ImportFile, MessageKey> = {
  comments: 'opinions.interop.import.commentsHint',
  votes: 'opinions.interop.import.votesHint',
  participantsVotes: 'opinions.interop.import.participantsVotesHint',
};
const FIELD_LABEL: Record<string, MessageKey> = {
  title: 'opinions.interop.import.mapTitle',
  slug: 'opinions.interop.import.slug',
  language: 'opinions.interop.import.language',
  attribution: 'opinions.interop.import.attribution',
  ...FILE_LABEL,
};
const TEXT_FIELDS: { name: string; hint: MessageKey; maxLength: number; dir?: 'ltr' }[] = [
  { name: 'title', hint: 'opinions.interop.import.mapTitleHint', maxLength: 300 },
  { name: 'slug', hint: 'opinions.interop.import.slugHint', maxLength: 100, dir: 'ltr' },
  { name: 'language', hint: 'opinions.interop.import.languageHint', maxLength: 35, dir: 'ltr' },
];
/** The order of the fields on the page, for the list of problems. */
const FIELD_ORDER = ['title', 'slug', 'language', 'attribution', ...IMPORT_FILES];

/** /{locale}/admin/opinions/import: upload pol.is open data files as a new opinion map. */
export function ImportPage({ ctx, nav, csrfToken, form }: InteropPageProps & { form: ImportFormState }) {
  const { t } = ctx;
  const title = t('opinions.interop.import.title');
  // Problems of the files carry parameters (line numbers), so they are translated here; those of
  // the text fields are plain message keys, which the platform's fields translate themselves.
  const messages = Object.fromEntries(
    Object.entries(form.errors).map(([field, p]) => [field, t(p.key, p.params)]),
  );
  const textForm: FormState = {
    values: form.values,
    errors: Object.fromEntries(Object.entries(form.errors).map(([field, p]) => [field, p.key])),
  };
  const problems = FIELD_ORDER.filter((field) => messages[field]);
  return (
    <AdminLayout ctx={ctx} title={title} nav={nav}>
      <p class="breadcrumb">
        <a href={base(ctx)}>{t('opinions.admin.nav')}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('opinions.interop.import.intro')}</p>
      <form method="post" action={`${base(ctx)}/import`} enctype="multipart/form-data" novalidate>
        {problems.length > 0 ? (
          <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">{t('forms.errorSummary', { count: problems.length })}</h2>
            <ul>
              {problems.map((field) => (
                <li key={field}>
                  <a href={`#field-${field}`}>
                    {t(FIELD_LABEL[field]!)}: {messages[field]}
                  </a>
                </li>
              ))}
            </ul>
            {IMPORT_FILES.some((f) => !messages[f]) ? (
              <p>{t('opinions.interop.import.chooseAgain')}</p>
            ) : null}
          </div>
        ) : null}
        <CsrfField token={csrfToken} />
        {TEXT_FIELDS.map(({ name, hint, maxLength, dir }) => (
          <TextField
            key={name}
            t={t}
            form={textForm}
            name={name}
            label={t(FIELD_LABEL[name]!)}
            hint={t(hint)}
            required
            maxLength={maxLength}
            dir={dir}
          />
        ))}
        <TextArea
          t={t}
          form={textForm}
          name="attribution"
          label={t('opinions.interop.import.attribution')}
          hint={t('opinions.interop.import.attributionHint')}
          required
          rows={4}
          dir="auto"
        />
        <fieldset>
          <legend>{t('opinions.interop.import.files')}</legend>
          <p class="hint">
            {t('opinions.interop.import.filesHint', {
              mb: formatNumber(IMPORT_MAX_BYTES / 1024 / 1024, ctx.locale),
            })}
          </p>
          {IMPORT_FILES.map((name) => (
            <FileField key={name} ctx={ctx} name={name} error={messages[name]} />
          ))}
        </fieldset>
        <button type="submit" class="button">
          {t('opinions.interop.import.submit')}
        </button>
      </form>
    </AdminLayout>
  );
}

function FileField({ ctx, name, error }: { ctx: ViewContext; name: ImportFile; error?: string }) {
  const { t } = ctx;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={`field-${name}`}>
        {t(FILE_LABEL[name])}
        {name === 'comments' ? <span class="required"> ({t('forms.required')})</span> : null}
      </label>
      <p class="hint" id={`hint-${name}`}>
        {t(FILE_HINT[name])}
      </p>
      {error ? (
        <p class="error-message" id={`error-${name}`}>
          {error}
        </p>
      ) : null}
      <input
        id={`field-${name}`}
        name={name}
        type="file"
        accept=".csv,text/csv"
        required={name === 'comments'}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `hint-${name} error-${name}` : `hint-${name}`}
      />
    </div>
  );
}

export type MathNotice = { kind: 'imported' } | { kind: 'recomputed'; ms: number } | { kind: 'busy' };

/** /{locale}/admin/opinions/:mapId/math: the map's computation, its data, and the pol.is export. */
export function MathPage({
  ctx,
  nav,
  csrfToken,
  status,
  notice,
}: InteropPageProps & { status: MathStatus; notice?: MathNotice }) {
  const { t, locale } = ctx;
  const here = `${base(ctx)}/${status.map.id}`;
  const topic = pickText(status.map.topic, locale);
  const heading = topic?.text ?? status.map.slug;
  const n = (value: number) => formatNumber(value, locale);
  const when = (date: Date) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(
      date,
    ) + ' UTC';
  const result = status.result;
  return (
    <AdminLayout ctx={ctx} title={`${t('opinions.interop.math.title')} · ${heading}`} nav={nav}>
      <p class="breadcrumb">
        <a href={base(ctx)}>{t('opinions.admin.nav')}</a> › <a href={here}>{heading}</a>
      </p>
      <h1>
        <span lang={topic?.locale}>{heading}</span>
      </h1>
      {notice ? (
        <p class="notice" role="status">
          {notice.kind === 'imported'
            ? t('opinions.interop.import.done', {
                participants: status.counts.participants,
                statements: status.counts.statements,
                votes: status.counts.votes,
              })
            : notice.kind === 'recomputed'
              ? t('opinions.interop.math.recomputed', { ms: notice.ms })
              : t('opinions.interop.math.busy')}
        </p>
      ) : null}
      <h2>{t('opinions.interop.math.title')}</h2>
      <dl class="facts">
        <dt>{t('opinions.interop.math.published')}</dt>
        <dd>
          {status.map.isPublished
            ? t('opinions.interop.math.publishedYes')
            : t('opinions.interop.math.publishedNo')}
        </dd>
        {status.map.importedFrom ? (
          <>
            <dt>{t('opinions.interop.import.attribution')}</dt>
            <dd dir="auto">{status.map.importedFrom}</dd>
          </>
        ) : null}
        <dt>{t('opinions.interop.math.participants')}</dt>
        <dd>{n(status.counts.participants)}</dd>
        <dt>{t('opinions.interop.math.statements')}</dt>
        <dd>{n(status.counts.statements)}</dd>
        <dt>{t('opinions.interop.math.votes')}</dt>
        <dd>{n(status.counts.votes)}</dd>
        {result ? (
          <>
            <dt>{t('opinions.interop.math.computedAt')}</dt>
            <dd>
              <time datetime={result.computedAt.toISOString()}>{when(result.computedAt)}</time>
            </dd>
            <dt>{t('opinions.interop.math.duration')}</dt>
            <dd>{t('opinions.interop.math.ms', { ms: result.durationMs })}</dd>
            {result.groups !== undefined ? (
              <>
                <dt>{t('opinions.interop.math.groups')}</dt>
                <dd>{n(result.groups)}</dd>
              </>
            ) : null}
            <dt>{t('opinions.interop.math.votesSince')}</dt>
            <dd>{n(result.votesSince)}</dd>
          </>
        ) : null}
      </dl>
      {result ? null : <p>{t('opinions.interop.math.never')}</p>}
      <form method="post" action={`${here}/math/recompute`}>
        <CsrfField token={csrfToken} />
        <p class="hint" id="recompute-hint">
          {t('opinions.interop.math.recomputeHint')}
        </p>
        <button type="submit" class="button" aria-describedby="recompute-hint">
          {t('opinions.interop.math.recompute')}
        </button>
      </form>
      <h2>{t('opinions.interop.export.title')}</h2>
      <p>{t('opinions.interop.export.intro')}</p>
      <ul>
        {EXPORT_FILES.map((file) => (
          <li key={file}>
            <a href={`${here}/export/${file}`} download={`${status.map.slug}-${file}`}>
              {file}
            </a>
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}
