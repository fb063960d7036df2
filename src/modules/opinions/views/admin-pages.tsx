import type { ComponentChildren } from 'preact';
import { formatNumber, languageName } from '../../../platform/i18n/format';
import { LOCALES } from '../../../platform/i18n/locales';
import { pickText } from '../../../platform/i18n/localized-text';
import type { MessageKey } from '../../../platform/i18n/t';
import { AdminLayout, type AdminNavLink } from '../../../platform/views/admin-layout';
import {
  CsrfField,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  type FormState,
} from '../../../platform/views/forms';
import type { ViewContext } from '../../../platform/views/view-context';
import { instantToZonedLocal, LocalizedFieldset, localizedValues } from '../../conversations';
import {
  MAX_STATEMENT_LENGTH,
  windowOf,
  type MapSession,
  type MapSummary,
  type OpinionMapRecord,
  type StatementWithCounts,
} from '../opinions.types';
import type { AdminMapData } from '../service/maps';
import { formatUtc, STATUS_LABEL, WINDOW_LABEL } from './labels';

export interface AdminView {
  ctx: ViewContext;
  nav: AdminNavLink[];
  csrfToken: string;
}

export const adminMapsPath = (ctx: ViewContext) => `/${ctx.locale}/admin/opinions`;

function Page({ view, title, children }: { view: AdminView; title: string; children: ComponentChildren }) {
  return (
    <AdminLayout ctx={view.ctx} title={title} nav={view.nav}>
      <h1>{title}</h1>
      {children}
    </AdminLayout>
  );
}

const DONE: Record<string, MessageKey> = {
  created: 'admin.done.created',
  saved: 'admin.done.saved',
  published: 'admin.done.published',
  unpublished: 'admin.done.unpublished',
  added: 'opinions.admin.done.added',
  accepted: 'opinions.admin.done.accepted',
  rejected: 'opinions.admin.done.rejected',
};

function Done({ ctx, done }: { ctx: ViewContext; done: string | undefined }) {
  if (!done || !DONE[done]) return null;
  return (
    <p class="notice" role="status">
      {ctx.t(DONE[done])}
    </p>
  );
}

const topicOf = (ctx: ViewContext, map: OpinionMapRecord) =>
  pickText(map.topic, ctx.locale)?.text ?? map.slug;

/** "ip-frontier · Session 9: Title (Europe/Zurich)": the zone is the one its times are typed in. */
function sessionLabel(ctx: ViewContext, s: MapSession): string {
  const title = pickText(s.title, ctx.locale)?.text;
  const number = ctx.t('session.number', { number: s.number });
  return `${s.seriesSlug} · ${title ? `${number}: ${title}` : number} (${s.timeZone})`;
}

/** /admin/opinions: every map with its state and counts. */
export function MapsAdminPage({ view, maps, now }: { view: AdminView; maps: MapSummary[]; now: Date }) {
  const { ctx } = view;
  const { t, locale } = ctx;
  return (
    <Page view={view} title={t('opinions.admin.title')}>
      <p>
        <a class="button" href={`${adminMapsPath(ctx)}/new`}>
          {t('opinions.admin.new')}
        </a>{' '}
        <a href={`${adminMapsPath(ctx)}/import`}>{t('opinions.admin.importLink')}</a>
      </p>
      {maps.length === 0 ? (
        <p>{t('opinions.list.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('opinions.admin.topic')}</th>
                <th scope="col">{t('admin.status.label')}</th>
                <th scope="col">{t('opinions.admin.window')}</th>
                <th scope="col">{t('opinions.admin.statements')}</th>
                <th scope="col">{t('opinions.admin.pending')}</th>
                <th scope="col">{t('opinions.admin.participants')}</th>
              </tr>
            </thead>
            <tbody>
              {maps.map((m) => (
                <tr key={m.id}>
                  <td>
                    <a href={`${adminMapsPath(ctx)}/${m.id}`}>{topicOf(ctx, m)}</a>
                    <br />
                    <span class="muted">{m.slug}</span>
                  </td>
                  <td>{t(m.isPublished ? 'admin.status.published' : 'admin.status.draft')}</td>
                  <td>{t(WINDOW_LABEL[windowOf(m, now)])}</td>
                  <td>{formatNumber(m.statements, locale)}</td>
                  <td>
                    {m.pending > 0 ? (
                      <a href={`${adminMapsPath(ctx)}/${m.id}/moderation`}>
                        {formatNumber(m.pending, locale)}
                      </a>
                    ) : (
                      formatNumber(0, locale)
                    )}
                  </td>
                  <td>{formatNumber(m.participants, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

/** A time for a datetime-local field, on the clock of `timeZone`. */
const wallClock = (d: Date | null | undefined, timeZone: string) =>
  d ? instantToZonedLocal(d, timeZone) : '';

/**
 * The zone the form's opening and closing are typed in: the chosen session's (as sent, or as
 * stored), UTC without one.
 */
const zoneOfForm = (form: FormState, sessions: MapSession[]) =>
  sessions.find((s) => s.id === form.values.sessionId)?.timeZone ?? 'UTC';

/** The map form's values from a stored map: its times on the clock of its session's zone. */
export function mapFormValues({ map, session }: Pick<AdminMapData, 'map' | 'session'>): FormState['values'] {
  const zone = session?.timeZone ?? 'UTC';
  return {
    slug: map.slug,
    ...localizedValues('topic', map.topic),
    ...localizedValues('description', map.description),
    sessionId: map.sessionId ?? '',
    moderation: map.moderation,
    allowStatements: map.allowStatements ? 'on' : '',
    publishOpenData: map.publishOpenData ? 'on' : '',
    opensAt: wallClock(map.opensAt, zone),
    closesAt: wallClock(map.closesAt, zone),
  };
}

/** A new map opens now (in UTC: it has no session yet). */
export function newMapFormValues(now: Date): FormState['values'] {
  return { moderation: 'post', allowStatements: 'on', opensAt: wallClock(now, 'UTC') };
}

function MapForm({
  view,
  form,
  sessions,
  action,
  submit,
}: {
  view: AdminView;
  form: FormState;
  sessions: MapSession[];
  action: string;
  submit: string;
}) {
  const { ctx } = view;
  const { t } = ctx;
  const labels: Record<string, string> = {
    slug: t('opinions.admin.slug'),
    topic: t('opinions.admin.topic'),
    description: t('opinions.admin.description'),
    sessionId: t('opinions.map.session'),
    moderation: t('opinions.admin.moderation'),
    opensAt: t('opinions.admin.opensAt'),
    closesAt: t('opinions.admin.closesAt'),
  };
  const on = (name: string) => form.values[name] === 'on' || form.values[name] === 'true';
  const zone = zoneOfForm(form, sessions);
  return (
    <form method="post" action={action} novalidate>
      <ErrorSummary t={t} form={form} labels={labels} />
      <CsrfField token={view.csrfToken} />
      <TextField
        t={t}
        form={form}
        name="slug"
        label={labels.slug!}
        hint={t('opinions.admin.slugHint')}
        required
      />
      <LocalizedFieldset ctx={ctx} form={form} name="topic" label={labels.topic!} required />
      <LocalizedFieldset ctx={ctx} form={form} name="description" label={labels.description!} multiline />
      <SelectField
        t={t}
        form={form}
        name="sessionId"
        label={labels.sessionId!}
        blank={t('opinions.admin.noSession')}
        options={sessions.map((s) => ({ value: s.id, label: sessionLabel(ctx, s) }))}
      />
      <SelectField
        t={t}
        form={form}
        name="moderation"
        label={labels.moderation!}
        options={[
          { value: 'post', label: t('opinions.admin.moderationPost') },
          { value: 'pre', label: t('opinions.admin.moderationPre') },
        ]}
      />
      {(
        [
          ['allowStatements', 'opinions.admin.allowStatements', undefined],
          ['publishOpenData', 'opinions.admin.publishOpenData', 'opinions.admin.publishOpenDataHint'],
        ] as const
      ).map(([name, label, hint]) => (
        <div class="checkbox" key={name}>
          <input
            type="checkbox"
            id={`field-${name}`}
            name={name}
            value="on"
            checked={on(name)}
            aria-describedby={hint ? `hint-${name}` : undefined}
          />
          <label for={`field-${name}`}>{t(label)}</label>
          {hint ? (
            <p class="hint" id={`hint-${name}`}>
              {t(hint)}
            </p>
          ) : null}
        </div>
      ))}
      <fieldset class="field">
        <legend>{t('opinions.admin.when', { zone })}</legend>
        {(
          [
            ['opensAt', 'opinions.admin.opensHint', true],
            ['closesAt', 'opinions.admin.closesHint', false],
          ] as const
        ).map(([name, hint, required]) => (
          <TextField
            key={name}
            t={t}
            form={form}
            name={name}
            type="datetime-local"
            label={labels[name]!}
            hint={t(hint, { zone })}
            required={required}
          />
        ))}
      </fieldset>
      <button type="submit">{submit}</button>
    </form>
  );
}

/** /admin/opinions/new */
export function NewMapPage({
  view,
  form,
  sessions,
}: {
  view: AdminView;
  form: FormState;
  sessions: MapSession[];
}) {
  const { t } = view.ctx;
  return (
    <Page view={view} title={t('opinions.admin.new')}>
      <MapForm
        view={view}
        form={form}
        sessions={sessions}
        action={adminMapsPath(view.ctx)}
        submit={t('opinions.admin.create')}
      />
    </Page>
  );
}

function StatementForm({
  view,
  form,
  action,
  idPrefix,
  submit,
}: {
  view: AdminView;
  form: FormState;
  action: string;
  idPrefix: string;
  submit: string;
}) {
  const { t } = view.ctx;
  // Field ids must be unique on a page with many statement forms: prefix the names' ids.
  const local: FormState = {
    values: Object.fromEntries(Object.entries(form.values).map(([k, v]) => [`${idPrefix}${k}`, v])),
    errors: Object.fromEntries(Object.entries(form.errors).map(([k, v]) => [`${idPrefix}${k}`, v])),
  };
  return (
    <form method="post" action={action} novalidate class="statement-form">
      <CsrfField token={view.csrfToken} />
      <TextArea
        t={t}
        form={local}
        name={`${idPrefix}body`}
        label={t('opinions.admin.statementText')}
        hint={t('opinions.admin.statementHint', { max: formatNumber(MAX_STATEMENT_LENGTH, view.ctx.locale) })}
        rows={2}
        dir="auto"
      />
      <SelectField
        t={t}
        form={local}
        name={`${idPrefix}language`}
        label={t('opinions.admin.language')}
        options={LOCALES.map((l) => ({ value: l, label: languageName(l, view.ctx.locale) }))}
      />
      <div class="checkbox">
        <input
          type="checkbox"
          id={`field-${idPrefix}isMeta`}
          name={`${idPrefix}isMeta`}
          value="on"
          checked={local.values[`${idPrefix}isMeta`] === 'on'}
        />
        <label for={`field-${idPrefix}isMeta`}>{t('opinions.admin.meta')}</label>
      </div>
      <button type="submit">{submit}</button>
    </form>
  );
}

export const statementFormValues = (s: StatementWithCounts): FormState['values'] => ({
  body: s.body,
  language: s.language,
  isMeta: s.isMeta ? 'on' : '',
});

function StatementRow({
  view,
  mapId,
  statement: s,
  form,
}: {
  view: AdminView;
  mapId: string;
  statement: StatementWithCounts;
  form: FormState | undefined;
}) {
  const { t, locale } = view.ctx;
  const votes = s.agree + s.disagree + s.pass;
  return (
    <li id={`statement-${s.id}`}>
      <p id={`body-${s.id}`}>
        <span dir="auto">{s.body}</span>
      </p>
      <p class="muted">
        #{s.id} · {t(STATUS_LABEL[s.status])}
        {s.isSeed ? ` · ${t('opinions.admin.seed')}` : ''}
        {s.isMeta ? ` · ${t('opinions.admin.metaShort')}` : ''} ·{' '}
        {t('opinions.admin.votes', {
          agree: formatNumber(s.agree, locale),
          disagree: formatNumber(s.disagree, locale),
          pass: formatNumber(s.pass, locale),
        })}
      </p>
      <details open={form !== undefined}>
        <summary>{t(votes > 0 ? 'opinions.admin.editMeta' : 'opinions.admin.edit')}</summary>
        <StatementForm
          view={view}
          form={form ?? { values: statementFormValues(s), errors: {} }}
          action={`${adminMapsPath(view.ctx)}/${mapId}/statements/${s.id}`}
          idPrefix={`s${s.id}-`}
          submit={t('opinions.admin.saveStatement')}
        />
      </details>
      <ModerationButtons view={view} mapId={mapId} statement={s} />
    </li>
  );
}

function ModerationButtons({
  view,
  mapId,
  statement: s,
  returnTo,
}: {
  view: AdminView;
  mapId: string;
  statement: StatementWithCounts;
  returnTo?: string;
}) {
  const { t } = view.ctx;
  const base = `${adminMapsPath(view.ctx)}/${mapId}/statements/${s.id}`;
  const actions = (['accept', 'reject'] as const).filter(
    (a) => (a === 'accept' && s.status !== 'accepted') || (a === 'reject' && s.status !== 'rejected'),
  );
  return (
    <p>
      {actions.map((a) => (
        <form key={a} method="post" action={`${base}/${a}`} class="inline-form">
          <CsrfField token={view.csrfToken} />
          {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
          <button
            type="submit"
            class={a === 'reject' ? 'secondary' : undefined}
            aria-describedby={`body-${s.id}`}
          >
            {t(a === 'accept' ? 'opinions.admin.accept' : 'opinions.admin.reject')}
          </button>
        </form>
      ))}
    </p>
  );
}

/** /admin/opinions/:mapId: the map's settings, publishing, its statements and seeding. */
export function EditMapPage({
  view,
  data,
  form,
  sessions,
  statementForms,
  done,
}: {
  view: AdminView;
  data: AdminMapData;
  form: FormState;
  sessions: MapSession[];
  /** A statement form that was refused: by statement id, or 'new'. */
  statementForms: Record<string, FormState>;
  done?: string;
}) {
  const { ctx } = view;
  const { t } = ctx;
  const { map, statements } = data;
  const here = `${adminMapsPath(ctx)}/${map.id}`;
  const pending = statements.filter((s) => s.status === 'pending').length;
  return (
    <Page view={view} title={topicOf(ctx, map)}>
      <Done ctx={ctx} done={done} />
      <p>
        <a href={`/${ctx.locale}/opinions/${map.slug}`}>{t('opinions.admin.publicPage')}</a>
        {' · '}
        <a href={`${here}/moderation`}>{t('opinions.admin.queue', { count: pending })}</a>
        {' · '}
        <a href={`${here}/math`}>{t('opinions.admin.mathLink')}</a>
      </p>
      <form method="post" action={`${here}/${map.isPublished ? 'unpublish' : 'publish'}`}>
        <CsrfField token={view.csrfToken} />
        <p>
          {t('admin.status.label')}: {t(map.isPublished ? 'admin.status.published' : 'admin.status.draft')}{' '}
          <button type="submit" class={map.isPublished ? 'secondary' : undefined}>
            {t(map.isPublished ? 'admin.action.unpublish' : 'admin.action.publish')}
          </button>
        </p>
      </form>
      <h2>{t('opinions.admin.settings')}</h2>
      <MapForm view={view} form={form} sessions={sessions} action={here} submit={t('opinions.admin.save')} />

      <h2 id="statements">{t('opinions.admin.statements')}</h2>
      {statements.length === 0 ? <p>{t('opinions.next.noneYet')}</p> : null}
      <ol class="admin-list">
        {statements.map((s) => (
          <StatementRow
            key={s.id}
            view={view}
            mapId={map.id}
            statement={s}
            form={statementForms[String(s.id)]}
          />
        ))}
      </ol>
      <h3 id="add-statement">{t('opinions.admin.addSeed')}</h3>
      <ErrorSummary
        t={t}
        form={{
          values: {},
          errors: Object.fromEntries(
            Object.entries(statementForms.new?.errors ?? {}).map(([k, v]) => [`new-${k}`, v]),
          ),
        }}
        labels={{ 'new-body': t('opinions.admin.statementText') }}
      />
      <StatementForm
        view={view}
        form={statementForms.new ?? { values: { language: ctx.locale }, errors: {} }}
        action={`${here}/statements`}
        idPrefix="new-"
        submit={t('opinions.admin.addSeedSubmit')}
      />
    </Page>
  );
}

/** /admin/opinions/:mapId/moderation: statements waiting for a decision, and those shown unreviewed. */
export function ModerationPage({ view, data, done }: { view: AdminView; data: AdminMapData; done?: string }) {
  const { ctx } = view;
  const { t } = ctx;
  const { map } = data;
  const written = data.statements.filter((s) => !s.isSeed);
  const pending = written.filter((s) => s.status === 'pending');
  const accepted = written.filter((s) => s.status === 'accepted');
  const list = (items: StatementWithCounts[]) => (
    <ol class="admin-list">
      {items.map((s) => (
        <li key={s.id}>
          <p id={`body-${s.id}`}>
            <span dir="auto">{s.body}</span>
          </p>
          <p class="muted">
            {languageName(s.language, ctx.locale)} · {formatUtc(s.createdAt, ctx.locale)}
          </p>
          <ModerationButtons view={view} mapId={map.id} statement={s} returnTo="moderation" />
        </li>
      ))}
    </ol>
  );
  return (
    <Page view={view} title={t('opinions.admin.moderationTitle', { topic: topicOf(ctx, map) })}>
      <Done ctx={ctx} done={done} />
      <p>
        <a href={`${adminMapsPath(ctx)}/${map.id}`}>{t('opinions.admin.backToMap')}</a>
      </p>
      <p>
        {t(
          map.moderation === 'pre' ? 'opinions.admin.moderationPreNote' : 'opinions.admin.moderationPostNote',
        )}
      </p>
      <h2>{t('opinions.admin.pendingTitle', { count: pending.length })}</h2>
      {pending.length ? list(pending) : <p>{t('opinions.admin.queueEmpty')}</p>}
      {accepted.length ? (
        <>
          <h2>{t('opinions.admin.acceptedTitle')}</h2>
          {list(accepted)}
        </>
      ) : null}
    </Page>
  );
}
