import type { ComponentChildren } from 'preact';
import { countryOptions } from '../../accounts';
import { countryName, formatDateTimeRange, formatNumber } from '../../../platform/i18n/format';
import { LOCALE_NAMES, LOCALES } from '../../../platform/i18n/locales';
import { pickText } from '../../../platform/i18n/localized-text';
import {
  CsrfField,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  type FormState,
} from '../../../platform/views/forms';
import { Layout } from '../../../platform/views/layout';
import type { ViewContext } from '../../../platform/views/view-context';
import type { PublicParticipants, RegistrationOverview } from '../service/registrations';
import {
  CATEGORIES,
  MODES,
  STAKEHOLDER_GROUPS,
  type RegistrableSession,
  type Registration,
  type RegistrationMode,
} from '../registration.types';
import { CATEGORY_LABEL, GROUP_LABEL, MODE_LABEL } from './labels';
import { QrCode } from './qr-code';

export function sessionHeading(ctx: ViewContext, session: RegistrableSession): string {
  const number = ctx.t('session.number', { number: session.number });
  const title = pickText(session.title, ctx.locale)?.text;
  return title ? `${number}: ${title}` : number;
}

const sessionBase = (ctx: ViewContext, s: Pick<RegistrableSession, 'seriesSlug' | 'number'>) =>
  `/${ctx.locale}/series/${s.seriesSlug}/sessions/${s.number}`;

function When({ ctx, session }: { ctx: ViewContext; session: RegistrableSession }) {
  return (
    <p class="session-meta">
      {formatDateTimeRange(session.startsAt, session.endsAt, ctx.locale, session.timeZone)} (
      {session.timeZone})
    </p>
  );
}

/** Places per mode, in words: "12 of 100 places left", "Full: new registrations join the waitlist". */
export function Availability({ ctx, overview }: { ctx: ViewContext; overview: RegistrationOverview }) {
  const { t, locale } = ctx;
  const modes = MODES.filter((m) => overview.counts[m].capacity > 0);
  if (modes.length === 0) return null;
  return (
    <ul class="facts">
      {modes.map((mode) => {
        const c = overview.counts[mode];
        const left = Math.max(0, c.capacity - c.confirmed);
        return (
          <li key={mode}>
            <strong>{t(MODE_LABEL[mode])}</strong>:{' '}
            {left > 0
              ? t('registration.availability.left', {
                  count: left,
                  capacity: formatNumber(c.capacity, locale),
                })
              : t('registration.availability.full', { count: c.waitlisted })}
          </li>
        );
      })}
    </ul>
  );
}

export interface RegisterPageData extends RegistrationOverview {
  registration: Registration | undefined;
  waitlistPosition: number | undefined;
  /** What the QR code of an onsite place encodes: the secretariat's check-in for it. */
  checkInUrl?: string;
  profile: Record<string, string>;
}

function windowText(ctx: ViewContext, data: RegistrationOverview): string | undefined {
  const { t, locale } = ctx;
  const zone = data.session.timeZone;
  if (data.window === 'not_offered') return t('registration.window.notOffered');
  if (data.window === 'not_yet_open' && data.settings?.opensAt)
    return t('registration.window.notYetOpen', {
      date: formatDateTimeRange(data.settings.opensAt, data.settings.opensAt, locale, zone),
    });
  if (data.window === 'closed') return t('registration.window.closed');
  return undefined;
}

/** The signed-in person's registration: its state, what to bring or where to join, and cancelling. */
function MyRegistration({
  ctx,
  data,
  registration,
  csrfToken,
}: {
  ctx: ViewContext;
  data: RegisterPageData;
  registration: Registration;
  csrfToken: string;
}) {
  const { t } = ctx;
  const base = sessionBase(ctx, data.session);
  const mode = t(MODE_LABEL[registration.mode]);
  return (
    <section class="notice" aria-labelledby="my-registration">
      <h2 id="my-registration">{t('registration.mine.heading')}</h2>
      {registration.status === 'confirmed' ? <p>{t('registration.mine.confirmed', { mode })}</p> : null}
      {registration.status === 'waitlisted' ? (
        <p>{t('registration.mine.waitlisted', { mode, position: data.waitlistPosition ?? 0 })}</p>
      ) : null}
      {registration.status === 'pending_approval' ? <p>{t('registration.mine.pending', { mode })}</p> : null}
      {registration.status === 'confirmed' && registration.mode === 'onsite' ? (
        <>
          <p>{t('registration.mine.checkInHint')}</p>
          <p class="check-in-code" dir="ltr">
            <span class="visually-hidden">{t('registration.mail.checkInCode')}: </span>
            <strong>{registration.checkInCode}</strong>
          </p>
          {data.checkInUrl ? (
            <p>
              <QrCode
                text={data.checkInUrl}
                label={t('registration.qr.alt', { code: registration.checkInCode })}
              />
            </p>
          ) : null}
        </>
      ) : null}
      {registration.status === 'confirmed' && registration.mode === 'online' ? (
        <p>
          <a class="button" href={`${base}/join`}>
            {t('registration.mail.join')}
          </a>
        </p>
      ) : null}
      <p>
        <a href={`${base}/calendar.ics`}>{t('registration.mail.calendar')}</a>
      </p>
      <form method="post" action={`${base}/register/cancel`} class="inline-form">
        <CsrfField token={csrfToken} />
        <button type="submit">{t('registration.mine.cancel')}</button>
      </form>
    </section>
  );
}

const FIELD_LABELS = (ctx: ViewContext): Record<string, string> => ({
  mode: ctx.t('registration.field.mode'),
  participantCategory: ctx.t('registration.field.category'),
  stakeholderGroup: ctx.t('registration.field.stakeholderGroup'),
  country: ctx.t('registration.field.country'),
  displayName: ctx.t('registration.field.name'),
  organisationName: ctx.t('registration.field.organisation'),
  interpretationLanguage: ctx.t('registration.field.interpretation'),
  accessibilityNeeds: ctx.t('registration.field.accessibility'),
  gender: ctx.t('registration.field.gender'),
  _form: '',
});

function Checkbox({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <div class="checkbox">
      <input type="checkbox" id={`field-${name}`} name={name} value="on" checked={checked} />
      <label for={`field-${name}`}>{label}</label>
    </div>
  );
}

function RegisterForm({
  ctx,
  data,
  form,
  csrfToken,
}: {
  ctx: ViewContext;
  data: RegisterPageData;
  form: FormState;
  csrfToken: string;
}) {
  const { t, locale } = ctx;
  const modes = MODES.filter((m) => data.counts[m].capacity > 0);
  const allowed = data.settings?.allowedCategories ?? CATEGORIES;
  const on = (name: string) => ['on', '1', 'true', true].includes(form.values[name] as string);
  return (
    <form method="post" action={`${sessionBase(ctx, data.session)}/register`} novalidate>
      <CsrfField token={csrfToken} />
      <SelectField
        t={t}
        form={form}
        name="mode"
        label={t('registration.field.mode')}
        options={modes.map((m: RegistrationMode) => ({ value: m, label: t(MODE_LABEL[m]) }))}
        required
      />
      <SelectField
        t={t}
        form={form}
        name="participantCategory"
        label={t('registration.field.category')}
        hint={t('registration.field.categoryHint')}
        options={CATEGORIES.filter((c) => allowed.includes(c)).map((c) => ({
          value: c,
          label: t(CATEGORY_LABEL[c]),
        }))}
        required
      />
      {(
        [
          [
            'stakeholderGroup',
            'registration.field.stakeholderGroup',
            STAKEHOLDER_GROUPS.map((g) => ({ value: g, label: t(GROUP_LABEL[g]) })),
          ],
          ['country', 'registration.field.country', countryOptions(locale)],
        ] as const
      ).map(([name, label, options]) => (
        <SelectField
          key={name}
          t={t}
          form={form}
          name={name}
          label={t(label)}
          blank={t('registration.field.choose')}
          options={options}
          required
        />
      ))}
      {(
        [
          ['displayName', 'registration.field.name', 'name', 200, true],
          ['organisationName', 'registration.field.organisation', 'organization', 300, false],
        ] as const
      ).map(([name, label, autocomplete, maxLength, required]) => (
        <TextField
          key={name}
          t={t}
          form={form}
          name={name}
          label={t(label)}
          autocomplete={autocomplete}
          maxLength={maxLength}
          required={required}
        />
      ))}
      <SelectField
        t={t}
        form={form}
        name="interpretationLanguage"
        label={t('registration.field.interpretation')}
        blank={t('registration.field.noInterpretation')}
        options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
      />
      <TextArea
        t={t}
        form={form}
        name="accessibilityNeeds"
        label={t('registration.field.accessibility')}
        hint={t('registration.field.accessibilityHint')}
        rows={3}
      />
      <fieldset class="field">
        <legend>{t('registration.field.consents')}</legend>
        {(['consentPublicList', 'consentRecording'] as const).map((name) => (
          <Checkbox key={name} name={name} label={t(`registration.field.${name}`)} checked={on(name)} />
        ))}
      </fieldset>
      <TextField
        t={t}
        form={form}
        name="gender"
        label={t('registration.field.gender')}
        hint={t('registration.field.genderHint')}
        maxLength={100}
      />
      <p class="hint">{t('registration.field.privacy')}</p>
      <button type="submit">{t('registration.submit')}</button>
    </form>
  );
}

export function RegisterPage({
  ctx,
  data,
  form,
  csrfToken,
  notice,
}: {
  ctx: ViewContext;
  data: RegisterPageData;
  form?: FormState;
  csrfToken: string;
  /** What just happened: `cancelled`, or the registration's new state. */
  notice?: string;
}) {
  const { t } = ctx;
  const title = t('registration.page.title');
  const state: FormState = form ?? { values: { ...data.profile }, errors: {} };
  const active =
    data.registration && data.registration.status !== 'cancelled' ? data.registration : undefined;
  const closed = windowText(ctx, data);
  return (
    <Layout ctx={ctx} title={`${title} · ${sessionHeading(ctx, data.session)}`} noindex>
      <p class="breadcrumb">
        <a href={sessionBase(ctx, data.session)}>{sessionHeading(ctx, data.session)}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{sessionHeading(ctx, data.session)}</p>
      <When ctx={ctx} session={data.session} />
      {notice === 'cancelled' ? (
        <p class="notice" role="status">
          {t('registration.notice.cancelled')}
        </p>
      ) : null}
      <Availability ctx={ctx} overview={data} />
      <p>
        <a href={`${sessionBase(ctx, data.session)}/participants`}>{t('registration.participants.link')}</a>
      </p>
      <ErrorSummary t={t} form={state} labels={FIELD_LABELS(ctx)} />
      {active ? (
        <MyRegistration ctx={ctx} data={data} registration={active} csrfToken={csrfToken} />
      ) : closed && !form ? (
        <p class="notice">{closed}</p>
      ) : (
        <RegisterForm ctx={ctx} data={data} form={state} csrfToken={csrfToken} />
      )}
    </Layout>
  );
}

export function ParticipantsPage({ ctx, data }: { ctx: ViewContext; data: PublicParticipants }) {
  const { t, locale } = ctx;
  const session = data.overview.session;
  const title = t('registration.participants.title');
  const collator = new Intl.Collator(locale);
  const delegations = [...data.delegations].sort((a, b) =>
    collator.compare(countryName(a.country, locale), countryName(b.country, locale)),
  );
  return (
    <Layout ctx={ctx} title={`${title} · ${sessionHeading(ctx, session)}`}>
      <p class="breadcrumb">
        <a href={sessionBase(ctx, session)}>{sessionHeading(ctx, session)}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{sessionHeading(ctx, session)}</p>
      <p>{t('registration.participants.intro')}</p>
      <Availability ctx={ctx} overview={data.overview} />
      <section aria-labelledby="delegations-heading">
        <h2 id="delegations-heading">{t('registration.participants.delegations')}</h2>
        {delegations.length === 0 ? <p class="muted">{t('registration.participants.none')}</p> : null}
        {delegations.map((d) => (
          <Group key={d.country} title={countryName(d.country, locale)}>
            {d.members.map((m, i) => (
              <li key={i}>{m.displayName}</li>
            ))}
          </Group>
        ))}
      </section>
      <section aria-labelledby="others-heading">
        <h2 id="others-heading">{t('registration.participants.others')}</h2>
        {data.others.length === 0 ? (
          <p class="muted">{t('registration.participants.none')}</p>
        ) : (
          <ul>
            {data.others.map((p, i) => (
              <li key={i}>
                {p.displayName}
                {p.organisationName ? ` (${p.organisationName})` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}

function Group({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <>
      <h3>{title}</h3>
      <ul>{children}</ul>
    </>
  );
}

/** The e-mail's cancel link: a button first (GET never cancels), then the outcome. */
export function CancelLinkPage({
  ctx,
  state,
  token,
  session,
}: {
  ctx: ViewContext;
  state: 'ask' | 'done' | 'already' | 'unknown';
  token: string;
  session?: RegistrableSession;
}) {
  const { t } = ctx;
  const title = t('registration.cancel.title');
  return (
    <Layout ctx={ctx} title={title} noindex>
      <h1>{title}</h1>
      {session ? <p class="lead">{sessionHeading(ctx, session)}</p> : null}
      {state === 'ask' ? (
        <form method="post" action={`/${ctx.locale}/registrations/cancel`}>
          <input type="hidden" name="token" value={token} />
          <p>{t('registration.cancel.ask')}</p>
          <button type="submit">{t('registration.mine.cancel')}</button>
        </form>
      ) : null}
      {state === 'done' ? <p role="status">{t('registration.notice.cancelled')}</p> : null}
      {state === 'already' ? <p>{t('registration.cancel.already')}</p> : null}
      {state === 'unknown' ? <p>{t('registration.cancel.unknown')}</p> : null}
      {session ? (
        <p>
          <a href={sessionBase(ctx, session)}>{sessionHeading(ctx, session)}</a>
        </p>
      ) : null}
    </Layout>
  );
}
