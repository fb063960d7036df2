import { TextField, type FormState } from '../../../../platform/views/forms';
import type { SpeakerRow } from '../../conversations.admin.types';
import { AdminFormPage, AdminListPage, adminBase, LocalizedFieldset, type AdminView } from './parts';

export function SpeakerListPage({ view, list }: { view: AdminView; list: SpeakerRow[] }) {
  const { t } = view.ctx;
  const base = adminBase(view.ctx);
  return (
    <AdminListPage
      view={view}
      title={t('admin.speaker.heading')}
      newHref={`${base}/speakers/new`}
      newLabel={t('admin.speaker.new')}
      empty={list.length === 0}
    >
      <ul class="admin-list">
        {list.map((s) => (
          <li key={s.id}>
            <a href={`${base}/speakers/${s.id}`}>{s.name}</a>
          </li>
        ))}
      </ul>
    </AdminListPage>
  );
}

export function speakerLabels(view: AdminView): Record<string, string> {
  const { t } = view.ctx;
  return {
    slug: t('admin.field.slug'),
    name: t('admin.field.name'),
    country: t('admin.field.country'),
    honorific: t('admin.field.honorific'),
    position: t('admin.field.jobTitle'),
    organisation: t('admin.field.organisation'),
    bio: t('admin.field.bio'),
  };
}

export function SpeakerFormPage({
  view,
  form,
  speakerId,
  done,
}: {
  view: AdminView;
  form: FormState;
  speakerId?: string;
  done?: string;
}) {
  const { ctx } = view;
  const { t } = ctx;
  const base = adminBase(ctx);
  const labels = speakerLabels(view);
  const action = speakerId ? `${base}/speakers/${speakerId}` : `${base}/speakers`;
  return (
    <AdminFormPage
      view={view}
      title={speakerId ? t('admin.speaker.edit') : t('admin.speaker.new')}
      form={form}
      labels={labels}
      action={action}
      done={done}
      previewHref={speakerId ? `${action}/preview` : undefined}
    >
      <TextField t={t} form={form} name="name" label={labels.name!} hint={t('admin.hint.name')} required />
      <TextField t={t} form={form} name="slug" label={labels.slug!} hint={t('admin.hint.slug')} required />
      <TextField
        t={t}
        form={form}
        name="country"
        label={labels.country!}
        hint={t('admin.hint.country')}
        maxLength={2}
      />
      <LocalizedFieldset ctx={ctx} form={form} name="honorific" label={labels.honorific!} />
      <LocalizedFieldset ctx={ctx} form={form} name="position" label={labels.position!} />
      <LocalizedFieldset ctx={ctx} form={form} name="organisation" label={labels.organisation!} />
      <LocalizedFieldset ctx={ctx} form={form} name="bio" label={labels.bio!} multiline />
    </AdminFormPage>
  );
}
