import type { ComponentChildren } from 'preact';
import { dirOf, LOCALE_NAMES, LOCALES } from '../i18n/locales';
import type { PagePreview, ViewContext } from './view-context';

export interface LayoutProps {
  ctx: ViewContext;
  title: string;
  description?: string;
  /** Main navigation entry to mark as the current page. */
  current?: 'home' | 'documents' | 'speakers' | 'account';
  /** Error pages: no canonical link or language alternates, and search engines keep out. */
  noindex?: boolean;
  children: ComponentChildren;
}

/** The page frame: skip link, header with navigation and languages, main landmark, footer. */
export function Layout({
  ctx,
  title,
  description,
  current,
  noindex: notIndexed = false,
  children,
}: LayoutProps) {
  const { t, locale, path, preview } = ctx;
  const noindex = notIndexed || preview !== undefined;
  const siteName = t('site.name');
  const home = `/${locale}/`;
  const navItem = (key: NonNullable<LayoutProps['current']>, href: string, label: string) => (
    <li>
      <a href={href} aria-current={current === key ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <html lang={locale} dir={dirOf(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === siteName ? siteName : `${title} · ${siteName}`}</title>
        {description ? <meta name="description" content={description} /> : null}
        {/* No favicon yet: an empty data URL keeps browsers from asking for /favicon.ico. */}
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={ctx.assets.css} />
        <link
          rel="alternate"
          type="application/atom+xml"
          title={t('feed.title')}
          href={`/${locale}/feed.atom`}
        />
        {noindex ? (
          <meta name="robots" content="noindex" />
        ) : (
          <>
            <link rel="canonical" href={`${ctx.baseUrl}/${locale}${path}`} />
            {LOCALES.map((l) => (
              <link rel="alternate" hrefLang={l} href={`${ctx.baseUrl}/${l}${path}`} key={l} />
            ))}
            <link rel="alternate" hrefLang="x-default" href={`${ctx.baseUrl}/en${path}`} />
          </>
        )}
        {ctx.assets.scripts.map((src) => (
          <script src={src} defer key={src} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href={home}>
              {siteName}
            </a>
            <nav aria-label={t('layout.nav.main')}>
              <ul class="nav-list">
                {navItem('home', home, t('layout.nav.home'))}
                {navItem('documents', `/${locale}/documents`, t('layout.nav.documents'))}
                {navItem('speakers', `/${locale}/speakers`, t('layout.nav.speakers'))}
                {/* The same link for everyone, so public pages stay cacheable: /account signs a visitor in. */}
                {navItem('account', `/${locale}/account`, t('layout.nav.account'))}
              </ul>
            </nav>
            <nav aria-label={t('layout.nav.languages')} class="languages">
              <ul class="nav-list">
                {LOCALES.map((l) => (
                  <li key={l}>
                    <a
                      href={`/${l}${path}`}
                      hrefLang={l}
                      lang={l}
                      dir={dirOf(l)}
                      aria-current={l === locale ? 'true' : undefined}
                    >
                      {LOCALE_NAMES[l]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} class="wrap">
          {preview ? <PreviewBanner ctx={ctx} preview={preview} /> : null}
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <ul class="nav-list">
              <li>
                <a href={`/${locale}/feed.atom`}>{t('layout.footer.feed')}</a>
              </li>
              <li>
                <a href="/api/v1/openapi.json">{t('layout.footer.api')}</a>
              </li>
              <li>
                <a href="/sitemap.xml">{t('layout.footer.sitemap')}</a>
              </li>
            </ul>
            <p>{t('layout.footer.about')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** Tells the secretariat that this public page is a preview, and whether it is public yet. */
function PreviewBanner({ ctx, preview }: { ctx: ViewContext; preview: PagePreview }) {
  const { t } = ctx;
  return (
    <div class={preview.published ? 'preview-banner' : 'preview-banner preview-draft'}>
      <p>
        <strong>{t(preview.published ? 'layout.preview.published' : 'layout.preview.draft')}</strong>{' '}
        {t('layout.preview.languages')}
      </p>
      <p>
        <a href={preview.editHref}>{t('layout.preview.edit')}</a>
      </p>
    </div>
  );
}
