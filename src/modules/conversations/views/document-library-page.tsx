import { Layout } from '../../../platform/views/layout';
import { textOf } from '../../../platform/views/localized';
import type { ViewContext } from '../../../platform/views/view-context';
import { DOCUMENT_KINDS } from '../conversations.schema';
import type { DocumentLibrary } from '../conversations.service';
import { DocumentTable, type FileHref } from './document-table';

/** Every published document, filterable by session and kind with a plain GET form. */
export function DocumentLibraryPage({
  ctx,
  library,
  filter,
  fileHref,
}: {
  ctx: ViewContext;
  library: DocumentLibrary;
  filter: { session?: number; kind?: string };
  /** The preview links to the back office's copies (documents not yet published). */
  fileHref?: FileHref;
}) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('documents.heading')} current="documents">
      <h1>{t('documents.heading')}</h1>
      <p>{t('documents.intro', { series: textOf(ctx, library.series.title) })}</p>
      <form method="get" action={`/${locale}/documents`} class="filters">
        <div class="field">
          <label for="filter-session">{t('documents.filter.session')}</label>
          <select id="filter-session" name="session">
            <option value="">{t('documents.filter.all')}</option>
            {library.sessions.map((s) => (
              <option value={String(s.number)} selected={filter.session === s.number} key={s.id}>
                {t('session.number', { number: s.number })} — {textOf(ctx, s.title)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-kind">{t('documents.filter.kind')}</label>
          <select id="filter-kind" name="kind">
            <option value="">{t('documents.filter.all')}</option>
            {DOCUMENT_KINDS.map((kind) => (
              <option value={kind} selected={filter.kind === kind} key={kind}>
                {t(`documents.kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('documents.filter.apply')}</button>
      </form>
      <p role="status">{t('documents.count', { count: library.documents.length })}</p>
      {library.documents.length > 0 ? (
        <DocumentTable ctx={ctx} documents={library.documents} showSession fileHref={fileHref} />
      ) : null}
    </Layout>
  );
}
