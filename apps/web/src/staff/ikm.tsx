import type { IkmReport, IkmTrendPoint, Result } from '@layanan/client';
import { useEffect, useState } from 'react';
import { useLayanan } from '../client.ts';
import { formatDecimalText } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { serviceName } from '../labels.ts';
import { useEveryService } from '../reference-lists.ts';
import { ErrorNote, formatNumber, Loading } from '../ui.tsx';
import {
  type Band,
  BarChart,
  bandsPlugin,
  ChartCard,
  type ChartNotes,
  LineChart,
  PALETTE,
} from './charts.tsx';

// PermenPANRB 14/2017 grade bands on the 25–100 score (half-open, on the unrounded value).
export const GRADE_BANDS: readonly Band[] = [
  { from: 25, to: 65, color: 'rgba(185, 28, 28, 0.08)', label: 'D' },
  { from: 65, to: 76.61, color: 'rgba(217, 119, 6, 0.10)', label: 'C' },
  { from: 76.61, to: 88.31, color: 'rgba(29, 78, 216, 0.08)', label: 'B' },
  { from: 88.31, to: 100, color: 'rgba(11, 93, 59, 0.10)', label: 'A' },
];

type IkmData = {
  /** The variables these results answer (a new scope or year shows loading, not stale figures). */
  key: string;
  trend: Result<readonly IkmTrendPoint[]>;
  year: Result<IkmReport>;
};

/** The monthly trend and the whole-year IKM of a scope, through @layanan/client. */
function useIkm(year: number, unitCode: string | null, serviceCode: string | null) {
  const layanan = useLayanan();
  const key = JSON.stringify([year, unitCode, serviceCode]);
  const [data, setData] = useState<IkmData | null>(null);
  useEffect(() => {
    let live = true;
    const scope = { unitCode, serviceCode };
    void Promise.all([
      layanan.ikmTrend({ year, kind: 'MONTH', ...scope }),
      layanan.ikm({ period: { kind: 'YEAR', year }, ...scope }),
    ]).then(([trend, report]) => {
      if (live) setData({ key: JSON.stringify([year, unitCode, serviceCode]), trend, year: report });
    });
    return () => {
      live = false;
    };
  }, [layanan, year, unitCode, serviceCode]);
  return data?.key === key ? data : null;
}

/** IKM over the months of a year with the grade bands, and the nine element averages. */
export function IkmCharts({
  year,
  unitCode,
  notes,
}: {
  year: number;
  unitCode: string | null;
  /** Period, rule and downloads under each chart (the public results page). */
  notes?: ChartNotes;
}) {
  const { t, lang } = useI18n();
  const [scope, setScope] = useState<string>(unitCode ? `unit:${unitCode}` : 'city');
  const services = useEveryService().nodes ?? [];
  const [kind, code] = scope.split(':') as [string, string | undefined];
  const data = useIkm(
    year,
    kind === 'unit' ? (code ?? null) : null,
    kind === 'service' ? (code ?? null) : null,
  );
  const trend = data?.trend.ok ? data.trend.data : [];
  const year_ = data?.year.ok ? data.year.data : null;
  const failure = data && !data.trend.ok ? data.trend.error : data && !data.year.ok ? data.year.error : null;
  const units = [...new Map(services.map((s) => [s.unit.code, s.unit.shortName]))];
  return (
    <>
      <div className="toolbar wide">
        <label htmlFor="ikm-scope">{t('ikmScope')}</label>
        <select id="ikm-scope" value={scope} onChange={(e) => setScope(e.target.value)}>
          <option value="city">{t('ikmCity')}</option>
          <optgroup label={t('unit')}>
            {units.map(([c, name]) => (
              <option key={c} value={`unit:${c}`}>
                {name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('service')}>
            {services.map((s) => (
              <option key={s.code} value={`service:${s.code}`}>
                {serviceName(s, lang)}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      {failure ? (
        <ErrorNote error={failure.kind === 'NetworkError' ? t('networkError') : failure.message} />
      ) : null}
      {!data ? <Loading /> : null}
      {year_ ? (
        <div className="panel ikm-headline" data-testid="ikm-headline">
          <p>
            <span className="big" data-testid="ikm-score">
              {formatDecimalText(year_.scoreDisplay, lang)}
            </span>{' '}
            {year_.grade ? (
              <span className={`badge grade-${year_.grade}`}>
                {year_.grade} · {year_.gradeLabel}
              </span>
            ) : null}
            {year_.suppressed ? (
              <span className="muted" data-testid="ikm-withheld">
                {t('ikmWithheld')}
              </span>
            ) : null}
          </p>
          <p className="muted">
            {year_.name} · {year_.periodLabel} · {t('respondents')}:{' '}
            <span data-testid="ikm-respondents">{year_.respondents}</span> / {t('requiredSample')}{' '}
            {year_.requiredSample}
            {year_.weakestElements.length > 0
              ? ` · ${t('weakest')}: ${year_.weakestElements
                  .map((c) => year_.elements.find((e) => e.code === c)?.label ?? c)
                  .join(', ')}`
              : ''}
          </p>
        </div>
      ) : null}
      <div className="chart-grid">
        <ChartCard
          title={t('ikmTrendTitle', { year })}
          description={t('ikmTrendHint')}
          testId="chart-ikm-trend"
          {...notes?.('ikm-trend')}
          table={{
            head: [t('period'), t('respondents'), 'IKM', t('grade')],
            rows: trend.map((p) => [
              p.periodLabel,
              p.respondents,
              p.suppressed ? t('withheldShort') : formatDecimalText(p.scoreDisplay, lang),
              p.suppressed ? t('withheldShort') : (p.grade ?? '—'),
            ]),
          }}
        >
          <LineChart
            data={{
              labels: trend.map((p) => p.periodLabel),
              datasets: [
                {
                  label: 'IKM',
                  data: trend.map((p) => p.score),
                  borderColor: PALETTE[0],
                  backgroundColor: PALETTE[0],
                  spanGaps: true,
                },
              ],
            }}
            options={{ scales: { y: { min: 25, max: 100 } }, plugins: { legend: { display: false } } }}
            plugins={[bandsPlugin(GRADE_BANDS)]}
          />
        </ChartCard>
        {year_ ? (
          <ChartCard
            title={t('elementAverages')}
            description={t('elementAveragesHint')}
            testId="chart-ikm-elements"
            {...notes?.('ikm-elements')}
            table={{
              head: [t('element'), t('average'), t('respondents')],
              rows: year_.elements.map((e) => [e.label, formatNumber(e.average, lang, 2), e.respondents]),
            }}
          >
            <BarChart
              data={{
                labels: year_.elements.map((e) => e.label),
                datasets: [
                  {
                    label: t('average'),
                    data: year_.elements.map((e) => e.average),
                    backgroundColor: year_.elements.map((e) =>
                      year_.weakestElements.includes(e.code) ? PALETTE[1] : PALETTE[0],
                    ),
                  },
                ],
              }}
              options={{
                indexAxis: 'y',
                plugins: { legend: { display: false } },
                scales: { x: { min: 1, max: 4 } },
              }}
            />
          </ChartCard>
        ) : null}
      </div>
    </>
  );
}
