// The open-data routes (issue 23): `GET /open-data/<dataset>.csv|json` for anyone, no sign-in,
// streamed a batch at a time (the first batch is read before answering, so a failing database
// answers 500 rather than a cut file), and `GET /open-data/index.json` listing the datasets with
// the licence and the suppression threshold. Every CSV cell goes through platform/csv.ts.
import type { Database } from '@layanan/db';
import {
  OPEN_DATA_DATASETS,
  OPEN_DATA_LEGAL_BASIS,
  type OpenDataDatasetName,
  openDataDataset,
  type SpreadsheetCell,
} from '@layanan/domain';
import type { Plugin } from 'graphql-yoga';
import type { OpenDataConfig } from '../../app/open-data-config.js';
import { writeCsv } from '../../platform/csv.js';
import { forumAccountabilityBatches, type OpenAggregateRow, surveyBatches } from './aggregates.js';
import { serviceCatalogueBatches } from './catalogue.js';
import { openRequestBatches } from './requests.js';

export const OPEN_DATA_PREFIX = '/open-data/';

type Row = Readonly<Record<string, string | number | boolean | null>>;

const PATH = /^\/open-data\/([a-z-]+)\.(csv|json)$/;

function batchesOf(
  name: OpenDataDatasetName,
  db: Database,
  config: OpenDataConfig,
): AsyncGenerator<readonly Row[]> {
  switch (name) {
    case 'requests':
      return openRequestBatches(db.prisma, config);
    case 'survey':
      return surveyBatches(db.prisma, config);
    case 'forum-accountability':
      return forumAccountabilityBatches(db.prisma, config);
    case 'services':
      return serviceCatalogueBatches(db.prisma) as AsyncGenerator<OpenAggregateRow[]>;
  }
}

/** A value as a CSV cell: empty for null, `true`/`false`, numbers as numbers. */
const csvCell = (value: Row[string] | undefined): SpreadsheetCell =>
  value === null || value === undefined ? '' : typeof value === 'boolean' ? String(value) : value;

/** The description every JSON file and the index carry about a dataset. */
function describe(name: OpenDataDatasetName, config: OpenDataConfig) {
  const dataset = openDataDataset(name);
  return {
    dataset: dataset.name,
    title: dataset.title,
    rule: dataset.rule,
    licence: config.licence,
    legalBasis: OPEN_DATA_LEGAL_BASIS.map((l) => l.title),
    ...(dataset.suppressed ? { minCount: config.minCount } : {}),
    columns: dataset.columns.map((c) => c.name),
  };
}

/** The routes under /open-data/ (GET only; anything else under the prefix answers 404/405). */
export function openDataRoutes(db: Database, config: OpenDataConfig): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(OPEN_DATA_PREFIX)) return;
      const json = (status: number, body: unknown, cache = 'no-store') =>
        endResponse(
          new fetchAPI.Response(JSON.stringify(body), {
            status,
            headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': cache },
          }),
        );
      if (request.method !== 'GET') {
        json(405, { code: 'METHOD_NOT_ALLOWED', messageId: 'Hanya GET.', messageEn: 'GET only.' });
        return;
      }
      if (url.pathname === `${OPEN_DATA_PREFIX}index.json`) {
        json(
          200,
          {
            licence: config.licence,
            minCount: config.minCount,
            legalBasis: OPEN_DATA_LEGAL_BASIS,
            datasets: OPEN_DATA_DATASETS.map((d) => ({
              ...describe(d.name, config),
              description: d.description,
              csv: `${OPEN_DATA_PREFIX}${d.name}.csv`,
              json: `${OPEN_DATA_PREFIX}${d.name}.json`,
            })),
          },
          'public, max-age=300',
        );
        return;
      }
      const match = PATH.exec(url.pathname);
      const dataset = OPEN_DATA_DATASETS.find((d) => d.name === match?.[1]);
      const format = match?.[2] as 'csv' | 'json' | undefined;
      if (!dataset || !format) {
        json(404, {
          code: 'NOT_FOUND',
          messageId: 'Data terbuka ini tidak ada; lihat /open-data/index.json.',
          messageEn: 'No such open dataset; see /open-data/index.json.',
        });
        return;
      }
      const columns = dataset.columns.map((c) => c.name);
      const batches = batchesOf(dataset.name, db, config);
      const first = await batches.next();
      const encoder = new TextEncoder();
      let rowsWritten = 0;
      const encodeBatch = (rows: readonly Row[]): Uint8Array => {
        if (format === 'csv')
          return encoder.encode(writeCsv(rows.map((r) => columns.map((c) => csvCell(r[c])))));
        const parts = rows.map((r) =>
          JSON.stringify(Object.fromEntries(columns.map((c) => [c, r[c] ?? null]))),
        );
        const text = (rowsWritten === 0 ? '' : ',') + parts.join(',');
        rowsWritten += rows.length;
        return encoder.encode(text);
      };
      // The file's head: the CSV header (after a byte-order mark, so spreadsheets read UTF-8), or
      // the JSON object up to its `rows` array.
      const head =
        format === 'csv'
          ? `\uFEFF${writeCsv([columns])}`
          : JSON.stringify({ ...describe(dataset.name, config), rows: [] }).slice(0, -2);
      let pending: IteratorResult<readonly Row[]> | null = first;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode(head));
        },
        async pull(controller) {
          const next = pending ?? (await batches.next());
          pending = null;
          if (next.done) {
            if (format === 'json') controller.enqueue(encoder.encode(']}'));
            controller.close();
            return;
          }
          if (next.value.length > 0) controller.enqueue(encodeBatch(next.value));
        },
        async cancel() {
          await batches.return(undefined);
        },
      });
      endResponse(
        new fetchAPI.Response(body, {
          status: 200,
          headers: {
            'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
            'content-disposition': `${format === 'csv' ? 'attachment' : 'inline'}; filename="layanan-${dataset.name}.${format}"`,
            'cache-control': 'public, max-age=300',
            'access-control-allow-origin': '*',
            ...(config.licence.url ? { link: `<${config.licence.url}>; rel="license"` } : {}),
          },
        }),
      );
    },
  };
}
