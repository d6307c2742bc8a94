// Feedback area (issue 6): the SKM survey (PermenPANRB 14/2017) answered once per completed
// request or recorded at the counter, citizens' ratings of the staff who served them, and the
// IKM per city, unit and service per period, computed from SQL sums (see feedback/ikm-report.ts).

import { parseDay } from '@layanan/domain/calendar';
import {
  counterSurveyDateProblem,
  IKM_RULES,
  ikmGrade,
  SKM_ELEMENT_CODES,
  SKM_ELEMENTS,
  SKM_PERIOD_KINDS,
  type SkmPeriod,
  type SkmPeriodInput,
  SURVEY_ERROR_MESSAGES,
  type SurveyErrorCode,
  skmPeriod,
  skmPeriodsOfYear,
  surveyRequestProblem,
  validateSurvey,
} from '@layanan/domain/feedback';
import type { GraphQLContext } from '../../app/context.js';
import { builder } from '../../graphql/builder.js';
import { ConflictError, NotFoundError, ValidationError } from '../../graphql/errors.js';
import { audited } from '../../platform/audited.js';
import { accountIdOf, actsForUnit, forbidden } from '../../platform/authz.js';
import { dateOnly, dayOf, todayWib } from '../../platform/calendar.js';
import {
  RequestStatisticsRef,
  type RequestStatisticsRow,
  requestStatisticsRows,
} from '../services/request-statistics.js';
import { canReadPrivate, managesUnit } from '../staff/access.js';
import { GenderEnum } from '../staff/staff.js';
import {
  type IkmReportShape,
  ikmReport,
  ikmTrend,
  type ProfileCount,
  resolveIkmScope,
  surveyProfile,
  surveySuggestions,
} from './ikm-report.js';
import { skmCsv } from './skm-csv.js';

export const SkmElementCodeEnum = builder.enumType('SkmElementCode', {
  values: SKM_ELEMENT_CODES as readonly (typeof SKM_ELEMENT_CODES)[number][],
});
export const IkmRuleEnum = builder.enumType('IkmRule', { values: IKM_RULES });
const SkmPeriodKindEnum = builder.enumType('SkmPeriodKind', { values: SKM_PERIOD_KINDS });
const SkmChannelEnum = builder.enumType('SkmChannel', { values: ['ONLINE', 'COUNTER'] as const });

export const SkmPeriodInputRef = builder.inputType('SkmPeriodInput', {
  description: 'A survey period: a month (number 1–12), quarter (1–4), semester (1–2) or year (no number).',
  fields: (t) => ({
    kind: t.field({ type: SkmPeriodKindEnum, required: true }),
    year: t.int({ required: true }),
    number: t.int(),
  }),
});

/** A domain error as a ValidationError on one field. */
const surveyProblem = (code: SurveyErrorCode, field: string) => ({
  field,
  code,
  messageId: SURVEY_ERROR_MESSAGES[code].id,
  messageEn: SURVEY_ERROR_MESSAGES[code].en,
});

/** Validates a period input; errors name the `period` field. */
export function periodOf(input: SkmPeriodInput, field = 'period'): SkmPeriod {
  const p = skmPeriod(input);
  if (!p.ok) throw ValidationError.fromDomain(p.error, field);
  return p.value;
}

// ---- elements ------------------------------------------------------------------------------

type ElementShape = (typeof SKM_ELEMENTS)[number];

const SkmElementRef = builder.objectRef<ElementShape>('SkmElement').implement({
  description: 'One of the nine SKM elements (PermenPANRB 14/2017), answered 1 (worst) to 4 (best).',
  fields: (t) => ({
    code: t.field({ type: SkmElementCodeEnum, resolve: (e) => e.code }),
    label: t.string({ resolve: (e, _a, ctx) => e.label[ctx.lang] }),
    labelId: t.string({ resolve: (e) => e.label.id }),
    labelEn: t.string({ resolve: (e) => e.label.en }),
    question: t.string({ resolve: (e, _a, ctx) => e.question[ctx.lang] }),
    answerLabels: t.stringList({
      description: 'Labels of the answers for scores 1, 2, 3 and 4.',
      resolve: (e, _a, ctx) => e.scale.map((s) => s[ctx.lang]),
    }),
  }),
});

// ---- IKM reports ---------------------------------------------------------------------------

type ElementScoreShape = IkmReportShape['elements'][number];

const IkmElementScoreRef = builder.objectRef<ElementScoreShape>('IkmElementScore').implement({
  fields: (t) => ({
    code: t.field({ type: SkmElementCodeEnum, resolve: (e) => e.code }),
    label: t.string({ resolve: (e, _a, ctx) => e.label[ctx.lang] }),
    total: t.int({ description: 'Sum of the scores (jumlah nilai).', resolve: (e) => e.sum }),
    average: t.float({
      nullable: true,
      description: 'NRR: sum / respondents who answered.',
      resolve: (e) => e.average,
    }),
    weighted: t.float({
      nullable: true,
      description: 'NRR × 1/9 (NRR tertimbang).',
      resolve: (e) => e.weighted,
    }),
    respondents: t.int({ description: 'Respondents who answered this element.', resolve: (e) => e.answered }),
  }),
});

const IkmReportRef = builder.objectRef<IkmReportShape>('IkmReport').implement({
  description:
    'The IKM of a scope and period, computed from SQL sums with exact 1/9 weights; grades on the unrounded score.',
  fields: (t) => ({
    scope: t.string({ description: 'CITY, UNIT or SERVICE.', resolve: (r) => r.scope.scope }),
    key: t.string({ nullable: true, description: 'Unit or service code.', resolve: (r) => r.scope.key }),
    name: t.string({ resolve: (r) => r.scope.name }),
    unitCode: t.string({ nullable: true, resolve: (r) => r.scope.unitCode }),
    periodKey: t.string({
      description: 'e.g. Q1-2026 (also the CSV route parameter).',
      resolve: (r) => r.period.key,
    }),
    periodLabel: t.string({ resolve: (r, _a, ctx) => r.period.label[ctx.lang] }),
    from: t.string({ resolve: (r) => r.period.from }),
    to: t.string({ resolve: (r) => r.period.to }),
    respondents: t.exposeInt('respondents'),
    population: t.exposeInt('population', {
      description: 'People served: requests of the scope completed in the period.',
    }),
    requiredSample: t.exposeInt('requiredSample', {
      description: 'Krejcie & Morgan minimum for the population.',
    }),
    coverage: t.exposeFloat('coverage', {
      description: 'respondents / requiredSample (1 when nothing is required).',
    }),
    elements: t.field({ type: [IkmElementScoreRef], resolve: (r) => r.elements }),
    index: t.float({
      nullable: true,
      description: 'Σ NRR × 1/9, 1–4, unrounded; null without respondents.',
      resolve: (r) => r.index,
    }),
    score: t.float({
      nullable: true,
      description: 'index × 25, 25–100, unrounded.',
      resolve: (r) => r.score,
    }),
    scoreDisplay: t.string({
      nullable: true,
      description: 'The score truncated to 2 decimals, always in the band of the grade.',
      resolve: (r) => r.scoreDisplay,
    }),
    grade: t.string({ nullable: true, description: 'A, B, C or D.', resolve: (r) => r.grade }),
    gradeLabel: t.string({ nullable: true, resolve: (r, _a, ctx) => r.gradeLabel?.[ctx.lang] ?? null }),
    rule: t.field({ type: IkmRuleEnum, resolve: (r) => r.rule }),
    weakestElements: t.field({
      type: [SkmElementCodeEnum],
      description: 'Up to three elements below grade A or below the scope average, weakest first.',
      resolve: (r) => r.weakestElements,
    }),
    waitingTime: t.field({
      type: RequestStatisticsRef,
      nullable: true,
      description:
        'Processing times of requests submitted in the period for the same scope (services area), to read beside WAKTU.',
      resolve: async (r, _a, ctx): Promise<RequestStatisticsRow | null> => {
        const rows = await requestStatisticsRows(ctx.prisma, {
          from: r.period.from,
          to: r.period.to,
          groupBy: r.scope.scope === 'SERVICE' ? 'SERVICE' : r.scope.scope === 'UNIT' ? 'UNIT' : 'CITY',
          serviceCode: r.scope.serviceCode,
          unitCode: r.scope.scope === 'UNIT' ? r.scope.unitCode : null,
        });
        return rows[0] ?? null;
      },
    }),
  }),
});

type ProfileShape = { respondents: number; counts: readonly ProfileCount[] };
type ProfileEntry = { value: string; count: number; share: number };

const SkmProfileCountRef = builder.objectRef<ProfileEntry>('SkmProfileCount').implement({
  fields: (t) => ({
    value: t.exposeString('value', { description: '"-" when not given.' }),
    count: t.exposeInt('count'),
    share: t.exposeFloat('share', { description: 'Share of respondents, 0–1.' }),
  }),
});

const entries = (p: ProfileShape, dimension: string): ProfileEntry[] =>
  p.counts
    .filter((c) => c.dimension === dimension)
    .map((c) => ({ value: c.value, count: c.count, share: p.respondents > 0 ? c.count / p.respondents : 0 }));

const SkmProfileBreakdownRef = builder.objectRef<ProfileShape>('SkmProfileBreakdown').implement({
  description: 'Respondents by profile, as SKM reports publish them.',
  fields: (t) => ({
    gender: t.field({ type: [SkmProfileCountRef], resolve: (p) => entries(p, 'GENDER') }),
    ageBand: t.field({ type: [SkmProfileCountRef], resolve: (p) => entries(p, 'AGE_BAND') }),
    education: t.field({ type: [SkmProfileCountRef], resolve: (p) => entries(p, 'EDUCATION') }),
    occupation: t.field({ type: [SkmProfileCountRef], resolve: (p) => entries(p, 'OCCUPATION') }),
    channel: t.field({ type: [SkmProfileCountRef], resolve: (p) => entries(p, 'CHANNEL') }),
  }),
});

type SkmReportShape = { ikm: IkmReportShape; profile: ProfileShape; suggestions: string[] };

const SkmReportRef = builder.objectRef<SkmReportShape>('SkmReport').implement({
  description:
    "A unit's SKM report for a period. Also as CSV: `csv`, or GET /reports/skm.csv?unit=CODE&period=Q1-2026.",
  fields: (t) => ({
    ikm: t.field({ type: IkmReportRef, resolve: (r) => r.ikm }),
    profile: t.field({ type: SkmProfileBreakdownRef, resolve: (r) => r.profile }),
    suggestions: t.stringList({
      description: 'Newest first, at most 100; never with the respondent.',
      resolve: (r) => r.suggestions,
    }),
    csv: t.string({
      description: 'The report in the published layout as CSV, in the caller’s language.',
      resolve: (r, _a, ctx) => skmCsv(r.ikm, r.profile.counts, ctx.lang),
    }),
  }),
});

/** Unit staff, supervisors of the unit's tree and admins read a unit's full SKM report. */
export async function loadSkmReport(
  ctx: GraphQLContext,
  unitCode: string,
  period: SkmPeriod,
): Promise<SkmReportShape> {
  const scope = await resolveIkmScope(ctx.prisma, unitCode, null);
  if (!scope.unitId || !(actsForUnit(ctx.identity, scope.unitId) || (await managesUnit(ctx, scope.unitId)))) {
    throw forbidden();
  }
  const [ikm, counts, suggestions] = await Promise.all([
    ikmReport(ctx.prisma, scope, period),
    surveyProfile(ctx.prisma, scope, period),
    surveySuggestions(ctx.prisma, scope, period),
  ]);
  return { ikm, profile: { respondents: ikm.respondents, counts }, suggestions };
}

builder.queryFields((t) => ({
  skmElements: t.field({
    type: [SkmElementRef],
    description: 'The nine SKM elements with their question and answer labels.',
    resolve: () => [...SKM_ELEMENTS],
  }),
  ikm: t.field({
    type: IkmReportRef,
    description:
      'IKM for one scope: the city (no codes), a unit (unitCode) or a service (serviceCode). Public aggregates.',
    errors: {
      types: [ValidationError, NotFoundError],
      directResult: false,
      union: { name: 'IkmQueryResult' },
    },
    args: {
      unitCode: t.arg.string(),
      serviceCode: t.arg.string(),
      period: t.arg({ type: SkmPeriodInputRef, required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const period = periodOf(args.period);
      const scope = await resolveIkmScope(ctx.prisma, args.unitCode, args.serviceCode);
      return ikmReport(ctx.prisma, scope, period);
    },
  }),
  ikmTrend: t.field({
    type: [IkmReportRef],
    description: 'The IKM of consecutive periods of a year, for charts (e.g. 12 months or 4 quarters).',
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      unitCode: t.arg.string(),
      serviceCode: t.arg.string(),
      year: t.arg.int({ required: true }),
      kind: t.arg({ type: SkmPeriodKindEnum, required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const periods = skmPeriodsOfYear(args.year, args.kind);
      if (!periods.ok) throw ValidationError.fromDomain(periods.error, 'year');
      const scope = await resolveIkmScope(ctx.prisma, args.unitCode, args.serviceCode);
      return ikmTrend(ctx.prisma, scope, periods.value, args.kind);
    },
  }),
  skmReport: t.field({
    type: SkmReportRef,
    description:
      "A unit's SKM report (GraphQL form of the published layout). Staff of the unit, its supervisors, admins.",
    authScopes: { staff: true, admin: true },
    errors: { types: [ValidationError, NotFoundError], directResult: false },
    args: {
      unitCode: t.arg.string({ required: true }),
      period: t.arg({ type: SkmPeriodInputRef, required: true }),
    },
    resolve: async (_root, args, ctx) => loadSkmReport(ctx, args.unitCode, periodOf(args.period)),
  }),
}));

// ---- historic results ----------------------------------------------------------------------

const HistoricIkmRef = builder.prismaObject('HistoricIkm', {
  description: 'A published IKM from before this system, with the rule that graded it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    unit: t.relation('unit'),
    year: t.exposeInt('year'),
    score: t.exposeFloat('score', { description: 'The published 25–100 value.' }),
    index: t.exposeFloat('index', { nullable: true, description: 'The published 1–4 index, when known.' }),
    grade: t.exposeString('grade'),
    rule: t.expose('rule', { type: IkmRuleEnum }),
    respondents: t.exposeInt('respondents', { nullable: true }),
    source: t.exposeString('source'),
  }),
});

builder.queryField('historicIkm', (t) =>
  t.prismaField({
    type: [HistoricIkmRef],
    description: 'Recorded historic IKM results (public), oldest first.',
    args: { unitCode: t.arg.string() },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.historicIkm.findMany({
        ...query,
        where: args.unitCode ? { unit: { code: args.unitCode.trim().toUpperCase() } } : {},
        orderBy: [{ year: 'asc' }, { unitId: 'asc' }],
      }),
  }),
);

const RecordHistoricIkmInput = builder.inputType('RecordHistoricIkmInput', {
  fields: (t) => ({
    unitCode: t.string({ required: true }),
    year: t.int({ required: true }),
    score: t.float({ required: true, description: 'The published 25–100 value.' }),
    index: t.float({ description: 'The published 1–4 index, if known.' }),
    rule: t.field({ type: IkmRuleEnum, required: true }),
    respondents: t.int(),
    source: t.string(),
  }),
});

builder.mutationField('recordHistoricIkm', (t) =>
  t.field({
    type: HistoricIkmRef,
    description:
      'Record (or correct) a published IKM of a past year; the grade follows the given rule. Admins.',
    authScopes: { admin: true },
    errors: { types: [ValidationError, NotFoundError], directResult: false },
    args: { input: t.arg({ type: RecordHistoricIkmInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const code = input.unitCode.trim().toUpperCase();
      const unit = await ctx.prisma.unit.findUnique({ where: { code } });
      if (!unit) throw new NotFoundError('Unit', code);
      const graded = ikmGrade(input.score, input.rule);
      if (!graded.ok) throw ValidationError.fromDomain(graded.error, 'score');
      const currentYear = Number(todayWib().slice(0, 4));
      const problems = [
        ...(Number.isInteger(input.year) && input.year >= 1990 && input.year <= currentYear
          ? []
          : [
              {
                field: 'year',
                code: 'OUT_OF_RANGE',
                messageId: `Tahun harus 1990–${currentYear}`,
                messageEn: `The year must be 1990–${currentYear}`,
              },
            ]),
        ...(input.index == null || (input.index >= 1 && input.index <= 4)
          ? []
          : [
              {
                field: 'index',
                code: 'OUT_OF_RANGE',
                messageId: 'Indeks harus 1–4',
                messageEn: 'The index must be 1–4',
              },
            ]),
        ...(input.respondents == null || input.respondents >= 0
          ? []
          : [
              {
                field: 'respondents',
                code: 'OUT_OF_RANGE',
                messageId: 'Jumlah responden tidak boleh negatif',
                messageEn: 'Respondents cannot be negative',
              },
            ]),
      ];
      if (problems.length > 0) throw ValidationError.fromFields(problems);
      const data = {
        score: input.score,
        index: input.index ?? null,
        grade: graded.value.grade,
        rule: input.rule,
        respondents: input.respondents ?? null,
        source: input.source?.trim() ?? '',
        recordedByAccountId: accountIdOf(ctx.identity),
      };
      return audited(ctx, { action: 'recordHistoricIkm', entityType: 'HistoricIkm' }, async (tx) => {
        const before = await tx.historicIkm.findUnique({
          where: { unitId_year: { unitId: unit.id, year: input.year } },
        });
        const row = await tx.historicIkm.upsert({
          where: { unitId_year: { unitId: unit.id, year: input.year } },
          create: { ...data, unitId: unit.id, year: input.year },
          update: data,
        });
        return { result: row, entityId: row.id, before: before ?? null, after: row };
      });
    },
  }),
);

// ---- the survey ----------------------------------------------------------------------------

type InvitationShape = { trackingCode: string; serviceId: string; answered: boolean; staffIds: string[] };

/** The staff who acted on a request: its assignee and every staff account in its trail. */
async function staffOnRequest(
  ctx: GraphQLContext,
  requestId: string,
  assignee: string | null,
): Promise<string[]> {
  const events = await ctx.prisma.requestEvent.findMany({
    where: { requestId, actorAccountId: { not: null } },
    select: { actorAccountId: true, assigneeStaffId: true },
  });
  const accountIds = [...new Set(events.map((e) => e.actorAccountId).filter((x): x is string => !!x))];
  const accounts = accountIds.length
    ? await ctx.prisma.account.findMany({
        where: { id: { in: accountIds }, staffId: { not: null } },
        select: { staffId: true },
      })
    : [];
  const ids = [assignee, ...accounts.map((a) => a.staffId), ...events.map((e) => e.assigneeStaffId)];
  return [...new Set(ids.filter((x): x is string => !!x))].sort();
}

async function loadOwnRequest(ctx: GraphQLContext, trackingCode: string) {
  const code = trackingCode.trim().toUpperCase();
  const accountId = accountIdOf(ctx.identity);
  const request = await ctx.prisma.serviceRequest.findUnique({
    where: { trackingCode: code },
    select: {
      id: true,
      trackingCode: true,
      state: true,
      serviceId: true,
      serviceVersionId: true,
      unitId: true,
      citizenAccountId: true,
      assigneeStaffId: true,
      completedAt: true,
      surveyResponse: { select: { id: true } },
    },
  });
  // Someone else's request is reported as not found: tracking codes are guessable.
  if (!request || !accountId || request.citizenAccountId !== accountId) return null;
  return request;
}

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
      const request = await loadOwnRequest(ctx, args.trackingCode);
      if (request?.state !== 'COMPLETED') return null;
      return {
        trackingCode: request.trackingCode,
        serviceId: request.serviceId,
        answered: request.surveyResponse !== null,
        staffIds: await staffOnRequest(ctx, request.id, request.assigneeStaffId),
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

type SurveyResponseShape = {
  id: string;
  respondentCode: string;
  channel: 'ONLINE' | 'COUNTER';
  date: Date;
  serviceId: string;
  answers: { element: (typeof SKM_ELEMENT_CODES)[number]; score: number }[];
  staffRated: number;
};

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

const clean = (s: string | null | undefined, max = 100) => {
  const v = s?.trim() ?? '';
  return v === '' ? null : v.slice(0, max);
};

function profileData(
  profile:
    | {
        gender?: 'M' | 'F' | null;
        ageBand?: string | null;
        education?: string | null;
        occupation?: string | null;
      }
    | null
    | undefined,
) {
  return {
    gender: profile?.gender ?? null,
    ageBand: clean(profile?.ageBand, 20),
    education: clean(profile?.education, 50),
    occupation: clean(profile?.occupation, 100),
  };
}

const respondentCode = () => `R-${crypto.randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`;

const alreadyAnswered = () =>
  new ConflictError(
    'SURVEY_ALREADY_ANSWERED',
    SURVEY_ERROR_MESSAGES.SURVEY_ALREADY_ANSWERED.id,
    SURVEY_ERROR_MESSAGES.SURVEY_ALREADY_ANSWERED.en,
  );

const isUniqueViolation = (e: unknown) =>
  !!e && typeof e === 'object' && 'code' in e && (e as { code: unknown }).code === 'P2002';

builder.mutationField('submitSurvey', (t) =>
  t.field({
    type: SurveyResponseRef,
    description: 'A citizen answers the survey of their completed request, once.',
    authScopes: { citizen: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError], directResult: false },
    args: { input: t.arg({ type: SubmitSurveyInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const request = await loadOwnRequest(ctx, input.trackingCode);
      if (!request) throw new NotFoundError('ServiceRequest', input.trackingCode.trim().toUpperCase());
      const problem = surveyRequestProblem({
        state: request.state,
        answered: request.surveyResponse !== null,
      });
      if (problem) throw new ConflictError(problem.code, problem.message.id, problem.message.en);
      const ratable = await staffOnRequest(ctx, request.id, request.assigneeStaffId);
      const ratings = (input.staffRatings ?? []).map((r) => ({
        ...r,
        staffId: r.staffId.typename === 'Staff' ? r.staffId.id : '',
      }));
      const valid = validateSurvey(
        { answers: input.answers, suggestion: input.suggestion, staffRatings: ratings },
        ratable,
      );
      if (!valid.ok) throw ValidationError.fromFieldErrors(valid.error);
      const today = todayWib();
      try {
        const row = await audited(
          ctx,
          { action: 'submitSurvey', entityType: 'SurveyResponse' },
          async (tx) => {
            const created = await tx.surveyResponse.create({
              data: {
                requestId: request.id,
                channel: 'ONLINE',
                serviceId: request.serviceId,
                serviceVersionId: request.serviceVersionId,
                unitId: request.unitId,
                // The day the service was received; the rating is dated when given.
                date: dateOnly(request.completedAt ? todayWib(request.completedAt) : today),
                respondentCode: respondentCode(),
                ...profileData(input.profile),
                suggestion: valid.value.suggestion,
                answers: { createMany: { data: [...valid.value.answers] } },
                staffRatings: {
                  createMany: {
                    data: valid.value.staffRatings.map((r) => ({ ...r, date: dateOnly(today) })),
                  },
                },
              },
            });
            return {
              result: created,
              entityId: created.id,
              // Pseudonymous: the audit entry names the response and the request, not the answers.
              after: { requestId: request.id, channel: 'ONLINE', answers: valid.value.answers.length },
            };
          },
        );
        return {
          id: row.id,
          respondentCode: row.respondentCode,
          channel: 'ONLINE' as const,
          date: row.date,
          serviceId: row.serviceId,
          answers: [...valid.value.answers],
          staffRated: valid.value.staffRatings.length,
        };
      } catch (e) {
        if (isUniqueViolation(e)) throw alreadyAnswered(); // a concurrent second submission
        throw e;
      }
    },
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
    resolve: async (_root, { input }, ctx) => {
      const code = input.serviceCode.trim().toUpperCase();
      const service = await ctx.prisma.service.findUnique({ where: { code } });
      if (!service) throw new NotFoundError('Service', code);
      if (!actsForUnit(ctx.identity, service.unitId)) throw forbidden();
      const day = parseDay(input.date.trim());
      if (!day.ok) throw ValidationError.fromDomain(day.error, 'date');
      const future = counterSurveyDateProblem(day.value, todayWib());
      if (future) throw ValidationError.fromFields([surveyProblem(future.code, 'date')]);
      const valid = validateSurvey({ answers: input.answers, suggestion: input.suggestion }, []);
      if (!valid.ok) throw ValidationError.fromFieldErrors(valid.error);
      const row = await audited(
        ctx,
        { action: 'recordCounterSurvey', entityType: 'SurveyResponse' },
        async (tx) => {
          const created = await tx.surveyResponse.create({
            data: {
              channel: 'COUNTER',
              serviceId: service.id,
              serviceVersionId: service.currentVersionId,
              unitId: service.unitId,
              date: dateOnly(day.value),
              respondentCode: respondentCode(),
              ...profileData(input.profile),
              suggestion: valid.value.suggestion,
              recordedByAccountId: accountIdOf(ctx.identity),
              answers: { createMany: { data: [...valid.value.answers] } },
            },
          });
          return {
            result: created,
            entityId: created.id,
            after: {
              serviceCode: code,
              channel: 'COUNTER',
              date: day.value,
              answers: valid.value.answers.length,
            },
          };
        },
      );
      return {
        id: row.id,
        respondentCode: row.respondentCode,
        channel: 'COUNTER' as const,
        date: row.date,
        serviceId: row.serviceId,
        answers: [...valid.value.answers],
        staffRated: 0,
      };
    },
  }),
);

// ---- citizens' ratings of staff -------------------------------------------------------------

type CitizenRatingShape = {
  year: number;
  respondents: number;
  competence: number | null;
  behaviour: number | null;
};

const CitizenStaffRatingRef = builder.objectRef<CitizenRatingShape>('CitizenStaffRating').implement({
  description:
    "Citizens' ratings (1–4) in a year; input to the SKP evaluation, shown beside it (it does not set it).",
  fields: (t) => ({
    year: t.exposeInt('year'),
    respondents: t.exposeInt('respondents'),
    competence: t.exposeFloat('competence', { nullable: true, description: 'Average, 1–4.' }),
    behaviour: t.exposeFloat('behaviour', { nullable: true, description: 'Average, 1–4.' }),
  }),
});

builder.prismaObjectFields('Staff', (t) => ({
  citizenRating: t.field({
    type: CitizenStaffRatingRef,
    nullable: true,
    description:
      'Citizens’ ratings in a year. Like SKP ratings: the person, supervisors of the unit and admins.',
    args: { year: t.arg.int({ required: true }) },
    authScopes: (staff, _args, ctx) => canReadPrivate(ctx, staff),
    unauthorizedResolver: () => null,
    select: (args) => ({
      citizenRatings: {
        where: { date: { gte: dateOnly(`${args.year}-01-01`), lte: dateOnly(`${args.year}-12-31`) } },
        select: { competence: true, behaviour: true },
      },
    }),
    resolve: (staff, args) => {
      // The selection above loads the ratings; prismaObjectFields does not infer it into the type.
      const rows = (staff as unknown as { citizenRatings: { competence: number; behaviour: number }[] })
        .citizenRatings;
      const n = rows.length;
      const avg = (f: (r: { competence: number; behaviour: number }) => number) =>
        n === 0 ? null : rows.reduce((sum, r) => sum + f(r), 0) / n;
      return {
        year: args.year,
        respondents: n,
        competence: avg((r) => r.competence),
        behaviour: avg((r) => r.behaviour),
      };
    },
  }),
}));

builder.prismaObjectFields('Notification', (t) => ({
  request: t.relation('request', {
    nullable: true,
    description: 'The request the notification is about (SURVEY_INVITATION: answer with submitSurvey).',
  }),
}));
