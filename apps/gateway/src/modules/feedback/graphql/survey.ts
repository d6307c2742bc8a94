// The survey (issue 6): a citizen answers it once for a completed request, rating the staff who
// acted on it; staff record counter (walk-in) responses. Responses are pseudonymous.
import { SKM_ELEMENTS } from '@layanan/domain/feedback';
import { builder } from '../../../graphql/builder.js';
import { commandInput } from '../../../graphql/command-fields.js';
import { dataPayload } from '../../../graphql/data-payload.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../graphql/errors.js';
import type { InputFields } from '../../../graphql/input-fields.js';
import { dayOf } from '../../../platform/calendar.js';
import { recordCounterSurvey } from '../commands/record-counter-survey.js';
import { submitSurvey } from '../commands/submit-survey.js';
import type { SurveyResponseShape } from '../commands/survey-response.js';
import { loadOwnRequest, staffOnRequest } from '../queries/request-survey.js';
import { SkmChannelEnum, SkmElementCodeEnum, SkmElementRef } from './skm-types.js';
import { SkmProfileInput } from './survey-profile-types.js';

type InvitationShape = { trackingCode: string; serviceId: string; answered: boolean; staffIds: string[] };
const SurveyInvitationRef = builder.objectRef<InvitationShape>('SurveyInvitation').implement({
  description: 'The survey of a completed request, for its owner.',
  fields: (t) => ({
    trackingCode: t.exposeString('trackingCode', {
      description: 'The request’s tracking code (as submitSurvey takes it).',
    }),
    service: t.prismaField({
      type: 'Service',
      description: 'The service the request was for.',
      resolve: (query, inv, _a, ctx) =>
        ctx.prisma.service.findUniqueOrThrow({ ...query, where: { id: inv.serviceId } }),
    }),
    answered: t.exposeBoolean('answered', {
      description: 'Whether the survey was already answered (it can be answered once).',
    }),
    staffToRate: t.prismaField({
      type: ['Staff'],
      description: 'Staff who acted on the request (public fields).',
      resolve: (query, inv, _a, ctx) =>
        ctx.prisma.staff.findMany({
          ...query,
          where: { id: { in: inv.staffIds } },
          orderBy: { name: 'asc' },
        }),
    }),
    elements: t.field({
      type: [SkmElementRef],
      description: 'The nine SKM elements to answer (PermenPANRB 14/2017).',
      resolve: () => [...SKM_ELEMENTS],
    }),
  }),
});

builder.queryField('surveyInvitation', (t) =>
  t.field({
    type: SurveyInvitationRef,
    nullable: true,
    description: "The survey invitation of the caller's completed request (owner only; null otherwise).",
    authScopes: { authenticated: true },
    args: {
      trackingCode: t.arg.string({
        required: true,
        description: 'The request’s tracking code (case-insensitive).',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const request = await loadOwnRequest(ctx.prisma, ctx.identity, args.trackingCode);
      if (request?.state !== 'COMPLETED') return null;
      return {
        trackingCode: request.trackingCode,
        serviceId: request.serviceId,
        answered: request.surveyResponse !== null,
        staffIds: await staffOnRequest(ctx.prisma, request.id, request.assigneeStaffId),
      };
    },
  }),
);

const SkmAnswerInput = builder.inputType('SkmAnswerInput', {
  description: 'The answer to one SKM element.',
  fields: (t) => ({
    element: t.field({
      type: SkmElementCodeEnum,
      required: true,
      description: 'The element answered; each at most once per response.',
    }),
    score: t.int({ required: true, description: '1 (worst) to 4 (best).' }),
  }),
});

const StaffRatingInputRef = builder.inputType('StaffRatingInput', {
  description: 'A citizen’s rating of a staff member who acted on the request (input to the SKP evaluation).',
  fields: (t) => ({
    staffId: t.globalID({
      required: true,
      description: 'A Staff node id from surveyInvitation.staffToRate.',
    }),
    competence: t.int({ required: true, description: 'Competence, 1 (worst) to 4 (best).' }),
    behaviour: t.int({ required: true, description: 'Behaviour, 1 (worst) to 4 (best).' }),
    comment: t.string({ description: 'Optional, at most 2000 characters.' }),
  }),
});

/** The answers, profile and suggestion: what an online and a counter response both hold. */
function responseFields(t: InputFields) {
  return {
    answers: t.field({
      type: [SkmAnswerInput],
      required: true,
      description: 'At least one answer, each element at most once, scores 1–4.',
    }),
    profile: t.field({ type: SkmProfileInput, description: 'The respondent profile (optional).' }),
    suggestion: t.string({ description: 'A suggestion (optional), at most 2000 characters.' }),
  };
}

const SubmitSurveyInput = builder.inputType('SubmitSurveyInput', {
  description: 'A citizen’s SKM response for their completed request (submitSurvey).',
  fields: (t) => ({
    trackingCode: t.string({ required: true, description: 'The completed request’s tracking code.' }),
    ...responseFields(t),
    staffRatings: t.field({
      type: [StaffRatingInputRef],
      description: 'Ratings of staff from surveyInvitation.staffToRate only; others are refused.',
    }),
  }),
});

const RecordCounterSurveyInput = builder.inputType('RecordCounterSurveyInput', {
  description: 'A walk-in SKM response recorded by staff (recordCounterSurvey); no staff ratings.',
  fields: (t) => ({
    serviceCode: t.string({
      required: true,
      description: 'The service received; NotFoundError when unknown.',
    }),
    date: t.field({
      type: 'Day',
      required: true,
      description:
        'The day the service was received, YYYY-MM-DD (WIB); not in the future (SURVEY_DATE_IN_FUTURE).',
    }),
    ...responseFields(t),
  }),
});
const SurveyResponseRef = builder.objectRef<SurveyResponseShape>('SurveyResponse').implement({
  description: 'A recorded survey response (pseudonymous: no account is stored with it).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The response’s database id (UUID).' }),
    respondentCode: t.exposeString('respondentCode', { description: 'The pseudonym shown in reports.' }),
    channel: t.field({ type: SkmChannelEnum, description: 'ONLINE or COUNTER.', resolve: (r) => r.channel }),
    date: t.field({
      type: 'Day',
      description:
        'The WIB day the service was received (YYYY-MM-DD): the request’s completion day online, the given day at the counter.',
      resolve: (r) => dayOf(r.date),
    }),
    service: t.prismaField({
      type: 'Service',
      description: 'The service the response is about.',
      resolve: (query, r, _a, ctx) =>
        ctx.prisma.service.findUniqueOrThrow({ ...query, where: { id: r.serviceId } }),
    }),
    answers: t.field({
      type: [
        builder
          .objectRef<{ element: SurveyResponseShape['answers'][number]['element']; score: number }>(
            'SkmAnswer',
          )
          .implement({
            description: 'A recorded answer to one SKM element.',
            fields: (a) => ({
              element: a.field({
                type: SkmElementCodeEnum,
                description: 'The element.',
                resolve: (x) => x.element,
              }),
              score: a.exposeInt('score', { description: '1 (worst) to 4 (best).' }),
            }),
          }),
      ],
      description: 'The answers given, one per element answered.',
      resolve: (r) => r.answers,
    }),
    staffRated: t.exposeInt('staffRated', {
      description: 'How many staff ratings came with it (0 at the counter).',
    }),
  }),
});

builder.mutationField('submitSurvey', (t) =>
  t.field({
    type: SurveyResponseRef,
    description: 'A citizen answers the survey of their completed request, once.',
    authScopes: { citizen: true },
    errors: dataPayload('submitSurvey', [ValidationError, NotFoundError, ConflictError], {
      what: 'the recorded response',
      data: 'The recorded response.',
    }),
    ...commandInput(t, SubmitSurveyInput, 'The response.', (deps, caller, input) =>
      submitSurvey(deps, caller, {
        ...input,
        staffRatings: (input.staffRatings ?? []).map((r) => ({
          ...r,
          staffId: r.staffId.typename === 'Staff' ? r.staffId.id : '',
        })),
      }),
    ),
  }),
);

builder.mutationField('recordCounterSurvey', (t) =>
  t.field({
    type: SurveyResponseRef,
    description:
      "Staff record a counter (walk-in) response for a service and date. Staff of the service's unit, admins. The response is attributed to the recording account; at most LAYANAN_COUNTER_DAILY_CAP (default 20) a WIB day per account (ConflictError SURVEY_COUNTER_DAILY_CAP_REACHED), dated only inside the open LAYANAN_COUNTER_PERIOD (default the current quarter; ValidationError SURVEY_DATE_OUTSIDE_OPEN_PERIOD). IKM reports show counter answers apart from online ones.",
    authScopes: { staff: true, admin: true },
    errors: dataPayload('recordCounterSurvey', [ValidationError, NotFoundError, ConflictError], {
      what: 'the recorded response',
      data: 'The recorded response.',
    }),
    ...commandInput(t, RecordCounterSurveyInput, 'The walk-in response.', recordCounterSurvey),
  }),
);
