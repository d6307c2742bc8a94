import { describe, expect, it } from 'vitest';
import { seed } from './seed.js';
import { seedFeedback } from './seed-feedback.js';
import { rowCounts, useTestDatabase } from './test-support/database.js';

describe('feedback-area seed on PGlite', () => {
  const db = useTestDatabase('pglite');

  it('answers most completed requests, adds counter responses, is fast and idempotent', async () => {
    const first = await seed(db().prisma);
    expect(first.created.surveyResponses).toBeGreaterThan(300);
    expect(first.created.surveyAnswers).toBeGreaterThan(8 * (first.created.surveyResponses ?? 0));
    const completed = await db().prisma.serviceRequest.count({ where: { state: 'COMPLETED' } });
    const online = await db().prisma.surveyResponse.count({ where: { channel: 'ONLINE' } });
    expect(online).toBeGreaterThan(completed / 2);
    expect(online).toBeLessThanOrEqual(completed);

    // DPMPTSP's completion time is its weak element.
    const rows = await db().prisma.$queryRaw<{ element: string; average: number }[]>`
      SELECT a.element::text AS element, avg(a.score)::float8 AS average
      FROM survey_answer a JOIN survey_response r ON r.id = a."responseId" JOIN unit u ON u.id = r."unitId"
      WHERE u.code = 'DPMPTSP' GROUP BY a.element ORDER BY 2`;
    expect(rows[0]?.element).toBe('WAKTU');
    expect(await db().prisma.historicIkm.findFirst({ where: { year: 2017 } })).toMatchObject({
      score: 80.2,
      index: 3.21,
      grade: 'B',
      rule: 'PERMENPANRB_14_2017',
    });
    expect(await db().prisma.skmCompetencyMapping.count()).toBeGreaterThanOrEqual(10);

    const counts = () =>
      rowCounts(db().prisma, [
        'surveyResponse',
        'surveyAnswer',
        'staffCitizenRating',
        'skmCompetencyMapping',
        'historicIkm',
      ]);
    const before = await counts();
    const again: Record<string, number> = {};
    await seedFeedback(db().prisma, again);
    expect(again).toEqual({});
    expect(await counts()).toEqual(before);

    // Time the area's own part on the seeded database (the full seed runs in every gateway test file).
    await db().prisma.surveyResponse.deleteMany();
    const started = performance.now();
    await seedFeedback(db().prisma, {});
    const ms = performance.now() - started;
    console.info(`[feedback] seedFeedback on PGlite: ${ms.toFixed(0)} ms for ${before.surveyAnswer} answers`);
    expect(await counts()).toMatchObject({
      surveyResponse: before.surveyResponse,
      surveyAnswer: expect.any(Number),
    });
  });
});
