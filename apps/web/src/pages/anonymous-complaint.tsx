// Anonymous complaints (issue 20; SP4N-LAPOR! Anonim, Perpres 76/2013 art. 4): what the reporter
// sees right after filing (the tracking code and the secret, shown once) and the page where the
// holder of both follows the complaint and accepts or contests its outcome. The code alone is
// never enough: the gateway refuses it like a wrong secret.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { type MessageKey, useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import {
  ErrorNote,
  Field,
  FormFailureNote,
  formatDate,
  formatDateTime,
  Loading,
  mutationFailure,
  Notice,
  SubmitButton,
  useSubmit,
  useText,
} from '../ui.tsx';
import { OutcomeAnswerForms } from './complaint-answer.tsx';

/** The code and the secret of a complaint just filed, with the warning to keep them. */
export function AnonymousFiled({ trackingCode, secret }: { trackingCode: string; secret: string }) {
  const { t } = useI18n();
  return (
    <div className="note success" role="status" data-testid="anonymous-filed">
      <h3>{t('anonymousFiledTitle')}</h3>
      <p>
        <strong>{t('anonymousKeepWarning')}</strong>
      </p>
      <dl>
        <dt>{t('trackingCodeIs')}</dt>
        <dd className="tracking">
          <output data-testid="tracking-code">{trackingCode}</output>
        </dd>
        <dt>{t('anonymousSecret')}</dt>
        <dd className="tracking">
          <output data-testid="anonymous-secret">{secret}</output>
        </dd>
      </dl>
      <p>
        <Link to="/pengaduan-anonim">{t('anonymousFollow')}</Link>
      </p>
    </div>
  );
}

const AnonymousQuery = graphql(`
  query AnonymousComplaint($code: String!, $secret: String!) {
    anonymousComplaint(trackingCode: $code, secret: $secret) {
      __typename
      ... on AnonymousComplaint {
        trackingCode
        state
        version
        originalText
        completionDueOn
        answerWindowEndsOn
        reopenCount
        hasContact
        service { name nameEn }
        trail { kind toState publicNote at }
      }
      ... on AuthenticationFailed { code message }
    }
  }
`);

const AnswerAnonymous = graphql(`
  mutation AnswerAnonymous($input: AnswerAnonymousComplaintInput!) {
    answerAnonymousComplaint(input: $input) {
      __typename
      ... on AnonymousComplaintPayload { complaint { trackingCode version state answerWindowEndsOn } }
      ... on ValidationError { fields { field message } }
      ... on Failure { code message }
    }
  }
`);

const CorrectAnonymous = graphql(`
  mutation CorrectAnonymous($input: CorrectAnonymousComplaintInput!) {
    correctAnonymousComplaint(input: $input) {
      __typename
      ... on AnonymousComplaintPayload { complaint { trackingCode version state } }
      ... on ValidationError { fields { field message } }
      ... on Failure { code message }
    }
  }
`);

const WithdrawContact = graphql(`
  mutation WithdrawAnonymousContact($input: WithdrawAnonymousContactInput!) {
    withdrawAnonymousContact(input: $input) {
      __typename
      ... on AnonymousComplaintPayload { complaint { trackingCode hasContact } }
      ... on Failure { code message }
    }
  }
`);

/** /pengaduan-anonim: the complaint for the holder of its tracking code and secret. */
export function AnonymousComplaintPage() {
  const { t, lang } = useI18n();
  // A contact e-mail links here with the code (never the secret).
  const code = useText(new URLSearchParams(location.search).get('kode') ?? '');
  const secret = useText();
  const [asked, setAsked] = useState<{ code: string; secret: string } | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AnonymousQuery,
    variables: asked ?? { code: '', secret: '' },
    pause: asked === null,
    requestPolicy: 'network-only',
  });
  const found = data?.anonymousComplaint;
  const complaint = found?.__typename === 'AnonymousComplaint' ? found : null;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <section>
      <h1>{t('anonymousPageTitle')}</h1>
      <p className="hint">{t('anonymousPageHint')}</p>
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setAsked({ code: code.value.trim(), secret: secret.value.trim() });
        }}
      >
        <Field label={t('trackLabel')}>
          {(p) => <input {...p} name="trackingCode" autoComplete="off" {...code.bind} />}
        </Field>
        <Field label={t('anonymousSecret')}>
          {(p) => <input {...p} name="secret" autoComplete="off" {...secret.bind} />}
        </Field>
        <button type="submit">{t('anonymousOpen')}</button>
      </form>
      {error ? <ErrorNote error={error} /> : null}
      {fetching ? <Loading /> : null}
      {found?.__typename === 'AuthenticationFailed' ? (
        <Notice kind="warn">
          <span data-testid="anonymous-refused">{found.message}</span>
        </Notice>
      ) : null}
      {complaint && asked ? (
        <div className="panel" data-testid="anonymous-complaint">
          <h2>
            {lang === 'en' ? (complaint.service.nameEn ?? complaint.service.name) : complaint.service.name}
          </h2>
          <p>
            <code>{complaint.trackingCode}</code> —{' '}
            <span data-testid="anonymous-state">{t(`state_${complaint.state}` as MessageKey)}</span>
          </p>
          {complaint.completionDueOn ? (
            <p>{t('dueOn', { date: formatDate(complaint.completionDueOn, lang) })}</p>
          ) : null}
          <blockquote>{complaint.originalText}</blockquote>
          <ol className="trail">
            {complaint.trail.map((e) => (
              <li key={`${e.at}-${e.kind}`}>
                <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time> —{' '}
                {t(`state_${e.toState}` as MessageKey)}
                {e.publicNote ? <p>{e.publicNote}</p> : null}
              </li>
            ))}
          </ol>
          {complaint.state === 'RETURNED_TO_CITIZEN' ? (
            <AnonymousCorrection handle={asked} version={complaint.version} onDone={reload} />
          ) : null}
          {complaint.answerWindowEndsOn ? (
            <AnonymousAnswer
              handle={asked}
              version={complaint.version}
              windowEnd={complaint.answerWindowEndsOn}
              onDone={reload}
            />
          ) : null}
          {complaint.hasContact ? <WithdrawContactButton handle={asked} onDone={reload} /> : null}
        </div>
      ) : null}
    </section>
  );
}

type Handle = { code: string; secret: string };

function AnonymousAnswer({
  handle,
  version,
  windowEnd,
  onDone,
}: {
  handle: Handle;
  version: number;
  windowEnd: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [{ fetching }, answer] = useMutation(AnswerAnonymous);
  const send = async (accept: boolean, reason: string) => {
    const r = await answer({
      input: {
        trackingCode: handle.code,
        secret: handle.secret,
        expectedVersion: version,
        accept,
        reason: accept ? null : reason,
      },
    });
    return mutationFailure(r.data?.answerAnonymousComplaint, r.error);
  };
  return (
    <section aria-labelledby="anonymous-answer-title" data-testid="complaint-answer">
      <h3 id="anonymous-answer-title">{t('outcomeTitle')}</h3>
      <OutcomeAnswerForms
        windowEnd={windowEnd}
        busy={fetching}
        send={send}
        onContested={onDone}
        onAccepted={onDone}
      />
    </section>
  );
}

/** The answer to a return (text only), which hands the complaint back to the unit. */
function AnonymousCorrection({
  handle,
  version,
  onDone,
}: {
  handle: Handle;
  version: number;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const text = useText();
  const [{ fetching }, correct] = useMutation(CorrectAnonymous);
  const { failure, errors, onSubmit } = useSubmit(async () => {
    const r = await correct({
      input: { trackingCode: handle.code, secret: handle.secret, text: text.value, expectedVersion: version },
    });
    return mutationFailure(r.data?.correctAnonymousComplaint, r.error);
  }, onDone);
  return (
    <form className="stack" noValidate onSubmit={onSubmit} aria-labelledby="anonymous-correction-title">
      <h3 id="anonymous-correction-title">{t('returnedTitle')}</h3>
      <Field label={t('correctionText')} hint={t('correctionHint')} error={errors.text} required>
        {(p) => <textarea {...p} name="text" rows={4} {...text.bind} />}
      </Field>
      <FormFailureNote failure={failure} shown={['text']} />
      <SubmitButton busy={fetching}>{t('sendCorrection')}</SubmitButton>
    </form>
  );
}

function WithdrawContactButton({ handle, onDone }: { handle: Handle; onDone: () => void }) {
  const { t } = useI18n();
  const [{ fetching }, withdraw] = useMutation(WithdrawContact);
  const submit = useSubmit(async () => {
    const r = await withdraw({ input: { trackingCode: handle.code, secret: handle.secret } });
    return mutationFailure(r.data?.withdrawAnonymousContact, r.error);
  }, onDone);
  return (
    <form noValidate onSubmit={submit.onSubmit}>
      <FormFailureNote failure={submit.failure} shown={[]} />
      <SubmitButton busy={fetching}>{t('anonymousWithdrawContact')}</SubmitButton>
    </form>
  );
}
