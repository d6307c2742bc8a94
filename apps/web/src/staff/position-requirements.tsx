// A position (jabatan) and the competencies it requires, each at a level 1–5 (PermenPANRB
// 38/2017): BKPSDM admins create a position or replace its requirements.
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { Field, FormFailureNote, mutationFailure, Notice, SubmitButton, useSubmit, useText } from '../ui.tsx';

const SetRequirements = graphql(`
  mutation SetPositionRequirements($input: SetPositionRequirementsInput!) {
    setPositionRequirements(input: $input) {
      __typename
      ... on SetPositionRequirementsPayload { position { code name requirements { code name level } } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { message }
    }
  }
`);

/**
 * Requirements as the form takes them: one `CODE level` a line (e.g. `PELAYANAN_PUBLIK 3`); a line
 * that is not one gives null, so the gateway is never sent half a list.
 */
export function parseRequirements(text: string): { competencyCode: string; level: number }[] | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const parsed = lines.map((l) => /^([A-Za-z0-9_]+)\s+(\d)$/.exec(l));
  if (parsed.some((m) => !m)) return null;
  return parsed.map((m) => ({ competencyCode: m![1]!.toUpperCase(), level: Number(m![2]) }));
}

/** Admins: a position's code, its name when new, and the list replacing its requirements. */
export function PositionRequirementsForm() {
  const { t } = useI18n();
  const code = useText();
  const name = useText();
  const requirements = useText();
  const [saved, setSaved] = useState<string | null>(null);
  const [{ fetching }, set] = useMutation(SetRequirements);
  const { failure, errors, onSubmit } = useSubmit(async () => {
    setSaved(null);
    const list = parseRequirements(requirements.value);
    if (!list) {
      return {
        __typename: 'ValidationError',
        message: t('requirementsUnreadable'),
        fields: [{ field: 'requirements', message: t('requirementsUnreadable') }],
      };
    }
    const r = await set({
      input: {
        positionCode: code.value.trim().toUpperCase(),
        name: name.value.trim() || undefined,
        requirements: list,
      },
    });
    const payload = r.data?.setPositionRequirements;
    if (payload?.__typename === 'SetPositionRequirementsPayload') {
      setSaved(
        t('requirementsSaved', {
          position: payload.position.name,
          count: payload.position.requirements.length,
        }),
      );
    }
    return mutationFailure(payload, r.error);
  });
  return (
    <form className="panel" noValidate onSubmit={onSubmit} aria-labelledby="position-title">
      <h2 id="position-title">{t('positionRequirements')}</h2>
      <Field label={t('positionCode')} error={errors.positionCode} required>
        {(p) => <input {...p} {...code.bind} />}
      </Field>
      <Field label={t('positionName')} error={errors.name} hint={t('positionNameHint')}>
        {(p) => <input {...p} {...name.bind} />}
      </Field>
      <Field
        label={t('requiredCompetencies')}
        error={errors.requirements}
        hint={t('requiredCompetenciesHint')}
      >
        {(p) => <textarea {...p} rows={4} {...requirements.bind} />}
      </Field>
      <FormFailureNote failure={failure} shown={['positionCode', 'name', 'requirements']} />
      {saved ? <Notice kind="success">{saved}</Notice> : null}
      <SubmitButton busy={fetching}>{t('save')}</SubmitButton>
    </form>
  );
}
