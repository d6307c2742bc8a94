// The SKM survey's and the IKM report's GraphQL types (PermenPANRB 14/2017): the nine elements,
// survey periods, the IKM of a scope and period, and a unit's SKM report with its profile.
import {
  IKM_RULES,
  SKM_CHANNELS,
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
import type { SkmReportShape } from '../queries/skm-report.js';
import { skmCsv } from '../reports/skm-csv.js';
import { SkmProfileBreakdownRef } from './survey-profile-types.js';

export const SkmElementCodeEnum = builder.enumType('SkmElementCode', {
  description:
    'The nine SKM elements of PermenPANRB 14/2017 (requirements, procedure, time, cost, products, competence, behaviour, complaint handling, facilities).',
  values: SKM_ELEMENT_CODES as readonly (typeof SKM_ELEMENT_CODES)[number][],
});
export const IkmRuleEnum = builder.enumType('IkmRule', {
  description:
    'The rule that grades an IKM score: PERMENPANRB_14_2017 (D 25.00–64.99, C 65.00–76.60, B 76.61–88.30, A 88.31–100) or KEPMENPAN_25_2004 (D 25–43.75, C 43.76–62.50, B 62.51–81.25, A 81.26–100).',
  values: IKM_RULES,
});
export const SkmPeriodKindEnum = builder.enumType('SkmPeriodKind', {
  description: 'The length of a survey period: a month, quarter, semester or calendar year.',
  values: SKM_PERIOD_KINDS,
});
export const SkmChannelEnum = builder.enumType('SkmChannel', {
  description:
    'How a response was given: ONLINE (by the citizen, for a request) or COUNTER (recorded by staff).',
  values: SKM_CHANNELS,
});

export const SkmPeriodInputRef = builder.inputType('SkmPeriodInput', {
  description: 'A survey period: a month (number 1–12), quarter (1–4), semester (1–2) or year (no number).',
  fields: (t) => ({
    kind: t.field({
      type: SkmPeriodKindEnum,
      required: true,
      description: 'Month, quarter, semester or year.',
    }),
    year: t.int({ required: true, description: 'The calendar year of the period, 2000–2100.' }),
    number: t.int({
      description:
        'Which month (1–12), quarter (1–4) or semester (1–2) of the year; omitted for YEAR. Anything else is a ValidationError on `period`.',
    }),
  }),
});

/** The survey period argument of the IKM and SKM reports. */
export const periodArgs = builder.args((t) => ({
  period: t.field({
    type: SkmPeriodInputRef,
    required: true,
    description: 'The survey period; an invalid one is a ValidationError on `period`.',
  }),
}));

/** The arguments of the unit reports over a survey period (skmReport, generateImprovementActions). */
export const unitPeriodArgs = builder.args((t) => ({
  unitCode: t.string({ required: true, description: 'The unit’s code; NotFoundError when unknown.' }),
  ...periodArgs,
}));

/** Validates a period input; errors name the `period` field. */
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
    code: t.expose('code', { type: SkmElementCodeEnum, description: 'The element’s code.' }),
    label: t.string({
      description: 'The element’s name in the caller’s language (Accept-Language).',
      resolve: (e, _a, ctx) => e.label[ctx.lang],
    }),
    labelId: t.string({ description: 'The element’s name in Indonesian.', resolve: (e) => e.label.id }),
    labelEn: t.string({ description: 'The element’s name in English.', resolve: (e) => e.label.en }),
    question: t.string({
      description: 'The question asked, in the caller’s language.',
      resolve: (e, _a, ctx) => e.question[ctx.lang],
    }),
    answerLabels: t.stringList({
      description: 'Labels of the answers for scores 1, 2, 3 and 4.',
      resolve: (e, _a, ctx) => e.scale.map((s) => s[ctx.lang]),
    }),
  }),
});

// ---- IKM reports ---------------------------------------------------------------------------

type ElementScoreShape = IkmReportShape['elements'][number];

const IkmElementScoreRef = builder.objectRef<ElementScoreShape>('IkmElementScore').implement({
  description: 'One SKM element’s scores in an IKM (PermenPANRB 14/2017): sum, NRR and weighted NRR.',
  fields: (t) => ({
    code: t.expose('code', { type: SkmElementCodeEnum, description: 'The element’s code.' }),
    label: t.string({
      description: 'The element’s name in the caller’s language.',
      resolve: (e, _a, ctx) => e.label[ctx.lang],
    }),
    total: t.int({
      nullable: true,
      description:
        'Sum of the scores (jumlah nilai); null when the report is withheld for a small group (IkmReport.suppressed).',
      resolve: (e) => e.sum,
    }),
    ...t.exposeNullableFields('Float', {
      average: 'NRR (nilai rata-rata), 1–4: sum / respondents who answered; null when nobody answered.',
      weighted: 'NRR × 1/9 (NRR tertimbang), exact weight; null when nobody answered.',
    }),
    respondents: t.int({ description: 'Respondents who answered this element.', resolve: (e) => e.answered }),
  }),
});

const IkmChannelScoreRef = builder
  .objectRef<IkmReportShape['channels']['online']>('IkmChannelScore')
  .implement({
    description:
      'The IKM of one channel’s answers only: ONLINE (citizens themselves) or COUNTER (typed in by staff at the counter).',
    fields: (t) => ({
      respondents: t.exposeInt('respondents', { description: 'Responses of this channel in the period.' }),
      population: t.exposeInt('population', {
        description:
          'People served on this channel in the period: ONLINE the requests completed (at least its respondents), COUNTER the counter respondents (walk-in visits are not recorded; a lower bound).',
      }),
      ...t.exposeNullableFields('Float', {
        score: 'index × 25, 25–100, unrounded; null without respondents.',
      }),
      ...t.exposeNullableFields('String', {
        scoreDisplay: 'The score truncated to 2 decimals; null without respondents.',
        grade: 'A, B, C or D; null without respondents.',
      }),
    }),
  });

const IkmWarningRef = builder.objectRef<IkmReportShape['warnings'][number]>('IkmWarning').implement({
  description: 'A caution about a report that is still given, e.g. COUNTER_DOMINATES.',
  fields: (t) => ({
    code: t.exposeString('code', {
      description:
        'COUNTER_DOMINATES: more than half of the respondents were typed in at the counter. COUNTER_POPULATION_FROM_RESPONDENTS: the counter population is the counter respondents (walk-ins are not recorded). RESPONDENTS_EXCEED_POPULATION: online respondents outnumber the requests completed in the period; the population counts them.',
    }),
    message: t.string({
      description: 'The warning in the caller’s language.',
      resolve: (w, _a, ctx) => w.message[ctx.lang],
    }),
  }),
});

export const IkmReportRef = builder.objectRef<IkmReportShape>('IkmReport').implement({
  description:
    'The IKM of a scope and period, computed from SQL sums with exact 1/9 weights; grades on the unrounded score.',
  fields: (t) => ({
    scope: t.string({ description: 'CITY, UNIT or SERVICE.', resolve: (r) => r.scope.scope }),
    key: t.string({ nullable: true, description: 'Unit or service code.', resolve: (r) => r.scope.key }),
    name: t.string({ description: 'The city’s, unit’s or service’s name.', resolve: (r) => r.scope.name }),
    unitCode: t.string({
      nullable: true,
      description: 'The unit of a UNIT or SERVICE scope; null for the city.',
      resolve: (r) => r.scope.unitCode,
    }),
    periodKey: t.string({
      description: 'e.g. Q1-2026 (also the CSV route parameter).',
      resolve: (r) => r.period.key,
    }),
    periodLabel: t.string({
      description: 'The period’s name in the caller’s language, e.g. "Triwulan I 2026".',
      resolve: (r, _a, ctx) => r.period.label[ctx.lang],
    }),
    from: t.field({
      type: 'Day',
      description: 'The period’s first WIB day, YYYY-MM-DD.',
      resolve: (r) => r.period.from,
    }),
    to: t.field({
      type: 'Day',
      description: 'The period’s last WIB day, YYYY-MM-DD (inclusive).',
      resolve: (r) => r.period.to,
    }),
    ...t.exposeFields('Int', {
      respondents: 'Survey responses of the scope dated in the period.',
      population:
        'People served in the period on the respondents’ channels (PermenPANRB 14/2017 N): online.population (requests completed) + counter.population (counter respondents); never below respondents.',
      completedRequests: 'Requests of the scope completed in the period (WIB days), any request channel.',
      requiredSample: 'Krejcie & Morgan minimum for the population.',
      sampleShortfall: 'Respondents still missing to reach requiredSample; 0 when sufficient.',
    }),
    coverage: t.exposeFloat('coverage', {
      description:
        'Share of the minimum sample reached, 0–1: min(respondents, requiredSample) / requiredSample (1 when nothing is required). Never above 1; see sampleSufficient.',
    }),
    sampleSufficient: t.exposeBoolean('sampleSufficient', {
      description: 'Whether respondents reach requiredSample (Krejcie & Morgan).',
    }),
    suppressed: t.exposeBoolean('suppressed', {
      description:
        'Whether the scores are withheld because fewer people than LAYANAN_OPEN_DATA_MIN_COUNT (default 5) answered in the period (UU 27/2022: the average of two people is their answers). Then every element total, NRR and weighted NRR, the index, score, grade and weakest elements are null or empty; counts stay. Only for callers who may not read the scope’s SKM report (the public, citizens, other units’ staff); a channel (online, counter) below the minimum loses its score the same way.',
    }),
    responseRate: t.exposeFloat('responseRate', {
      nullable: true,
      description: 'respondents / population, 0–1; null when nobody was served.',
    }),
    elements: t.expose('elements', {
      type: [IkmElementScoreRef],
      description: 'The nine elements in their regulation order.',
    }),
    ...t.exposeNullableFields('Float', {
      index: 'Σ NRR × 1/9, 1–4, unrounded; null without respondents.',
      score: 'index × 25, 25–100, unrounded.',
    }),
    ...t.exposeNullableFields('String', {
      scoreDisplay: 'The score truncated to 2 decimals, always in the band of the grade.',
      grade: 'A, B, C or D under `rule`; null without respondents.',
    }),
    gradeLabel: t.string({
      nullable: true,
      description:
        'The grade’s name in the caller’s language (e.g. "Sangat Baik"); null without respondents.',
      resolve: (r, _a, ctx) => r.gradeLabel?.[ctx.lang] ?? null,
    }),
    rule: t.expose('rule', {
      type: IkmRuleEnum,
      description: 'The rule that graded it (PERMENPANRB_14_2017 for computed IKM).',
    }),
    weakestElements: t.expose('weakestElements', {
      type: [SkmElementCodeEnum],
      description: 'Up to three elements below grade A or below the scope average, weakest first.',
    }),
    online: t.field({
      type: IkmChannelScoreRef,
      description: 'The same index from the online answers only (four eyes on the index, issue 15).',
      resolve: (r) => r.channels.online,
    }),
    counter: t.field({
      type: IkmChannelScoreRef,
      description: 'The same index from the counter (walk-in) answers typed in by staff only.',
      resolve: (r) => r.channels.counter,
    }),
    counterShare: t.exposeFloat('counterShare', {
      nullable: true,
      description: 'Share of the respondents typed in at the counter, 0–1; null without respondents.',
    }),
    warnings: t.expose('warnings', {
      type: [IkmWarningRef],
      description:
        'Cautions, e.g. COUNTER_DOMINATES when more than half of the answers came from the counter.',
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

export const SkmReportRef = builder.objectRef<SkmReportShape>('SkmReport').implement({
  description:
    "A unit's SKM report for a period. Also as CSV: `csv`, or GET /reports/skm.csv?unit=CODE&period=Q1-2026.",
  fields: (t) => ({
    ikm: t.expose('ikm', {
      type: IkmReportRef,
      description: 'The unit’s IKM for the period.',
    }),
    profile: t.expose('profile', {
      type: SkmProfileBreakdownRef,
      description: 'The respondents of the period by profile.',
    }),
    suggestions: t.exposeStringList('suggestions', {
      description: 'Newest first, at most 100; never with the respondent.',
    }),
    csv: t.string({
      description: 'The report in the published layout as CSV, in the caller’s language.',
      resolve: (r, _a, ctx) => skmCsv(r.ikm, r.profile.counts, ctx.lang),
    }),
  }),
});
