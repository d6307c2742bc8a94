// Chart.js through react-chartjs-2, with only the parts used registered (smaller bundle). Every
// chart has its data as a table beside it, for screen readers and for people who prefer numbers.
import {
  BarElement,
  CategoryScale,
  type ChartData,
  Chart as ChartJS,
  type ChartOptions,
  type ChartType,
  Legend,
  LinearScale,
  LineElement,
  type Plugin,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { ReactNode } from 'react';
import { Bar, Line } from 'react-chartjs-2';
import { localeOf } from '../format.ts';
import { type Lang, useI18n } from '../i18n.tsx';
import { Table } from '../ui.tsx';
import { TableDownload } from './table-download.tsx';

ChartJS.register(CategoryScale, LinearScale, BarElement, LineElement, PointElement, Tooltip, Legend);
if (typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches) {
  ChartJS.defaults.animation = false;
}
ChartJS.defaults.font.family = 'system-ui, sans-serif';
ChartJS.defaults.color = '#1f2933';

export const PALETTE = [
  '#0b5d3b',
  '#c2410c',
  '#1d4ed8',
  '#7e22ce',
  '#a16207',
  '#0f766e',
  '#be123c',
  '#4d7c0f',
  '#334155',
];

/** What a page adds under a chart (ChartCard's footer and download), by the chart's name. */
export type ChartNotes = (chart: string) => { footer?: ReactNode; download?: string };

export type Band = { from: number; to: number; color: string; label: string };

/** Shaded horizontal bands (e.g. the IKM grades A–D) behind a chart's data. */
export function bandsPlugin(bands: readonly Band[]): Plugin<'line' | 'bar'> {
  return {
    id: 'bands',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const y = scales.y;
      if (!y || !chartArea) return;
      ctx.save();
      for (const band of bands) {
        const top = y.getPixelForValue(band.to);
        const bottom = y.getPixelForValue(band.from);
        ctx.fillStyle = band.color;
        ctx.fillRect(chartArea.left, top, chartArea.right - chartArea.left, bottom - top);
        ctx.fillStyle = '#374151';
        ctx.font = '11px system-ui, sans-serif';
        ctx.fillText(band.label, chartArea.right - 70, Math.max(top + 12, chartArea.top + 12));
      }
      ctx.restore();
    },
  };
}

export function ChartCard({
  title,
  description,
  children,
  table,
  testId,
  footer,
  download,
}: {
  title: string;
  description?: string;
  children: ReactNode;
  table: { head: readonly string[]; rows: ReadonlyArray<ReadonlyArray<string | number>> };
  testId?: string;
  /** Shown under the chart: e.g. the period, the rule that produced it and where its data is. */
  footer?: ReactNode;
  /** A file name: offers the data table as a CSV download under it. */
  download?: string;
}) {
  const { t } = useI18n();
  return (
    <figure className="panel chart-card" data-testid={testId}>
      <figcaption>
        <h2>{title}</h2>
        {description ? <p className="hint">{description}</p> : null}
      </figcaption>
      <div className="chart" role="img" aria-label={title}>
        {children}
      </div>
      <details>
        <summary>{t('dataTable')}</summary>
        <Table columns={table.head}>
          {table.rows.map((row) => (
            <tr key={String(row[0])}>
              {row.map((cell, i) => (
                <td key={table.head[i]}>{cell}</td>
              ))}
            </tr>
          ))}
        </Table>
      </details>
      {footer || download ? (
        <div className="chart-foot">
          {footer}
          {download ? <TableDownload fileName={download} head={table.head} rows={table.rows} /> : null}
        </div>
      ) : null}
    </figure>
  );
}

/**
 * One bar series over `rows`: its `label`, a value per row, and a colour (one for all, or per row,
 * e.g. green when a target is met).
 */
export function series<R>(
  label: string,
  rows: readonly R[],
  value: (row: R) => number | null,
  color: string | undefined | ((row: R) => string | undefined),
) {
  return {
    label,
    data: rows.map(value),
    backgroundColor: typeof color === 'function' ? rows.map(color) : color,
  };
}

type ChartProps<T extends ChartType> = {
  data: ChartData<T>;
  options?: ChartOptions<T>;
  plugins?: Plugin<T>[];
};

/**
 * A long axis label as lines of at most `width` characters, broken between words, so Chart.js
 * draws it whole (it clips or skips one long line) — e.g. a competency's or a unit's full name.
 */
export function wrapLabel(label: string, width = 18): string | string[] {
  if (label.length <= width) return label;
  const lines: string[] = [];
  for (const word of label.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

type Scales = Record<string, { ticks?: Record<string, unknown> } | undefined>;

/**
 * A chart's props sized by its container (the card sets the height), with no plugins unless given,
 * and its axis ticks and tooltips in the active language's number format (81,67 in Indonesian);
 * every category label is drawn (Chart.js skips some when they crowd), wrapped when long.
 */
function fitted<T extends ChartType>({ data, options, plugins }: ChartProps<T>, lang: Lang) {
  const category = (options as { indexAxis?: string } | undefined)?.indexAxis === 'y' ? 'y' : 'x';
  const scales = ((options as { scales?: Scales } | undefined)?.scales ?? {}) as Scales;
  const categoryScale = scales[category] ?? {};
  return {
    data: {
      ...data,
      labels: data.labels?.map((l) => (typeof l === 'string' ? wrapLabel(l) : l)),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      locale: localeOf(lang),
      ...options,
      scales: {
        ...scales,
        [category]: { ...categoryScale, ticks: { autoSkip: false, ...categoryScale.ticks } },
      },
    } as ChartOptions<T>,
    plugins: plugins ?? [],
    // The card's wrapper is the image with the chart's name; react-chartjs-2 would make the canvas
    // another, unnamed one.
    role: 'presentation',
  };
}

export function BarChart(props: ChartProps<'bar'>) {
  const { lang } = useI18n();
  return <Bar {...fitted(props, lang)} />;
}

export function LineChart(props: ChartProps<'line'>) {
  const { lang } = useI18n();
  return <Line {...fitted(props, lang)} />;
}
