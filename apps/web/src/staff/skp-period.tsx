// Finalising a unit's SKP period for a year (PermenPANRB 6/2022): the gateway checks the
// organisation's cap on "Sangat Baik" first and names who holds it when the cap is exceeded. After
// finalising, the period's ratings no longer change, so the form asks first, naming unit and year.
import { useState } from 'react';
import { useMutation } from 'urql';
import { useConfirmation } from '../confirm.tsx';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import {
  Field,
  FormFailureNote,
  mutationFailure,
  Notice,
  Select,
  SubmitButton,
  useSubmit,
  useText,
} from '../ui.tsx';
import { UnitSelect } from './staff-form.tsx';

const Finalise = graphql(`
  mutation FinaliseUnitPeriod($input: FinaliseUnitPeriodInput!) {
    finaliseUnitPeriod(input: $input) {
      __typename
      ... on FinaliseUnitPeriodPayload { year people sangatBaik allowed unit { code name } }
      ... on SkpQuotaExceededError { message allowed actual excess holders { id name } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { message }
    }
  }
`);

const ROUNDINGS = ['FLOOR', 'ROUND', 'CEIL'] as const;

/**
 * The finalise form: a supervisor finalises their own unit (`ownUnit`), an admin any unit by code.
 * The cap is asked as a percentage and sent as a share (20 % → 0.2).
 */
export function SkpPeriodForm({ ownUnit }: { ownUnit: string | null }) {
  const { t } = useI18n();
  const unit = useText(ownUnit ?? '');
  const [year, setYear] = useState(new Date().getFullYear());
  const percent = useText('20');
  const [rounding, setRounding] = useState<(typeof ROUNDINGS)[number]>('FLOOR');
  const [done, setDone] = useState<string | null>(null);
  const [holders, setHolders] = useState<readonly { id: string; name: string }[]>([]);
  const [{ fetching }, finalise] = useMutation(Finalise);
  const confirmation = useConfirmation();
  const unitCode = unit.value.trim().toUpperCase();
  const { failure, errors, onSubmit } = useSubmit(async () => {
    setDone(null);
    setHolders([]);
    const share = Number(percent.value.replace(',', '.')) / 100;
    const r = await finalise({ input: { unitCode, year, sangatBaikMaxShare: share, rounding } });
    const payload = r.data?.finaliseUnitPeriod;
    if (payload?.__typename === 'FinaliseUnitPeriodPayload') {
      setDone(
        t('periodFinalised', {
          unit: payload.unit.name,
          year: payload.year,
          sangatBaik: payload.sangatBaik,
          people: payload.people,
          allowed: payload.allowed,
        }),
      );
    }
    if (payload?.__typename === 'SkpQuotaExceededError') setHolders(payload.holders);
    return mutationFailure(payload, r.error);
  });
  const thisYear = new Date().getFullYear();
  return (
    <form
      className="panel"
      noValidate
      aria-labelledby="skp-period-title"
      onSubmit={(e) => {
        e.preventDefault();
        confirmation.ask({
          title: t('finalisePeriodTitle'),
          subject: t('finalisePeriodConfirm', { unit: unitCode, year, percent: percent.value }),
          confirmLabel: t('finalisePeriod'),
          onConfirm: () => void onSubmit(e),
        });
      }}
    >
      <h2 id="skp-period-title">{t('finalisePeriod')}</h2>
      <p className="hint">{t('finalisePeriodHint')}</p>
      <Field label={ownUnit === null ? t('unit') : t('unitCode')} error={errors.unitCode} required>
        {(p) =>
          // An admin picks the unit by name (trial 21 D7); a supervisor's own unit is fixed.
          ownUnit === null ? (
            <UnitSelect {...p} ownUnit={null} value={unit.value} onChange={unit.set} />
          ) : (
            <input {...p} readOnly {...unit.bind} />
          )
        }
      </Field>
      <Field label={t('year')} error={errors.year}>
        {(p) => <Select {...p} options={[thisYear - 1, thisYear]} value={year} onChange={setYear} />}
      </Field>
      <Field
        label={t('sangatBaikCap')}
        error={errors.sangatBaikMaxShare}
        hint={t('sangatBaikCapHint')}
        required
      >
        {(p) => <input {...p} inputMode="decimal" {...percent.bind} />}
      </Field>
      <Field label={t('quotaRounding')} error={errors.rounding}>
        {(p) => (
          <Select
            {...p}
            options={ROUNDINGS}
            value={rounding}
            onChange={setRounding}
            label={(r) => t(`rounding_${r}`)}
          />
        )}
      </Field>
      <FormFailureNote failure={failure} shown={['unitCode', 'year', 'sangatBaikMaxShare', 'rounding']} />
      {holders.length > 0 ? (
        <div className="note warn">
          <p>{t('sangatBaikHolders')}</p>
          <ul>
            {holders.map((h) => (
              <li key={h.id}>{h.name}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {done ? <Notice kind="success">{done}</Notice> : null}
      <SubmitButton busy={fetching}>{t('finalisePeriod')}</SubmitButton>
      {confirmation.dialog}
    </form>
  );
}
