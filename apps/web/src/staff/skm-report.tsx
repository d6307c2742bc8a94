import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { formatDecimalText } from '../format.ts';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { ikmRuleLabel } from '../labels.ts';
import { Link } from '../router.tsx';
import { ErrorNote, formatNumber, formatPercent, Loading, Notice, Select, Table } from '../ui.tsx';
import { MeQuery } from './queue.tsx';

const SkmReportQuery = graphql(`
  query SkmReport($unitCode: String!, $period: SkmPeriodInput!) {
    skmReport(unitCode: $unitCode, period: $period) {
      __typename
      ... on SkmReportPayload {
        data {
          csv
          suggestions
          ikm {
            name
            periodKey
            periodLabel
            from
            to
            respondents
            population
            requiredSample
            coverage
            sampleShortfall
            online { population }
            counter { population }
            warnings { code message }
            scoreDisplay
            grade
            gradeLabel
            rule
            weakestElements
            elements { code label total average weighted respondents }
            waitingTime { medianCompleteWorkingDays p90CompleteWorkingDays withinStandardShare }
          }
          profile {
            gender { value label count share }
            ageBand { value label count share }
            education { value label count share }
            occupation { value label count share }
            channel { value label count share }
          }
        }
      }
      ... on Failure { message }
    }
  }
`);

/** Identical suggestions once, with how often they were given. */
function countSame(items: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts];
}

type PeriodKind = 'YEAR' | 'SEMESTER' | 'QUARTER' | 'MONTH';
const NUMBERS: Record<PeriodKind, number> = { YEAR: 0, SEMESTER: 2, QUARTER: 4, MONTH: 12 };

/** The SKM report of a unit and period as published (PermenPANRB 14/2017), with its CSV. */
export function SkmReportPage() {
  const { t, lang } = useI18n();
  const [{ data: me }] = useQuery({ query: MeQuery });
  const now = new Date();
  const [year, setYear] = useState(now.getFullYear());
  const [kind, setKind] = useState<PeriodKind>('YEAR');
  const [number, setNumber] = useState(1);
  const [unit, setUnit] = useState<string | null>(null);
  const unitCode = unit ?? me?.me.unit?.code ?? '';
  const period = { kind, year, ...(kind === 'YEAR' ? {} : { number }) };
  const [{ data, fetching, error }, refetch] = useQuery({
    query: SkmReportQuery,
    variables: { unitCode, period },
    pause: unitCode === '',
  });
  const report = data?.skmReport.__typename === 'SkmReportPayload' ? data.skmReport.data : null;
  const failure =
    data && data.skmReport.__typename !== 'SkmReportPayload' && 'message' in data.skmReport
      ? data.skmReport.message
      : null;
  const csvUrl = useMemo(
    () => (report ? URL.createObjectURL(new Blob([report.csv], { type: 'text/csv;charset=utf-8' })) : null),
    [report],
  );
  return (
    <section>
      <h1>{t('skmReportTitle')}</h1>
      <p>
        <Link to="/staf/tindakan">{t('openImprovementActions')}</Link> ·{' '}
        <Link to="/staf/survei-loket">{t('enterCounterSurvey')}</Link>
      </p>
      <div className="toolbar">
        <label htmlFor="skm-unit">{t('unit')}</label>
        <input id="skm-unit" value={unitCode} onChange={(e) => setUnit(e.target.value.toUpperCase())} />
        <label htmlFor="skm-year">{t('year')}</label>
        <Select
          id="skm-year"
          options={[year - 2, year - 1, year, year + 1]}
          value={year}
          onChange={setYear}
        />
        <label htmlFor="skm-kind">{t('period')}</label>
        <select id="skm-kind" value={kind} onChange={(e) => setKind(e.target.value as PeriodKind)}>
          {(['YEAR', 'SEMESTER', 'QUARTER', 'MONTH'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`periodKind_${k}`)}
            </option>
          ))}
        </select>
        {kind !== 'YEAR' ? (
          <>
            <label htmlFor="skm-number" className="sr-only">
              {t('periodNumber')}
            </label>
            <select id="skm-number" value={number} onChange={(e) => setNumber(Number(e.target.value))}>
              {Array.from({ length: NUMBERS[kind] }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </>
        ) : null}
      </div>
      {error ? <ErrorNote error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {failure ? <ErrorNote error={failure} /> : null}
      {fetching && !data ? <Loading /> : null}
      {report ? (
        <article className="panel" data-testid="skm-report">
          <h2>
            {report.ikm.name} — {report.ikm.periodLabel}
          </h2>
          <p>
            <span className="big" data-testid="skm-score">
              {formatDecimalText(report.ikm.scoreDisplay, lang)}
            </span>{' '}
            {report.ikm.grade ? (
              <span className={`badge grade-${report.ikm.grade}`}>
                {report.ikm.grade} · {report.ikm.gradeLabel}
              </span>
            ) : null}
          </p>
          <p className="muted">
            {t('respondents')}: {report.ikm.respondents} · {t('population')}: {report.ikm.population} (
            {t('populationSplit', {
              online: report.ikm.online.population,
              counter: report.ikm.counter.population,
            })}
            ) · {t('requiredSample')}: {report.ikm.requiredSample} · {t('coverage')}:{' '}
            {formatPercent(report.ikm.coverage, lang)}
            {report.ikm.sampleShortfall > 0
              ? ` (${t('sampleShortfall', { n: report.ikm.sampleShortfall })})`
              : ''}{' '}
            · {ikmRuleLabel(report.ikm.rule, lang)}
          </p>
          {report.ikm.warnings.map((w) => (
            <p key={w.code} className="muted" role="note" data-warning={w.code}>
              {w.message}
            </p>
          ))}
          {csvUrl ? (
            <p>
              <a className="button" href={csvUrl} download={`skm-${unitCode}-${report.ikm.periodKey}.csv`}>
                {t('downloadCsv')}
              </a>
            </p>
          ) : null}
          <Table columns={[t('element'), t('total'), 'NRR', t('weighted'), t('respondents')]}>
            {report.ikm.elements.map((e) => (
              <tr key={e.code} className={report.ikm.weakestElements.includes(e.code) ? 'urgent' : undefined}>
                <td>{e.label}</td>
                <td>{e.total}</td>
                <td>{formatNumber(e.average, lang, 2)}</td>
                <td>{formatNumber(e.weighted, lang, 3)}</td>
                <td>{e.respondents}</td>
              </tr>
            ))}
          </Table>
          {report.ikm.waitingTime ? (
            <p className="muted">
              {t('waitingBesideWaktu', {
                median: formatNumber(report.ikm.waitingTime.medianCompleteWorkingDays, lang),
                p90: formatNumber(report.ikm.waitingTime.p90CompleteWorkingDays, lang),
                share:
                  report.ikm.waitingTime.withinStandardShare === null
                    ? '—'
                    : formatNumber(report.ikm.waitingTime.withinStandardShare * 100, lang),
              })}
            </p>
          ) : null}
          <h3>{t('respondentProfile')}</h3>
          <div className="profile-grid">
            {(['gender', 'ageBand', 'education', 'occupation', 'channel'] as const).map((key) => (
              <div key={key}>
                <h4>{t(`profile_${key}`)}</h4>
                <ul className="list">
                  {report.profile[key].map((p) => (
                    <li key={p.value}>
                      {p.label}: {p.count} ({formatPercent(p.share, lang)})
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
          <h3>{t('suggestions')}</h3>
          {report.suggestions.length === 0 ? <p>{t('noSuggestions')}</p> : null}
          <ul className="list">
            {countSame(report.suggestions).map(([text, count]) => (
              <li key={text} className="note-text">
                {text}
                {count > 1 ? <span className="muted"> (×{count})</span> : null}
              </li>
            ))}
          </ul>
        </article>
      ) : data && !failure ? (
        <Notice>{t('noReport')}</Notice>
      ) : null}
    </section>
  );
}
