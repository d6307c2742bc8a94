import { describe, expect, it } from 'vitest';
import { citizenRatingSummary, ratingYearDays, staffWhoActedOnRequest } from './citizen-rating.js';

describe('staffWhoActedOnRequest', () => {
  it('is the assignee, the staff who acted and whom people assigned, sorted and once', () => {
    expect(
      staffWhoActedOnRequest({
        assigneeStaffId: 'c',
        trail: [
          { byAccount: true, actorStaffId: 'b', assigneeStaffId: 'c' },
          { byAccount: true, actorStaffId: null, assigneeStaffId: null }, // the citizen
          { byAccount: true, actorStaffId: 'a', assigneeStaffId: 'd' },
        ],
      }),
    ).toEqual(['a', 'b', 'c', 'd']);
  });

  it('leaves out whom the system assigned on its own', () => {
    expect(
      staffWhoActedOnRequest({
        assigneeStaffId: null,
        trail: [{ byAccount: false, actorStaffId: null, assigneeStaffId: 'supervisor' }],
      }),
    ).toEqual([]);
  });
});

describe('citizenRatingSummary', () => {
  it('averages competence and behaviour', () => {
    expect(
      citizenRatingSummary(2026, [
        { competence: 4, behaviour: 3 },
        { competence: 3, behaviour: 3 },
      ]),
    ).toEqual({ year: 2026, respondents: 2, competence: 3.5, behaviour: 3 });
  });

  it('has no averages without ratings', () => {
    expect(citizenRatingSummary(2026, [])).toEqual({
      year: 2026,
      respondents: 0,
      competence: null,
      behaviour: null,
    });
    expect(ratingYearDays(2026)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});
