// The staff register for supervisors (their unit tree) and admins: searched by name or NIP,
// filtered and paged by the gateway, downloadable as CSV; each row opens, under itself, the form
// of what the viewer may do to that person (rate, edit, record training, set a competency).
import { Fragment, useState } from 'react';
import { useQuery } from 'urql';
import { FileDownload } from '../file-download.tsx';
import { graphql, type ResultOf } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { PAGE_SIZE, PagerNav, pageData, usePager } from '../paging.tsx';
import { Checkbox, ErrorNote, formatNumber, Loading, Table, useText } from '../ui.tsx';
import { CompetencyForm } from './competency-form.tsx';
import { RateForm } from './rate-form.tsx';
import { EditStaffForm, RegisterStaffForm } from './staff-form.tsx';
import { TrainingForm } from './training-form.tsx';

// Unmasked: the register's rows and their forms read these fields directly.
const StaffRowFields = graphql(`
  fragment StaffRowFields on Staff @_unmask {
    id
    name
    position
    positionDetails { code }
    rank
    nip
    unit { code shortName }
    trainingJp(year: $year)
    ratings { year predikat finalised }
    citizenRating(year: $year) { respondents competence behaviour }
    competencies { code name level }
  }
`);
export type StaffRow = ResultOf<typeof StaffRowFields>;

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

type RowAction = 'rate' | 'edit' | 'training' | 'competency';

/**
 * Staff, searched, filtered and paged by the gateway. `ownUnit` (a supervisor's unit code) limits
 * the list to that unit tree; `admin` offers registering; `selfId` (the viewer's own staff id)
 * gets no action a second person must take (SKP rating, edits, competencies).
 */
export function StaffRegister({
  ownUnit,
  admin,
  selfId,
}: {
  ownUnit: string | null;
  admin: boolean;
  selfId: string | null;
}) {
  const { t, lang } = useI18n();
  const year = new Date().getFullYear();
  const search = useText();
  const [query, setQuery] = useState('');
  const [gapOnly, setGapOnly] = useState(false);
  const [belowRight, setBelowRight] = useState(false);
  const [open, setOpen] = useState<{ action: RowAction; id: string } | null>(null);
  const [registering, setRegistering] = useState(false);
  const filter = {
    ...(ownUnit ? { unitCode: ownUnit } : {}),
    ...(query ? { search: query } : {}),
    ...(gapOnly ? { hasCompetencyGap: true } : {}),
    ...(belowRight ? { trainingBelowRight: true, year } : {}),
  };
  const pager = usePager(JSON.stringify(filter));
  const listVariables = { filter, year, first: PAGE_SIZE, after: pager.after };
  const [list, refetch] = useQuery({ query: StaffSearch, variables: listVariables });
  const listData = pageData(list, listVariables);
  const rows: readonly StaffRow[] = listData?.staffMembers.edges.map((e) => e.node) ?? [];
  const actions: readonly RowAction[] = ['rate', 'edit', 'training', 'competency'];
  const offered = (s: StaffRow, a: RowAction) => a === 'training' || s.id !== selfId;
  const csvQuery = new URLSearchParams({
    ...(ownUnit ? { unit: ownUnit } : {}),
    ...(query ? { q: query } : {}),
  });
  const jpQuery = new URLSearchParams({ ...(ownUnit ? { unit: ownUnit } : {}), year: String(year) });
  return (
    <div>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(search.value.trim());
        }}
      >
        <label htmlFor="staff-search">{t('staffSearch')}</label>
        <input id="staff-search" {...search.bind} />
        <button type="submit">{t('search')}</button>
        {query ? (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              search.set('');
              setQuery('');
            }}
          >
            {t('clear')}
          </button>
        ) : null}
      </form>
      <div className="toolbar">
        <Checkbox checked={gapOnly} onChange={setGapOnly}>
          {t('hasGap')}
        </Checkbox>
        <Checkbox checked={belowRight} onChange={setBelowRight}>
          {t('belowJp')}
        </Checkbox>
      </div>
      <div className="toolbar">
        <FileDownload path={`/reports/staff.csv?${csvQuery}`} label={t('downloadStaffCsv')} />
        <FileDownload path={`/reports/training.csv?${jpQuery}`} label={t('downloadJpCsv', { year })} />
        {admin ? (
          <button type="button" onClick={() => setRegistering((r) => !r)} aria-expanded={registering}>
            {t('registerStaff')}
          </button>
        ) : null}
      </div>
      {registering ? (
        <RegisterStaffForm
          onDone={(nip) => {
            setRegistering(false);
            search.set(nip);
            setQuery(nip);
          }}
          onCancel={() => setRegistering(false)}
        />
      ) : null}
      {list.error ? (
        <ErrorNote error={list.error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : null}
      {!listData ? <Loading /> : null}
      {listData && rows.length === 0 ? <p>{t('noStaffFound')}</p> : null}
      <Table
        data-testid="staff-register"
        caption={t('manage_staff')}
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
          const close = () => setOpen(null);
          return (
            <Fragment key={s.id}>
              <tr>
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
                <td className="row-actions">
                  {actions
                    .filter((a) => offered(s, a))
                    .map((a) => (
                      <button
                        key={a}
                        type="button"
                        className="link"
                        aria-expanded={open?.id === s.id && open.action === a}
                        aria-label={t(`staffAction_${a}`, { name: s.name })}
                        onClick={() =>
                          setOpen(open?.id === s.id && open.action === a ? null : { action: a, id: s.id })
                        }
                      >
                        {t(`staffActionShort_${a}`)}
                      </button>
                    ))}
                </td>
              </tr>
              {open?.id === s.id ? (
                <tr className="row-form">
                  <td colSpan={8}>
                    {open.action === 'rate' ? (
                      <RateForm key={s.id} staff={s} onDone={close} />
                    ) : open.action === 'edit' ? (
                      <EditStaffForm key={s.id} staff={s} ownUnit={ownUnit} onDone={close} />
                    ) : open.action === 'training' ? (
                      <TrainingForm key={s.id} staff={s} onDone={close} />
                    ) : (
                      <CompetencyForm key={s.id} staff={s} onDone={close} />
                    )}
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </Table>
      <PagerNav pager={pager} connection={listData?.staffMembers} shown={rows.length} />
    </div>
  );
}
