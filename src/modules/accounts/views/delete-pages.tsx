import { CsrfField } from '../../../platform/views/forms';
import { Layout } from '../../../platform/views/layout';
import type { ViewContext } from '../../../platform/views/view-context';

/** The confirm step of "Delete my account": what goes, what stays (anonymised), and one button. */
export function DeleteAccountPage({
  ctx,
  email,
  csrfToken,
  problem,
}: {
  ctx: ViewContext;
  email: string;
  csrfToken: string;
  problem?: 'notConfirmed' | 'lastSecretariat';
}) {
  const { t, locale } = ctx;
  const title = t('accounts.delete.title');
  return (
    <Layout ctx={ctx} title={title} current="account" noindex>
      <h1>{title}</h1>
      {problem ? (
        <p class="notice" role="alert">
          {problem === 'lastSecretariat'
            ? t('accounts.delete.lastSecretariat')
            : t('accounts.delete.notConfirmed')}
        </p>
      ) : null}
      <p>
        {t('accounts.delete.account')} <strong dir="ltr">{email}</strong>
      </p>
      <h2>{t('accounts.delete.goesTitle')}</h2>
      <ul>
        <li>{t('accounts.delete.goesProfile')}</li>
        <li>{t('accounts.delete.goesSessions')}</li>
        <li>{t('accounts.delete.goesModules')}</li>
        <li>{t('accounts.delete.goesMail')}</li>
      </ul>
      <h2>{t('accounts.delete.staysTitle')}</h2>
      <ul>
        <li>{t('accounts.delete.staysAudit')}</li>
        <li>{t('accounts.delete.staysPublic')}</li>
        <li>{t('accounts.delete.staysRegistrations')}</li>
        <li>{t('accounts.delete.staysOpinions')}</li>
      </ul>
      <p>{t('accounts.delete.downloadFirst')}</p>
      <p>
        <a href={`/${locale}/account/data`} download="colloquy-my-data.json">
          {t('accounts.data.download')}
        </a>
      </p>
      <form method="post" action={`/${locale}/account/delete`}>
        <CsrfField token={csrfToken} />
        <div class="checkbox">
          <input type="checkbox" id="field-confirm" name="confirm" value="yes" required />
          <label for="field-confirm">{t('accounts.delete.confirm')}</label>
        </div>
        <p>
          <button type="submit">{t('accounts.delete.submit')}</button>
        </p>
      </form>
      <p>
        <a href={`/${locale}/account`}>{t('accounts.delete.cancel')}</a>
      </p>
    </Layout>
  );
}

/** After deletion: done, and what was kept without the person's name. */
export function AccountDeletedPage({ ctx }: { ctx: ViewContext }) {
  const { t, locale } = ctx;
  const title = t('accounts.deleted.title');
  return (
    <Layout ctx={ctx} title={title} current="account" noindex>
      <h1>{title}</h1>
      <p role="status">{t('accounts.deleted.done')}</p>
      <p>{t('accounts.deleted.kept')}</p>
      <p>
        <a href={`/${locale}/`}>{t('errors.backHome')}</a>
      </p>
    </Layout>
  );
}
