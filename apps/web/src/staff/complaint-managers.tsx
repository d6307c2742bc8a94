// The complaint managers of a unit (issue 20 item 1; Perpres 76/2013 art. 4): the staff who see
// the identity of the unit's confidential reporters, every view recorded. A supervisor sees and
// changes those of their own unit, an admin (the city's complaint coordinator) those of any unit;
// the gateway refuses anyone else (setComplaintManager, Unit.complaintManagers).
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { useEveryStaffMember } from '../reference-lists.ts';
import {
  ErrorNote,
  Field,
  FormFailureNote,
  Loading,
  mutationFailure,
  Notice,
  Select,
  SubmitButton,
  useSubmit,
} from '../ui.tsx';
import { UnitSelect } from './staff-form.tsx';

const UnitManagers = graphql(`
  query UnitComplaintManagers($code: String!) {
    unit(code: $code) { code name complaintManagers { id name position } }
  }
`);

const SetManager = graphql(`
  mutation SetComplaintManager($input: SetComplaintManagerInput!) {
    setComplaintManager(input: $input) {
      __typename
      ... on ComplaintManagerPayload { staff { id } }
      ... on Failure { code message }
    }
  }
`);

/** The "Pengelola pengaduan" section of the Kelola page: `ownUnit` for a supervisor, null for admins. */
export function ComplaintManagers({ ownUnit }: { ownUnit: string | null }) {
  const { t } = useI18n();
  const [chosenUnit, setChosenUnit] = useState('');
  const unitCode = ownUnit ?? (chosenUnit || null);
  return (
    <section aria-labelledby="complaint-managers-title" data-testid="complaint-managers">
      <h2 id="complaint-managers-title">{t('manage_complaintManagers')}</h2>
      <p className="hint">{t('complaintManagersHint')}</p>
      {ownUnit === null ? (
        <Field label={t('complaintManagersUnit')}>
          {(p) => <UnitSelect {...p} ownUnit={null} value={chosenUnit} onChange={setChosenUnit} />}
        </Field>
      ) : null}
      {unitCode ? <UnitComplaintManagers key={unitCode} unitCode={unitCode} /> : null}
    </section>
  );
}

function UnitComplaintManagers({ unitCode }: { unitCode: string }) {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: UnitManagers,
    variables: { code: unitCode },
    requestPolicy: 'network-only',
  });
  const [{ fetching: saving }, setManager] = useMutation(SetManager);
  const staff = useEveryStaffMember(unitCode).nodes ?? [];
  const [staffId, setStaffId] = useState('');
  const [ended, setEnded] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const managers = data?.unit?.complaintManagers ?? null;
  const managerIds = new Set((managers ?? []).map((m) => m.id));
  const names = new Map(staff.map((s) => [s.id, s.name]));
  const designate = useSubmit(
    async () => {
      if (!staffId) {
        const message = t('fieldRequired');
        return { __typename: 'ValidationError', message, fields: [{ field: 'staffId', message }] };
      }
      const r = await setManager({ input: { staffId, manager: true } });
      return mutationFailure(r.data?.setComplaintManager, r.error);
    },
    () => {
      setStaffId('');
      setEnded(null);
      reload();
    },
  );
  const end = useSubmit(async () => {
    if (!ended) return null;
    const r = await setManager({ input: { staffId: ended, manager: false } });
    return mutationFailure(r.data?.setComplaintManager, r.error);
  }, reload);
  if (error) return <ErrorNote error={error} retry={reload} />;
  if (fetching && !data) return <Loading />;
  if (managers === null) return <Notice kind="warn">{t('supervisorsOnly')}</Notice>;
  return (
    <div className="panel">
      <h3>
        {t('complaintManagersCurrent')} — {data?.unit?.name}
      </h3>
      {managers.length === 0 ? (
        <p className="muted">{t('complaintManagersNone')}</p>
      ) : (
        <form noValidate onSubmit={end.onSubmit}>
          <ul className="list" data-testid="complaint-manager-list">
            {managers.map((m) => (
              <li key={m.id}>
                {m.name} <span className="muted">— {m.position}</span>{' '}
                <button
                  type="submit"
                  className="secondary"
                  disabled={saving}
                  aria-label={t('complaintManagerEndFor', { name: m.name })}
                  onClick={() => setEnded(m.id)}
                >
                  {t('complaintManagerEnd')}
                </button>
              </li>
            ))}
          </ul>
          <FormFailureNote failure={end.failure} shown={[]} />
        </form>
      )}
      <form noValidate onSubmit={designate.onSubmit} data-testid="complaint-manager-add">
        <Field label={t('complaintManagerStaff')} error={designate.errors.staffId} required>
          {(p) => (
            <Select
              {...p}
              options={staff.map((s) => s.id).filter((id) => !managerIds.has(id))}
              value={staffId}
              onChange={setStaffId}
              label={(id) => names.get(id) ?? id}
            >
              <option value="">{t('chooseStaff')}</option>
            </Select>
          )}
        </Field>
        <FormFailureNote failure={designate.failure} shown={['staffId']} />
        <SubmitButton busy={saving}>{t('complaintManagerAdd')}</SubmitButton>
      </form>
    </div>
  );
}
