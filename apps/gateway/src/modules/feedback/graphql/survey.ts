// The survey (issue 6): a citizen answers it once for a completed request, rating the staff who
// acted on it; staff record counter (walk-in) responses. Responses are pseudonymous.
import { SKM_ELEMENTS } from '@layanan/domain/feedback';
import { builder } from '../../../graphql/builder.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../graphql/errors.js';
import { dayOf } from '../../../platform/calendar.js';
import { commandDeps } from '../../../platform/command.js';
import { GenderEnum } from '../../staff/graphql/staff-types.js';
import { recordCounterSurvey } from '../commands/record-counter-survey.js';
import { submitSurvey } from '../commands/submit-survey.js';
import type { SurveyResponseShape } from '../commands/survey-response.js';
import { loadOwnRequest, staffOnRequest } from '../queries/request-survey.js';
import { SkmChannelEnum, SkmElementCodeEnum, SkmElementRef } from './skm-types.js';

type InvitationShape = { trackingCode: string; serviceId: string; answered: boolean; staffIds: string[] };
const SurveyInvitationRef = builder.objectRef<InvitationShape>('SurveyInvitation').implement({
  description: 'The survey of a completed request, for its owner.',
  fields: (t) => ({
    trackingCode: t.exposeString('trackingCode'),
    service: t.prismaField({
      type: 'Service',
      resolve: (query, inv, _a, ctx) =>
        ctx.prisma.service.findUniqueOrThrow({ ...query, where: { id: inv.serviceId } }),
    }),
    answered: t.exposeBoolean('answered'),
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
    elements: t.field({ type: [SkmElementRef], resolve: () => [...SKM_ELEMENTS] }),
  }),
});

builder.queryField('surveyInvitation', (t) =>
  t.field({
    type: SurveyInvitationRef,
    nullable: true,
    description: "The survey invitation of the caller's completed request (owner only; null otherwise).",
    authScopes: { authenticated: true },
    args: { trackingCode: t.arg.string({ required: true }) },
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
  fields: (t) => ({
    element: t.field({ type: SkmElementCodeEnum, required: true }),
    score: t.int({ required: true, description: '1 (worst) to 4 (best).' }),
  }),
});

const SkmProfileInput = builder.inputType('SkmProfileInput', {
  description: 'Optional respondent profile, as on SKM forms.',
  fields: (t) => ({
    gender: t.field({ type: GenderEnum }),
    ageBand: t.string({ description: 'e.g. 20-29' }),
    education: t.string({ description: 'e.g. SMA, S1' }),
    occupation: t.string(),
  }),
});

const StaffRatingInputRef = builder.inputType('StaffRatingInput', {
  fields: (t) => ({
    staffId: t.globalID({
      required: true,
      description: 'A Staff node id from surveyInvitation.staffToRate.',
    }),
    competence: t.int({ required: true, description: '1–4' }),
    behaviour: t.int({ required: true, description: '1–4' }),
    comment: t.string(),
  }),
});

const SubmitSurveyInput = builder.inputType('SubmitSurveyInput', {
  fields: (t) => ({
    trackingCode: t.string({ required: true }),
    answers: t.field({ type: [SkmAnswerInput], required: true }),
    profile: t.field({ type: SkmProfileInput }),
    suggestion: t.string(),
    staffRatings: t.field({ type: [StaffRatingInputRef] }),
  }),
});

const RecordCounterSurveyInput = builder.inputType('RecordCounterSurveyInput', {
  fields: (t) => ({
    serviceCode: t.string({ required: true }),
    date: t.string({ required: true, description: 'The day the service was received, YYYY-MM-DD (WIB).' }),
    answers: t.field({ type: [SkmAnswerInput], required: true }),
    profile: t.field({ type: SkmProfileInput }),
    suggestion: t.string(),
  }),
});
const SurveyResponseRef = builder.objectRef<SurveyResponseShape>('SurveyResponse').implement({
  description: 'A recorded survey response (pseudonymous: no account is stored with it).',
  fields: (t) => ({
    id: t.exposeID('id'),
    respondentCode: t.exposeString('respondentCode', { description: 'The pseudonym shown in reports.' }),
    channel: t.field({ type: SkmChannelEnum, resolve: (r) => r.channel }),
    date: t.string({ resolve: (r) => dayOf(r.date) }),
    service: t.prismaField({
      type: 'Service',
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
            fields: (a) => ({
              element: a.field({ type: SkmElementCodeEnum, resolve: (x) => x.element }),
              score: a.exposeInt('score'),
            }),
          }),
      ],
      resolve: (r) => r.answers,
    }),
    staffRated: t.exposeInt('staffRated'),
  }),
});

builder.mutationField('submitSurvey', (t) =>
  t.field({
    type: SurveyResponseRef,
    description: 'A citizen answers the survey of their completed request, once.',
    authScopes: { citizen: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError], directResult: false },
    args: { input: t.arg({ type: SubmitSurveyInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      submitSurvey(commandDeps(ctx), ctx.identity, {
        ...input,
        staffRatings: (input.staffRatings ?? []).map((r) => ({
          ...r,
          staffId: r.staffId.typename === 'Staff' ? r.staffId.id : '',
        })),
      }),
  }),
);

builder.mutationField('recordCounterSurvey', (t) =>
  t.field({
    type: SurveyResponseRef,
    description:
      "Staff record a counter (walk-in) response for a service and date. Staff of the service's unit, admins.",
    authScopes: { staff: true, admin: true },
    errors: { types: [ValidationError, NotFoundError], directResult: false },
    args: { input: t.arg({ type: RecordCounterSurveyInput, required: true }) },
    resolve: (_root, { input }, ctx) => recordCounterSurvey(commandDeps(ctx), ctx.identity, input),
  }),
);
