import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { serviceName } from '../labels.ts';
import {
  ErrorNote,
  FailureNote,
  Field,
  Loading,
  mutationFailure,
  Notice,
  useFailure,
  useText,
} from '../ui.tsx';
import {
  ElementQuestions,
  NO_PROFILE,
  profileInput,
  RespondentProfileFields,
  SCORES,
  unansweredElements,
} from './survey-fields.tsx';

const InvitationQuery = graphql(`
  query SurveyInvitation($code: String!) {
    surveyInvitation(trackingCode: $code) {
      trackingCode
      answered
      service { name nameEn }
      elements { code label question answerLabels }
      staffToRate { id name }
    }
  }
`);

const SubmitSurvey = graphql(`
  mutation SubmitSurvey($input: SubmitSurveyInput!) {
    submitSurvey(input: $input) {
      __typename
      ... on SubmitSurveyPayload { data { id respondentCode } }
      ... on ValidationError { message fields { field message } }
      ... on ConflictError { message }
      ... on NotFoundError { message }
    }
  }
`);

/** The satisfaction survey (PermenPANRB 14/2017) of a completed request, answered once. */
export function SurveySection({ trackingCode }: { trackingCode: string }) {
  const { t, lang } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: InvitationQuery,
    variables: { code: trackingCode },
  });
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [ratings, setRatings] = useState<Record<string, { competence?: number; behaviour?: number }>>({});
  const suggestion = useText();
  const [profile, setProfile] = useState(NO_PROFILE);
  const [missing, setMissing] = useState<string[]>([]);
  const { failure, setFailure, errors } = useFailure();
  const [{ fetching: sending }, submit] = useMutation(SubmitSurvey);
  const invitation = data?.surveyInvitation;

  if (error) return <ErrorNote error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <Loading />;
  if (!invitation) return null;
  if (invitation.answered)
    return (
      <section className="panel" aria-labelledby="survey-title" data-testid="survey-done">
        <h2 id="survey-title">{t('surveyTitle')}</h2>
        <Notice kind="success">{t('surveyThanks')}</Notice>
      </section>
    );

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    const unanswered = unansweredElements(invitation.elements, answers);
    setMissing(unanswered);
    if (unanswered.length > 0) {
      document.getElementById(`survey-${unanswered[0]}`)?.focus();
      return;
    }
    const staffRatings = Object.entries(ratings)
      .filter(([, r]) => r.competence && r.behaviour)
      .map(([staffId, r]) => ({ staffId, competence: r.competence!, behaviour: r.behaviour! }));
    const r = await submit({
      input: {
        trackingCode,
        answers: invitation.elements.map((e) => ({ element: e.code, score: answers[e.code]! })),
        ...(suggestion.value.trim() ? { suggestion: suggestion.value } : {}),
        ...(profileInput(profile) ? { profile: profileInput(profile) } : {}),
        ...(staffRatings.length > 0 ? { staffRatings } : {}),
      },
    });
    const f = mutationFailure(r.data?.submitSurvey, r.error);
    setFailure(f);
    if (!f || f.__typename === 'ConflictError') refetch({ requestPolicy: 'network-only' });
  };

  return (
    <section className="panel survey" aria-labelledby="survey-title">
      <h2 id="survey-title">{t('surveyTitle')}</h2>
      <p>{t('surveyIntro', { service: serviceName(invitation.service, lang) })}</p>
      <form noValidate onSubmit={onSubmit}>
        <ElementQuestions
          elements={invitation.elements}
          answers={answers}
          missing={missing}
          onAnswer={(element, score) => {
            setAnswers((a) => ({ ...a, [element]: score }));
            setMissing((m) => m.filter((c) => c !== element));
          }}
        />
        {invitation.staffToRate.length > 0 ? (
          <fieldset className="field">
            <legend>{t('surveyRateStaff')}</legend>
            {invitation.staffToRate.map((s) => (
              <div key={s.id} className="staff-rating">
                <strong>{s.name}</strong>
                {(['competence', 'behaviour'] as const).map((aspect) => (
                  <Field key={aspect} label={t(`surveyStaff_${aspect}`)}>
                    {(p) => (
                      <select
                        {...p}
                        value={ratings[s.id]?.[aspect] ?? ''}
                        onChange={(e) =>
                          setRatings((r) => ({
                            ...r,
                            [s.id]: { ...r[s.id], [aspect]: Number(e.target.value) || undefined },
                          }))
                        }
                      >
                        <option value="">{t('surveySkip')}</option>
                        {SCORES.map((n) => (
                          <option key={n} value={n}>
                            {n}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                ))}
              </div>
            ))}
          </fieldset>
        ) : null}
        <RespondentProfileFields profile={profile} onChange={setProfile} errors={errors} />
        <Field label={t('surveySuggestion')} error={errors.suggestion}>
          {(p) => <textarea {...p} rows={3} {...suggestion.bind} />}
        </Field>
        <FailureNote failure={failure} />
        <button type="submit" disabled={sending}>
          {sending ? t('submitting') : t('surveySend')}
        </button>
      </form>
    </section>
  );
}
