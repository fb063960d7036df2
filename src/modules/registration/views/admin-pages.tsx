import { countryName, formatNumber } from '../../../platform/i18n/format';
import type { Locale } from '../../../platform/i18n/locales';
import { AdminLayout, type AdminNavLink } from '../../../platform/views/admin-layout';
import {
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  TextField,
  type FormState,
} from '../../../platform/views/forms';
import type { ViewContext } from '../../../platform/views/view-context';
import type { RegistrationOverview } from '../service/registrations';
import { utcToZonedLocal } from '../service/zoned-time';
import {
  CATEGORIES,
  MODES,
  type RegistrableSession,
  type Registration,
  type RegistrationSettings,
} from '../registration.types';
import { CATEGORY_LABEL, GROUP_LABEL, MODE_LABEL, STATUS_LABEL } from './labels';
import { Availability, sessionHeading } from './public-pages';

interface AdminPageProps {
  ctx: ViewContext;
  nav: AdminNavLink[];
}

const base = (ctx: ViewContext) => `/${ctx.locale}/admin/registrations`;

function formatDateTime(date: Date | null, locale: Locale, timeZone = 'UTC'): string {
  if (!date) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

export function RegistrationsHomePage({
  ctx,
  nav,
  sessions,
}: AdminPageProps & {
  sessions: (RegistrableSession & {
    isEnabled: boolean;
    confirmed: number;
    waitlisted: number;
    pending: number;
  })[];
}) {
  const { t, locale } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('registration.admin.title')} nav={nav}>
      <h1>{t('registration.admin.title')}</h1>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('registration.admin.session')}</th>
              <th scope="col">{t('registration.admin.open')}</th>
              <th scope="col">{t('registration.status.confirmed')}</th>
              <th scope="col">{t('registration.status.waitlisted')}</th>
              <th scope="col">{t('registration.status.pending_approval')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>
                  <a href={`${base(ctx)}/${s.id}`}>{sessionHeading(ctx, s)}</a>
                  <br />
                  <span class="muted">{formatDateTime(s.startsAt, locale, s.timeZone)}</span>
                </td>
                <td>{s.isEnabled ? t('registration.admin.yes') : t('registration.admin.no')}</td>
                <td>{formatNumber(s.confirmed, locale)}</td>
                <td>{formatNumber(s.waitlisted, locale)}</td>
                <td>{formatNumber(s.pending, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  );
}

export function settingsFormValues(
  settings: RegistrationSettings | undefined,
  session: RegistrableSession,
): FormState['values'] {
  if (!settings) return { onsiteCapacity: '0', onlineCapacity: '0', allowedCategories: [...CATEGORIES] };
  return {
    isEnabled: settings.isEnabled ? 'on' : '',
    opensAt: settings.opensAt ? utcToZonedLocal(settings.opensAt, session.timeZone) : '',
    closesAt: settings.closesAt ? utcToZonedLocal(settings.closesAt, session.timeZone) : '',
    onsiteCapacity: String(settings.onsiteCapacity),
    onlineCapacity: String(settings.onlineCapacity),
    allowedCategories: settings.allowedCategories,
    onsiteApprovalCategories: settings.onsiteApprovalCategories,
    onlineApprovalCategories: settings.onlineApprovalCategories,
  };
}

export interface SessionRegistrationsData extends RegistrationOverview {
  registrations: (Registration & { email: string | null })[];
}

export function SessionRegistrationsPage({
  ctx,
  nav,
  csrfToken,
  data,
  settingsForm,
  checkInForm,
  checkedIn,
  checkInPrompt,
  filter,
  saved,
}: AdminPageProps & {
  csrfToken: string;
  data: SessionRegistrationsData;
  settingsForm: FormState;
  checkInForm: FormState;
  /** Who was just checked in (name), and whether they had been already. */
  checkedIn?: { name: string; already: boolean };
  /** The registration a check-in address (QR code) names, to confirm before checking in. */
  checkInPrompt?: Registration;
  filter: { status?: string; mode?: string };
  saved?: boolean;
}) {
  const { t, locale } = ctx;
  const session = data.session;
  const here = `${base(ctx)}/${session.id}`;
  const categoryOptions = CATEGORIES.map((c) => ({ value: c, label: t(CATEGORY_LABEL[c]) }));
  const on = settingsForm.values.isEnabled === 'on' || settingsForm.values.isEnabled === true;
  return (
    <AdminLayout
      ctx={ctx}
      title={`${t('registration.admin.title')} · ${sessionHeading(ctx, session)}`}
      nav={nav}
    >
      <p class="breadcrumb">
        <a href={base(ctx)}>{t('registration.admin.title')}</a>
      </p>
      <h1>{sessionHeading(ctx, session)}</h1>
      {saved ? (
        <p class="notice" role="status">
          {t('registration.admin.saved')}
        </p>
      ) : null}
      <Availability ctx={ctx} overview={data} />

      <section aria-labelledby="check-in-heading">
        <h2 id="check-in-heading">{t('registration.admin.checkIn')}</h2>
        {checkedIn ? (
          <p class="notice" role="status">
            {t(checkedIn.already ? 'registration.admin.checkedInAlready' : 'registration.admin.checkedIn', {
              name: checkedIn.name,
            })}
          </p>
        ) : null}
        {checkInPrompt ? (
          <div class="notice" role="status">
            <p>
              {t('registration.admin.checkInConfirm', {
                name: checkInPrompt.displayName || checkInPrompt.checkInCode,
              })}
            </p>
            <p>
              {t(CATEGORY_LABEL[checkInPrompt.participantCategory])}
              {checkInPrompt.organisationName ? ` · ${checkInPrompt.organisationName}` : ''} ·{' '}
              {countryName(checkInPrompt.country, locale)}
            </p>
            {checkInPrompt.checkedInAt ? (
              <p>
                {t('registration.admin.checkedInAt', {
                  time: formatDateTime(checkInPrompt.checkedInAt, locale, session.timeZone),
                })}
              </p>
            ) : null}
          </div>
        ) : null}
        <ErrorSummary t={t} form={checkInForm} labels={{ code: t('registration.admin.code') }} />
        <form method="post" action={`${here}/check-in`} class="inline-form" novalidate>
          <CsrfField token={csrfToken} />
          <TextField
            t={t}
            form={checkInForm}
            name="code"
            label={t('registration.admin.code')}
            autocomplete="off"
            maxLength={20}
            dir="ltr"
          />
          <button type="submit">{t('registration.admin.checkInSubmit')}</button>
        </form>
      </section>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{t('registration.admin.list')}</h2>
        <p>
          <a href={`${here}/export.csv`} download>
            {t('registration.admin.export')}
          </a>
        </p>
        <nav aria-label={t('registration.admin.filter')} class="filters">
          <ul class="nav-list">
            <li>
              <a href={here} aria-current={!filter.status && !filter.mode ? 'page' : undefined}>
                {t('registration.admin.all')}
              </a>
            </li>
            {(['pending_approval', 'confirmed', 'waitlisted', 'cancelled'] as const).map((s) => (
              <li key={s}>
                <a href={`${here}?status=${s}`} aria-current={filter.status === s ? 'page' : undefined}>
                  {t(STATUS_LABEL[s])}
                </a>
              </li>
            ))}
            {MODES.map((m) => (
              <li key={m}>
                <a href={`${here}?mode=${m}`} aria-current={filter.mode === m ? 'page' : undefined}>
                  {t(MODE_LABEL[m])}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {data.registrations.length === 0 ? (
          <p class="muted">{t('registration.admin.empty')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('registration.field.name')}</th>
                  <th scope="col">{t('registration.field.category')}</th>
                  <th scope="col">{t('registration.field.country')}</th>
                  <th scope="col">{t('registration.field.mode')}</th>
                  <th scope="col">{t('registration.admin.status')}</th>
                  <th scope="col">{t('registration.admin.attendance')}</th>
                  <th scope="col">{t('registration.admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {data.registrations.map((r) => (
                  <tr key={r.id}>
                    <td>
                      {r.displayName || t('registration.admin.anonymised')}
                      {r.email ? (
                        <>
                          <br />
                          <span class="muted" dir="ltr">
                            {r.email}
                          </span>
                        </>
                      ) : null}
                      {r.organisationName ? (
                        <>
                          <br />
                          {r.organisationName}
                        </>
                      ) : null}
                    </td>
                    <td>
                      {t(CATEGORY_LABEL[r.participantCategory])}
                      <br />
                      <span class="muted">{t(GROUP_LABEL[r.stakeholderGroup])}</span>
                    </td>
                    <td>{countryName(r.country, locale)}</td>
                    <td>{t(MODE_LABEL[r.mode])}</td>
                    <td>{t(STATUS_LABEL[r.status])}</td>
                    <td>
                      {r.checkedInAt
                        ? t('registration.admin.checkedInAt', {
                            time: formatDateTime(r.checkedInAt, locale, session.timeZone),
                          })
                        : ''}
                      {r.joinedOnlineAt
                        ? t('registration.admin.joinedAt', {
                            time: formatDateTime(r.joinedOnlineAt, locale, session.timeZone),
                          })
                        : ''}
                    </td>
                    <td>
                      <div class="inline-actions">
                        {r.status === 'pending_approval' ? (
                          <>
                            <form method="post" action={`${here}/${r.id}/approve`} class="inline-form">
                              <CsrfField token={csrfToken} />
                              <button
                                type="submit"
                                aria-label={`${t('registration.admin.approve')}: ${r.displayName}`}
                              >
                                {t('registration.admin.approve')}
                              </button>
                            </form>
                            <form method="post" action={`${here}/${r.id}/decline`} class="inline-form">
                              <CsrfField token={csrfToken} />
                              <button
                                type="submit"
                                aria-label={`${t('registration.admin.decline')}: ${r.displayName}`}
                              >
                                {t('registration.admin.decline')}
                              </button>
                            </form>
                          </>
                        ) : null}
                        {r.status !== 'cancelled' && r.status !== 'pending_approval' ? (
                          <form method="post" action={`${here}/${r.id}/cancel`} class="inline-form">
                            <CsrfField token={csrfToken} />
                            <button
                              type="submit"
                              aria-label={`${t('registration.admin.cancel')}: ${r.displayName}`}
                            >
                              {t('registration.admin.cancel')}
                            </button>
                          </form>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t('registration.admin.settings')}</h2>
        <ErrorSummary
          t={t}
          form={settingsForm}
          labels={{
            opensAt: t('registration.admin.opensAt'),
            closesAt: t('registration.admin.closesAt'),
            onsiteCapacity: t('registration.admin.onsiteCapacity'),
            onlineCapacity: t('registration.admin.onlineCapacity'),
          }}
        />
        <form method="post" action={`${here}/settings`} novalidate>
          <CsrfField token={csrfToken} />
          <div class="checkbox">
            <input type="checkbox" id="field-isEnabled" name="isEnabled" value="on" checked={on} />
            <label for="field-isEnabled">{t('registration.admin.enabled')}</label>
          </div>
          <TextField
            t={t}
            form={settingsForm}
            name="opensAt"
            type="datetime-local"
            label={t('registration.admin.opensAt')}
            hint={t('registration.admin.zoneHint', { zone: session.timeZone })}
          />
          <TextField
            t={t}
            form={settingsForm}
            name="closesAt"
            type="datetime-local"
            label={t('registration.admin.closesAt')}
            hint={t('registration.admin.closesAtHint')}
          />
          <TextField
            t={t}
            form={settingsForm}
            name="onsiteCapacity"
            type="number"
            inputMode="numeric"
            label={t('registration.admin.onsiteCapacity')}
          />
          <TextField
            t={t}
            form={settingsForm}
            name="onlineCapacity"
            type="number"
            inputMode="numeric"
            label={t('registration.admin.onlineCapacity')}
          />
          <CheckboxGroup
            t={t}
            form={settingsForm}
            name="allowedCategories"
            legend={t('registration.admin.allowedCategories')}
            options={categoryOptions}
          />
          <CheckboxGroup
            t={t}
            form={settingsForm}
            name="onsiteApprovalCategories"
            legend={t('registration.admin.onsiteApproval')}
            options={categoryOptions}
          />
          <CheckboxGroup
            t={t}
            form={settingsForm}
            name="onlineApprovalCategories"
            legend={t('registration.admin.onlineApproval')}
            options={categoryOptions}
          />
          <button type="submit">{t('registration.admin.save')}</button>
        </form>
      </section>
    </AdminLayout>
  );
}
