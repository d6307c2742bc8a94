import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql, type ResultOf } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { isStaffRole, type Role, setSession } from '../session.ts';
import {
  FailureNote,
  Field,
  FormFailureNote,
  failureOf,
  Notice,
  SubmitButton,
  useFailure,
  useSubmit,
  useText,
} from '../ui.tsx';
import { PrivacyNoticeQuery } from './privacy.tsx';

const Login = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on AuthPayload { accessToken refreshToken expiresAt account { id displayName role } }
      ... on AuthenticationFailed { message }
    }
  }
`);

const Register = graphql(`
  mutation Register($input: RegisterCitizenInput!) {
    registerCitizen(input: $input) {
      __typename
      ... on RegistrationReceived { received message }
      ... on ValidationError { message fields { field message } }
    }
  }
`);

const DevLogin = graphql(`
  mutation DevLogin($email: String!) {
    devLogin(email: $email) {
      __typename
      ... on DevLoginPayload { token expiresAt account { id displayName role } }
      ... on NotFoundError { message }
    }
  }
`);

const DEMO_ACCOUNTS = [
  { email: 'warga@layanan.test', role: 'CITIZEN' },
  { email: 'warga2@layanan.test', role: 'CITIZEN' },
  { email: 'yulia@layanan.test', role: 'STAFF' },
  { email: 'dewi@layanan.test', role: 'STAFF' },
  { email: 'andi@layanan.test', role: 'STAFF' },
  { email: 'hendra@layanan.test', role: 'SUPERVISOR' },
  { email: 'admin@layanan.test', role: 'ADMIN' },
] as const;

function afterSignIn(role: Role) {
  const next = new URLSearchParams(location.search).get('next');
  navigate(
    next?.startsWith('/') && !next.startsWith('//') ? next : isStaffRole(role) ? '/staf' : '/permohonan',
  );
}

type SignInResult = ResultOf<typeof Login>['login'] | ResultOf<typeof DevLogin>['devLogin'];

/**
 * Starts the session a login or demo login returned and moves on; otherwise returns
 * the failure to show (the typed one, else the transport error).
 */
function signIn(result: SignInResult | undefined, error: { message: string } | undefined) {
  const session =
    result?.__typename === 'AuthPayload'
      ? { ...result, refreshToken: result.refreshToken }
      : result?.__typename === 'DevLoginPayload'
        ? {
            accessToken: result.token,
            expiresAt: result.expiresAt,
            refreshToken: null,
            account: result.account,
          }
        : null;
  if (!session) return failureOf(result) ?? { __typename: 'Error', message: error?.message ?? '' };
  setSession(session);
  afterSignIn(session.account.role);
  return null;
}

export function LoginPage({ reason }: { reason?: string }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'login' | 'register'>('login');
  const [devLogin, setDevLogin] = useState(false);
  useEffect(() => {
    // The gateway says whether its development-only devLogin works; never offered otherwise.
    let cancelled = false;
    fetch('/web-config.json')
      .then((r) => (r.ok ? r.json() : null))
      .then((c: { devLogin?: boolean } | null) => {
        if (!cancelled) setDevLogin(Boolean(c?.devLogin));
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, []);
  return (
    <section className="narrow">
      <h1>{mode === 'login' ? t('signIn') : t('register')}</h1>
      {reason ? <Notice kind="info">{reason}</Notice> : null}
      <fieldset className="tabs">
        <legend className="sr-only">{t('signInOrRegister')}</legend>
        <button type="button" aria-pressed={mode === 'login'} onClick={() => setMode('login')}>
          {t('signIn')}
        </button>
        <button type="button" aria-pressed={mode === 'register'} onClick={() => setMode('register')}>
          {t('register')}
        </button>
      </fieldset>
      {mode === 'login' ? <LoginForm /> : <RegisterForm />}
      {devLogin ? <DemoAccounts /> : null}
    </section>
  );
}

function LoginForm() {
  const { t } = useI18n();
  const identifier = useText();
  const password = useText();
  const [{ fetching }, login] = useMutation(Login);
  const { failure, onSubmit } = useSubmit(async () => {
    const r = await login({ input: { identifier: identifier.value, password: password.value } });
    return signIn(r.data?.login, r.error);
  });
  return (
    <form noValidate onSubmit={onSubmit}>
      <Field label={t('emailOrPhone')} required>
        {(p) => <input {...p} autoComplete="username" {...identifier.bind} />}
      </Field>
      <Field label={t('password')} required>
        {(p) => <input {...p} type="password" autoComplete="current-password" {...password.bind} />}
      </Field>
      <FailureNote failure={failure} />
      <SubmitButton busy={fetching}>{t('signIn')}</SubmitButton>
      <p>
        <Link to="/lupa-sandi" data-testid="forgot-password-link">
          {t('forgotPasswordLink')}
        </Link>
      </p>
    </form>
  );
}

function RegisterForm() {
  const { t } = useI18n();
  const displayName = useText();
  const contact = useText();
  const password = useText();
  const [{ fetching: registering }, register] = useMutation(Register);
  const [{ fetching: signingIn }, login] = useMutation(Login);
  // The notice version the form links to; registration records consent to it.
  const [notice] = useQuery({ query: PrivacyNoticeQuery });
  // The gateway answers a new and an already registered e-mail or number alike (it never says
  // which); the new account then signs in with the same password, and otherwise its message shows.
  const [received, setReceived] = useState<string | null>(null);
  const isPhone = /^[+0-9 ()-]+$/.test(contact.value.trim());
  const { failure, errors, onSubmit } = useSubmit(async () => {
    setReceived(null);
    const r = await register({
      input: {
        displayName: displayName.value,
        password: password.value,
        ...(notice.data ? { privacyNoticeVersion: notice.data.privacyNotice.version } : {}),
        ...(isPhone ? { phone: contact.value } : { email: contact.value }),
      },
    });
    const answer = r.data?.registerCitizen;
    if (answer?.__typename !== 'RegistrationReceived') {
      return failureOf(answer) ?? { __typename: 'Error', message: r.error?.message ?? '' };
    }
    const signedIn = await login({ input: { identifier: contact.value, password: password.value } });
    if (signedIn.data?.login.__typename === 'AuthPayload') return signIn(signedIn.data.login, undefined);
    setReceived(answer.message);
    return null;
  });
  return (
    <form noValidate onSubmit={onSubmit}>
      <Field label={t('displayName')} error={errors.displayName} required>
        {(p) => <input {...p} autoComplete="name" {...displayName.bind} />}
      </Field>
      <Field label={t('emailOrPhone')} error={errors.email ?? errors.phone ?? errors.contact} required>
        {(p) => <input {...p} autoComplete="email" {...contact.bind} />}
      </Field>
      <Field label={t('password')} error={errors.password} hint={t('passwordHint')} required>
        {(p) => <input {...p} type="password" autoComplete="new-password" {...password.bind} />}
      </Field>
      <p className="hint" data-testid="privacy-consent">
        {t('privacyConsent')} <Link to="/privasi">{t('privacyTitle')}</Link>
      </p>
      {received ? <Notice kind="info">{received}</Notice> : null}
      <FormFailureNote failure={failure} shown={['displayName', 'email', 'phone', 'contact', 'password']} />
      <SubmitButton busy={registering || signingIn}>{t('register')}</SubmitButton>
    </form>
  );
}

function DemoAccounts() {
  const { t } = useI18n();
  const { failure, setFailure } = useFailure();
  const [{ fetching }, devLogin] = useMutation(DevLogin);
  return (
    <section className="panel demo" aria-labelledby="demo-title">
      <h2 id="demo-title">{t('demoAccounts')}</h2>
      <p className="hint">{t('demoAccountsHint')}</p>
      <ul className="list">
        {DEMO_ACCOUNTS.map((a) => (
          <li key={a.email}>
            <button
              type="button"
              className="secondary"
              disabled={fetching}
              data-testid={`demo-${a.email}`}
              onClick={async () => {
                const r = await devLogin({ email: a.email });
                setFailure(signIn(r.data?.devLogin, r.error));
              }}
            >
              {a.email}
            </button>{' '}
            <span className="muted">{t(`role_${a.role}`)}</span>
          </li>
        ))}
      </ul>
      <FailureNote failure={failure} />
    </section>
  );
}
