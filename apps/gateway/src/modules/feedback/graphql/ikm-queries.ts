// The IKM and SKM report queries: public aggregates per scope and period, a year's trend, and a
// unit's full SKM report (also served as CSV by reports/skm-csv-route.ts, from the same query).
import { SKM_ELEMENTS, skmPeriodsOfYear, withholdSmallIkmReport } from '@layanan/domain/feedback';
import type { GraphQLContext } from '../../../app/context.js';
import { builder } from '../../../graphql/builder.js';
import { dataPayload } from '../../../graphql/data-payload.js';
import { NotFoundError, ValidationError } from '../../../graphql/errors.js';
import { failure } from '../../../graphql/failures.js';
import { readsSmallGroupScores } from '../access.js';
import { type IkmReportShape, ikmReport, ikmTrend } from '../queries/ikm-report.js';
import { type IkmScope, resolveIkmScope } from '../queries/ikm-scope.js';
import { loadSkmReport } from '../queries/skm-report.js';
import {
  IkmReportRef,
  periodArgs,
  periodOf,
  SkmElementRef,
  SkmPeriodKindEnum,
  SkmReportRef,
  unitPeriodArgs,
} from './skm-types.js';

/** The scope of an IKM: the city (no code), a unit or a service. */
const scopeArgs = builder.args((t) => ({
  unitCode: t.string({ description: 'A unit’s code for a UNIT scope; NotFoundError when unknown.' }),
  serviceCode: t.string({
    description: 'A service’s code for a SERVICE scope (wins over unitCode); NotFoundError when unknown.',
  }),
}));

/** The reports as the caller may see them: small groups' scores withheld (readsSmallGroupScores). */
async function asPublished(
  ctx: GraphQLContext,
  scope: IkmScope,
  reports: readonly IkmReportShape[],
): Promise<IkmReportShape[]> {
  if (await readsSmallGroupScores(ctx.prisma, ctx.identity, scope)) return [...reports];
  return reports.map((r) => withholdSmallIkmReport(r, ctx.config.openData.minCount));
}

builder.queryFields((t) => ({
  skmElements: t.field({
    type: [SkmElementRef],
    description: 'The nine SKM elements with their question and answer labels.',
    resolve: () => [...SKM_ELEMENTS],
  }),
  ikm: t.field({
    type: IkmReportRef,
    description:
      'IKM for one scope: the city (no codes), a unit (unitCode) or a service (serviceCode). Public aggregates.',
    errors: dataPayload(
      'ikm',
      [ValidationError, NotFoundError],
      { what: 'the IKM report', data: 'The IKM of the scope and period.' },
      { union: 'IkmQueryResult' },
    ),
    args: { ...scopeArgs, ...periodArgs },
    resolve: async (_root, args, ctx) => {
      const period = periodOf(args.period);
      const scope = await resolveIkmScope(ctx.prisma, args.unitCode, args.serviceCode);
      const [report] = await asPublished(ctx, scope, [await ikmReport(ctx.prisma, scope, period)]);
      return report!;
    },
  }),
  ikmTrend: t.field({
    type: [IkmReportRef],
    description: 'The IKM of consecutive periods of a year, for charts (e.g. 12 months or 4 quarters).',
    errors: {
      types: [ValidationError, NotFoundError],
      result: {
        name: 'IkmTrendPayload',
        description: 'What ikmTrend returns on success: one IKM report per period in `data`.',
      },
      dataField: { description: 'The IKM of each period of the year, in order.' },
    },
    args: {
      ...scopeArgs,
      year: t.arg.int({
        required: true,
        description: 'The calendar year, 2000–2100; ValidationError on `year` otherwise.',
      }),
      kind: t.arg({
        type: SkmPeriodKindEnum,
        required: true,
        description: 'The periods to list: 12 months, 4 quarters, 2 semesters or the one year.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const periods = skmPeriodsOfYear(args.year, args.kind);
      if (!periods.ok) throw failure(periods.error, { field: 'year' });
      const scope = await resolveIkmScope(ctx.prisma, args.unitCode, args.serviceCode);
      return asPublished(ctx, scope, await ikmTrend(ctx.prisma, scope, periods.value, args.kind));
    },
  }),
  skmReport: t.field({
    type: SkmReportRef,
    description:
      "A unit's SKM report (GraphQL form of the published layout). Staff of the unit, its supervisors, admins.",
    authScopes: { staff: true, admin: true },
    errors: dataPayload('skmReport', [ValidationError, NotFoundError], {
      what: 'the report',
      data: 'The unit’s SKM report for the period.',
    }),
    args: unitPeriodArgs,
    resolve: async (_root, args, ctx) =>
      loadSkmReport(ctx.prisma, ctx.identity, args.unitCode, periodOf(args.period)),
  }),
}));
