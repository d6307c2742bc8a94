// The public results page (issue 23 item 1), no sign-in: the IKM of the city, a unit or a service
// (grade, monthly trend, the nine element averages, respondents against the minimum sample),
// waiting times and the share within the standard, complaints, and forum accountability. The
// gateway's public queries compute every figure (the staff dashboard's charts, reused); each chart
// states its period and rule, has its data table and a download.
import { operations } from '@layanan/client';
import { useState } from 'react';
import { useQuery } from 'urql';
import { useI18n } from '../i18n.tsx';
import { serviceName } from '../labels.ts';
import { useEveryService } from '../reference-lists.ts';
import { Link } from '../router.tsx';
import { BarChart, ChartCard, type ChartNotes, PALETTE, series } from '../staff/charts.tsx';
import { IkmCharts } from '../staff/ikm.tsx';
import { ForumAccountabilityChart, WaitingTimes } from '../staff/statistics.tsx';
import { ErrorNote, formatPercent, Loading, Select } from '../ui.tsx';

/** Which rule each chart states, and which open dataset holds its data (if one does). */
const CHART_SOURCES: Record<
  string,
  { rule: 'ruleIkm' | 'ruleWaiting' | 'ruleWithin' | 'ruleForum'; dataset?: string }
> = {
  'ikm-trend': { rule: 'ruleIkm', dataset: 'survey' },
  'ikm-elements': { rule: 'ruleIkm', dataset: 'survey' },
  waiting: { rule: 'ruleWaiting' },
  'within-standard': { rule: 'ruleWithin' },
  complaints: { rule: 'ruleWithin', dataset: 'requests' },
  forum: { rule: 'ruleForum', dataset: 'forum-accountability' },
};

export function ResultsPage() {
  const { t } = useI18n();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const notes: ChartNotes = (chart) => {
    const source = CHART_SOURCES[chart];
    return {
      download: `layanan-${chart}-${year}.csv`,
      footer: (
        <>
          <p className="hint" data-testid={`period-${chart}`}>
            {t('figurePeriod', { from, to })}
          </p>
          {source ? <p className="hint">{t(source.rule)}</p> : null}
          {source?.dataset ? (
            <p className="hint">
              {t('openDataFiles')}{' '}
              <a href={`/open-data/${source.dataset}.csv`} download>
                {source.dataset}.csv
              </a>{' '}
              ·{' '}
              <a href={`/open-data/${source.dataset}.json`} download>
                {source.dataset}.json
              </a>
            </p>
          ) : null}
        </>
      ),
    };
  };
  return (
    <section>
      <h1>{t('resultsTitle')}</h1>
      <p>{t('resultsIntro')}</p>
      <p className="hint">{t('resultsLegal')}</p>
      <p>
        <Link to="/data-terbuka">{t('openDataLink')}</Link>
      </p>
      <div className="toolbar">
        <label htmlFor="results-year">{t('year')}</label>
        <Select
          id="results-year"
          options={[thisYear - 2, thisYear - 1, thisYear]}
          value={year}
          onChange={setYear}
        />
      </div>
      <h2>{t('ikmTitle')}</h2>
      <IkmCharts year={year} unitCode={null} notes={notes} />
      <h2>{t('serviceAndForumTitle')}</h2>
      <div className="chart-grid">
        <WaitingTimes from={from} to={to} notes={notes} />
        <Complaints from={from} to={to} notes={notes} />
        <ForumAccountabilityChart from={from} to={to} notes={notes} />
      </div>
    </section>
  );
}

/** Complaints received and completed within the standard, per complaint service. */
function Complaints({ from, to, notes }: { from: string; to: string; notes: ChartNotes }) {
  const { t, lang } = useI18n();
  const services = useEveryService({ kind: 'COMPLAINT' }).nodes ?? [];
  const [{ data, fetching, error }] = useQuery({
    query: operations.RequestStatisticsQuery,
    variables: { from, to, groupBy: 'SERVICE' },
  });
  if (error) return <ErrorNote error={error} />;
  if (fetching && !data) return <Loading />;
  const complaints = new Map(services.map((s) => [s.code, s]));
  const result = data?.requestStatistics;
  const rows =
    result?.__typename === 'RequestStatisticsPayload' ? result.data.filter((r) => complaints.has(r.key)) : [];
  const name = (key: string) => {
    const service = complaints.get(key);
    return service ? serviceName(service, lang) : key;
  };
  return (
    <ChartCard
      title={t('complaintsTitle')}
      description={t('complaintsHint')}
      testId="chart-complaints"
      table={{
        head: [t('service'), t('complaintsReceived'), t('completed'), t('complaintsOnTime'), t('share')],
        rows: rows.map((r) => [
          name(r.key),
          r.count,
          r.completed,
          r.completedWithinStandard,
          formatPercent(r.withinStandardShare, lang),
        ]),
      }}
      {...notes('complaints')}
    >
      <BarChart
        data={{
          labels: rows.map((r) => name(r.key)),
          datasets: [
            series(t('complaintsReceived'), rows, (r) => r.count, PALETTE[8]),
            series(t('complaintsOnTime'), rows, (r) => r.completedWithinStandard, PALETTE[0]),
          ],
        }}
        options={{ scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }}
      />
    </ChartCard>
  );
}
