// Counter (walk-in) SKM entry: staff type in a paper or tablet questionnaire of someone served at
// the counter. The gateway attributes it to the signed-in officer, caps entries per officer and
// day and accepts only dates inside the open period; IKM reports show these apart from online ones.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { serviceName } from '../labels.ts';
import {
  ElementQuestions,
  NO_PROFILE,
  profileInput,
  RespondentProfileFields,
  unansweredElements,
} from '../pages/survey-fields.tsx';
import { useEveryService } from '../reference-lists.ts';
import {
  ErrorNote,
  Field,
  FormFailureNote,
  Loading,
  mutationFailure,
  Notice,
  Select,
  SubmitButton,
  todayWib,
  useSubmit,
  useText,
} from '../ui.tsx';

const CounterFormQuery = graphql(`
  query CounterSurveyForm {
    skmElements { code label question answerLabels }
    me { unit { code name } }
  }
`);

const RecordCounterSurvey = graphql(`
  mutation RecordCounterSurvey($input: RecordCounterSurveyInput!) {
    recordCounterSurvey(input: $input) {
      __typename
      ... on RecordCounterSurveyPayload { data { id respondentCode } }
      ... on ValidationError { message fields { field message } }
      ... on ConflictError { message }
      ... on NotFoundError { message }
    }
  }
`);

export function CounterSurveyPage() {
  const { t, lang } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CounterFormQuery });
  const [serviceCode, setServiceCode] = useState('');
  const date = useText(todayWib());
  const suggestion = useText();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [profile, setProfile] = useState(NO_PROFILE);
  const [recorded, setRecorded] = useState<string | null>(null);
  const [{ fetching: sending }, record] = useMutation(RecordCounterSurvey);
  const elements = data?.skmElements ?? [];
  const unitCode = data?.me.unit?.code ?? null;
  const services = useEveryService({ unitCode }, unitCode === null).nodes ?? [];
  const names = new Map(services.map((s) => [s.code, serviceName(s, lang)]));
  const { failure, errors, onSubmit } = useSubmit(
    async () => {
      setRecorded(null);
      const unanswered = unansweredElements(elements, answers);
      setMissing(unanswered);
      if (!serviceCode) {
        return {
          __typename: 'ValidationError',
          message: t('fieldRequired'),
          fields: [{ field: 'serviceCode', message: t('fieldRequired') }],
        };
      }
      if (unanswered.length > 0) {
        document.getElementById(`survey-${unanswered[0]}`)?.focus();
        return { __typename: 'ValidationError', message: t('surveyChooseOne'), fields: [] };
      }
      const profileGiven = profileInput(profile);
      const r = await record({
        input: {
          serviceCode,
          date: date.value,
          answers: elements.map((e) => ({ element: e.code, score: answers[e.code]! })),
          ...(suggestion.value.trim() ? { suggestion: suggestion.value } : {}),
          ...(profileGiven ? { profile: profileGiven } : {}),
        },
      });
      const payload = r.data?.recordCounterSurvey;
      if (payload?.__typename === 'RecordCounterSurveyPayload') setRecorded(payload.data.respondentCode);
      return mutationFailure(payload, r.error);
    },
    () => {
      // Ready for the next questionnaire of the same service and day.
      setAnswers({});
      setProfile(NO_PROFILE);
      suggestion.set('');
    },
  );
  if (error) return <ErrorNote error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <Loading />;
  return (
    <section>
      <h1>{t('navCounterSurvey')}</h1>
      <p className="muted">{t('counterSurveyHint')}</p>
      {recorded ? (
        <Notice kind="success">
          <span data-testid="counter-recorded">{t('counterSurveyRecorded', { code: recorded })}</span>
        </Notice>
      ) : null}
      <form noValidate onSubmit={onSubmit} className="panel survey" data-testid="counter-survey">
        <Field label={t('service')} error={errors.serviceCode} required>
          {(p) => (
            <Select
              {...p}
              options={services.map((s) => s.code)}
              value={serviceCode}
              onChange={setServiceCode}
              label={(code) => names.get(code) ?? code}
            >
              <option value="">{t('chooseService')}</option>
            </Select>
          )}
        </Field>
        <Field label={t('counterSurveyDate')} hint={t('counterSurveyDateHint')} error={errors.date} required>
          {(p) => <input {...p} type="date" max={todayWib()} {...date.bind} />}
        </Field>
        <ElementQuestions
          elements={elements}
          answers={answers}
          missing={missing}
          onAnswer={(element, score) => {
            setAnswers((a) => ({ ...a, [element]: score }));
            setMissing((m) => m.filter((c) => c !== element));
          }}
        />
        <RespondentProfileFields profile={profile} onChange={setProfile} errors={errors} />
        <Field label={t('surveySuggestion')} error={errors.suggestion}>
          {(p) => <textarea {...p} rows={3} {...suggestion.bind} />}
        </Field>
        <FormFailureNote
          failure={failure}
          shown={[
            'serviceCode',
            'date',
            'suggestion',
            'profile.gender',
            'profile.age',
            'profile.education',
            'profile.occupation',
          ]}
        />
        <SubmitButton busy={sending}>{t('counterSurveySave')}</SubmitButton>
      </form>
    </section>
  );
}
