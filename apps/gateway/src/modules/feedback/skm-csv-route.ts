// GET /reports/skm.csv?unit=CODE&period=YEAR-2026|S1-2026|Q1-2026|M01-2026: the SKM report of a
// unit as a CSV download, with the same authorisation as the `skmReport` query (Bearer token or
// API key resolved into the same context).
import { parseSkmPeriod } from '@layanan/domain/feedback';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../../app/context.js';
import { LayananError, NotFoundError } from '../../graphql/errors.js';
import { AuthenticationError } from '../accounts/identity.js';
import { loadSkmReport } from './feedback.js';
import { skmCsv, skmCsvFileName } from './skm-csv.js';

export const SKM_CSV_PATH = '/reports/skm.csv';

export function skmCsvRoute(contextOf: (request: Request) => Promise<GraphQLContext>): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== SKM_CSV_PATH) return;
      const problem = (status: number, code: string, messageId: string, messageEn: string) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify({ code, messageId, messageEn }), {
            status,
            headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
          }),
        );
      if (request.method !== 'GET') {
        problem(405, 'METHOD_NOT_ALLOWED', 'Gunakan GET', 'Use GET');
        return;
      }
      const unit = url.searchParams.get('unit')?.trim() ?? '';
      const period = parseSkmPeriod(url.searchParams.get('period') ?? '');
      if (!unit) {
        problem(400, 'REQUIRED', 'Parameter unit wajib diisi', 'The unit parameter is required');
        return;
      }
      if (!period.ok) {
        problem(400, period.error.code, period.error.message.id, period.error.message.en);
        return;
      }
      try {
        const ctx = await contextOf(request);
        if (ctx.identity.kind === 'anonymous') {
          problem(401, 'UNAUTHENTICATED', 'Masuk terlebih dahulu', 'Sign in first');
          return;
        }
        const report = await loadSkmReport(ctx, unit, period.value);
        endResponse(
          new fetchAPI.Response(`\uFEFF${skmCsv(report.ikm, report.profile.counts, ctx.lang)}`, {
            status: 200,
            headers: {
              'content-type': 'text/csv; charset=utf-8',
              'content-disposition': `attachment; filename="${skmCsvFileName(report.ikm)}"`,
              'cache-control': 'no-store',
            },
          }),
        );
      } catch (error) {
        if (error instanceof AuthenticationError) {
          problem(401, error.code, error.messageId, error.messageEn);
        } else if (error instanceof GraphQLError && error.extensions.code === 'FORBIDDEN') {
          problem(403, 'FORBIDDEN', 'Akses ditolak', 'Access denied');
        } else if (error instanceof NotFoundError) {
          problem(404, error.code, error.messageId, error.messageEn);
        } else if (error instanceof LayananError) {
          problem(400, error.code, error.messageId, error.messageEn);
        } else {
          throw error;
        }
      }
    },
  };
}
