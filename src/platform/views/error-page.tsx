import { Layout } from './layout';
import type { ViewContext } from './view-context';

/** 400, 403, 404, 429 and 500 pages, in the visitor's language, with a way back. */
export function ErrorPage({ ctx, status, message }: { ctx: ViewContext; status: number; message: string }) {
  const { t, locale } = ctx;
  const title = t('errors.title', { status });
  return (
    <Layout ctx={ctx} title={title} noindex>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href={`/${locale}/`}>{t('errors.backHome')}</a>
      </p>
    </Layout>
  );
}
