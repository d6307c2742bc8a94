// The extended Open311 statuses (issue 17 item 7). GeoReport v2 itself knows only `open` and
// `closed`; mySociety's service request updates extension, which FixMyStreet reads, lets the
// `status` of a `request_update` be one of a longer list (FixMyStreet's `map_state`: `fixed` is
// "fixed – council", `not_councils_responsibility` "not responsible", `no_further_action` "unable
// to fix", `open` "confirmed", and `investigating`, `action_scheduled`, `in_progress`,
// `duplicate`, `internal_referral`, `closed` are its states of the same names). Without the
// extension a rejected or withdrawn request is only `closed`, which FixMyStreet shows as fixed.
import { isTerminalRequestState, type RequestState } from './service-request.js';

export const OPEN311_EXTENDED_STATUSES = [
  'OPEN',
  'INVESTIGATING',
  'ACTION_SCHEDULED',
  'IN_PROGRESS',
  'INTERNAL_REFERRAL',
  'FIXED',
  'NOT_COUNCILS_RESPONSIBILITY',
  'NO_FURTHER_ACTION',
  'DUPLICATE',
  'CLOSED',
] as const;
export type Open311ExtendedStatus = (typeof OPEN311_EXTENDED_STATUSES)[number];

/** The status of each state when no trail entry says more. */
const BY_STATE: Readonly<Record<RequestState, Open311ExtendedStatus>> = {
  // Filed, not yet checked by the unit.
  SUBMITTED: 'OPEN',
  // Checked and accepted: the unit has committed to a completion date.
  VERIFIED: 'ACTION_SCHEDULED',
  IN_PROGRESS: 'IN_PROGRESS',
  // The unit needs something from the reporter before it goes on: still being looked into.
  RETURNED_TO_CITIZEN: 'INVESTIGATING',
  // A deadline passed or staff asked a supervisor: the case is under review above the unit.
  ESCALATED: 'INVESTIGATING',
  COMPLETED: 'FIXED',
  // Refused with a reason the reporter is shown. Layanan does not record whether the reason was
  // "not ours" (a request for another unit is transferred, not rejected), so it is the general
  // "no further action", never "fixed".
  REJECTED: 'NO_FURTHER_ACTION',
  // The reporter withdrew it: closed without an outcome.
  WITHDRAWN: 'CLOSED',
  DUPLICATE: 'DUPLICATE',
};

/**
 * The extended Open311 status of a request in `state`, as told by the trail entry `event` (its
 * kind: the entry an update publishes, or a request's latest entry; null when unknown):
 * - `TRANSFERRED` while open: `INTERNAL_REFERRAL` (moved to another unit of the city);
 * - `REOPENED` while open: `OPEN` (the reporter contested the outcome; FixMyStreet reopens);
 * - otherwise by state: SUBMITTED `OPEN`, VERIFIED `ACTION_SCHEDULED`, IN_PROGRESS
 *   `IN_PROGRESS`, RETURNED_TO_CITIZEN and ESCALATED `INVESTIGATING`, COMPLETED `FIXED`,
 *   REJECTED `NO_FURTHER_ACTION`, WITHDRAWN `CLOSED`, DUPLICATE `DUPLICATE`.
 * A complaint closed for good after its answer window (`FINALLY_CLOSED`) keeps the status of its
 * outcome: a completed one stays `FIXED`, a rejected one `NO_FURTHER_ACTION`.
 */
export function open311ExtendedStatus(input: {
  readonly state: RequestState;
  readonly event?: string | null;
}): Open311ExtendedStatus {
  const open = !isTerminalRequestState(input.state);
  if (open && input.event === 'TRANSFERRED') return 'INTERNAL_REFERRAL';
  if (open && input.event === 'REOPENED') return 'OPEN';
  return BY_STATE[input.state];
}

/** The status as the updates extension writes it: lower case, e.g. `no_further_action`. */
export const open311ExtendedStatusValue = (status: Open311ExtendedStatus) => status.toLowerCase();

/**
 * Whether a status a client posts (`status` of POST servicerequestupdates; FixMyStreet sends
 * OPEN/CLOSED, or with its extended statuses on the report's state in upper case, spaces as
 * underscores) is one of OPEN311_EXTENDED_STATUSES, case-insensitively.
 */
export function isOpen311ExtendedStatus(value: string): value is Open311ExtendedStatus {
  return (OPEN311_EXTENDED_STATUSES as readonly string[]).includes(value.trim().toUpperCase());
}
