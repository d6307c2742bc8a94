import { jakartaDay, jakartaDayStart } from '../calendar/day.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { addWorkingDays, isWorkingDay } from '../calendar/working-days.js';
import { reporterResponseWindowEnd } from '../services/complaint-handling.js';
import { type RequestActor, type RequestState, requestClock } from '../services/service-request.js';
import type { ServiceKind } from '../services/service-standard.js';
import type { AnswerRoute, FollowedChange, NotificationEvent } from './catalogue.js';

/*
 * Who is told what about a service request (issue 18): the citizen at every step of the
 * lifecycle, the assignee when a request becomes theirs, comes back from the citizen or nears or
 * passes its deadline, the supervisor when it is escalated to them. Openness towards the citizen
 * follows UU 25/2009 art. 4; the deadlines are those of the request clock (request-clock.ts).
 */

/** One change of a request, as recorded after it was written. Days are `YYYY-MM-DD` (WIB). */
export type RequestChange = {
  readonly trackingCode: string;
  /** `SUBMITTED`: the request was filed; `TRANSITION`: its state changed; `REASSIGNED`; `CORRECTION`:
   * a public note was added to the trail without a state change; `TRANSFERRED`: moved to another
   * service or unit (disposisi); `REOPENED`: the reporter contested the outcome; `PRIORITY`: staff
   * changed the triage priority (internal: nobody is told); `DUPLICATE`: staff closed it as a
   * duplicate of another request (issue 20; its reporter is told by `mergedNotice`); `CLOSED`: the
   * closing job closed a decided complaint whose answer window passed without an answer. */
  readonly change:
    | 'CLOSED'
    | 'DUPLICATE'
    | 'SUBMITTED'
    | 'TRANSITION'
    | 'REASSIGNED'
    | 'CORRECTION'
    | 'TRANSFERRED'
    | 'REOPENED'
    | 'PRIORITY';
  readonly fromState: RequestState | null;
  readonly toState: RequestState;
  readonly actor: RequestActor;
  /** The staff id of the person who made the change (not told about their own act), or null. */
  readonly actorStaffId: string | null;
  readonly publicNote: string | null;
  readonly assigneeBefore: string | null;
  readonly assigneeAfter: string | null;
  readonly verificationDueOn: string;
  readonly completionDueBefore: string | null;
  readonly completionDueAfter: string | null;
  /** The kind of the request's service (words the notices); a permit's wording when absent. */
  readonly serviceKind?: ServiceKind | null;
  /** A complaint completed or rejected by this change, or closed by `CLOSED`: the last day (WIB)
   * of the reporter's answer window (`complaintAnswerWindowEnd`); null or absent otherwise. */
  readonly answerWindowEndsOn?: string | null;
};

/**
 * How the request's reporter is reached: `ACCOUNT` (their account: feed and mail by their
 * settings), `CONTACT` (no account: the e-mail address an API key gave at filing, issue 17),
 * `ANONYMOUS` (an anonymous complaint's optional contact address, issue 20).
 */
export type ReporterReach = 'ACCOUNT' | 'CONTACT' | 'ANONYMOUS';

/** Where each kind of reporter answers a complaint's outcome. */
const ANSWER_ROUTE: Readonly<Record<ReporterReach, AnswerRoute>> = {
  ACCOUNT: 'ACCOUNT',
  CONTACT: 'CLAIM',
  ANONYMOUS: 'ANONYMOUS',
};

/**
 * The last WIB day on which the reporter may accept or contest a complaint decided on
 * `decidedOn` (`reporterResponseWindowEnd`: `workingDays` working days, default 10 as
 * SP4N-LAPOR!), or null for another kind of service, a state that is not a decision, or no day.
 */
export function complaintAnswerWindowEnd(
  request: {
    readonly serviceKind: ServiceKind | string | null | undefined;
    readonly state: RequestState;
    readonly decidedOn: string | null;
  },
  calendar: WorkingCalendar,
  workingDays?: number,
): string | null {
  if (request.serviceKind !== 'COMPLAINT' || !request.decidedOn) return null;
  if (request.state !== 'COMPLETED' && request.state !== 'REJECTED') return null;
  return reporterResponseWindowEnd(request.decidedOn, calendar, workingDays);
}

/** A recipient: the request's citizen, or a staff member (by staff id). */
export type RequestAudience = { readonly citizen: true } | { readonly staffId: string };

export type RequestNotice = { readonly to: RequestAudience; readonly event: NotificationEvent };

/**
 * The notifications one change causes, worded for the request's kind of service. An account
 * holder's completion is announced by the feedback area's survey invitation
 * (`SURVEY_INVITATION`), so it is not repeated here; a reporter known only by a contact address
 * (`reporter` CONTACT or ANONYMOUS) gets `REQUEST_COMPLETED` instead. A completed or rejected
 * complaint's notice names the last day of the answer window and where to answer; a complaint
 * closed when that window passed is announced (`REQUEST_CLOSED`). A staff member is never told
 * about their own act.
 */
export function requestChangeNotices(
  change: RequestChange,
  reporter: ReporterReach = 'ACCOUNT',
): RequestNotice[] {
  const t = change.trackingCode;
  const out: RequestNotice[] = [];
  const serviceKind = change.serviceKind ?? null;
  const kinded = (event: NotificationEvent): NotificationEvent =>
    serviceKind ? { ...event, serviceKind } : event;
  const citizen = (event: NotificationEvent) => out.push({ to: { citizen: true }, event: kinded(event) });
  const staff = (staffId: string | null, event: NotificationEvent) => {
    if (staffId && staffId !== change.actorStaffId) out.push({ to: { staffId }, event: kinded(event) });
  };
  const endsOn = change.answerWindowEndsOn ?? null;
  const answer = endsOn ? { endsOn, route: ANSWER_ROUTE[reporter] } : null;
  const newAssignee = change.assigneeAfter !== change.assigneeBefore ? change.assigneeAfter : null;
  switch (change.change) {
    case 'SUBMITTED':
      citizen({ kind: 'REQUEST_RECEIVED', trackingCode: t, verificationDueOn: change.verificationDueOn });
      staff(change.assigneeAfter, { kind: 'REQUEST_ASSIGNED', trackingCode: t, reassigned: false });
      return out;
    case 'REASSIGNED':
      staff(newAssignee, { kind: 'REQUEST_ASSIGNED', trackingCode: t, reassigned: true });
      return out;
    case 'CORRECTION':
      // A note by staff is news for the citizen; the citizen's own note is not.
      if (change.actor !== 'CITIZEN' && change.publicNote)
        citizen({ kind: 'REQUEST_NOTE', trackingCode: t, note: change.publicNote });
      return out;
    case 'TRANSFERRED':
      citizen({ kind: 'REQUEST_TRANSFERRED', trackingCode: t, reason: change.publicNote ?? '' });
      staff(newAssignee, { kind: 'REQUEST_ASSIGNED', trackingCode: t, reassigned: true });
      return out;
    case 'REOPENED':
      staff(change.assigneeAfter, {
        kind: 'REQUEST_REOPENED',
        trackingCode: t,
        reason: change.publicNote ?? '',
      });
      return out;
    case 'CLOSED':
      if (endsOn) citizen({ kind: 'REQUEST_CLOSED', trackingCode: t, answerEndedOn: endsOn });
      return out;
    case 'PRIORITY':
    case 'DUPLICATE':
      return out;
    case 'TRANSITION':
      break;
  }
  const note = change.publicNote;
  switch (change.toState) {
    case 'VERIFIED':
      citizen({
        kind: 'REQUEST_VERIFIED',
        trackingCode: t,
        completionDueOn: change.completionDueAfter,
        note,
      });
      break;
    case 'IN_PROGRESS':
      citizen({ kind: 'REQUEST_IN_PROGRESS', trackingCode: t, note });
      break;
    case 'RETURNED_TO_CITIZEN':
      citizen({ kind: 'REQUEST_RETURNED', trackingCode: t, reason: note ?? '' });
      break;
    case 'REJECTED':
      citizen({ kind: 'REQUEST_REJECTED', trackingCode: t, reason: note ?? '', answer });
      break;
    case 'COMPLETED':
      if (reporter !== 'ACCOUNT') citizen({ kind: 'REQUEST_COMPLETED', trackingCode: t, note, answer });
      break;
    case 'SUBMITTED':
      staff(change.assigneeAfter, { kind: 'REQUEST_RESUBMITTED', trackingCode: t });
      break;
    case 'ESCALATED':
      citizen({ kind: 'REQUEST_ESCALATED', trackingCode: t });
      staff(newAssignee, { kind: 'REQUEST_ESCALATED_TO_YOU', trackingCode: t });
      break;
    default:
      break;
  }
  const from = change.completionDueBefore;
  const to = change.completionDueAfter;
  if (from && to && from !== to) citizen({ kind: 'REQUEST_DEADLINE_MOVED', trackingCode: t, from, to });
  return out;
}

/**
 * What the followers of a complaint are told of one change (issue 20): its public changes only —
 * a new state (with the public note), a transfer, a reopening or a public note by staff — as the
 * public trail shows them; nothing for assignments, priority, the citizen's own notes or the
 * filing. Null when the change is not public news.
 */
export function followerNotice(change: RequestChange): NotificationEvent | null {
  const news = (note: string | null, what?: FollowedChange) => ({
    kind: 'REQUEST_FOLLOWED_UPDATE' as const,
    trackingCode: change.trackingCode,
    state: change.toState,
    note,
    ...(what ? { change: what } : {}),
  });
  switch (change.change) {
    case 'TRANSITION':
      return change.toState === change.fromState ? null : news(change.publicNote);
    case 'TRANSFERRED':
    case 'REOPENED':
      return news(change.publicNote, change.change);
    case 'CORRECTION':
      return change.actor !== 'CITIZEN' && change.publicNote ? news(change.publicNote, 'NOTE') : null;
    default:
      return null;
  }
}

/** What the reporter of a request merged into `originalCode` as a duplicate is told (issue 20). */
export function mergedNotice(
  trackingCode: string,
  originalCode: string,
  reason: string,
): Extract<NotificationEvent, { kind: 'REQUEST_MERGED' }> {
  return { kind: 'REQUEST_MERGED', trackingCode, originalCode, reason };
}

/** What the reminder job needs of an open request. */
export type ReminderCandidate = {
  readonly trackingCode: string;
  /** Words the reminder (a complaint is not a permit). */
  readonly serviceKind?: ServiceKind | null;
  readonly state: RequestState;
  readonly verified: boolean;
  readonly verificationDueOn: string;
  readonly completionDueOn: string | null;
};

/**
 * The reminder its assignee gets on `today` (WIB), or null: `REQUEST_DUE_SOON` from one working
 * day before the current deadline up to the deadline day itself, `REQUEST_OVERDUE` once it has
 * passed. The current deadline is verification until verified, then completion; nothing while the
 * clock is paused or stopped. Each reminder is sent once per request and deadline
 * (`reminderKey`).
 */
export function deadlineReminder(
  request: ReminderCandidate,
  today: string,
  calendar: WorkingCalendar,
): Extract<NotificationEvent, { kind: 'REQUEST_DUE_SOON' | 'REQUEST_OVERDUE' }> | null {
  if (requestClock(request.state) !== 'RUNNING') return null;
  const deadline = request.verified ? request.completionDueOn : request.verificationDueOn;
  if (!deadline) return null;
  const trackingCode = request.trackingCode;
  const kind = request.serviceKind ? { serviceKind: request.serviceKind } : {};
  if (today > deadline) return { kind: 'REQUEST_OVERDUE', trackingCode, deadline, ...kind };
  if (addWorkingDays(today, 1, calendar) >= deadline)
    return { kind: 'REQUEST_DUE_SOON', trackingCode, deadline, ...kind };
  return null;
}

/** The key that makes a reminder or digest unique: `KIND:subject:day`. */
export function notificationOnceKey(kind: string, subjectId: string, day: string): string {
  return `${kind}:${subjectId}:${day}`;
}

/** The supervisors' digest goes out at 07:00 WIB on working days. */
export const DIGEST_HOUR_WIB = 7;

/** The WIB day whose digest is due at `now` (a working day, from 07:00 WIB), or null. */
export function digestDay(now: Date, calendar: WorkingCalendar): string | null {
  const day = jakartaDay(now);
  if (!isWorkingDay(day, calendar)) return null;
  const opens = jakartaDayStart(day).getTime() + DIGEST_HOUR_WIB * 3_600_000;
  return now.getTime() >= opens ? day : null;
}
