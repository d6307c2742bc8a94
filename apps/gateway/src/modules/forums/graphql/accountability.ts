// Accountability per unit and period (issue 5): what came in, what was answered on time, what
// was accepted, and whether the promised follow-ups were done on time. Counted in SQL.
import { Prisma } from '@layanan/db';
import type { DomainError } from '@layanan/domain';
import { accountabilityPeriod, answerOverdueCutoff, OPEN_COMMITMENT_STATUSES } from '@layanan/domain/forums';
import { builder } from '../../../graphql/builder.js';
import { ValidationError } from '../../../graphql/errors.js';
import { type FailureCode, failure, validationFailed } from '../../../graphql/failures.js';
import { dateOnly, todayWib } from '../../../platform/calendar.js';

type Row = {
  unitId: string;
  unitCode: string;
  unitName: string;
  received: number;
  answered: number;
  answeredOnTime: number;
  accepted: number;
  overdueAnswers: number;
  commitments: number;
  commitmentsDone: number;
  commitmentsDoneOnTime: number;
  overdueCommitments: number;
};

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
      const answerCutoff = dateOnly(answerOverdueCutoff(today, await ctx.calendar()));
      const unitCode = args.unitCode?.trim().toUpperCase() ?? null;
      const rows = await ctx.prisma.$queryRaw<Record<string, unknown>[]>`
        WITH s AS (
          SELECT sub.*, ((sub."createdAt" AT TIME ZONE 'UTC') + interval '7 hours')::date AS "submittedOn",
                 ((sub."answeredAt" AT TIME ZONE 'UTC') + interval '7 hours')::date AS "answeredOn"
          FROM submission sub
          WHERE ((sub."createdAt" AT TIME ZONE 'UTC') + interval '7 hours')::date
                BETWEEN ${dateOnly(from)}::date AND ${dateOnly(to)}::date
        )
        SELECT u.id AS "unitId", u.code AS "unitCode", u.name AS "unitName",
          count(s.id)::int AS received,
          count(s."answeredAt")::int AS answered,
          count(*) FILTER (WHERE s."answeredOn" <= s."answerDueOn")::int AS "answeredOnTime",
          count(*) FILTER (WHERE s.status = 'ACCEPTED')::int AS accepted,
          count(*) FILTER (WHERE s.status = 'UNDER_REVIEW' AND s."answerDueOn" < ${answerCutoff}::date)::int
            AS "overdueAnswers",
          count(c.id)::int AS commitments,
          count(*) FILTER (WHERE c.status = 'DONE')::int AS "commitmentsDone",
          count(*) FILTER (WHERE c.status = 'DONE' AND c."doneOn" <= c."dueOn")::int AS "commitmentsDoneOnTime",
          count(*) FILTER (WHERE c.status::text IN (${Prisma.join([...OPEN_COMMITMENT_STATUSES])}) AND c."dueOn" < ${dateOnly(today)}::date)::int
            AS "overdueCommitments"
        FROM s
        JOIN unit u ON u.id = s."unitId"
        LEFT JOIN commitment c ON c."submissionId" = s.id
        WHERE ${unitCode}::text IS NULL OR u.code = ${unitCode}::text
        GROUP BY u.id, u.code, u.name
        ORDER BY u.code`;
      const units = rows.map((r) => ({
        unitId: String(r.unitId),
        unitCode: String(r.unitCode),
        unitName: String(r.unitName),
        received: Number(r.received),
        answered: Number(r.answered),
        answeredOnTime: Number(r.answeredOnTime),
        accepted: Number(r.accepted),
        overdueAnswers: Number(r.overdueAnswers),
        commitments: Number(r.commitments),
        commitmentsDone: Number(r.commitmentsDone),
        commitmentsDoneOnTime: Number(r.commitmentsDoneOnTime),
        overdueCommitments: Number(r.overdueCommitments),
      }));
      return { from, to, today, units };
    },
  }),
);
