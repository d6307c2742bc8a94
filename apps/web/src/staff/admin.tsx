import { useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useConfirmation } from '../confirm.tsx';
import { graphql, type ResultOf } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { PAGE_SIZE, PagerNav, pageData, usePager } from '../paging.tsx';
import type { Role } from '../session.ts';
import {
  ErrorNote,
  FailureNote,
  Field,
  FormFailureNote,
  formatDate,
  formatIdr,
  formatNumber,
  Loading,
  mutationFailure,
  Notice,
  Select,
  SubmitButton,
  Table,
  useFailure,
  useSubmit,
  useText,
} from '../ui.tsx';
import { MeQuery } from './queue.tsx';

export function AdminPage({ role }: { role: Role }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<'staff' | 'catalogue' | 'holidays'>('staff');
  const [{ data: me }] = useQuery({ query: MeQuery });
  if (role !== 'SUPERVISOR' && role !== 'ADMIN') return <Notice kind="warn">{t('supervisorsOnly')}</Notice>;
  // A supervisor manages their own unit (its staff with its sub-units, its services): the lists ask
  // the gateway for that unit only, so no row offers an action the gateway would refuse.
  const ownUnit = role === 'ADMIN' ? null : me?.me.unit?.code;
  if (ownUnit === undefined) return <Loading />;
  return (
    <section>
      <h1>{t('navManage')}</h1>
      <fieldset className="tabs">
        <legend className="sr-only">{t('navManage')}</legend>
        {(['staff', 'catalogue', 'holidays'] as const).map((k) => (
          <button key={k} type="button" aria-pressed={tab === k} onClick={() => setTab(k)}>
            {t(`manage_${k}`)}
          </button>
        ))}
      </fieldset>
      {tab === 'staff' ? (
        <StaffRegister ownUnit={ownUnit} />
      ) : tab === 'catalogue' ? (
        <CatalogueEditor ownUnit={ownUnit} />
      ) : (
        <HolidayEditor admin={role === 'ADMIN'} />
      )}
    </section>
  );
}

// Unmasked: the register's rows read these fields directly from either query.
const StaffRowFields = graphql(`
  fragment StaffRowFields on Staff @_unmask {
    id
    name
    position
    rank
    nip
    unit { code shortName }
    trainingJp(year: $year)
    ratings { year predikat finalised }
    citizenRating(year: $year) { respondents competence behaviour }
  }
`);
type StaffRow = ResultOf<typeof StaffRowFields>;

const StaffSearch = graphql(
  `
  query StaffSearch($filter: StaffFilter, $year: Int!, $first: Int!, $after: String) {
    staffMembers(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...StaffRowFields } }
    }
  }
`,
  [StaffRowFields],
);

const ByNip = graphql(
  `
  query ByNip($nip: String!, $year: Int!) {
    staffByNip(nip: $nip) { ...StaffRowFields }
  }
`,
  [StaffRowFields],
);

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

/** Staff, filtered and paged by the gateway; `ownUnit` (a supervisor's unit code) limits the list to that unit. */
function StaffRegister({ ownUnit }: { ownUnit: string | null }) {
  const { t, lang } = useI18n();
  const year = new Date().getFullYear();
  const nip = useText();
  const [searchNip, setSearchNip] = useState('');
  const [gapOnly, setGapOnly] = useState(false);
  const [belowRight, setBelowRight] = useState(false);
  const [rating, setRating] = useState<StaffRow | null>(null);
  const filter = {
    ...(ownUnit ? { unitCode: ownUnit } : {}),
    ...(gapOnly ? { hasCompetencyGap: true } : {}),
    ...(belowRight ? { trainingBelowRight: true, year } : {}),
  };
  const pager = usePager(JSON.stringify(filter));
  const listVariables = { filter, year, first: PAGE_SIZE, after: pager.after };
  const [list, refetch] = useQuery({ query: StaffSearch, variables: listVariables, pause: searchNip !== '' });
  const listData = pageData(list, listVariables);
  const [one] = useQuery({ query: ByNip, variables: { nip: searchNip, year }, pause: searchNip === '' });
  const rows: readonly StaffRow[] =
    searchNip !== ''
      ? one.data?.staffByNip
        ? [one.data.staffByNip]
        : []
      : (listData?.staffMembers.edges.map((e) => e.node) ?? []);
  const error = searchNip !== '' ? one.error : list.error;
  const fetching = searchNip !== '' ? one.fetching : list.fetching;
  return (
    <div>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setSearchNip(nip.value.replace(/\s/g, ''));
        }}
      >
        <label htmlFor="nip">{t('nip')}</label>
        <input id="nip" inputMode="numeric" {...nip.bind} />
        <button type="submit">{t('search')}</button>
        {searchNip ? (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              nip.set('');
              setSearchNip('');
            }}
          >
            {t('clear')}
          </button>
        ) : null}
      </form>
      <div className="toolbar">
        <label className="check">
          <input type="checkbox" checked={gapOnly} onChange={(e) => setGapOnly(e.target.checked)} />{' '}
          {t('hasGap')}
        </label>
        <label className="check">
          <input type="checkbox" checked={belowRight} onChange={(e) => setBelowRight(e.target.checked)} />{' '}
          {t('belowJp')}
        </label>
      </div>
      {error ? <ErrorNote error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {fetching ? <Loading /> : null}
      {!fetching && rows.length === 0 ? <p>{t('noStaffFound')}</p> : null}
      <Table
        columns={[
          t('name'),
          t('nip'),
          t('position'),
          t('unit'),
          t('trainingJpYear', { year }),
          t('rating'),
          t('citizenRating'),
        ]}
        actions
      >
        {rows.map((s) => {
          const latest = s.ratings?.slice().sort((a, b) => b.year - a.year)[0];
          return (
            <tr key={s.id}>
              <td>{s.name}</td>
              <td>{s.nip ?? '—'}</td>
              <td>
                {s.position}
                {s.rank ? ` (${s.rank})` : ''}
              </td>
              <td>{s.unit.shortName}</td>
              <td>{formatNumber(s.trainingJp, lang)}</td>
              <td>
                {latest ? `${latest.year}: ${t(`predikat_${latest.predikat}` as 'predikat_BAIK')}` : '—'}
              </td>
              <td>
                {s.citizenRating && s.citizenRating.respondents > 0
                  ? t('citizenRatingValue', {
                      competence: formatNumber(s.citizenRating.competence, lang, 2),
                      behaviour: formatNumber(s.citizenRating.behaviour, lang, 2),
                      n: s.citizenRating.respondents,
                    })
                  : '—'}
              </td>
              <td>
                {ownUnit === null || searchNip === '' || s.unit.code === ownUnit ? (
                  <button type="button" className="link" onClick={() => setRating(s)}>
                    {t('rate')}
                  </button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </Table>
      {searchNip === '' ? (
        <PagerNav pager={pager} connection={listData?.staffMembers} shown={rows.length} />
      ) : null}
      {rating ? <RateForm staff={rating} onDone={() => setRating(null)} /> : null}
    </div>
  );
}

function RateForm({ staff, onDone }: { staff: StaffRow; onDone: () => void }) {
  const { t } = useI18n();
  const [results, setResults] = useState<'ABOVE' | 'AS_EXPECTED' | 'BELOW'>('AS_EXPECTED');
  const [behaviour, setBehaviour] = useState<'ABOVE' | 'AS_EXPECTED' | 'BELOW'>('AS_EXPECTED');
  const [year, setYear] = useState(new Date().getFullYear());
  const { failure, setFailure, errors } = useFailure();
  const [saved, setSaved] = useState<string | null>(null);
  const [{ fetching }, rate] = useMutation(Rate);
  const options = ['ABOVE', 'AS_EXPECTED', 'BELOW'] as const;
  const expectation = (o: (typeof options)[number]) => t(`expectation_${o}`);
  return (
    <form
      className="panel"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await rate({ input: { staffId: staff.id, year, results, behaviour } });
        const payload = r.data?.ratePerformance;
        setFailure(mutationFailure(payload, r.error));
        if (payload?.__typename === 'RatePerformancePayload') setSaved(payload.predikat);
      }}
    >
      <h2>{t('rateTitle', { name: staff.name })}</h2>
      <Field label={t('year')} error={errors.year}>
        {(p) => <input {...p} type="number" value={year} onChange={(e) => setYear(Number(e.target.value))} />}
      </Field>
      <Field label={t('workResults')}>
        {(p) => <Select {...p} options={options} value={results} onChange={setResults} label={expectation} />}
      </Field>
      <Field label={t('workBehaviour')}>
        {(p) => (
          <Select {...p} options={options} value={behaviour} onChange={setBehaviour} label={expectation} />
        )}
      </Field>
      <FormFailureNote failure={failure} shown={['year']} />
      {saved ? (
        <Notice kind="success">
          {t('ratingSaved', { predikat: t(`predikat_${saved}` as 'predikat_BAIK') })}
        </Notice>
      ) : null}
      <div className="actions">
        <SubmitButton busy={fetching}>{t('save')}</SubmitButton>
        <button type="button" className="secondary" onClick={onDone}>
          {t('close')}
        </button>
      </div>
    </form>
  );
}

const CatalogueQuery = graphql(`
  query Catalogue($unitCode: String, $first: Int!, $after: String) {
    services(unitCode: $unitCode, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id code name description completionDays costIdr published unit { shortName } } }
    }
  }
`);

const UpdateService = graphql(`
  mutation UpdateService($input: UpdateServiceInput!) {
    updateService(input: $input) {
      __typename
      ... on UpdateServicePayload {
        service { id code name description completionDays costIdr published }
        pendingChange { id proposedCompletionDays proposedCostIdr }
      }
      ... on ValidationError { message fields { field message } }
      ... on Failure { message }
    }
  }
`);

/** The catalogue to edit: all services for admins, the supervisor's unit's (`ownUnit`) for supervisors. */
function CatalogueEditor({ ownUnit }: { ownUnit: string | null }) {
  const { t, lang } = useI18n();
  const pager = usePager('services');
  const pageVariables = { unitCode: ownUnit, first: PAGE_SIZE, after: pager.after };
  const [page, refetch] = useQuery({
    query: CatalogueQuery,
    variables: pageVariables,
  });
  const { fetching, error } = page;
  const data = pageData(page, pageVariables);
  const [editing, setEditing] = useState<string | null>(null);
  // The service whose completion time or cost now waits for a second person (four eyes).
  const [awaiting, setAwaiting] = useState<string | null>(null);
  if (error) return <ErrorNote error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <Loading />;
  const services = data?.services.edges.map((e) => e.node) ?? [];
  return (
    <>
      <ul className="list">
        {services.map((s) => (
          <li key={s.id}>
            <strong>{s.name}</strong>{' '}
            <span className="muted">
              ({s.code}, {s.unit.shortName})
            </span>{' '}
            · {t('workingDays', { count: s.completionDays })} ·{' '}
            {s.costIdr === 0 ? t('free') : formatIdr(s.costIdr, lang)}
            {!s.published ? <span className="badge"> {t('unpublished')}</span> : null}{' '}
            <button
              type="button"
              className="link"
              onClick={() => setEditing(editing === s.code ? null : s.code)}
            >
              {t('edit')}
            </button>
            {awaiting === s.code ? <Notice kind="warn">{t('serviceChangeAwaitsApproval')}</Notice> : null}
            {editing === s.code ? (
              <ServiceForm
                service={s}
                onDone={(pending) => {
                  setEditing(null);
                  setAwaiting(pending ? s.code : null);
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
      <PagerNav pager={pager} connection={data?.services} shown={services.length} />
    </>
  );
}

function ServiceForm({
  service,
  onDone,
}: {
  service: {
    code: string;
    name: string;
    description: string;
    completionDays: number;
    costIdr: number;
    published: boolean;
  };
  /** Called after saving; `pending` when the completion time or cost waits for approval. */
  onDone: (pending: boolean) => void;
}) {
  const { t } = useI18n();
  const name = useText(service.name);
  const description = useText(service.description);
  const days = useText(String(service.completionDays));
  const cost = useText(String(service.costIdr));
  const [published, setPublished] = useState(service.published);
  const [{ fetching }, update] = useMutation(UpdateService);
  const pending = useRef(false);
  const { failure, errors, onSubmit } = useSubmit(
    async () => {
      const [completionDays, costIdr] = [Number(days.value), Number(cost.value)];
      const r = await update({
        input: {
          code: service.code,
          name: name.value,
          description: description.value,
          completionDays,
          costIdr,
          published,
        },
      });
      const result = r.data?.updateService;
      pending.current = result?.__typename === 'UpdateServicePayload' && result.pendingChange !== null;
      return mutationFailure(result, r.error);
    },
    () => onDone(pending.current),
  );
  return (
    <form className="subform" noValidate onSubmit={onSubmit}>
      <Field label={t('serviceName')} error={errors.name}>
        {(p) => <input {...p} {...name.bind} />}
      </Field>
      <Field label={t('description')} error={errors.description}>
        {(p) => <textarea {...p} rows={2} {...description.bind} />}
      </Field>
      <Field label={t('completionTimeDays')} error={errors.completionDays}>
        {(p) => <input {...p} type="number" min={1} {...days.bind} />}
      </Field>
      <Field label={t('costIdr')} error={errors.costIdr}>
        {(p) => <input {...p} type="number" min={0} {...cost.bind} />}
      </Field>
      <p className="muted">{t('serviceStandardFourEyes')}</p>
      <label className="check">
        <input type="checkbox" checked={published} onChange={(e) => setPublished(e.target.checked)} />{' '}
        {t('published')}
      </label>
      <FormFailureNote failure={failure} shown={['name', 'description', 'completionDays', 'costIdr']} />
      <SubmitButton busy={fetching}>{t('save')}</SubmitButton>
    </form>
  );
}

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

function HolidayEditor({ admin }: { admin: boolean }) {
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
