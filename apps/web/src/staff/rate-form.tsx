// The SKP rating of one person for a year (results × behaviour give the predikat).
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { Field, FormFailureNote, mutationFailure, Notice, Select, useFailure } from '../ui.tsx';
import { FormButtons } from './form-buttons.tsx';

const Rate = graphql(`
  mutation Rate($input: RatePerformanceInput!) {
    ratePerformance(input: $input) {
      __typename
      ... on RatePerformancePayload { predikat }
      ... on ValidationError { message fields { field message } }
      ... on Failure { message }
    }
  }
`);

/** The SKP rating of `staff` for a year (default this year); `onDone` closes it. */
export function RateForm({ staff, onDone }: { staff: { id: string; name: string }; onDone: () => void }) {
  const { t } = useI18n();
  // Nothing chosen until the rater chooses: a default would be saved unread.
  const [results, setResults] = useState<'ABOVE' | 'AS_EXPECTED' | 'BELOW' | ''>('');
  const [behaviour, setBehaviour] = useState<'ABOVE' | 'AS_EXPECTED' | 'BELOW' | ''>('');
  const [missing, setMissing] = useState(false);
  const [year, setYear] = useState(new Date().getFullYear());
  const { failure, setFailure, errors } = useFailure();
  const [saved, setSaved] = useState<string | null>(null);
  const [{ fetching }, rate] = useMutation(Rate);
  const options = ['ABOVE', 'AS_EXPECTED', 'BELOW'] as const;
  const expectation = (o: (typeof options)[number] | '') => (o === '' ? '' : t(`expectation_${o}`));
  return (
    <form
      className="panel"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setMissing(results === '' || behaviour === '');
        if (results === '' || behaviour === '') return;
        // The register's rows (Staff) show the latest rating: refetch them after saving.
        const r = await rate(
          { input: { staffId: staff.id, year, results, behaviour } },
          { additionalTypenames: ['Staff'] },
        );
        const payload = r.data?.ratePerformance;
        setFailure(mutationFailure(payload, r.error));
        if (payload?.__typename === 'RatePerformancePayload') setSaved(payload.predikat);
      }}
    >
      <h2>{t('rateTitle', { name: staff.name })}</h2>
      <Field label={t('year')} error={errors.year}>
        {(p) => <input {...p} type="number" value={year} onChange={(e) => setYear(Number(e.target.value))} />}
      </Field>
      <Field
        label={t('workResults')}
        required
        error={missing && results === '' ? t('fieldRequired') : undefined}
      >
        {(p) => (
          <Select {...p} options={options} value={results} onChange={setResults} label={expectation}>
            <option value="">{t('choose')}</option>
          </Select>
        )}
      </Field>
      <Field
        label={t('workBehaviour')}
        required
        error={missing && behaviour === '' ? t('fieldRequired') : undefined}
      >
        {(p) => (
          <Select {...p} options={options} value={behaviour} onChange={setBehaviour} label={expectation}>
            <option value="">{t('choose')}</option>
          </Select>
        )}
      </Field>
      <FormFailureNote failure={failure} shown={['year']} />
      {saved ? (
        <Notice kind="success">
          {t('ratingSaved', { predikat: t(`predikat_${saved}` as 'predikat_BAIK') })}
        </Notice>
      ) : null}
      <FormButtons busy={fetching} submit={t('save')} onClose={onDone} />
    </form>
  );
}
