// The parts of the SKM questionnaire (PermenPANRB 14/2017) shared by the citizen's survey of a
// completed request and the counter (walk-in) entry staff type in: the element questions on the
// 1–4 scale and the respondent profile, which takes the form's options, never free text.
import {
  SURVEY_AGE_LIMITS,
  SURVEY_EDUCATION_LABELS,
  SURVEY_EDUCATIONS,
  SURVEY_OCCUPATION_LABELS,
  SURVEY_OCCUPATIONS,
  type SurveyEducation,
  type SurveyOccupation,
} from '@layanan/domain/feedback';
import { useI18n } from '../i18n.tsx';
import { Field, Select } from '../ui.tsx';

export const SCORES = [1, 2, 3, 4] as const;

export type SkmElementQuestion = {
  code: string;
  label: string;
  question: string;
  answerLabels: readonly string[];
};

/** One fieldset per element, radio buttons 1–4 with the element's answer labels. */
export function ElementQuestions({
  elements,
  answers,
  missing,
  onAnswer,
}: {
  elements: readonly SkmElementQuestion[];
  answers: Readonly<Record<string, number>>;
  missing: readonly string[];
  onAnswer: (element: string, score: number) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      {elements.map((element, index) => {
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
                    onChange={() => onAnswer(element.code, score)}
                  />{' '}
                  {score} — {element.answerLabels[score - 1] ?? score}
                </label>
              ))}
            </div>
            {problem ? <p className="field-error">{problem}</p> : null}
          </fieldset>
        );
      })}
    </>
  );
}

/** The elements not answered yet, in the questionnaire's order. */
export const unansweredElements = (
  elements: readonly { code: string }[],
  answers: Readonly<Record<string, number>>,
) => elements.filter((e) => !answers[e.code]).map((e) => e.code);

export type RespondentProfile = {
  gender: '' | 'F' | 'M';
  age: string;
  education: '' | SurveyEducation;
  occupation: '' | SurveyOccupation;
};

export const NO_PROFILE: RespondentProfile = { gender: '', age: '', education: '', occupation: '' };

/** The profile as SkmProfileInput: only what was given, or undefined when nothing was. */
export function profileInput(p: RespondentProfile) {
  if (!p.gender && !p.age && !p.education && !p.occupation) return undefined;
  return {
    ...(p.gender ? { gender: p.gender } : {}),
    ...(p.age ? { age: Number(p.age) } : {}),
    ...(p.education ? { education: p.education } : {}),
    ...(p.occupation ? { occupation: p.occupation } : {}),
  };
}

/** Gender, age in years and the form's education and occupation options; each may be skipped. */
export function RespondentProfileFields({
  profile,
  onChange,
  errors,
}: {
  profile: RespondentProfile;
  onChange: (next: RespondentProfile) => void;
  errors: Readonly<Record<string, string>>;
}) {
  const { t, lang } = useI18n();
  const set = <K extends keyof RespondentProfile>(key: K, value: RespondentProfile[K]) =>
    onChange({ ...profile, [key]: value });
  return (
    <>
      <Field label={t('surveyGender')} error={errors['profile.gender']}>
        {(p) => (
          <select
            {...p}
            value={profile.gender}
            onChange={(e) => set('gender', e.target.value as RespondentProfile['gender'])}
          >
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
            value={profile.age}
            onChange={(e) => set('age', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('surveyEducation')} error={errors['profile.education']}>
        {(p) => (
          <Select
            {...p}
            options={SURVEY_EDUCATIONS}
            value={profile.education}
            onChange={(v) => set('education', v)}
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
            value={profile.occupation}
            onChange={(v) => set('occupation', v)}
            label={(o) => SURVEY_OCCUPATION_LABELS[o as SurveyOccupation][lang]}
          >
            <option value="">{t('surveySkip')}</option>
          </Select>
        )}
      </Field>
    </>
  );
}
