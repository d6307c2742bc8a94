import { type DomainError, errorFactory } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import type { CompetencyAtLevel } from '../staff/competencies.js';
import { ROUTING_ERROR_MESSAGES, type RoutingErrorCode } from './messages.js';

export type AssignmentCandidate = {
  readonly staffId: string;
  readonly competencies: readonly CompetencyAtLevel[];
  /** Requests currently assigned and not closed. */
  readonly openRequests: number;
  /** False for staff on leave or otherwise unavailable. Default true. */
  readonly available?: boolean;
};

const routingError = errorFactory(ROUTING_ERROR_MESSAGES);

/**
 * Picks who handles a new request: among available staff holding the service's required
 * competency at the required level (UU 25/2009 art. 21(h): staff competence is part of the
 * standard), the one with the fewest open requests; ties go to the smaller staff id so the
 * choice is reproducible. Without a requirement every available candidate qualifies.
 */
export function pickAssignee(
  candidates: readonly AssignmentCandidate[],
  requirement?: { readonly competency: string; readonly level: number },
): Result<{ readonly staffId: string; readonly openRequests: number }, DomainError<RoutingErrorCode>> {
  const qualified = candidates.filter(
    (c) =>
      c.available !== false &&
      (requirement === undefined ||
        c.competencies.some((h) => h.competency === requirement.competency && h.level >= requirement.level)),
  );
  qualified.sort(
    (a, b) => a.openRequests - b.openRequests || (a.staffId < b.staffId ? -1 : a.staffId > b.staffId ? 1 : 0),
  );
  const best = qualified[0];
  return best
    ? ok({ staffId: best.staffId, openRequests: best.openRequests })
    : err(routingError('REQUEST_NO_COMPETENT_STAFF', { requirement, candidates: candidates.length }));
}
