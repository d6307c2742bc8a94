// Complaint handling in GraphQL (issue 20): transfer (disposisi), the reporter's answer to the
// outcome, and what a request shows of both. The commands are in commands/complaint-handling.ts.
import type { ServiceRequest } from '@layanan/db';
import { jakartaDay } from '@layanan/domain/calendar';
import { reporterResponseWindowEnd } from '@layanan/domain/services';
import type { GraphQLContext } from '../../../app/context.js';
import { builder } from '../../../graphql/builder.js';
import { commandInput } from '../../../graphql/command-fields.js';
import {
  ConflictError,
  NotFoundError,
  RequestTransitionError,
  ValidationError,
} from '../../../graphql/errors.js';
import { answerRequestOutcome, decidedAt, transferRequest } from '../commands/complaint-handling.js';
import {
  expectedVersionField,
  RequestPayload,
  requestPayload,
  trackingCodeField,
} from './request-mutations.js';

const TransferInput = builder.inputType('TransferServiceRequestInput', {
  description: 'Transfer (disposisi) of an open request to the service and unit responsible for it.',
  fields: (t) => ({
    trackingCode: trackingCodeField(t),
    serviceCode: t.string({
      required: true,
      description:
        'Code of the published service the request belongs under: of the same kind (a complaint stays a complaint), of another unit or the right one of the same unit.',
    }),
    reason: t.string({
      required: true,
      description: 'Why, shown to the citizen and in the public trail (10–2,000 characters).',
    }),
    expectedVersion: expectedVersionField(t),
  }),
});

const AnswerInput = builder.inputType('AnswerServiceRequestOutcomeInput', {
  description: "The reporter's answer to the outcome of a completed or rejected complaint.",
  fields: (t) => ({
    trackingCode: trackingCodeField(t),
    accept: t.boolean({
      required: true,
      description: 'True: the reporter accepts and the case closes; false: contests it with a reason.',
    }),
    reason: t.string({
      description: 'Why the outcome is contested (10–2,000 characters); required when contesting.',
    }),
    expectedVersion: expectedVersionField(t),
  }),
});

builder.mutationFields((t) => ({
  transferServiceRequest: t.field({
    type: RequestPayload,
    description:
      "Transfer (disposisi) an open request to another service of the same kind, of another unit or the right one of the same unit, with a reason the citizen sees. The supervisor of the request's current unit or an admin (the city's complaint coordinator). The request keeps its tracking code, text, values and trail, goes to the staff member the routing picks in the new unit, and its deadlines start again at the transfer (LAYANAN_TRANSFER_CLOCK=KEEP_DEADLINES keeps them); the citizen's waiting time is still counted from filing. Errors: ValidationError TRANSFER_SAME_SERVICE, TRANSFER_KIND_MISMATCH, TRANSFER_REASON_REQUIRED; RequestTransitionError TRANSFER_REQUEST_CLOSED; NotFoundError (request or service); ConflictError on a stale expectedVersion.",
    authScopes: { supervisor: true, admin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, RequestTransitionError] },
    ...commandInput(t, TransferInput, 'Which request, where to, and why.', async (deps, caller, input, ctx) =>
      requestPayload(await transferRequest(deps, caller, input, ctx.config.complaints)),
    ),
  }),
  answerServiceRequestOutcome: t.field({
    type: RequestPayload,
    description:
      "The reporter accepts or contests the outcome of their completed or rejected complaint, within LAYANAN_COMPLAINT_ANSWER_DAYS working days of the decision (default 10, as SP4N-LAPOR!). Accepting closes the case (finalClosedAt); contesting reopens it IN_PROGRESS with the service's completion time counted from today, and its assignee is told. Errors: RequestTransitionError COMPLAINT_ANSWER_NOT_APPLICABLE (not a complaint), COMPLAINT_NOT_DECIDED; ConflictError COMPLAINT_RESPONSE_WINDOW_PASSED, COMPLAINT_ALREADY_CLOSED, COMPLAINT_REOPEN_LIMIT or a stale expectedVersion; ValidationError COMPLAINT_CONTEST_REASON_REQUIRED; NotFoundError.",
    authScopes: { citizen: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, RequestTransitionError] },
    ...commandInput(t, AnswerInput, 'Which complaint, and the answer.', async (deps, caller, input, ctx) =>
      requestPayload(await answerRequestOutcome(deps, caller, input, ctx.config.complaints)),
    ),
  }),
}));

/** What answerWindowEndsOn reads of a request (ServiceRequest and AnonymousComplaint). */
export const answerWindowSelect = {
  state: true,
  completedAt: true,
  closedAt: true,
  finalClosedAt: true,
  service: { select: { kind: true } },
} as const;

export const ANSWER_WINDOW_DESCRIPTION =
  'The last WIB day on which the reporter may accept or contest the outcome of a completed or rejected complaint (LAYANAN_COMPLAINT_ANSWER_DAYS working days after the decision); null for other kinds, while undecided, and once finally closed.';

/** The last day of the reporter's answer window, or null (see ANSWER_WINDOW_DESCRIPTION). */
export async function answerWindowEndsOn(
  r: Pick<ServiceRequest, 'state' | 'completedAt' | 'closedAt' | 'finalClosedAt'> & {
    service: { kind: string };
  },
  ctx: GraphQLContext,
): Promise<string | null> {
  const decided = decidedAt(r);
  if (r.service.kind !== 'COMPLAINT' || !decided || r.finalClosedAt) return null;
  return reporterResponseWindowEnd(
    jakartaDay(decided),
    await ctx.calendar(),
    ctx.config.complaints.answerWorkingDays,
  );
}

/** The answerWindowEndsOn field, on ServiceRequest and on AnonymousComplaint. */
export const answerWindowField = {
  type: 'Day',
  nullable: true,
  select: answerWindowSelect,
  description: ANSWER_WINDOW_DESCRIPTION,
  resolve: (r: Parameters<typeof answerWindowEndsOn>[0], _args: unknown, ctx: GraphQLContext) =>
    answerWindowEndsOn(r, ctx),
} as const;

builder.prismaObjectFields('ServiceRequest', (t) => ({
  reopenCount: t.exposeInt('reopenCount', {
    description: 'How often the reporter reopened the complaint by contesting its outcome.',
  }),
  finalClosedAt: t.expose('finalClosedAt', {
    type: 'DateTime',
    nullable: true,
    description:
      'When a complaint was finally closed: the reporter accepted the outcome, or the answer window passed. Null while it may still be contested, and for other kinds of service.',
  }),
  answerWindowEndsOn: t.field(answerWindowField),
}));
