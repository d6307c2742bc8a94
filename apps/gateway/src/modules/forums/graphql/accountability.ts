// Accountability per unit and period (issue 5): what came in, what was answered on time, what
// was accepted, and whether the promised follow-ups were done on time. Counted in SQL.
import type { DomainError } from '@layanan/domain';
import { accountabilityPeriod, answerOverdueCutoff } from '@layanan/domain/forums';
import { builder } from '../../../graphql/builder.js';
import { ValidationError } from '../../../graphql/errors.js';
import { type FailureCode, failure, validationFailed } from '../../../graphql/failures.js';
import { todayWib } from '../../../platform/calendar.js';
import { type ForumAccountabilityRow, forumAccountabilityRows } from '../queries/accountability.js';

type Row = ForumAccountabilityRow;

const AccountabilityRow = builder.objectRef<Row>('ForumAccountability').implement({
  description: 'One unit’s record in the forums over a period.',
  fields: (t) => ({
    ...t.exposeFields('String', {
      unitCode: 'Code of the unit.',
      unitName: 'Name of the unit.',
    }),
    ...t.exposeFields('Int', {
      received: 'Submissions received in the period.',
      answered: 'Of those, answered publicly (by now).',
      answeredOnTime: 'Answered by the working-day due date.',
      accepted: 'Of those, answered ACCEPTED.',
      overdueAnswers: 'Still unanswered after the due date, today.',
      commitments: 'Commitments for submissions received in the period.',
      commitmentsDone: 'Of those commitments, DONE.',
      commitmentsDoneOnTime: 'Of those commitments, DONE on or before their due day.',
      overdueCommitments: 'Open past their due date, today.',
    }),
  }),
});

const AccountabilityReport = builder
  .objectRef<{ from: string; to: string; today: string; units: Row[] }>('ForumAccountabilityReport')
  .implement({
    description: 'The forums’ accountability report for a period: one row per unit with submissions.',
    fields: (t) => ({
      ...t.exposeFields('Day', {
        from: 'First day of the period (WIB), inclusive.',
        to: 'Last day of the period (WIB), inclusive.',
        today: 'The WIB day that “overdue” was judged on.',
      }),
      units: t.expose('units', {
        type: [AccountabilityRow],
        description: 'One row per unit that received submissions in the period, by unit code.',
      }),
    }),
  });

builder.queryField('forumAccountability', (t) =>
  t.field({
    type: AccountabilityReport,
    description:
      'Per unit: submissions received in [from, to] (WIB dates), answered (on time), accepted, overdue, and their commitments.',
    authScopes: { public: true },
    errors: { types: [ValidationError] },
    args: {
      from: t.arg({
        type: 'Day',
        required: true,
        description: 'First day (WIB), inclusive; a period ending before it gives ValidationError.',
      }),
      to: t.arg({ type: 'Day', required: true, description: 'Last day (WIB), inclusive.' }),
      unitCode: t.arg.string({ description: 'Only this unit (unit code, case-insensitive).' }),
    },
    resolve: async (_root, args, ctx) => {
      const period = accountabilityPeriod(args.from, args.to);
      if (!period.ok) {
        throw 'fields' in period.error
          ? validationFailed(period.error.fields)
          : failure(period.error as DomainError<FailureCode>, { field: period.error.field });
      }
      const { from, to } = period.value;
      const today = todayWib();
      const answerCutoff = answerOverdueCutoff(today, await ctx.calendar());
      const units = await forumAccountabilityRows(ctx.prisma, {
        from,
        to,
        today,
        answerCutoff,
        unitCode: args.unitCode?.trim().toUpperCase() ?? null,
      });
      return { from, to, today, units };
    },
  }),
);
