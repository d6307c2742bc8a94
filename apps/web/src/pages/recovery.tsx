// Proving an address and recovering an account (issue 18): the banner that asks a signed-in citizen
// to verify their e-mail address (with a resend button), the page a verification link opens
// (/verifikasi-email?token=…), "Lupa kata sandi" (/lupa-sandi) and the page a reset link opens
// (/atur-sandi?token=…). The token leaves the address bar as soon as the page has read it.
import { useEffect, useState } from 'react';
import { type Client, useClient, useMutation, useQuery } from 'urql';
import { graphql, type ResultOf } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import {
  FailureNote,
  Field,
  FormFailureNote,
  failureOf,
  Loading,
  mutationFailure,
  Notice,
  SubmitButton,
  useSubmit,
  useText,
} from '../ui.tsx';
import { repeatMismatch } from './account.tsx';

/** The `token` of the link that opened the page, read once; then removed from the address bar. */
function useLinkToken(): string {
  const [token] = useState(() => new URLSearchParams(location.search).get('token') ?? '');
  useEffect(() => {
    if (location.search) history.replaceState(null, '', location.pathname);
  }, []);
  return token;
}

const EmailStatus = graphql(`
  query EmailStatus { me { account { id email emailVerified } } }
`);

const RequestEmailVerification = graphql(`
  mutation RequestEmailVerification {
    requestEmailVerification {
      __typename
      ... on VerificationSent { expiresAt }
      ... on ValidationError { message fields { field message } }
      ... on ConflictError { message }
    }
  }
`);

/** For a signed-in citizen whose e-mail address is not verified: why it matters, and a resend. */
export function VerificationBanner() {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: EmailStatus });
  const [{ fetching }, resend] = useMutation(RequestEmailVerification);
  const [sent, setSent] = useState(false);
  const { failure, onSubmit } = useSubmit(
    async () => {
      const r = await resend({});
      const payload = r.data?.requestEmailVerification;
      if (payload?.__typename === 'VerificationSent') return null;
      return mutationFailure(payload, r.error);
    },
    () => setSent(true),
  );
  const account = data?.me.account;
  if (!account?.email || account.emailVerified) return null;
  return (
    <aside className="panel banner" data-testid="verify-banner" aria-label={t('verifyEmailTitle')}>
      <p>
        <strong>{t('verifyEmailTitle')}</strong> {t('verifyEmailBanner', { email: account.email })}
      </p>
      {sent ? <Notice kind="success">{t('verifyEmailSent')}</Notice> : null}
      <form noValidate onSubmit={onSubmit}>
        <FormFailureNote failure={failure} shown={[]} />
        <SubmitButton busy={fetching}>{t('verifyEmailResend')}</SubmitButton>
      </form>
    </aside>
  );
}

const VerifyEmail = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
      __typename
      ... on EmailVerified { verified attachedRequests }
      ... on ValidationError { message fields { field message } }
    }
  }
`);

type VerifyAnswer = ResultOf<typeof VerifyEmail>['verifyEmail'] | undefined;
// A link is used once: React's development double effects and re-renders share the one call.
const verifying = new Map<string, Promise<{ answer: VerifyAnswer; error?: string }>>();

function verifyOnce(client: Client, token: string) {
  let call = verifying.get(token);
  if (!call) {
    call = client
      .mutation(VerifyEmail, { token })
      .toPromise()
      .then((r) => ({ answer: r.data?.verifyEmail, error: r.error?.message }));
    verifying.set(token, call);
  }
  return call;
}

/** /verifikasi-email?token=…: uses the link at once and says what happened. */
export function VerifyEmailPage() {
  const { t } = useI18n();
  const token = useLinkToken();
  const client = useClient();
  const [result, setResult] = useState<{ answer: VerifyAnswer; error?: string } | null>(null);
  useEffect(() => {
    if (!token) return;
    let live = true;
    void verifyOnce(client, token).then((r) => {
      if (live) setResult(r);
    });
    return () => {
      live = false;
    };
  }, [client, token]);
  const answer = result?.answer;
  return (
    <section className="narrow">
      <h1>{t('verifyEmailTitle')}</h1>
      {!token ? (
        <Notice kind="warn">{t('linkTokenMissing')}</Notice>
      ) : !result ? (
        <Loading />
      ) : answer?.__typename === 'EmailVerified' ? (
        <>
          <Notice kind="success">
            <span data-testid="email-verified">{t('verifyEmailDone')}</span>
            {answer.attachedRequests > 0
              ? ` ${t('verifyEmailAttached', { count: answer.attachedRequests })}`
              : ''}
          </Notice>
          <p>
            <Link to="/permohonan">{t('navMyRequests')}</Link>
          </p>
        </>
      ) : (
        <>
          <FailureNote failure={failureOf(answer) ?? { __typename: 'Error', message: result.error ?? '' }} />
          <p>{t('verifyEmailAgain')}</p>
        </>
      )}
    </section>
  );
}

const RequestReset = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) {
      __typename
      ... on PasswordResetRequested { received message }
      ... on ValidationError { message fields { field message } }
    }
  }
`);

/** /lupa-sandi: asks for a reset link; the answer is the same whether the address is known. */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const email = useText();
  const [received, setReceived] = useState<string | null>(null);
  const [{ fetching }, request] = useMutation(RequestReset);
  const { failure, errors, onSubmit } = useSubmit(async () => {
    setReceived(null);
    const r = await request({ input: { email: email.value } });
    const payload = r.data?.requestPasswordReset;
    if (payload?.__typename === 'PasswordResetRequested') {
      setReceived(payload.message);
      return null;
    }
    return mutationFailure(payload, r.error);
  });
  return (
    <section className="narrow">
      <h1>{t('forgotPassword')}</h1>
      <p>{t('forgotPasswordHint')}</p>
      {received ? (
        <Notice kind="info">
          <span data-testid="reset-requested">{received}</span>
        </Notice>
      ) : null}
      <form noValidate onSubmit={onSubmit} data-testid="forgot-password">
        <Field label={t('email')} error={errors.email} required>
          {(p) => <input {...p} type="email" autoComplete="email" {...email.bind} />}
        </Field>
        <FormFailureNote failure={failure} shown={['email']} />
        <SubmitButton busy={fetching}>{t('sendResetLink')}</SubmitButton>
      </form>
      <p>
        <Link to="/masuk">{t('backToSignIn')}</Link>
      </p>
    </section>
  );
}

const ResetPassword = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      __typename
      ... on PasswordReset { reset }
      ... on ValidationError { message fields { field message } }
    }
  }
`);

/** /atur-sandi?token=…: a new password (twice); every session of the account ends. */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const token = useLinkToken();
  const next = useText();
  const repeat = useText();
  const [done, setDone] = useState(false);
  const [{ fetching }, reset] = useMutation(ResetPassword);
  const { failure, errors, onSubmit } = useSubmit(
    async () => {
      const differ = repeatMismatch(next.value, repeat.value, t('passwordsDiffer'));
      if (differ) return differ;
      const r = await reset({ input: { token, newPassword: next.value } });
      const payload = r.data?.resetPassword;
      if (payload?.__typename === 'PasswordReset') return null;
      return mutationFailure(payload, r.error);
    },
    () => setDone(true),
  );
  if (done) {
    return (
      <section className="narrow">
        <h1>{t('resetPasswordTitle')}</h1>
        <Notice kind="success">
          <span data-testid="password-reset">{t('resetPasswordDone')}</span>
        </Notice>
        <p>
          <Link to="/masuk">{t('signIn')}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t('resetPasswordTitle')}</h1>
      {!token ? <Notice kind="warn">{t('linkTokenMissing')}</Notice> : null}
      <form noValidate onSubmit={onSubmit} data-testid="reset-password">
        <Field label={t('newPassword')} hint={t('passwordHint')} error={errors.newPassword} required>
          {(p) => <input {...p} type="password" autoComplete="new-password" {...next.bind} />}
        </Field>
        <Field label={t('repeatPassword')} error={errors.repeatPassword} required>
          {(p) => <input {...p} type="password" autoComplete="new-password" {...repeat.bind} />}
        </Field>
        <FormFailureNote failure={failure} shown={['newPassword', 'repeatPassword']} />
        <SubmitButton busy={fetching}>{t('resetPasswordSubmit')}</SubmitButton>
      </form>
      <p>
        <Link to="/lupa-sandi">{t('forgotPassword')}</Link>
      </p>
    </section>
  );
}
