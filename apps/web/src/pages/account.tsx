// The signed-in person's own account: who they are, what reaches them (notification e-mail per
// kind, their language), and changing the password (every other session ends; this one continues
// with the tokens the gateway returns).
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { type Session, setSession } from '../session.ts';
import {
  ErrorNote,
  type Failure,
  FailureNote,
  Field,
  FormFailureNote,
  Loading,
  mutationFailure,
  Notice,
  SubmitButton,
  useFailure,
  useSubmit,
  useText,
} from '../ui.tsx';

const ChangePassword = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      __typename
      ... on AuthPayload { accessToken refreshToken expiresAt account { id displayName role } }
      ... on AuthenticationFailed { code message }
      ... on ValidationError { message fields { field message } }
    }
  }
`);

/** The failure of a form whose new password and its repetition differ, on `repeatPassword`. */
export function repeatMismatch(next: string, repeat: string, message: string): Failure | null {
  if (next === repeat) return null;
  return { __typename: 'ValidationError', message, fields: [{ field: 'repeatPassword', message }] };
}

/** The gateway's code for a wrong current password, shown next to that field. */
const CURRENT_PASSWORD_WRONG = 'CURRENT_PASSWORD_WRONG';

export function AccountPage({ session }: { session: Session }) {
  const { t } = useI18n();
  return (
    <article>
      <h1>{t('accountTitle')}</h1>
      <p data-testid="account-name">
        {session.account.displayName} · {t(`role_${session.account.role}`)}
      </p>
      <NotificationSettingsPanel />
      <ChangePasswordForm />
    </article>
  );
}

function ChangePasswordForm() {
  const { t } = useI18n();
  const current = useText();
  const next = useText();
  const repeat = useText();
  const [changed, setChanged] = useState(false);
  const [{ fetching }, change] = useMutation(ChangePassword);
  const { failure, errors, onSubmit } = useSubmit(
    async () => {
      setChanged(false);
      const differ = repeatMismatch(next.value, repeat.value, t('passwordsDiffer'));
      if (differ) return differ;
      const r = await change({ input: { currentPassword: current.value, newPassword: next.value } });
      const payload = r.data?.changePassword;
      if (payload?.__typename === 'AuthPayload') {
        setSession({ ...payload, refreshToken: payload.refreshToken });
        return null;
      }
      if (payload?.__typename === 'AuthenticationFailed' && payload.code === CURRENT_PASSWORD_WRONG) {
        return { ...payload, fields: [{ field: 'currentPassword', message: payload.message }] };
      }
      return mutationFailure(payload, r.error);
    },
    () => {
      for (const field of [current, next, repeat]) field.set('');
      setChanged(true);
    },
  );
  return (
    <section className="panel" aria-labelledby="password-title">
      <h2 id="password-title">{t('changePassword')}</h2>
      {changed ? <Notice kind="success">{t('passwordChanged')}</Notice> : null}
      <form noValidate onSubmit={onSubmit} data-testid="change-password">
        <Field label={t('currentPassword')} error={errors.currentPassword} required>
          {(p) => <input {...p} type="password" autoComplete="current-password" {...current.bind} />}
        </Field>
        <Field label={t('newPassword')} hint={t('passwordHint')} error={errors.newPassword} required>
          {(p) => <input {...p} type="password" autoComplete="new-password" {...next.bind} />}
        </Field>
        <Field label={t('repeatPassword')} error={errors.repeatPassword} required>
          {(p) => <input {...p} type="password" autoComplete="new-password" {...repeat.bind} />}
        </Field>
        <FormFailureNote failure={failure} shown={['currentPassword', 'newPassword', 'repeatPassword']} />
        <SubmitButton busy={fetching}>{t('changePassword')}</SubmitButton>
      </form>
    </section>
  );
}

const SettingsQuery = graphql(`
  query NotificationSettings {
    notificationSettings { language preferences { kind label email } }
  }
`);

const SetSettings = graphql(`
  mutation SetNotificationSettings($input: SetNotificationSettingsInput!) {
    setNotificationSettings(input: $input) {
      __typename
      ... on SetNotificationSettingsPayload { data { language preferences { kind label email } } }
      ... on ValidationError { message fields { field message } }
    }
  }
`);

/**
 * What reaches the person: every kind always in the app's feed; per kind, whether it is e-mailed
 * too; and the language of notifications and e-mail. Each change is saved at once.
 */
export function NotificationSettingsPanel() {
  const { t } = useI18n();
  const [{ data, error }, refetch] = useQuery({ query: SettingsQuery });
  const [{ fetching }, save] = useMutation(SetSettings);
  const { failure, setFailure } = useFailure();
  const [savedNote, setSavedNote] = useState(false);
  // A box shows the choice at once; the saved settings replace it when they come back.
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const settings = data?.notificationSettings;
  const apply = async (input: Parameters<typeof save>[0]['input']) => {
    setSavedNote(false);
    const r = await save({ input });
    const payload = r.data?.setNotificationSettings;
    const f = mutationFailure(payload, r.error);
    setFailure(f);
    // A refused change: the boxes show the saved settings again.
    if (f) setChosen({});
    if (!f) {
      setSavedNote(true);
      refetch({ requestPolicy: 'network-only' });
    }
  };
  if (error) return <ErrorNote error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!settings) return <Loading />;
  return (
    <section className="panel" aria-labelledby="notify-title" data-testid="notification-settings">
      <h2 id="notify-title">{t('notificationSettings')}</h2>
      <p className="muted">{t('notificationSettingsHint')}</p>
      {savedNote ? <Notice kind="success">{t('settingsSaved')}</Notice> : null}
      <FailureNote failure={failure} />
      <Field label={t('notificationLanguage')}>
        {(p) => (
          <select
            {...p}
            value={settings.language}
            disabled={fetching}
            onChange={(e) => apply({ language: e.target.value as 'id' | 'en' })}
          >
            <option value="id">Bahasa Indonesia</option>
            <option value="en">English</option>
          </select>
        )}
      </Field>
      <fieldset className="field">
        <legend>{t('emailKinds')}</legend>
        {settings.preferences.map((p) => (
          <label key={p.kind} className="check">
            <input
              type="checkbox"
              checked={chosen[p.kind] ?? p.email}
              onChange={(e) => {
                const email = e.target.checked;
                setChosen((c) => ({ ...c, [p.kind]: email }));
                void apply(email ? { emailOn: [p.kind] } : { emailOff: [p.kind] });
              }}
            />{' '}
            {p.label}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
