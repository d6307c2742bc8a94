import {
  SURVEY_AGE_LIMITS,
  SURVEY_EDUCATION_LABELS,
  SURVEY_EDUCATIONS,
  SURVEY_OCCUPATION_LABELS,
  SURVEY_OCCUPATIONS,
  type SurveyEducation,
  type SurveyOccupation,
} from '@layanan/domain/feedback';
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
  Select,
  useFailure,
  useText,
} from '../ui.tsx';

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

const SCORES = [1, 2, 3, 4] as const;

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
  const [gender, setGender] = useState<'' | 'F' | 'M'>('');
  // The respondent profile takes the options of the SKM form (PermenPANRB 14/2017), never free text.
  const [age, setAge] = useState('');
  const [education, setEducation] = useState<'' | SurveyEducation>('');
  const [occupation, setOccupation] = useState<'' | SurveyOccupation>('');
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
    const unanswered = invitation.elements.filter((e) => !answers[e.code]).map((e) => e.code);
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
        ...(gender || age || education || occupation
          ? {
              profile: {
                ...(gender ? { gender } : {}),
                ...(age ? { age: Number(age) } : {}),
                ...(education ? { education } : {}),
                ...(occupation ? { occupation } : {}),
              },
            }
          : {}),
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
        {invitation.elements.map((element, index) => {
          const problem = missing.includes(element.code) ? t('surveyChooseOne') : undefined;
          return (
            <fieldset
              key={element.code}
              className={`field likert${problem ? ' invalid' : ''}`}
              data-testid={`survey-${element.code}`}
            >
              <legend id={`survey-${element.code}`} tabIndex={-1}>
                {index + 1}. {element.question} <span className="muted">({element.label})</span>
              </legend>
              <div className="scale">
                {SCORES.map((score) => (
                  <label key={score} className="check">
                    <input
                      type="radio"
                      name={`survey-${element.code}`}
                      value={score}
                      checked={answers[element.code] === score}
                      onChange={() => {
                        setAnswers((a) => ({ ...a, [element.code]: score }));
                        setMissing((m) => m.filter((c) => c !== element.code));
                      }}
                    />{' '}
                    {score} — {element.answerLabels[score - 1] ?? score}
                  </label>
                ))}
              </div>
              {problem ? <p className="field-error">{problem}</p> : null}
            </fieldset>
          );
        })}
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
        <Field label={t('surveyGender')}>
          {(p) => (
            <select {...p} value={gender} onChange={(e) => setGender(e.target.value as typeof gender)}>
              <option value="">{t('surveySkip')}</option>
              <option value="F">{t('genderF')}</option>
              <option value="M">{t('genderM')}</option>
            </select>
          )}
        </Field>
        <Field label={t('surveyAge')} error={errors['profile.age']}>
          {(p) => (
            <input
              {...p}
              type="number"
              inputMode="numeric"
              min={SURVEY_AGE_LIMITS.min}
              max={SURVEY_AGE_LIMITS.max}
              step={1}
              value={age}
              onChange={(e) => setAge(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('surveyEducation')} error={errors['profile.education']}>
          {(p) => (
            <Select
              {...p}
              options={SURVEY_EDUCATIONS}
              value={education}
              onChange={setEducation}
              label={(o) => SURVEY_EDUCATION_LABELS[o as SurveyEducation][lang]}
            >
              <option value="">{t('surveySkip')}</option>
            </Select>
          )}
        </Field>
        <Field label={t('surveyOccupation')} error={errors['profile.occupation']}>
          {(p) => (
            <Select
              {...p}
              options={SURVEY_OCCUPATIONS}
              value={occupation}
              onChange={setOccupation}
              label={(o) => SURVEY_OCCUPATION_LABELS[o as SurveyOccupation][lang]}
            >
              <option value="">{t('surveySkip')}</option>
            </Select>
          )}
        </Field>
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
