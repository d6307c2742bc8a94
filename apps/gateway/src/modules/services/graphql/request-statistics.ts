// The requestStatistics query: waiting and processing times per service or unit (the type and
// the SQL are in ../request-statistics.ts, shared with the feedback area).
import { statisticsPeriod } from '@layanan/domain/services';
import { builder } from '../../../graphql/builder.js';
import { ValidationError } from '../../../graphql/errors.js';
import { RequestStatisticsRef, requestStatisticsRows } from '../request-statistics.js';

const StatisticsGroupEnum = builder.enumType('RequestStatisticsGroup', {
  description:
    'How requestStatistics groups its rows: one row per SERVICE (key = service code) or per UNIT (key = unit code).',
  values: ['SERVICE', 'UNIT'] as const,
});

builder.queryField('requestStatistics', (t) =>
  t.field({
    type: [RequestStatisticsRef],
    description:
      'Waiting and processing times of requests submitted between from and to (inclusive, WIB days), with backlog and overdue counts as of today; public. Rows sorted by key; groups without requests are left out.',
    errors: { types: [ValidationError] },
    args: {
      from: t.arg.string({
        required: true,
        description:
          'First day of the period (WIB, YYYY-MM-DD), inclusive; a malformed or reversed period gives ValidationError.',
      }),
      to: t.arg.string({
        required: true,
        description: 'Last day of the period (WIB, YYYY-MM-DD), inclusive.',
      }),
      groupBy: t.arg({
        type: StatisticsGroupEnum,
        required: true,
        description: 'One row per service or per unit.',
      }),
      serviceCode: t.arg.string({ description: 'Only requests for this service code (case-insensitive).' }),
      unitCode: t.arg.string({ description: 'Only requests of this unit code (case-insensitive).' }),
    },
    resolve: async (_root, args, ctx) => {
      const period = statisticsPeriod(args.from, args.to);
      if (!period.ok) throw ValidationError.fromFieldErrors(period.error);
      return requestStatisticsRows(ctx.prisma, {
        from: period.value.from,
        to: period.value.to,
        groupBy: args.groupBy,
        serviceCode: args.serviceCode,
        unitCode: args.unitCode,
      });
    },
  }),
);
