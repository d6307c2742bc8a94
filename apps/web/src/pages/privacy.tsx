// The privacy notice (issue 23 item 4, UU 27/2022): what the city holds and why, the person's
// rights and their time limits, the data-protection officer (from the gateway's configuration),
// and where to exercise the rights (/data-saya). Public.
import { useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { ErrorNote, Loading, Notice } from '../ui.tsx';

export const PrivacyNoticeQuery = graphql(`
  query PrivacyNotice {
    privacyNotice { version retentionYears responseHours dataProtectionOfficer { name email phone address placeholder } }
  }
`);

export function PrivacyPage() {
  const { t } = useI18n();
  const [{ data, error }, refetch] = useQuery({ query: PrivacyNoticeQuery });
  if (error) return <ErrorNote error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const notice = data?.privacyNotice;
  if (!notice) return <Loading />;
  const dpo = notice.dataProtectionOfficer;
  return (
    <article data-testid="privacy-notice">
      <h1>{t('privacyTitle')}</h1>
      <p className="muted">{t('privacyVersion', { version: notice.version })}</p>
      <h2>{t('privacyWhatTitle')}</h2>
      <p>{t('privacyWhat')}</p>
      <h2>{t('privacyRightsTitle')}</h2>
      <ul>
        <li>{t('privacyRightSee', { hours: String(notice.responseHours) })}</li>
        <li>{t('privacyRightCorrect', { hours: String(notice.responseHours) })}</li>
        <li>{t('privacyRightErase')}</li>
        <li>{t('privacyRightWithdraw')}</li>
        <li>{t('privacyRightWho')}</li>
      </ul>
      <p>
        <Link to="/data-saya">{t('myDataTitle')}</Link>
      </p>
      <h2>{t('privacyRetentionTitle')}</h2>
      <p>{t('privacyRetention', { years: String(notice.retentionYears) })}</p>
      <h2>{t('privacyDpoTitle')}</h2>
      {dpo.placeholder ? <Notice kind="warn">{t('privacyDpoPlaceholder')}</Notice> : null}
      <address data-testid="dpo">
        {dpo.name}
        <br />
        <a href={`mailto:${dpo.email}`}>{dpo.email}</a> · {dpo.phone}
        <br />
        {dpo.address}
      </address>
      <p className="muted">{t('privacySource')}</p>
    </article>
  );
}
