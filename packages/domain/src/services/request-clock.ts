import { jakartaDay } from '../calendar/day.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { addWorkingDays, workingDaysBetween } from '../calendar/working-days.js';
import type { FieldError, Message } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { reasonProblem } from '../text-limits.js';
import { MAX_REQUEST_TEXT } from './request-submission.js';
import {
  checkRequestVersion,
  REQUEST_STATES,
  REQUEST_TRANSITIONS,
  REQUEST_VERIFICATION_WORKING_DAYS,
  type RequestActor,
  type RequestClock,
  type RequestDeadlines,
  type RequestError,
  type RequestState,
  requestDeadlineStatus,
  requestTransition,
} from './service-request.js';

/*
 * The request clock (UU 25/2009 art. 21(d): completion time is part of the published standard;
 * SP4N-LAPOR! verifies within 3 working days). Each status change stamps or moves deadlines and
 * working-day counts; an overdue request is escalated to the unit's supervisor once per deadline.
 * Days are `YYYY-MM-DD` in Asia/Jakarta; `now`, the calendar, the day a request was returned to
 * the citizen and the supervisor are inputs, so a batch job or another city system computes the
 * same deadlines as the gateway.
 */

/** What the clock needs to know about a request before a change. */
export type ClockedRequest = {
  readonly state: RequestState;
  /** Optimistic-concurrency version (see `checkRequestVersion`). */
  readonly version: number;
  readonly submittedAt: Date;
  /** Null until the request is first verified. */
  readonly verifiedAt: Date | null;
  readonly verificationDueOn: string;
  readonly completionDueOn: string | null;
  /** Completion time of the request's service version, in working days after verification. */
  readonly completionDays: number;
};

export type TransitionPlanInput = {
  readonly request: ClockedRequest;
  /** The version the actor saw; a stale one is a REQUEST_VERSION_CONFLICT. */
  readonly expectedVersion: number;
  readonly to: RequestState;
  readonly actor: RequestActor;
  /** Shown to the citizen; required when rejecting or returning. Trimmed; empty means none. */
  readonly publicNote?: string | null;
  /** Staff only. Trimmed; empty means none. */
  readonly internalNote?: string | null;
  readonly now: Date;
  readonly calendar: WorkingCalendar;
  /** The WIB day the request was last returned to the citizen (the paused clock started). */
  readonly returnedOn?: string | null;
  /** The unit's supervisor (a staff id), who receives an escalation; null if the unit has none. */
  readonly supervisorStaffId?: string | null;
};

/** The columns a change writes; absent keys stay as they are. */
export type RequestClockChanges = {
  readonly state: RequestState;
  readonly version: number;
  readonly verifiedAt?: Date;
  /** Working days from submission to verification. */
  readonly verifyWorkingDays?: number;
  readonly verificationDueOn?: string;
  readonly completionDueOn?: string;
  readonly completedAt?: Date;
  /** Working days from submission to completion. */
  readonly completeWorkingDays?: number;
  readonly closedAt?: Date;
  readonly assigneeStaffId?: string;
  /** The deadline an escalation was made for (each deadline is escalated once). */
  readonly escalatedDueOn?: string | null;
};

export type TransitionPlan = {
  readonly from: RequestState;
  readonly to: RequestState;
  readonly clock: RequestClock;
  readonly changes: RequestClockChanges;
  readonly publicNote: string | null;
  readonly internalNote: string | null;
  /** The supervisor an escalation hands the request to, or null. */
  readonly escalatedTo: string | null;
};

const note = (text: string | null | undefined) => text?.trim() || null;

/**
 * Plans one status change: checks the version and the transition (`requestTransition`), then
 * stamps the clock —
 * - VERIFIED / IN_PROGRESS: first verification stamps `verifiedAt` and its working days; the
 *   completion deadline is set `completionDays` working days after today unless already set;
 * - COMPLETED: as above, plus `completedAt`, `closedAt` and the working days to completion;
 * - REJECTED / WITHDRAWN: `closedAt`;
 * - SUBMITTED (back from the citizen): verification starts again (3 working days from today) and
 *   a completion deadline already set moves by the working days the request waited on the
 *   citizen, counted from `returnedOn` (the paused clock);
 * - ESCALATED: the supervisor becomes the assignee and `escalatedDueOn` records the deadline
 *   escalated for (verification while unverified, else completion).
 * Errors: REQUEST_VERSION_CONFLICT, a `publicNote` / `internalNote` field error (TOO_LONG over
 * MAX_REQUEST_TEXT characters, INVALID_CHARACTER), and those of `requestTransition`.
 */
export function planRequestTransition(
  input: TransitionPlanInput,
): Result<TransitionPlan, RequestError | FieldError> {
  const { request: before, calendar, now, to } = input;
  const version = checkRequestVersion(before.version, input.expectedVersion);
  if (!version.ok) return version;
  const tooLong =
    reasonProblem('publicNote', input.publicNote, MAX_REQUEST_TEXT) ??
    reasonProblem('internalNote', input.internalNote, MAX_REQUEST_TEXT);
  if (tooLong) return err(tooLong);
  const publicNote = note(input.publicNote);
  const checked = requestTransition(before.state, to, { actor: input.actor, reason: publicNote });
  if (!checked.ok) return checked;

  const today = jakartaDay(now);
  const submittedDay = jakartaDay(before.submittedAt);
  const verification = before.verifiedAt
    ? {}
    : { verifiedAt: now, verifyWorkingDays: workingDaysBetween(submittedDay, today, calendar) };
  const completionDueOn = before.completionDueOn ?? addWorkingDays(today, before.completionDays, calendar);
  const base = { state: to, version: version.value };
  let changes: RequestClockChanges = base;
  let escalatedTo: string | null = null;
  switch (to) {
    case 'VERIFIED':
    case 'IN_PROGRESS':
      changes = { ...base, ...verification, completionDueOn };
      break;
    case 'COMPLETED':
      changes = {
        ...base,
        ...verification,
        completionDueOn,
        completedAt: now,
        closedAt: now,
        completeWorkingDays: workingDaysBetween(submittedDay, today, calendar),
      };
      break;
    case 'REJECTED':
    case 'WITHDRAWN':
      changes = { ...base, closedAt: now };
      break;
    case 'SUBMITTED': {
      const paused = input.returnedOn
        ? Math.max(0, workingDaysBetween(input.returnedOn, today, calendar))
        : 0;
      changes = {
        ...base,
        verificationDueOn: addWorkingDays(today, REQUEST_VERIFICATION_WORKING_DAYS, calendar),
        ...(before.completionDueOn
          ? { completionDueOn: addWorkingDays(before.completionDueOn, paused, calendar) }
          : {}),
      };
      break;
    }
    case 'ESCALATED':
      escalatedTo = input.supervisorStaffId ?? null;
      changes = {
        ...base,
        ...(escalatedTo ? { assigneeStaffId: escalatedTo } : {}),
        escalatedDueOn: before.verifiedAt ? before.completionDueOn : before.verificationDueOn,
      };
      break;
    default:
      break;
  }
  return ok({
    from: before.state,
    to,
    clock: checked.value.clock,
    changes,
    publicNote,
    internalNote: note(input.internalNote),
    escalatedTo,
  });
}

/** States the escalation job may move to ESCALATED (those the SYSTEM actor may escalate from). */
export const AUTO_ESCALATION_STATES: readonly RequestState[] = REQUEST_STATES.filter((s) =>
  REQUEST_TRANSITIONS[s].ESCALATED?.includes('SYSTEM'),
);

export type EscalationCandidate = RequestDeadlines & {
  /** The deadline of the last escalation, or null if never escalated. */
  readonly escalatedDueOn: string | null;
};

export type EscalationDue = {
  /** The missed deadline the escalation is for. */
  readonly deadline: string;
  readonly publicNote: string;
  readonly internalNote: string;
};

/**
 * Whether the escalation job escalates a request on `today` (WIB): it is in a state the system
 * may escalate from, it has missed a deadline (`requestDeadlineStatus`), and that deadline was
 * not escalated before — each deadline is escalated once, even if a supervisor moves the request
 * back. Returns the deadline and the trail notes, or null when nothing is due.
 */
export function escalationDue(request: EscalationCandidate, today: string): EscalationDue | null {
  if (!AUTO_ESCALATION_STATES.includes(request.state)) return null;
  const deadline = requestDeadlineStatus(request, today).overdueDeadline;
  if (!deadline || request.escalatedDueOn === deadline) return null;
  return { deadline, ...escalationNotes(deadline) };
}

const ESCALATION_PUBLIC_NOTE: Message = {
  id: 'Batas waktu terlampaui; diteruskan ke atasan.',
  en: 'The deadline passed; escalated to the supervisor.',
};

/** Trail notes of an automatic escalation (bilingual in one text: the trail has no language). */
function escalationNotes(deadline: string) {
  return {
    publicNote: `${ESCALATION_PUBLIC_NOTE.id} / ${ESCALATION_PUBLIC_NOTE.en}`,
    internalNote: `Eskalasi otomatis, tenggat ${deadline} / automatic escalation, deadline ${deadline}`,
  };
}
