/*
 * Citizens rate the staff who served them (competence and behaviour, 1–4, with the survey of a
 * completed request). The yearly averages are an input to the SKP evaluation (PermenPANRB 6/2022),
 * shown beside it; they do not set it.
 */

/** One event of a request's trail, reduced to who acted and whom it assigned. */
export type RequestTrailActor = {
  /** The event was done by a signed-in account (not by the system, e.g. an automatic escalation). */
  readonly byAccount: boolean;
  /** The staff record of that account, when the account is staff. */
  readonly actorStaffId: string | null;
  /** The staff the event assigned the request to, if any. */
  readonly assigneeStaffId: string | null;
};

/**
 * The staff a citizen may rate for a request: its current assignee, every staff member who acted
 * on it, and everyone a person assigned it to. Assignments the system made on its own (an
 * escalation to a supervisor) do not count. Sorted ids, each once.
 */
export function staffWhoActedOnRequest(request: {
  readonly assigneeStaffId: string | null;
  readonly trail: readonly RequestTrailActor[];
}): string[] {
  const byPeople = request.trail.filter((e) => e.byAccount);
  const ids = [
    request.assigneeStaffId,
    ...byPeople.map((e) => e.actorStaffId),
    ...byPeople.map((e) => e.assigneeStaffId),
  ];
  return [...new Set(ids.filter((x): x is string => !!x))].sort();
}

export type CitizenRating = { readonly competence: number; readonly behaviour: number };

export type CitizenRatingSummary = {
  readonly year: number;
  readonly respondents: number;
  /** Average, 1–4; null without ratings. */
  readonly competence: number | null;
  /** Average, 1–4; null without ratings. */
  readonly behaviour: number | null;
};

/** The averages of a staff member's ratings in a year (`ratings`: those dated in that year). */
export function citizenRatingSummary(year: number, ratings: readonly CitizenRating[]): CitizenRatingSummary {
  const n = ratings.length;
  const avg = (f: (r: CitizenRating) => number) =>
    n === 0 ? null : ratings.reduce((s, r) => s + f(r), 0) / n;
  return { year, respondents: n, competence: avg((r) => r.competence), behaviour: avg((r) => r.behaviour) };
}

/** The first and last day (`YYYY-MM-DD`) of a calendar year, for selecting its ratings. */
export function ratingYearDays(year: number): { readonly from: string; readonly to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
