// The SKM survey's and the IKM report's GraphQL types (PermenPANRB 14/2017): the nine elements,
// survey periods, the IKM of a scope and period, and a unit's SKM report with its profile.
import {
  IKM_RULES,
  SKM_ELEMENT_CODES,
  type SKM_ELEMENTS,
  SKM_PERIOD_KINDS,
  type SkmPeriod,
  type SkmPeriodInput,
  skmPeriod,
} from '@layanan/domain/feedback';
import { builder } from '../../../graphql/builder.js';
import { failure } from '../../../graphql/failures.js';
import {
  RequestStatisticsRef,
  type RequestStatisticsRow,
  requestStatisticsRows,
} from '../../services/request-statistics.js';
import type { IkmReportShape } from '../queries/ikm-report.js';
import type { SkmProfileShape, SkmReportShape } from '../queries/skm-report.js';
import { skmCsv } from '../reports/skm-csv.js';

export const SkmElementCodeEnum = builder.enumType('SkmElementCode', {
  values: SKM_ELEMENT_CODES as readonly (typeof SKM_ELEMENT_CODES)[number][],
});
export const IkmRuleEnum = builder.enumType('IkmRule', { values: IKM_RULES });
export const SkmPeriodKindEnum = builder.enumType('SkmPeriodKind', { values: SKM_PERIOD_KINDS });
export const SkmChannelEnum = builder.enumType('SkmChannel', { values: ['ONLINE', 'COUNTER'] as const });

export const SkmPeriodInputRef = builder.inputType('SkmPeriodInput', {
  description: 'A survey period: a month (number 1–12), quarter (1–4), semester (1–2) or year (no number).',
  fields: (t) => ({
    kind: t.field({ type: SkmPeriodKindEnum, required: true }),
    year: t.int({ required: true }),
    number: t.int(),
  }),
});

/** A domain error as a ValidationError on one field. */ /** Validates a period input; errors name the `period` field. */
export function periodOf(input: SkmPeriodInput, field = 'period'): SkmPeriod {
  const p = skmPeriod(input);
  if (!p.ok) throw failure(p.error, { field });
  return p.value;
}

// ---- elements ------------------------------------------------------------------------------

type ElementShape = (typeof SKM_ELEMENTS)[number];

export const SkmElementRef = builder.objectRef<ElementShape>('SkmElement').implement({
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

export const IkmReportRef = builder.objectRef<IkmReportShape>('IkmReport').implement({
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

type ProfileShape = SkmProfileShape;
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

export const SkmReportRef = builder.objectRef<SkmReportShape>('SkmReport').implement({
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
