// The parts of a service request's GraphQL types shared by the owner/staff view (ServiceRequest)
// and the public status (RequestStatus): the state, priority, escalation and channel enums, the
// transition error, the deadline status and the state and deadline fields.
import type { RequestState } from '@layanan/db';
import {
  ESCALATION_LEVELS,
  open311Status,
  REQUEST_CHANNELS,
  REQUEST_PRIORITIES,
  REQUEST_STATE_LABELS,
  REQUEST_STATES,
  requestDeadlineStatus,
} from '@layanan/domain/services';
import type { GraphQLContext } from '../../../app/context.js';
import { builder } from '../../../graphql/builder.js';
import { FailureInterface } from '../../../graphql/error-types.js';
import { RequestTransitionError } from '../../../graphql/errors.js';
import { dayOf, todayWib } from '../../../platform/calendar.js';

export const RequestStateEnum = builder.enumType('RequestState', {
  values: REQUEST_STATES,
  description:
    'Where a request stands in its lifecycle. Open: SUBMITTED, VERIFIED, IN_PROGRESS, RETURNED_TO_CITIZEN (clock paused), ESCALATED; closed: COMPLETED, REJECTED, WITHDRAWN (Open311 status `closed`).',
});
export const RequestPriorityEnum = builder.enumType('RequestPriority', {
  values: REQUEST_PRIORITIES,
  description: 'Triage priority set by handling staff (issue 20): NORMAL, or URGENT with a reason.',
});
export const EscalationLevelEnum = builder.enumType('EscalationLevel', {
  values: ESCALATION_LEVELS,
  description:
    "How far an overdue request has climbed (issue 20): UNIT_SUPERVISOR (the supervisor of its unit), AGENCY_HEAD (the supervisors of the top unit of its unit tree), COORDINATOR (the city's complaint coordinator: the administrators). Each level has LAYANAN_ESCALATION_*_DAYS working days before a complaint climbs to the next.",
});
export const RequestChannelEnum = builder.enumType('RequestChannel', {
  values: REQUEST_CHANNELS,
  description:
    'How a request came in: ONLINE by the citizen (web, app, Open311) or at a COUNTER, filed by staff for the citizen.',
});

builder.objectType(RequestTransitionError, {
  name: 'RequestTransitionError',
  interfaces: [FailureInterface],
  description:
    'The caller may not move the request from its state to the asked one (not an allowed transition, not this caller’s to make, or a reason missing when rejecting or returning). Codes: REQUEST_TRANSITION_NOT_ALLOWED, REQUEST_ACTOR_NOT_ALLOWED, REQUEST_REASON_REQUIRED, REQUEST_WITHDRAWAL_TOO_LATE (the citizen withdraws only before work starts: from SUBMITTED, VERIFIED or RETURNED_TO_CITIZEN).',
  isTypeOf: (value) => value instanceof RequestTransitionError,
  fields: (t) => ({
    from: t.field({
      type: RequestStateEnum,
      description: 'The request’s current state.',
      resolve: (e) => e.from as RequestState,
    }),
    to: t.field({
      type: RequestStateEnum,
      description: 'The state asked for.',
      resolve: (e) => e.to as RequestState,
    }),
  }),
});

export const deadlineStatus = (r: {
  state: RequestState;
  verifiedAt: Date | null;
  verificationDueOn: Date;
  completionDueOn: Date | null;
}) =>
  requestDeadlineStatus(
    {
      state: r.state,
      verified: r.verifiedAt !== null,
      verificationDueOn: dayOf(r.verificationDueOn),
      completionDueOn: r.completionDueOn ? dayOf(r.completionDueOn) : null,
    },
    todayWib(),
  );

// The state in words and as Open311 says it, shown alike to the owner and staff and to anyone.
export const stateLabelField = {
  description: 'The state in words, in the caller’s language (Accept-Language).',
  resolve: (r: { state: RequestState }, _a: unknown, ctx: GraphQLContext) =>
    REQUEST_STATE_LABELS[r.state][ctx.lang],
};
export const open311StatusField = {
  description: 'The state as Open311 GeoReport v2 reports it: `open` or `closed`.',
  resolve: (r: { state: RequestState }) => open311Status(r.state),
};

// The two deadlines, shown alike to the owner and staff (ServiceRequest) and to anyone (RequestStatus).
export const verificationDueOnField = {
  type: 'Day',
  description:
    'Last working day to verify the request (WIB): 3 working days after submission (SP4N-LAPOR! verification deadline), weekends, national holidays and cuti bersama not counted.',
} as const;
export const completionDueOnField = {
  type: 'Day',
  nullable: true,
  description:
    'Last working day to complete the request (WIB): the service’s completionDays in working days from verification (UU 25/2009 service standard), moved later by the working days the request spent returned to the citizen; null until verified.',
} as const;
