import { formatNumber } from '../../../../platform/i18n/format';
import { LOCALE_NAMES, LOCALES } from '../../../../platform/i18n/locales';
import { pickText } from '../../../../platform/i18n/localized-text';
import { CsrfField, SelectField, TextField, type FormState } from '../../../../platform/views/forms';
import { documentKind } from '../../conversations.tables';
import type {
  DocumentFileInfo,
  DocumentListRow,
  DocumentRow,
  SeriesRow,
  SessionListRow,
} from '../../conversations.admin.types';
import {
  AdminForm,
  AdminFormPage,
  AdminListPage,
  adminBase,
  LocalizedFieldset,
  PublishedBadge,
  TextIn,
  type AdminView,
} from './parts';

export function DocumentListPage({ view, list }: { view: AdminView; list: DocumentListRow[] }) {
  const { ctx } = view;
  const { t } = ctx;
  const base = adminBase(ctx);
  return (
    <AdminListPage
      view={view}
      title={t('admin.document.heading')}
      newHref={`${base}/documents/new`}
      newLabel={t('admin.document.new')}
      empty={list.length === 0}
    >
      <ul class="admin-list">
        {list.map(({ document: d, sessionNumber }) => (
          <li key={d.id}>
            <a href={`${base}/documents/${d.id}`}>
              {d.symbol} — <TextIn ctx={ctx} text={d.title} />
            </a>{' '}
            {sessionNumber !== null ? <span>({t('session.number', { number: sessionNumber })})</span> : null}{' '}
            <PublishedBadge ctx={ctx} isPublished={d.isPublished} />
          </li>
        ))}
      </ul>
    </AdminListPage>
  );
}

export function documentLabels(view: AdminView): Record<string, string> {
  const { t } = view.ctx;
  return {
    seriesId: t('admin.field.series'),
    sessionId: t('admin.field.session'),
    symbol: t('admin.field.symbol'),
    kind: t('admin.field.documentKind'),
    publishedOn: t('admin.field.publishedOn'),
    title: t('admin.field.title'),
  };
}

export function DocumentFormPage({
  view,
  form,
  series,
  sessions,
  document,
  files = [],
  upload,
  done,
}: {
  view: AdminView;
  form: FormState;
  series: SeriesRow[];
  sessions: SessionListRow[];
  document?: DocumentRow;
  files?: DocumentFileInfo[];
  /** The upload form's state, when it was just refused. */
  upload?: FormState;
  done?: string;
}) {
  const { ctx } = view;
  const { t } = ctx;
  const base = adminBase(ctx);
  const labels = documentLabels(view);
  const action = document ? `${base}/documents/${document.id}` : `${base}/documents`;
  const text = (v: SeriesRow['title']) => pickText(v, ctx.locale)?.text ?? t('admin.untitled');
  return (
    <AdminFormPage
      view={view}
      title={document ? t('admin.document.edit') : t('admin.document.new')}
      form={form}
      labels={labels}
      action={action}
      done={done}
      isPublished={document?.isPublished}
      previewHref={document ? `${action}/preview` : undefined}
      before={
        document ? (
          <FilesSection
            view={view}
            document={document}
            files={files}
            upload={upload ?? { values: {}, errors: {} }}
          />
        ) : null
      }
    >
      <SelectField
        t={t}
        form={form}
        name="seriesId"
        label={labels.seriesId!}
        required
        options={series.map((s) => ({ value: s.id, label: text(s.title) }))}
      />
      <SelectField
        t={t}
        form={form}
        name="sessionId"
        label={labels.sessionId!}
        blank={t('admin.none')}
        options={sessions.map(({ session, seriesTitle }) => ({
          value: session.id,
          label: `${text(seriesTitle)}: ${t('session.number', { number: session.number })}`,
        }))}
      />
      <TextField
        t={t}
        form={form}
        name="symbol"
        label={labels.symbol!}
        hint={t('admin.hint.symbol')}
        required
      />
      <SelectField
        t={t}
        form={form}
        name="kind"
        label={labels.kind!}
        required
        options={documentKind.enumValues.map((k) => ({ value: k, label: t(`documents.kind.${k}`) }))}
      />
      <TextField t={t} form={form} name="publishedOn" label={labels.publishedOn!} type="date" required />
      <LocalizedFieldset ctx={ctx} form={form} name="title" label={labels.title!} required />
    </AdminFormPage>
  );
}

function FilesSection({
  view,
  document,
  files,
  upload,
}: {
  view: AdminView;
  document: DocumentRow;
  files: DocumentFileInfo[];
  upload: FormState;
}) {
  const { ctx } = view;
  const { t } = ctx;
  const base = `${adminBase(ctx)}/documents/${document.id}`;
  const labels = { locale: t('admin.field.fileLocale'), file: t('admin.field.file') };
  const kb = (bytes: number) => formatNumber(Math.max(1, Math.round(bytes / 1024)), ctx.locale);
  return (
    <section aria-labelledby="files-heading">
      <h2 id="files-heading">{t('admin.file.heading')}</h2>
      {files.length === 0 ? <p>{t('admin.file.none')}</p> : null}
      <ul class="admin-list">
        {files.map((f) => (
          <li key={f.id}>
            <span lang={f.locale}>{LOCALE_NAMES[f.locale as keyof typeof LOCALE_NAMES]}</span>:{' '}
            <a href={`${base}/files/${f.locale}`}>{f.fileName}</a> (
            {t('admin.file.size', { kb: kb(f.byteSize) })})
            <form method="post" action={`${base}/files/${f.locale}/delete`} class="inline-form">
              <CsrfField token={view.csrfToken} />
              <button type="submit" class="button secondary">
                {t('admin.file.remove', { fileName: f.fileName })}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <h3>{t('admin.file.upload')}</h3>
      <AdminForm
        view={view}
        form={upload}
        labels={labels}
        action={`${base}/files`}
        submit={t('admin.file.uploadButton')}
        multipart
      >
        <SelectField
          t={t}
          form={upload}
          name="locale"
          label={labels.locale}
          required
          options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
        />
        <FileInput view={view} form={upload} label={labels.file} />
      </AdminForm>
    </section>
  );
}

function FileInput({ view, form, label }: { view: AdminView; form: FormState; label: string }) {
  const { t } = view.ctx;
  const error = form.errors.file;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for="field-file">{label}</label>
      <p class="hint" id="hint-file">
        {t('admin.hint.file', { mb: formatNumber(view.maxUploadMb, view.ctx.locale) })}
      </p>
      {error ? (
        <p class="error-message" id="error-file">
          {t(error as Parameters<typeof t>[0])}
        </p>
      ) : null}
      <input
        id="field-file"
        name="file"
        type="file"
        required
        accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'hint-file error-file' : 'hint-file'}
      />
    </div>
  );
}
