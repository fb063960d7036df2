import { formatDate, formatNumber } from '../../../platform/i18n/format';
import { dirOf, LOCALE_NAMES, LOCALES, type Locale } from '../../../platform/i18n/locales';
import { Localized } from '../../../platform/views/localized';
import type { ViewContext } from '../../../platform/views/view-context';
import type { DocumentListing } from '../conversations.types';

export function documentFileHref(locale: Locale, documentId: string, fileLocale: string): string {
  return `/${locale}/documents/${documentId}/${fileLocale}`;
}

/** Where a language version is downloaded: the public route, or the back office's in a preview. */
export type FileHref = (locale: Locale, documentId: string, fileLocale: string) => string;

/** Documents with symbol, title, date and every language version as a download link. */
export function DocumentTable({
  ctx,
  documents,
  showSession,
  fileHref = documentFileHref,
}: {
  ctx: ViewContext;
  documents: DocumentListing[];
  showSession: boolean;
  fileHref?: FileHref;
}) {
  const { t, locale } = ctx;
  // Labels every row repeats, translated once.
  const label = {
    symbol: t('documents.symbol'),
    title: t('documents.title'),
    session: t('documents.session'),
    date: t('documents.date'),
    versions: t('documents.versions'),
  };
  return (
    // A region that may scroll sideways on a phone: focusable so keyboards can scroll it too.
    <div class="table-scroll" role="region" aria-label={t('documents.caption')} tabIndex={0}>
      <table class="documents">
        <caption class="visually-hidden">{t('documents.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{label.symbol}</th>
            <th scope="col">{label.title}</th>
            {showSession ? <th scope="col">{label.session}</th> : null}
            <th scope="col">{label.date}</th>
            <th scope="col">{label.versions}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map(({ document, session, files }) => {
            const ordered = inUnOrder(files);
            return (
              <tr key={document.id}>
                <td class="symbol" dir="ltr" data-label={label.symbol}>
                  {document.symbol}
                </td>
                <td data-label={label.title}>
                  <span>
                    <span class="doc-kind">{t(`documents.kind.${document.kind}`)}</span>{' '}
                    {Localized({ ctx, text: document.title })}
                  </span>
                </td>
                {showSession ? (
                  <td data-label={label.session}>
                    {session ? t('session.number', { number: session.number }) : '—'}
                  </td>
                ) : null}
                <td data-label={label.date}>
                  <time dateTime={document.publishedOn}>
                    {formatDate(new Date(`${document.publishedOn}T12:00:00Z`), locale, 'UTC')}
                  </time>
                </td>
                <td data-label={label.versions}>
                  <ul class="versions">
                    {ordered.map((f) => {
                      const fileLocale = f.locale as Locale;
                      return (
                        <li key={f.locale}>
                          <a
                            href={fileHref(locale, document.id, f.locale)}
                            hrefLang={f.locale}
                            type={f.mediaType}
                          >
                            <span lang={f.locale} dir={dirOf(f.locale)}>
                              {f.locale.toUpperCase()}
                            </span>
                            {/* The full name for screen readers, after the visible code so the
                                link's name starts with what is seen (WCAG 2.5.3). */}
                            <span class="visually-hidden">
                              {' '}
                              {t('documents.download', {
                                language: LOCALE_NAMES[fileLocale] ?? f.locale,
                                symbol: document.symbol,
                                size: formatNumber(Math.max(1, Math.round(f.byteSize / 1024)), locale),
                              })}
                            </span>
                          </a>
                        </li>
                      );
                    })}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Language versions in the UN's order of the six languages; most lists come in that order already. */
function inUnOrder<F extends { locale: string }>(files: F[]): F[] {
  const rank = (f: F) => LOCALES.indexOf(f.locale as Locale);
  for (let i = 1; i < files.length; i++) {
    if (rank(files[i - 1]!) > rank(files[i]!)) return [...files].sort((a, b) => rank(a) - rank(b));
  }
  return files;
}
