// GET /reports/skm.csv?unit=CODE&period=YEAR-2026|S1-2026|Q1-2026|M01-2026: the SKM report of a
// unit as a CSV download, from the same query and with the same authorisation as the `skmReport`
// field (Bearer token or API key resolved into the same context).

import { skmReportFileName, skmReportRequest } from '@layanan/domain/feedback';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../../../app/context.js';
import { csvDownloadRoute } from '../../../platform/csv-route.js';
import { loadSkmReport } from '../queries/skm-report.js';
import { skmCsv } from './skm-csv.js';

export const SKM_CSV_PATH = '/reports/skm.csv';

export function skmCsvRoute(contextOf: (request: Request) => Promise<GraphQLContext>): Plugin {
  return csvDownloadRoute(SKM_CSV_PATH, contextOf, {
    read: (url) =>
      skmReportRequest({ unit: url.searchParams.get('unit'), period: url.searchParams.get('period') }),
    load: async ({ unitCode, period }, ctx) => {
      const report = await loadSkmReport(ctx.prisma, ctx.identity, unitCode, period);
      return {
        fileName: skmReportFileName(report.ikm),
        csv: skmCsv(report.ikm, report.profile.counts, ctx.lang),
      };
    },
  });
}
