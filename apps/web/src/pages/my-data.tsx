// "Data saya" (issue 23 item 3, UU 27/2022 art. 6–8, 32): download everything the city holds about
// the signed-in person, correct the profile, see which staff looked at their identity data, and
// erase the account (confirmed twice: the password and a checkbox).
import { useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { PAGE_SIZE, PagerNav, pageData, usePager } from '../paging.tsx';
import { Link, navigate } from '../router.tsx';
import { setSession } from '../session.ts';
import {
  Checkbox,
  ErrorNote,
  Field,
  FormFailureNote,
  formatDateTime,
  Loading,
  mutationFailure,
  Notice,
  SubmitButton,
  useSubmit,
  useText,
} from '../ui.tsx';

const MyDataQuery = graphql(`
  query MyData {
    me { account { id displayName email phone emailVerified } }
  }
`);
const IdentityViewLogQuery = graphql(`
  query MyIdentityViewLog($first: Int!, $after: String) {
    me {
      identityViewLog(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { at what trackingCode viewerName viewerUnit } }
      }
    }
  }
`);
const ExportQuery = graphql(`query MyDataExport { me { personalData } }`);
const UpdateProfile = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      __typename
      ... on UpdateProfilePayload { emailVerificationSent account { id displayName email phone emailVerified } }
      ... on ValidationError { message fields { field message } }
      ... on ConflictError { code message }
    }
  }
`);
const EraseMyAccount = graphql(`
  mutation EraseMyAccount($input: EraseMyAccountInput!) {
    eraseMyAccount(input: $input) {
      __typename
      ... on AccountErased { erasedAt requests submissions }
      ... on AuthenticationFailed { code message }
      ... on OperationFailed { code message }
      ... on ConflictError { code message }
    }
  }
`);

export function MyDataPage() {
  const { t } = useI18n();
  const [{ data, error }, refetch] = useQuery({ query: MyDataQuery, requestPolicy: 'network-only' });
  if (error) return <ErrorNote error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const account = data?.me.account;
  if (!account) return <Loading />;
  return (
    <article data-testid="my-data">
      <h1>{t('myDataTitle')}</h1>
      <p>
        {t('myDataIntro')} <Link to="/privasi">{t('privacyTitle')}</Link>
      </p>
      <DownloadPanel />
      <ProfileForm account={account} />
      <IdentityViewLog />
      <EraseForm />
    </article>
  );
}

/** Who of the staff looked at the person's identity data, newest first, paged with the total. */
function IdentityViewLog() {
  const { t, lang } = useI18n();
  const pager = usePager('identity-views');
  const variables = { first: PAGE_SIZE, after: pager.after };
  const [result, refetch] = useQuery({
    query: IdentityViewLogQuery,
    variables,
    requestPolicy: 'network-only',
  });
  const log = pageData(result, variables)?.me.identityViewLog;
  const views = log?.edges.map((e) => e.node) ?? [];
  return (
    <section className="panel" aria-labelledby="views-title">
      <h2 id="views-title">{t('identityViewsTitle')}</h2>
      <p className="muted">{t('identityViewsHint')}</p>
      {result.error ? (
        <ErrorNote error={result.error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : null}
      {!log && !result.error ? <Loading /> : null}
      {log && views.length === 0 ? <p data-testid="no-identity-views">{t('identityViewsNone')}</p> : null}
      {views.length > 0 ? (
        <table data-testid="identity-views">
          <thead>
            <tr>
              <th>{t('identityViewWhen')}</th>
              <th>{t('identityViewWho')}</th>
              <th>{t('identityViewWhat')}</th>
            </tr>
          </thead>
          <tbody>
            {views.map((v, i) => (
              <tr key={`${v.at}-${v.what}-${i}`}>
                <td>{formatDateTime(v.at, lang)}</td>
                <td>
                  {v.viewerName}
                  {v.viewerUnit ? ` (${v.viewerUnit})` : ''}
                </td>
                <td>
                  {v.what === 'REQUEST_APPLICANT' ? t('identityViewContacts') : t('identityViewAttributes')}{' '}
                  {v.trackingCode ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <PagerNav pager={pager} connection={log} shown={views.length} />
    </section>
  );
}

function DownloadPanel() {
  const { t } = useI18n();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    const r = await client.query(ExportQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    const blob = new Blob([JSON.stringify(r.data?.me.personalData ?? null, null, 2)], {
      type: 'application/json',
    });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'data-saya-layanan.json';
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <section className="panel" aria-labelledby="download-title">
      <h2 id="download-title">{t('myDataDownloadTitle')}</h2>
      <p className="muted">{t('myDataDownloadHint')}</p>
      <button type="button" onClick={download} disabled={busy} data-testid="download-my-data">
        {t('myDataDownload')}
      </button>
    </section>
  );
}

type Account = { displayName: string; email: string | null; phone: string | null; emailVerified: boolean };

function ProfileForm({ account }: { account: Account }) {
  const { t } = useI18n();
  const name = useText(account.displayName);
  const email = useText(account.email ?? '');
  const phone = useText(account.phone ?? '');
  const [done, setDone] = useState<string | null>(null);
  const [{ fetching }, update] = useMutation(UpdateProfile);
  const { failure, errors, onSubmit } = useSubmit(async () => {
    setDone(null);
    const r = await update({ input: { displayName: name.value, email: email.value, phone: phone.value } });
    const payload = r.data?.updateProfile;
    if (payload?.__typename === 'UpdateProfilePayload') {
      setDone(payload.emailVerificationSent ? t('profileSavedVerify') : t('profileSaved'));
      return null;
    }
    return mutationFailure(payload, r.error);
  });
  return (
    <section className="panel" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('profileTitle')}</h2>
      {done ? <Notice kind="success">{done}</Notice> : null}
      <form noValidate onSubmit={onSubmit} data-testid="profile-form">
        <Field label={t('displayName')} error={errors.displayName} required>
          {(p) => <input {...p} autoComplete="name" {...name.bind} />}
        </Field>
        <Field label={t('email')} error={errors.email} hint={t('profileEmailHint')}>
          {(p) => <input {...p} type="email" autoComplete="email" {...email.bind} />}
        </Field>
        <Field label={t('phone')} error={errors.phone} hint={t('profilePhoneHint')}>
          {(p) => <input {...p} type="tel" autoComplete="tel" {...phone.bind} />}
        </Field>
        <FormFailureNote failure={failure} shown={['displayName', 'email', 'phone']} />
        <SubmitButton busy={fetching}>{t('profileSave')}</SubmitButton>
      </form>
    </section>
  );
}

function EraseForm() {
  const { t } = useI18n();
  const password = useText();
  const [sure, setSure] = useState(false);
  const [{ fetching }, erase] = useMutation(EraseMyAccount);
  const { failure, errors, onSubmit } = useSubmit(async () => {
    if (!sure)
      return {
        __typename: 'ValidationError',
        message: t('eraseConfirmNeeded'),
        fields: [{ field: 'sure', message: t('eraseConfirmNeeded') }],
      };
    const r = await erase({ input: { password: password.value } });
    const payload = r.data?.eraseMyAccount;
    if (payload?.__typename === 'AccountErased') {
      setSession(null);
      navigate('/?akun-dihapus=1');
      return null;
    }
    if (payload?.__typename === 'AuthenticationFailed')
      return { ...payload, fields: [{ field: 'password', message: payload.message }] };
    return mutationFailure(payload, r.error);
  });
  return (
    <section className="panel danger" aria-labelledby="erase-title">
      <h2 id="erase-title">{t('eraseTitle')}</h2>
      <p>{t('eraseExplain')}</p>
      <form noValidate onSubmit={onSubmit} data-testid="erase-form">
        <Field label={t('currentPassword')} error={errors.password} required>
          {(p) => <input {...p} type="password" autoComplete="current-password" {...password.bind} />}
        </Field>
        <Checkbox checked={sure} onChange={setSure} testId="erase-sure">
          {t('eraseConfirm')}
        </Checkbox>
        {errors.sure ? <p className="error">{errors.sure}</p> : null}
        <FormFailureNote failure={failure} shown={['password', 'sure']} />
        <SubmitButton busy={fetching}>{t('eraseButton')}</SubmitButton>
      </form>
    </section>
  );
}
