// The level (1–5, PermenPANRB 38/2017) at which a person holds a competency, set by an admin or a
// supervisor of their unit tree (never for oneself); the person's current holdings are listed.
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { Field, FormFailureNote, mutationFailure, Notice, Select, useSubmit, useText } from '../ui.tsx';
import { FormButtons } from './form-buttons.tsx';

const SetHolding = graphql(`
  mutation SetCompetencyHolding($input: SetCompetencyHoldingInput!) {
    setCompetencyHolding(input: $input) {
      __typename
      ... on SetCompetencyHoldingPayload { staff { id competencies { code name level } } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { message }
    }
  }
`);

const LEVELS = [1, 2, 3, 4, 5] as const;

/** The holdings of `staff` and a form to set one (a known code changes its level). */
export function CompetencyForm({
  staff,
  onDone,
}: {
  staff: {
    id: string;
    name: string;
    competencies?: readonly { code: string; name: string; level: number }[] | null;
  };
  onDone: () => void;
}) {
  const { t } = useI18n();
  const code = useText();
  const [level, setLevel] = useState<(typeof LEVELS)[number]>(3);
  const [holdings, setHoldings] = useState(staff.competencies ?? []);
  const [saved, setSaved] = useState<string | null>(null);
  const [{ fetching }, set] = useMutation(SetHolding);
  const { failure, errors, onSubmit } = useSubmit(async () => {
    setSaved(null);
    const competencyCode = code.value.trim().toUpperCase();
    const r = await set({ input: { staffId: staff.id, competencyCode, level } });
    const payload = r.data?.setCompetencyHolding;
    if (payload?.__typename === 'SetCompetencyHoldingPayload') {
      setHoldings(payload.staff.competencies ?? []);
      const held = payload.staff.competencies?.find((c) => c.code === competencyCode);
      setSaved(t('competencySaved', { competency: held?.name ?? competencyCode, level }));
    }
    return mutationFailure(payload, r.error);
  });
  const listId = `competencies-${staff.id}`;
  return (
    <form
      className="subform"
      noValidate
      onSubmit={onSubmit}
      aria-label={t('competencyTitle', { name: staff.name })}
    >
      <h3>{t('competencyTitle', { name: staff.name })}</h3>
      {holdings.length > 0 ? (
        <ul className="list" data-testid="competency-holdings">
          {holdings.map((c) => (
            <li key={c.code}>{t('competencyHeld', { competency: c.name, level: c.level })}</li>
          ))}
        </ul>
      ) : (
        <p>{t('noCompetencies')}</p>
      )}
      <Field
        label={t('competencyCode')}
        error={errors.competencyCode}
        hint={t('competencyCodeHint')}
        required
      >
        {(p) => <input {...p} list={listId} {...code.bind} />}
      </Field>
      <datalist id={listId}>
        {holdings.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </datalist>
      <Field label={t('competencyLevel')} error={errors.level}>
        {(p) => <Select {...p} options={LEVELS} value={level} onChange={setLevel} />}
      </Field>
      <FormFailureNote failure={failure} shown={['competencyCode', 'level']} />
      {saved ? <Notice kind="success">{saved}</Notice> : null}
      <FormButtons busy={fetching} submit={t('save')} onClose={onDone} />
    </form>
  );
}
