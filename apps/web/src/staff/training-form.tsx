// Recording a completed training for a person (JP or minutes; 1 JP = 45 minutes). Recorded by a
// supervisor or admin it counts at once; what people record for themselves waits for a second
// person on the approvals page.
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import {
  Field,
  FormFailureNote,
  formatNumber,
  mutationFailure,
  Notice,
  Select,
  todayWib,
  useSubmit,
  useText,
} from '../ui.tsx';
import { FormButtons } from './form-buttons.tsx';

const RecordTraining = graphql(`
  mutation RecordTraining($input: RecordTrainingInput!) {
    recordTraining(input: $input) {
      __typename
      ... on RecordTrainingPayload { jp status staff { id } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { message }
    }
  }
`);

/** The training form for `staff`; the notice says how many JP were recorded and whether they count. */
export function TrainingForm({ staff, onDone }: { staff: { id: string; name: string }; onDone: () => void }) {
  const { t, lang } = useI18n();
  const title = useText();
  const courseCode = useText();
  const completedOn = useText(todayWib());
  const length = useText();
  const [unit, setUnit] = useState<'jp' | 'minutes'>('jp');
  const [saved, setSaved] = useState<{ jp: number; pending: boolean } | null>(null);
  const [{ fetching }, record] = useMutation(RecordTraining);
  const { failure, errors, onSubmit } = useSubmit(async () => {
    setSaved(null);
    const amount = length.value.trim() === '' ? undefined : Number(length.value.replace(',', '.'));
    const r = await record({
      input: {
        staffId: staff.id,
        completedOn: completedOn.value,
        title: title.value.trim() || undefined,
        courseCode: courseCode.value.trim() || undefined,
        ...(unit === 'jp' ? { jp: amount } : { minutes: amount }),
      },
    });
    const payload = r.data?.recordTraining;
    if (payload?.__typename === 'RecordTrainingPayload') {
      setSaved({ jp: payload.jp, pending: payload.status === 'PENDING' });
      title.set('');
      courseCode.set('');
      length.set('');
    }
    return mutationFailure(payload, r.error);
  });
  return (
    <form
      className="subform"
      noValidate
      onSubmit={onSubmit}
      aria-label={t('trainingTitle', { name: staff.name })}
    >
      <h3>{t('trainingTitle', { name: staff.name })}</h3>
      <Field
        label={t('trainingName')}
        error={errors.title}
        hint={t('trainingNameHint')}
        required={!courseCode.value.trim()}
      >
        {(p) => <input {...p} {...title.bind} />}
      </Field>
      <Field label={t('courseCode')} error={errors.courseCode}>
        {(p) => <input {...p} {...courseCode.bind} />}
      </Field>
      <Field label={t('completedOn')} error={errors.completedOn} required>
        {(p) => <input {...p} type="date" max={todayWib()} {...completedOn.bind} />}
      </Field>
      <Field label={t('trainingLengthUnit')}>
        {(p) => (
          <Select
            {...p}
            options={['jp', 'minutes'] as const}
            value={unit}
            onChange={setUnit}
            label={(u) => t(u === 'jp' ? 'lengthJp' : 'lengthMinutes')}
          />
        )}
      </Field>
      <Field label={t('trainingLength')} error={errors[unit]} required>
        {(p) => <input {...p} inputMode="decimal" {...length.bind} />}
      </Field>
      <FormFailureNote failure={failure} shown={['title', 'courseCode', 'completedOn', 'jp', 'minutes']} />
      {saved ? (
        <Notice kind="success">
          {t(saved.pending ? 'trainingRecordedPending' : 'trainingRecorded', {
            jp: formatNumber(saved.jp, lang, 2),
            name: staff.name,
          })}
        </Notice>
      ) : null}
      <FormButtons busy={fetching} submit={t('recordTraining')} onClose={onDone} />
    </form>
  );
}
