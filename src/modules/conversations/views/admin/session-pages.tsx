import { formatDateTimeRange } from '../../../../platform/i18n/format';
import { pickText, type LocalizedText } from '../../../../platform/i18n/localized-text';
import { CsrfField, SelectField, TextField, type FormState } from '../../../../platform/views/forms';
import type { ViewContext } from '../../../../platform/views/view-context';
import { agendaItemKind, sessionFormat, speakerRole } from '../../conversations.tables';
import { MAX_ITEM_SPEAKERS } from '../../conversations.admin.schema';
import type {
  AgendaItemWithSpeakers,
  DocumentRow,
  SeriesRow,
  SessionListRow,
  SessionRow,
  SpeakerRow,
  ThemeRow,
} from '../../conversations.admin.types';
import {
  AdminFormPage,
  AdminListPage,
  adminBase,
  LocalizedFieldset,
  PublishedBadge,
  TextIn,
  type AdminView,
} from './parts';

const plain = (ctx: ViewContext, text: LocalizedText | null | undefined) =>
  pickText(text, ctx.locale)?.text ?? ctx.t('admin.untitled');

export function SessionListPage({ view, list }: { view: AdminView; list: SessionListRow[] }) {
  const { ctx } = view;
  const { t } = ctx;
  const base = adminBase(ctx);
  return (
    <AdminListPage
      view={view}
      title={t('admin.session.heading')}
      newHref={`${base}/sessions/new`}
      newLabel={t('admin.session.new')}
      empty={list.length === 0}
    >
      <div class="table-scroll" role="region" aria-label={t('admin.session.heading')} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.field.series')}</th>
              <th scope="col">{t('admin.field.number')}</th>
              <th scope="col">{t('admin.field.title')}</th>
              <th scope="col">{t('admin.status.label')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map(({ session, seriesTitle }) => (
              <tr key={session.id}>
                <td>
                  <TextIn ctx={ctx} text={seriesTitle} />
                </td>
                <td>{session.number}</td>
                <td>
                  <a href={`${base}/sessions/${session.id}`}>
                    <TextIn ctx={ctx} text={session.title} />
                  </a>
                </td>
                <td>
                  <PublishedBadge ctx={ctx} isPublished={session.isPublished} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminListPage>
  );
}

export function sessionLabels(view: AdminView): Record<string, string> {
  const { t } = view.ctx;
  return {
    seriesId: t('admin.field.series'),
    themeId: t('admin.field.theme'),
    number: t('admin.field.number'),
    title: t('admin.field.title'),
    subject: t('admin.field.subject'),
    description: t('admin.field.description'),
    startsAt: t('admin.field.startsAt'),
    endsAt: t('admin.field.endsAt'),
    timeZone: t('admin.field.timeZone'),
    format: t('admin.field.format'),
    venue: t('admin.field.venue'),
    livestreamUrl: t('admin.field.livestreamUrl'),
    recordingUrl: t('admin.field.recordingUrl'),
  };
}

export interface SessionFormPageProps {
  view: AdminView;
  form: FormState;
  series: SeriesRow[];
  themes: ThemeRow[];
  session?: SessionRow;
  agenda?: AgendaItemWithSpeakers[];
  documents?: DocumentRow[];
  done?: string;
}

export function SessionFormPage({
  view,
  form,
  series,
  themes,
  session,
  agenda = [],
  documents = [],
  done,
}: SessionFormPageProps) {
  const { ctx } = view;
  const { t } = ctx;
  const base = adminBase(ctx);
  const labels = sessionLabels(view);
  const action = session ? `${base}/sessions/${session.id}` : `${base}/sessions`;
  const seriesTitle = new Map(series.map((s) => [s.id, plain(ctx, s.title)]));
  return (
    <AdminFormPage
      view={view}
      title={session ? t('admin.session.edit') : t('admin.session.new')}
      form={form}
      labels={labels}
      action={action}
      done={done}
      isPublished={session?.isPublished}
      previewHref={session ? `${action}/preview` : undefined}
      after={
        session ? (
          <>
            <AgendaSection view={view} session={session} agenda={agenda} />
            <SessionDocuments view={view} session={session} documents={documents} />
          </>
        ) : null
      }
    >
      <SelectField
        t={t}
        form={form}
        name="seriesId"
        label={labels.seriesId!}
        required
        options={series.map((s) => ({ value: s.id, label: seriesTitle.get(s.id)! }))}
      />
      <SelectField
        t={t}
        form={form}
        name="themeId"
        label={labels.themeId!}
        blank={t('admin.none')}
        options={themes.map((th) => ({
          value: th.id,
          label: `${seriesTitle.get(th.seriesId) ?? ''}: ${plain(ctx, th.title)}`,
        }))}
      />
      <TextField
        t={t}
        form={form}
        name="number"
        label={labels.number!}
        type="number"
        inputMode="numeric"
        required
      />
      <LocalizedFieldset ctx={ctx} form={form} name="title" label={labels.title!} required />
      <LocalizedFieldset ctx={ctx} form={form} name="subject" label={labels.subject!} />
      <LocalizedFieldset ctx={ctx} form={form} name="description" label={labels.description!} multiline />
      {(
        [
          ['timeZone', 'text', 'admin.hint.timeZone'],
          ['startsAt', 'datetime-local', 'admin.hint.localTime'],
          ['endsAt', 'datetime-local', 'admin.hint.localTime'],
        ] as const
      ).map(([name, type, hint]) => (
        <TextField
          key={name}
          t={t}
          form={form}
          name={name}
          label={labels[name]!}
          type={type}
          hint={t(hint)}
          required
        />
      ))}
      <SelectField
        t={t}
        form={form}
        name="format"
        label={labels.format!}
        required
        options={sessionFormat.enumValues.map((f) => ({ value: f, label: t(`session.format.${f}`) }))}
      />
      <LocalizedFieldset ctx={ctx} form={form} name="venue" label={labels.venue!} />
      <TextField t={t} form={form} name="livestreamUrl" label={labels.livestreamUrl!} type="url" />
      <TextField t={t} form={form} name="recordingUrl" label={labels.recordingUrl!} type="url" />
    </AdminFormPage>
  );
}

function SessionDocuments({
  view,
  session,
  documents,
}: {
  view: AdminView;
  session: SessionRow;
  documents: DocumentRow[];
}) {
  const { ctx } = view;
  const { t } = ctx;
  const base = adminBase(ctx);
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('admin.document.heading')}</h2>
      <ul class="admin-list">
        {documents.map((d) => (
          <li key={d.id}>
            <a href={`${base}/documents/${d.id}`}>
              {d.symbol} — <TextIn ctx={ctx} text={d.title} />
            </a>{' '}
            <PublishedBadge ctx={ctx} isPublished={d.isPublished} />
          </li>
        ))}
      </ul>
      <p>
        <a class="button secondary" href={`${base}/documents/new?session=${session.id}`}>
          {t('admin.document.new')}
        </a>
      </p>
    </section>
  );
}

function AgendaSection({
  view,
  session,
  agenda,
}: {
  view: AdminView;
  session: SessionRow;
  agenda: AgendaItemWithSpeakers[];
}) {
  const { ctx } = view;
  const { t } = ctx;
  const base = adminBase(ctx);
  const time = (a: Date, b: Date) => formatDateTimeRange(a, b, ctx.locale, session.timeZone);
  return (
    <section aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t('admin.agenda.heading')}</h2>
      {agenda.length === 0 ? <p>{t('admin.empty')}</p> : null}
      <ol class="admin-list">
        {agenda.map(({ item, speakers }, i) => (
          <li key={item.id}>
            <a href={`${base}/sessions/agenda/${item.id}`}>
              <TextIn ctx={ctx} text={item.title} />
            </a>{' '}
            <span class="badge">{t(`agenda.kind.${item.kind}`)}</span> {time(item.startsAt, item.endsAt)}
            {speakers.length > 0 ? (
              <span> ({speakers.map((s) => `${s.name}, ${t(`speaker.role.${s.role}`)}`).join('; ')})</span>
            ) : null}
            <span class="inline-actions">
              {i > 0 ? <MoveButton view={view} itemId={item.id} direction="up" /> : null}
              {i < agenda.length - 1 ? <MoveButton view={view} itemId={item.id} direction="down" /> : null}
            </span>
          </li>
        ))}
      </ol>
      <p>
        <a class="button secondary" href={`${base}/sessions/${session.id}/agenda/new`}>
          {t('admin.agenda.new')}
        </a>
      </p>
    </section>
  );
}

function MoveButton({
  view,
  itemId,
  direction,
}: {
  view: AdminView;
  itemId: string;
  direction: 'up' | 'down';
}) {
  const { t } = view.ctx;
  return (
    <form method="post" action={`${adminBase(view.ctx)}/sessions/agenda/${itemId}/move`} class="inline-form">
      <CsrfField token={view.csrfToken} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" class="button secondary">
        {t(direction === 'up' ? 'admin.agenda.moveUp' : 'admin.agenda.moveDown')}
      </button>
    </form>
  );
}

export function agendaItemLabels(view: AdminView): Record<string, string> {
  const { t } = view.ctx;
  const labels: Record<string, string> = {
    kind: t('admin.field.kind'),
    startsAt: t('admin.field.startsAt'),
    endsAt: t('admin.field.endsAt'),
    title: t('admin.field.title'),
    description: t('admin.field.description'),
  };
  for (let i = 0; i < MAX_ITEM_SPEAKERS; i++) {
    labels[`speaker_${i}`] = t('admin.agenda.speakerN', { n: i + 1 });
    labels[`role_${i}`] = t('admin.agenda.roleN', { n: i + 1 });
  }
  return labels;
}

/** How many speaker rows to show: those filled in, and two free ones. */
export function speakerRowsOf(form: FormState): number {
  let filled = 0;
  for (let i = 0; i < MAX_ITEM_SPEAKERS; i++) {
    if (form.values[`speaker_${i}`]) filled = i + 1;
  }
  return Math.min(MAX_ITEM_SPEAKERS, Math.max(filled + 2, 3));
}

export function AgendaItemFormPage({
  view,
  form,
  session,
  itemId,
  speakers,
  done,
}: {
  view: AdminView;
  form: FormState;
  session: SessionRow;
  itemId?: string;
  speakers: SpeakerRow[];
  done?: string;
}) {
  const { ctx } = view;
  const { t } = ctx;
  const base = adminBase(ctx);
  const labels = agendaItemLabels(view);
  const action = itemId ? `${base}/sessions/agenda/${itemId}` : `${base}/sessions/${session.id}/agenda`;
  const rows = speakerRowsOf(form);
  return (
    <AdminFormPage
      view={view}
      title={itemId ? t('admin.agenda.edit') : t('admin.agenda.new')}
      form={form}
      labels={labels}
      action={action}
      done={done}
      up={{
        href: `${base}/sessions/${session.id}`,
        label: (
          <>
            {t('session.number', { number: session.number })}: <TextIn ctx={ctx} text={session.title} />
          </>
        ),
      }}
      previewHref={itemId ? `${base}/sessions/${session.id}/preview` : undefined}
      after={
        itemId ? (
          <form method="post" action={`${base}/sessions/agenda/${itemId}/delete`} class="inline-form">
            <CsrfField token={view.csrfToken} />
            <button type="submit" class="button secondary">
              {t('admin.agenda.remove')}
            </button>
          </form>
        ) : null
      }
    >
      <SelectField
        t={t}
        form={form}
        name="kind"
        label={labels.kind!}
        required
        options={agendaItemKind.enumValues.map((k) => ({ value: k, label: t(`agenda.kind.${k}`) }))}
      />
      <TextField
        t={t}
        form={form}
        name="startsAt"
        label={labels.startsAt!}
        type="datetime-local"
        hint={t('admin.hint.sessionTime', { timeZone: session.timeZone })}
        required
      />
      <TextField
        t={t}
        form={form}
        name="endsAt"
        label={labels.endsAt!}
        type="datetime-local"
        hint={t('admin.hint.sessionTime', { timeZone: session.timeZone })}
        required
      />
      <LocalizedFieldset ctx={ctx} form={form} name="title" label={labels.title!} required />
      <LocalizedFieldset ctx={ctx} form={form} name="description" label={labels.description!} multiline />
      <fieldset class="field">
        <legend>{t('admin.agenda.speakers')}</legend>
        <p class="hint">{t('admin.hint.speakers')}</p>
        {Array.from({ length: rows }, (_, i) => (
          <div class="speaker-row" key={i}>
            <SelectField
              t={t}
              form={form}
              name={`speaker_${i}`}
              label={labels[`speaker_${i}`]!}
              blank={t('admin.none')}
              options={speakers.map((s) => ({ value: s.id, label: s.name }))}
            />
            <SelectField
              t={t}
              form={form}
              name={`role_${i}`}
              label={labels[`role_${i}`]!}
              options={speakerRole.enumValues.map((r) => ({ value: r, label: t(`speaker.role.${r}`) }))}
            />
          </div>
        ))}
      </fieldset>
    </AdminFormPage>
  );
}
