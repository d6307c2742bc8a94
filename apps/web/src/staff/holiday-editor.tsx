// The holiday calendar of a year: admins add, confirm and remove days; supervisors read it.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useConfirmation } from '../confirm.tsx';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import {
  ErrorNote,
  FailureNote,
  Field,
  FormFailureNote,
  formatDate,
  Loading,
  mutationFailure,
  Select,
  SubmitButton,
  Table,
  useFailure,
  useText,
} from '../ui.tsx';

const HolidaysQuery = graphql(`
  query Holidays($year: Int!) {
    holidays(year: $year) { id date name kind provisional source }
  }
`);
const AddHoliday = graphql(`
  mutation AddHoliday($input: AddHolidayInput!) {
    addHoliday(input: $input) {
      __typename
      ... on HolidayPayload { holiday { id } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { message }
    }
  }
`);
const RemoveHoliday = graphql(`
  mutation RemoveHoliday($id: ID!) {
    removeHoliday(id: $id) { __typename ... on Failure { message } }
  }
`);
const ConfirmHoliday = graphql(`
  mutation ConfirmHoliday($id: ID!) {
    confirmHoliday(id: $id) { __typename ... on Failure { message } }
  }
`);

export function HolidayEditor({ admin }: { admin: boolean }) {
  const { t, lang } = useI18n();
  const [year, setYear] = useState(new Date().getFullYear());
  const [{ data, fetching, error }, refetch] = useQuery({ query: HolidaysQuery, variables: { year } });
  const date = useText();
  const name = useText();
  const [kind, setKind] = useState<'NATIONAL' | 'CUTI_BERSAMA' | 'LOCAL'>('CUTI_BERSAMA');
  const { failure, setFailure, errors } = useFailure();
  const [{ fetching: adding }, add] = useMutation(AddHoliday);
  const [, remove] = useMutation(RemoveHoliday);
  const [, confirm] = useMutation(ConfirmHoliday);
  const confirmation = useConfirmation();
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <div>
      <div className="toolbar">
        <label htmlFor="holiday-year">{t('year')}</label>
        <Select
          id="holiday-year"
          options={[year - 1, year, year + 1, year + 2]}
          value={year}
          onChange={setYear}
        />
      </div>
      {error ? <ErrorNote error={error} retry={reload} /> : null}
      {fetching && !data ? <Loading /> : null}
      <Table columns={[t('date'), t('name'), t('kind'), t('status')]} actions={admin}>
        {data?.holidays.map((h) => (
          <tr key={h.id}>
            <td>{formatDate(h.date, lang)}</td>
            <td>{h.name}</td>
            <td>{t(`holiday_${h.kind}`)}</td>
            <td>{h.provisional ? t('provisional') : t('confirmed')}</td>
            {admin ? (
              <td>
                {h.provisional ? (
                  <button
                    type="button"
                    className="link"
                    onClick={async () => {
                      const r = await confirm({ id: h.id });
                      setFailure(mutationFailure(r.data?.confirmHoliday, r.error));
                      reload();
                    }}
                  >
                    {t('confirm')}
                  </button>
                ) : null}{' '}
                <button
                  type="button"
                  className="link danger"
                  onClick={() =>
                    confirmation.ask({
                      title: t('removeHolidayTitle'),
                      subject: t('removeHolidayConfirm', { name: `${h.name}, ${formatDate(h.date, lang)}` }),
                      confirmLabel: t('remove'),
                      onConfirm: async () => {
                        const r = await remove({ id: h.id });
                        setFailure(mutationFailure(r.data?.removeHoliday, r.error));
                        reload();
                      },
                    })
                  }
                >
                  {t('remove')}
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </Table>
      {confirmation.dialog}
      {admin ? (
        <form
          className="panel"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await add({ input: { date: date.value, name: name.value, kind } });
            const f = mutationFailure(r.data?.addHoliday, r.error);
            setFailure(f);
            if (!f) {
              date.set('');
              name.set('');
              reload();
            }
          }}
        >
          <h2>{t('addHoliday')}</h2>
          <Field label={t('date')} error={errors.date} required>
            {(p) => <input {...p} type="date" {...date.bind} />}
          </Field>
          <Field label={t('name')} error={errors.name} required>
            {(p) => <input {...p} {...name.bind} />}
          </Field>
          <Field label={t('kind')}>
            {(p) => (
              <Select
                {...p}
                options={['NATIONAL', 'CUTI_BERSAMA', 'LOCAL'] as const}
                value={kind}
                onChange={setKind}
                label={(k) => t(`holiday_${k}`)}
              />
            )}
          </Field>
          <FormFailureNote failure={failure} shown={['date', 'name']} />
          <SubmitButton busy={adding}>{t('add')}</SubmitButton>
        </form>
      ) : (
        <>
          <FailureNote failure={failure} />
          <p className="hint">{t('holidaysAdminOnly')}</p>
        </>
      )}
    </div>
  );
}
