// Accountability per unit and period (issue 5), counted in SQL: shared by the forumAccountability
// query and the open-data download (issue 23).
import { Prisma, type PrismaClient } from '@layanan/db';
import { OPEN_COMMITMENT_STATUSES } from '@layanan/domain/forums';
import { dateOnly } from '../../../platform/calendar.js';

/** One unit's record in the forums over a period (submissions received in it). */
export type ForumAccountabilityRow = {
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

/**
 * Per unit with submissions received in `from`–`to` (WIB days, inclusive): received, answered (on
 * time), accepted, still unanswered past their due date (due before `answerCutoff`, the domain's
 * answerOverdueCutoff of `today`), and their commitments (open past their due day on `today`).
 * `unitCode`: only that unit (upper case). Rows by unit code.
 */
export async function forumAccountabilityRows(
  prisma: Pick<PrismaClient, '$queryRaw'>,
  o: { from: string; to: string; today: string; answerCutoff: string; unitCode: string | null },
): Promise<ForumAccountabilityRow[]> {
  const rows = await prisma.$queryRaw<Record<string, unknown>[]>`
    WITH s AS (
      SELECT sub.*, ((sub."createdAt" AT TIME ZONE 'UTC') + interval '7 hours')::date AS "submittedOn",
             ((sub."answeredAt" AT TIME ZONE 'UTC') + interval '7 hours')::date AS "answeredOn"
      FROM submission sub
      WHERE ((sub."createdAt" AT TIME ZONE 'UTC') + interval '7 hours')::date
            BETWEEN ${dateOnly(o.from)}::date AND ${dateOnly(o.to)}::date
    )
    SELECT u.id AS "unitId", u.code AS "unitCode", u.name AS "unitName",
      count(s.id)::int AS received,
      count(s."answeredAt")::int AS answered,
      count(*) FILTER (WHERE s."answeredOn" <= s."answerDueOn")::int AS "answeredOnTime",
      count(*) FILTER (WHERE s.status = 'ACCEPTED')::int AS accepted,
      count(*) FILTER (WHERE s.status = 'UNDER_REVIEW' AND s."answerDueOn" < ${dateOnly(o.answerCutoff)}::date)::int
        AS "overdueAnswers",
      count(c.id)::int AS commitments,
      count(*) FILTER (WHERE c.status = 'DONE')::int AS "commitmentsDone",
      count(*) FILTER (WHERE c.status = 'DONE' AND c."doneOn" <= c."dueOn")::int AS "commitmentsDoneOnTime",
      count(*) FILTER (WHERE c.status::text IN (${Prisma.join([...OPEN_COMMITMENT_STATUSES])}) AND c."dueOn" < ${dateOnly(o.today)}::date)::int
        AS "overdueCommitments"
    FROM s
    JOIN unit u ON u.id = s."unitId"
    LEFT JOIN commitment c ON c."submissionId" = s.id
    WHERE ${o.unitCode}::text IS NULL OR u.code = ${o.unitCode}::text
    GROUP BY u.id, u.code, u.name
    ORDER BY u.code`;
  return rows.map((r) => ({
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
}
