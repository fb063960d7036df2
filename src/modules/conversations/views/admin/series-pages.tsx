import { TextField, type FormState } from '../../../../platform/views/forms';
import type { SeriesRow, ThemeRow } from '../../conversations.admin.types';
import {
  AdminFormPage,
  AdminListPage,
  adminBase,
  LocalizedFieldset,
  PublishedBadge,
  TextIn,
  type AdminView,
} from './parts';

export function SeriesListPage({ view, list }: { view: AdminView; list: SeriesRow[] }) {
  const { ctx } = view;
  const { t } = ctx;
  const base = adminBase(ctx);
  return (
    <AdminListPage
      view={view}
      title={t('admin.series.heading')}
      newHref={`${base}/series/new`}
      newLabel={t('admin.series.new')}
      empty={list.length === 0}
    >
      <ul class="admin-list">
        {list.map((s) => (
          <li key={s.id}>
            <a href={`${base}/series/${s.id}`}>
              <TextIn ctx={ctx} text={s.title} />
            </a>{' '}
            <PublishedBadge ctx={ctx} isPublished={s.isPublished} />
          </li>
        ))}
      </ul>
    </AdminListPage>
  );
}

export function seriesLabels(view: AdminView): Record<string, string> {
  const { t } = view.ctx;
  return {
    slug: t('admin.field.slug'),
    title: t('admin.field.title'),
    shortTitle: t('admin.field.shortTitle'),
    summary: t('admin.field.summary'),
    about: t('admin.field.about'),
    organiser: t('admin.field.organiser'),
  };
}

/** The form of a new series, or of one to edit with its themes and its publication. */
export function SeriesFormPage({
  view,
  form,
  series,
  themes = [],
  done,
}: {
  view: AdminView;
  form: FormState;
  series?: SeriesRow;
  themes?: ThemeRow[];
  done?: string;
}) {
  const { ctx } = view;
  const { t } = ctx;
  const base = adminBase(ctx);
  const labels = seriesLabels(view);
  const action = series ? `${base}/series/${series.id}` : `${base}/series`;
  return (
    <AdminFormPage
      view={view}
      title={series ? t('admin.series.edit') : t('admin.series.new')}
      form={form}
      labels={labels}
      action={action}
      done={done}
      isPublished={series?.isPublished}
      previewHref={series ? `${action}/preview` : undefined}
      after={series ? <ThemeList view={view} series={series} themes={themes} /> : null}
    >
      <TextField t={t} form={form} name="slug" label={labels.slug!} hint={t('admin.hint.slug')} required />
      <LocalizedFieldset ctx={ctx} form={form} name="title" label={labels.title!} required />
      <LocalizedFieldset ctx={ctx} form={form} name="shortTitle" label={labels.shortTitle!} />
      <LocalizedFieldset ctx={ctx} form={form} name="summary" label={labels.summary!} multiline />
      <LocalizedFieldset ctx={ctx} form={form} name="about" label={labels.about!} multiline />
      <LocalizedFieldset ctx={ctx} form={form} name="organiser" label={labels.organiser!} />
    </AdminFormPage>
  );
}

function ThemeList({ view, series, themes }: { view: AdminView; series: SeriesRow; themes: ThemeRow[] }) {
  const { ctx } = view;
  const { t } = ctx;
  const base = adminBase(ctx);
  return (
    <section aria-labelledby="themes-heading">
      <h2 id="themes-heading">{t('admin.theme.heading')}</h2>
      <ul class="admin-list">
        {themes.map((theme) => (
          <li key={theme.id}>
            <a href={`${base}/series/themes/${theme.id}`}>
              <TextIn ctx={ctx} text={theme.title} />
            </a>
          </li>
        ))}
      </ul>
      <p>
        <a class="button secondary" href={`${base}/series/${series.id}/themes/new`}>
          {t('admin.theme.new')}
        </a>
      </p>
    </section>
  );
}

export function ThemeFormPage({
  view,
  form,
  series,
  theme,
  done,
}: {
  view: AdminView;
  form: FormState;
  series: SeriesRow;
  theme?: ThemeRow;
  done?: string;
}) {
  const { ctx } = view;
  const { t } = ctx;
  const base = adminBase(ctx);
  const labels = {
    slug: t('admin.field.slug'),
    position: t('admin.field.position'),
    title: t('admin.field.title'),
    description: t('admin.field.description'),
  };
  const action = theme ? `${base}/series/themes/${theme.id}` : `${base}/series/${series.id}/themes`;
  return (
    <AdminFormPage
      view={view}
      title={theme ? t('admin.theme.edit') : t('admin.theme.new')}
      form={form}
      labels={labels}
      action={action}
      done={done}
      up={{ href: `${base}/series/${series.id}`, label: <TextIn ctx={ctx} text={series.title} /> }}
      previewHref={theme ? `${action}/preview` : undefined}
    >
      <TextField t={t} form={form} name="slug" label={labels.slug} hint={t('admin.hint.slug')} required />
      <TextField
        t={t}
        form={form}
        name="position"
        label={labels.position}
        type="number"
        inputMode="numeric"
      />
      <LocalizedFieldset ctx={ctx} form={form} name="title" label={labels.title} required />
      <LocalizedFieldset ctx={ctx} form={form} name="description" label={labels.description} multiline />
    </AdminFormPage>
  );
}
