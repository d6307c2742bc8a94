import { operations } from '@layanan/client';
import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { ErrorNote, formatNumber, formatPercent, Loading, Select } from '../ui.tsx';
import { BarChart, ChartCard, type ChartNotes, PALETTE, series } from './charts.tsx';
import { IkmCharts } from './ikm.tsx';
import { MeQuery } from './queue.tsx';

const Accountability = graphql(`
  query Accountability($from: Day!, $to: Day!) {
    forumAccountability(from: $from, to: $to) {
      __typename
      ... on ForumAccountabilityReport {
        units {
          unitCode
          unitName
          received
          answered
          answeredOnTime
          overdueAnswers
          accepted
          commitments
          commitmentsDone
          commitmentsDoneOnTime
          overdueCommitments
        }
      }
      ... on ValidationError { message }
    }
  }
`);

const StaffReports = graphql(`
  query StaffReports($unitCode: String!, $year: Int!) {
    unitCompetencyGapReport(unitCode: $unitCode) {
      __typename
      ... on UnitCompetencyGapReport {
        people
        peopleWithGap
        totalGap
        competencies { code name totalGap peopleWithGap maxGap }
      }
      ... on Failure { message }
    }
    trainingComplianceReport(unitCode: $unitCode, year: $year) {
      __typename
      ... on TrainingComplianceReport {
        requiredJp
        units { unitCode unitName people compliant complianceRate averageJp }
        staff { staff { id name } jp shortfallJp compliant }
      }
      ... on Failure { message }
    }
  }
`);

export function StatisticsPage() {
  const { t } = useI18n();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [{ data: me }] = useQuery({ query: MeQuery });
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const role = me?.me.role;
  return (
    <section>
      <h1>{t('navStatistics')}</h1>
      <div className="toolbar">
        <label htmlFor="year">{t('year')}</label>
        <Select
          id="year"
          options={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1]}
          value={year}
          onChange={setYear}
        />
      </div>
      <h2>{t('ikmTitle')}</h2>
      <IkmCharts year={year} unitCode={me?.me.unit?.code ?? null} />
      <h2>{t('serviceAndForumTitle')}</h2>
      <div className="chart-grid">
        <WaitingTimes from={from} to={to} />
        <ForumAccountabilityChart from={from} to={to} />
        {me?.me.unit && (role === 'SUPERVISOR' || role === 'ADMIN') ? (
          <StaffCharts unitCode={me.me.unit.code} year={year} />
        ) : null}
      </div>
    </section>
  );
}

/** Waiting times and the share within the standard per service (requestStatistics, public). */
export function WaitingTimes({ from, to, notes }: { from: string; to: string; notes?: ChartNotes }) {
  const { t, lang } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: operations.RequestStatisticsQuery,
    variables: { from, to, groupBy: 'SERVICE' },
  });
  if (error) return <ErrorNote error={error} />;
  if (fetching && !data) return <Loading />;
  const result = data?.requestStatistics;
  if (result?.__typename === 'ValidationError') return <ErrorNote error={result.message} />;
  const rows =
    result?.__typename === 'RequestStatisticsPayload' ? result.data.filter((r) => r.count > 0) : [];
  const labels = rows.map((r) => r.name);
  return (
    <>
      <ChartCard
        title={t('waitingTimes')}
        description={t('waitingTimesHint')}
        testId="chart-waiting"
        {...notes?.('waiting')}
        table={{
          head: [t('service'), t('requests'), t('medianVerify'), t('medianComplete'), t('p90Complete')],
          rows: rows.map((r) => [
            r.name,
            r.count,
            formatNumber(r.medianVerifyWorkingDays, lang),
            formatNumber(r.medianCompleteWorkingDays, lang),
            formatNumber(r.p90CompleteWorkingDays, lang),
          ]),
        }}
      >
        <BarChart
          data={{
            labels,
            datasets: [
              series(t('medianVerify'), rows, (r) => r.medianVerifyWorkingDays, PALETTE[2]),
              series(t('medianComplete'), rows, (r) => r.medianCompleteWorkingDays, PALETTE[0]),
              series(t('p90Complete'), rows, (r) => r.p90CompleteWorkingDays, PALETTE[1]),
            ],
          }}
          options={{
            scales: { y: { title: { display: true, text: t('workingDaysAxis') }, beginAtZero: true } },
          }}
        />
      </ChartCard>
      <ChartCard
        title={t('withinStandard')}
        description={t('withinStandardHint')}
        testId="chart-within-standard"
        {...notes?.('within-standard')}
        table={{
          head: [t('service'), t('completed'), t('withinStandardCount'), t('share'), t('overdue')],
          rows: rows.map((r) => [
            r.name,
            r.completed,
            r.completedWithinStandard,
            formatPercent(r.withinStandardShare, lang),
            r.overdue,
          ]),
        }}
      >
        <BarChart
          data={{
            labels,
            datasets: [
              series(
                t('share'),
                rows,
                (r) => (r.withinStandardShare === null ? null : r.withinStandardShare * 100),
                (r) => ((r.withinStandardShare ?? 0) >= 0.8 ? PALETTE[0] : PALETTE[1]),
              ),
            ],
          }}
          options={{
            indexAxis: 'y',
            plugins: { legend: { display: false } },
            scales: { x: { min: 0, max: 100, title: { display: true, text: '%' } } },
          }}
        />
      </ChartCard>
    </>
  );
}

/** Forum submissions answered on time and commitments done per unit (forumAccountability, public). */
export function ForumAccountabilityChart({
  from,
  to,
  notes,
}: {
  from: string;
  to: string;
  notes?: ChartNotes;
}) {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: Accountability, variables: { from, to } });
  if (error) return <ErrorNote error={error} />;
  if (fetching && !data) return <Loading />;
  const result = data?.forumAccountability;
  if (result?.__typename === 'ValidationError') return <ErrorNote error={result.message} />;
  const units =
    result?.__typename === 'ForumAccountabilityReport' ? result.units.filter((u) => u.received > 0) : [];
  return (
    <ChartCard
      title={t('forumAccountability')}
      description={t('forumAccountabilityHint')}
      testId="chart-forum"
      {...notes?.('forum')}
      table={{
        head: [
          t('unit'),
          t('received'),
          t('answeredOnTimeCount'),
          t('overdueAnswers'),
          t('accepted'),
          t('commitmentsDone'),
        ],
        rows: units.map((u) => [
          u.unitName,
          u.received,
          u.answeredOnTime,
          u.overdueAnswers,
          u.accepted,
          `${u.commitmentsDone}/${u.commitments}`,
        ]),
      }}
    >
      <BarChart
        data={{
          labels: units.map((u) => u.unitCode),
          datasets: [
            series(t('received'), units, (u) => u.received, PALETTE[8]),
            series(t('answeredOnTimeCount'), units, (u) => u.answeredOnTime, PALETTE[0]),
            series(t('overdueAnswers'), units, (u) => u.overdueAnswers, PALETTE[6]),
            series(t('accepted'), units, (u) => u.accepted, PALETTE[2]),
            series(t('commitmentsDone'), units, (u) => u.commitmentsDone, PALETTE[5]),
          ],
        }}
        options={{ scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }}
      />
    </ChartCard>
  );
}

function StaffCharts({ unitCode, year }: { unitCode: string; year: number }) {
  const { t, lang } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: StaffReports, variables: { unitCode, year } });
  if (error) return <ErrorNote error={error} />;
  if (fetching && !data) return <Loading />;
  const gaps = data?.unitCompetencyGapReport;
  const training = data?.trainingComplianceReport;
  // The chart shows the ten largest gaps; the table lists them all.
  const topGaps = gaps?.__typename === 'UnitCompetencyGapReport' ? gaps.competencies.slice(0, 10) : [];
  return (
    <>
      {gaps?.__typename === 'UnitCompetencyGapReport' ? (
        <ChartCard
          title={t('competencyGaps')}
          description={t('competencyGapsHint', { people: gaps.peopleWithGap, total: gaps.people })}
          testId="chart-gaps"
          table={{
            head: [t('competency'), t('totalGap'), t('peopleWithGap'), t('maxGap')],
            rows: gaps.competencies.map((c) => [c.name, c.totalGap, c.peopleWithGap, c.maxGap]),
          }}
        >
          <BarChart
            data={{
              // Named, not coded: the axis reads "Pelayanan publik", not PELAYANAN_PUBLIK.
              labels: topGaps.map((c) => c.name),
              datasets: [
                series(t('totalGap'), topGaps, (c) => c.totalGap, PALETTE[1]),
                series(t('peopleWithGap'), topGaps, (c) => c.peopleWithGap, PALETTE[3]),
              ],
            }}
            options={{ indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }}
          />
        </ChartCard>
      ) : gaps && 'message' in gaps ? (
        <ErrorNote error={gaps.message} />
      ) : null}
      {training?.__typename === 'TrainingComplianceReport' ? (
        <ChartCard
          title={t('trainingCompliance', { jp: training.requiredJp })}
          description={t('trainingComplianceHint', { jp: training.requiredJp })}
          testId="chart-training"
          table={{
            head: [t('unit'), t('people'), t('compliant'), t('averageJp')],
            rows: training.units.map((u) => [
              u.unitName,
              u.people,
              u.compliant,
              formatNumber(u.averageJp, lang),
            ]),
          }}
        >
          <BarChart
            data={{
              labels: training.units.map((u) => u.unitCode),
              datasets: [
                series(
                  t('complianceRate'),
                  training.units,
                  (u) => u.complianceRate * 100,
                  (u) => (u.complianceRate >= 0.8 ? PALETTE[0] : PALETTE[1]),
                ),
              ],
            }}
            options={{
              plugins: { legend: { display: false } },
              scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } } },
            }}
          />
        </ChartCard>
      ) : training && 'message' in training ? (
        <ErrorNote error={training.message} />
      ) : null}
    </>
  );
}
