// The requestStatistics query: waiting and processing times per service or unit (the type and
// the SQL are in ../request-statistics.ts, shared with the feedback area).
import { statisticsPeriod } from '@layanan/domain/services';
import { builder } from '../../../graphql/builder.js';
import { ValidationError } from '../../../graphql/errors.js';
import { RequestStatisticsRef, requestStatisticsRows } from '../request-statistics.js';

const StatisticsGroupEnum = builder.enumType('RequestStatisticsGroup', {
  values: ['SERVICE', 'UNIT'] as const,
});

builder.queryField('requestStatistics', (t) =>
  t.field({
    type: [RequestStatisticsRef],
    description: 'Waiting and processing times of requests submitted between from and to (inclusive, WIB).',
    errors: { types: [ValidationError] },
    args: {
      from: t.arg.string({ required: true }),
      to: t.arg.string({ required: true }),
      groupBy: t.arg({ type: StatisticsGroupEnum, required: true }),
      serviceCode: t.arg.string(),
      unitCode: t.arg.string(),
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
