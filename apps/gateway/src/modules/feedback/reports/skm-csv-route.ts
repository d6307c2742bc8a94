// GET /reports/skm.csv?unit=CODE&period=YEAR-2026|S1-2026|Q1-2026|M01-2026: the SKM report of a
// unit as a CSV download, from the same query and with the same authorisation as the `skmReport`
// field (Bearer token or API key resolved into the same context).

import type { Message } from '@layanan/domain';
import { skmReportFileName, skmReportRequest } from '@layanan/domain/feedback';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../../../app/context.js';
import { LayananError, NotFoundError } from '../../../graphql/errors.js';
import { messageOf } from '../../../graphql/failures.js';
import { AuthenticationError } from '../../accounts/identity.js';
import { loadSkmReport } from '../queries/skm-report.js';
import { skmCsv } from './skm-csv.js';

export const SKM_CSV_PATH = '/reports/skm.csv';

export function skmCsvRoute(contextOf: (request: Request) => Promise<GraphQLContext>): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== SKM_CSV_PATH) return;
      const problem = (status: number, code: string, message: Message) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify({ code, messageId: message.id, messageEn: message.en }), {
            status,
            headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
          }),
        );
      if (request.method !== 'GET') {
        problem(405, 'METHOD_NOT_ALLOWED', messageOf('METHOD_NOT_ALLOWED'));
        return;
      }
      const asked = skmReportRequest({
        unit: url.searchParams.get('unit'),
        period: url.searchParams.get('period'),
      });
      if (!asked.ok) {
        problem(400, asked.error.code, asked.error.message);
        return;
      }
      try {
        const ctx = await contextOf(request);
        if (ctx.identity.kind === 'anonymous') {
          problem(401, 'UNAUTHENTICATED', messageOf('UNAUTHENTICATED'));
          return;
        }
        const report = await loadSkmReport(
          ctx.prisma,
          ctx.identity,
          asked.value.unitCode,
          asked.value.period,
        );
        endResponse(
          new fetchAPI.Response(`\uFEFF${skmCsv(report.ikm, report.profile.counts, ctx.lang)}`, {
            status: 200,
            headers: {
              'content-type': 'text/csv; charset=utf-8',
              'content-disposition': `attachment; filename="${skmReportFileName(report.ikm)}"`,
              'cache-control': 'no-store',
            },
          }),
        );
      } catch (error) {
        const asMessage = (e: { messageId: string; messageEn: string }) => ({
          id: e.messageId,
          en: e.messageEn,
        });
        if (error instanceof AuthenticationError) {
          problem(401, error.code, asMessage(error));
        } else if (error instanceof GraphQLError && error.extensions.code === 'FORBIDDEN') {
          problem(403, 'FORBIDDEN', messageOf('FORBIDDEN'));
        } else if (error instanceof NotFoundError) {
          problem(404, error.code, asMessage(error));
        } else if (error instanceof LayananError) {
          problem(400, error.code, asMessage(error));
        } else {
          throw error;
        }
      }
    },
  };
}
