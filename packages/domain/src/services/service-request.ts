import { type DomainError, errorFactory } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { REQUEST_ERROR_MESSAGES, type RequestErrorCode } from './messages.js';

/*
 * The life of a service request (issue 4): submitted → verified → in progress → completed, with
 * returned-to-citizen (requirements incomplete; the clock pauses), rejected (reason required),
 * escalated (a deadline passed, or staff asked a supervisor) and withdrawn by the citizen.
 * Completion time is a component of the published service standard (UU 25/2009 art. 21(d)), so
 * the state decides whether that clock runs; reasons shown to the citizen follow the openness and
 * accountability principles of the same law (art. 4).
 */
export const REQUEST_STATES = [
  'SUBMITTED',
  'VERIFIED',
  'IN_PROGRESS',
  'COMPLETED',
  'RETURNED_TO_CITIZEN',
  'REJECTED',
  'ESCALATED',
  'WITHDRAWN',
  'DUPLICATE',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/**
 * How a request came in: `ONLINE`, filed by the citizen (or another city system for them);
 * `COUNTER`, typed in by staff at the service counter for a walk-in citizen.
 */
export const REQUEST_CHANNELS = ['ONLINE', 'COUNTER'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

export const REQUEST_ACTORS = ['CITIZEN', 'STAFF', 'SUPERVISOR', 'SYSTEM'] as const;
export type RequestActor = (typeof REQUEST_ACTORS)[number];

/** DUPLICATE: closed by staff as a duplicate of another request (complaint-duplicates.ts); no
 * transition of the table leads there, only `markRequestDuplicate` with its original. */
const TERMINAL: readonly RequestState[] = ['COMPLETED', 'REJECTED', 'WITHDRAWN', 'DUPLICATE'];
const OFFICERS: readonly RequestActor[] = ['STAFF', 'SUPERVISOR'];
const ESCALATORS: readonly RequestActor[] = ['SYSTEM', 'STAFF', 'SUPERVISOR'];
const CITIZEN: readonly RequestActor[] = ['CITIZEN'];

/** Allowed transitions and who may make them. Anything not listed is refused. */
export const REQUEST_TRANSITIONS: Readonly<
  Record<RequestState, Readonly<Partial<Record<RequestState, readonly RequestActor[]>>>>
> = {
  SUBMITTED: {
    VERIFIED: OFFICERS,
    RETURNED_TO_CITIZEN: OFFICERS,
    REJECTED: OFFICERS,
    ESCALATED: ESCALATORS,
    WITHDRAWN: CITIZEN,
  },
  VERIFIED: {
    IN_PROGRESS: OFFICERS,
    RETURNED_TO_CITIZEN: OFFICERS,
    REJECTED: OFFICERS,
    ESCALATED: ESCALATORS,
    WITHDRAWN: CITIZEN,
  },
  // Work has started: the citizen can no longer withdraw (REQUEST_WITHDRAWAL_TOO_LATE).
  IN_PROGRESS: {
    COMPLETED: OFFICERS,
    RETURNED_TO_CITIZEN: OFFICERS,
    REJECTED: OFFICERS,
    ESCALATED: ESCALATORS,
  },
  // The citizen (or counter staff on their behalf) hands in what was missing; the clock resumes.
  RETURNED_TO_CITIZEN: {
    SUBMITTED: ['CITIZEN', 'STAFF'],
    REJECTED: OFFICERS,
    WITHDRAWN: CITIZEN,
  },
  // The supervisor (or the staff member they reassign it to) takes it on from where it stood; the
  // request is being worked on, so the citizen can no longer withdraw it.
  ESCALATED: {
    VERIFIED: OFFICERS,
    IN_PROGRESS: OFFICERS,
    COMPLETED: OFFICERS,
    RETURNED_TO_CITIZEN: OFFICERS,
    REJECTED: OFFICERS,
  },
  COMPLETED: {},
  REJECTED: {},
  WITHDRAWN: {},
  DUPLICATE: {},
};

/** Transitions that must say why (the reason is shown to the citizen). */
const REASON_REQUIRED: readonly RequestState[] = ['REJECTED', 'RETURNED_TO_CITIZEN'];

/** Whether the service-standard clock runs: it pauses while the citizen must act. */
export type RequestClock = 'RUNNING' | 'PAUSED' | 'STOPPED';

export function requestClock(state: RequestState): RequestClock {
  if (TERMINAL.includes(state)) return 'STOPPED';
  return state === 'RETURNED_TO_CITIZEN' ? 'PAUSED' : 'RUNNING';
}

export function isTerminalRequestState(state: RequestState): boolean {
  return TERMINAL.includes(state);
}

/**
 * "Open" and "overdue", defined once for every screen, report, query and job: a request is open
 * until it is completed, rejected, withdrawn or closed as a duplicate; it can be overdue only while its clock runs
 * (open and not waiting on the citizen). SQL filters take these lists as parameters.
 */
export const CLOSED_REQUEST_STATES: readonly RequestState[] = TERMINAL;
export const OPEN_REQUEST_STATES: readonly RequestState[] = REQUEST_STATES.filter(
  (s) => !TERMINAL.includes(s),
);
/** Open states whose clock runs: the states in which a request can be overdue. */
export const CLOCK_RUNNING_STATES: readonly RequestState[] = REQUEST_STATES.filter(
  (s) => requestClock(s) === 'RUNNING',
);

/** Whether a request in `state` is still open (not completed, rejected, withdrawn or a duplicate). */
export function isOpen(state: RequestState): boolean {
  return !TERMINAL.includes(state);
}

/** Open311 GeoReport v2 status of a request. */
export function open311Status(state: RequestState): 'open' | 'closed' {
  return isTerminalRequestState(state) ? 'closed' : 'open';
}

const requestError = errorFactory(REQUEST_ERROR_MESSAGES);
export type RequestError = DomainError<RequestErrorCode>;

export type RequestTransition = {
  readonly from: RequestState;
  readonly to: RequestState;
  readonly clock: RequestClock;
};

/**
 * Checks a status change: the transition must exist, the actor must be allowed to make it, and
 * rejecting or returning a request needs a (public) reason. The citizen may withdraw only while
 * work has not started (SUBMITTED, VERIFIED, RETURNED_TO_CITIZEN); later gives
 * REQUEST_WITHDRAWAL_TOO_LATE.
 */
export function requestTransition(
  from: RequestState,
  to: RequestState,
  context: { readonly actor: RequestActor; readonly reason?: string | null },
): Result<RequestTransition, RequestError> {
  if (!REQUEST_STATES.includes(from) || !REQUEST_STATES.includes(to)) {
    return err(requestError('REQUEST_TRANSITION_NOT_ALLOWED', { from, to }));
  }
  if (isTerminalRequestState(from)) return err(requestError('REQUEST_ALREADY_CLOSED', { from, to }));
  const actors = REQUEST_TRANSITIONS[from][to];
  if (actors === undefined && to === 'WITHDRAWN') {
    return err(requestError('REQUEST_WITHDRAWAL_TOO_LATE', { from, to }));
  }
  if (actors === undefined) {
    return err(
      requestError('REQUEST_TRANSITION_NOT_ALLOWED', { from, to, allowed: allowedRequestTransitions(from) }),
    );
  }
  if (!actors.includes(context.actor)) {
    return err(
      requestError('REQUEST_ACTOR_NOT_ALLOWED', { from, to, actor: context.actor, allowedActors: actors }),
    );
  }
  if (REASON_REQUIRED.includes(to) && (context.reason ?? '').trim() === '') {
    return err(requestError('REQUEST_REASON_REQUIRED', { from, to }));
  }
  return ok({ from, to, clock: requestClock(to) });
}

/** The states reachable from `from`, optionally only those `actor` may move to. */
export function allowedRequestTransitions(from: RequestState, actor?: RequestActor): RequestState[] {
  const targets = REQUEST_TRANSITIONS[from] ?? {};
  return REQUEST_STATES.filter((to) => {
    const actors = targets[to];
    return actors !== undefined && (actor === undefined || actors.includes(actor));
  });
}

/**
 * Optimistic concurrency: a change is based on the version the actor saw. When two staff act
 * at once, the one whose version is stale gets a typed conflict instead of overwriting.
 */
export function checkRequestVersion(current: number, expected: number): Result<number, RequestError> {
  return current === expected
    ? ok(current + 1)
    : err(requestError('REQUEST_VERSION_CONFLICT', { currentVersion: current, expectedVersion: expected }));
}

/** Verification deadline: SP4N-LAPOR! verifies within 3 working days (configurable default). */
export const REQUEST_VERIFICATION_WORKING_DAYS = 3;

export type RequestDeadlines = {
  readonly state: RequestState;
  /** Set once the request was verified. */
  readonly verified: boolean;
  readonly verificationDueOn: string;
  readonly completionDueOn: string | null;
};

export type RequestDeadlineStatus = {
  readonly verificationOverdue: boolean;
  readonly completionOverdue: boolean;
  /** The deadline that has passed (verification before completion), or null. */
  readonly overdueDeadline: string | null;
};

/** Whether the request has missed a deadline on `today` (see `requestDeadlineStatus`). */
export function isOverdue(request: RequestDeadlines, today: string): boolean {
  return requestDeadlineStatus(request, today).overdueDeadline !== null;
}

/**
 * Which deadline a request has missed on `today` (YYYY-MM-DD, Asia/Jakarta). A deadline day
 * itself is still in time; nothing is overdue while the clock is paused (the citizen must act)
 * or stopped (the request is closed).
 */
export function requestDeadlineStatus(request: RequestDeadlines, today: string): RequestDeadlineStatus {
  const running = requestClock(request.state) === 'RUNNING';
  const verificationOverdue = running && !request.verified && today > request.verificationDueOn;
  const completionOverdue = running && request.completionDueOn !== null && today > request.completionDueOn;
  return {
    verificationOverdue,
    completionOverdue,
    overdueDeadline: verificationOverdue
      ? request.verificationDueOn
      : completionOverdue
        ? request.completionDueOn
        : null,
  };
}
