// The requestStatistics query: waiting and processing times per service or unit (the type and
// the SQL are in ../request-statistics.ts, shared with the feedback area).

import { statisticsPeriod } from '@layanan/domain/services';
import { builder } from '../../../graphql/builder.js';
import { ValidationError } from '../../../graphql/errors.js';
import { validationFailed } from '../../../graphql/failures.js';
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
    errors: {
      types: [ValidationError],
      result: {
        name: 'RequestStatisticsPayload',
        description: 'The statistics rows of the period, one per service or unit.',
      },
      dataField: { description: 'The rows, sorted by key; groups without requests are left out.' },
    },
    args: {
      from: t.arg({
        type: 'Day',
        required: true,
        description:
          'First day of the period (WIB), inclusive; a period ending before it gives ValidationError.',
      }),
      to: t.arg({
        type: 'Day',
        required: true,
        description: 'Last day of the period (WIB), inclusive.',
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
      if (!period.ok) throw validationFailed(period.error);
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
