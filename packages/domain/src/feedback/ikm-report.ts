import type { FieldError, Message } from '../errors.js';
import { isSuppressed } from '../open-data.js';
import { addSkmTotals, type IkmWarning, ikmChannelWarnings } from './counter-survey.js';
import { computeIkmFromTotals, type IkmGrade, type IkmRule, type SkmTotals } from './ikm.js';
import { weakSkmElements } from './improvement.js';
import { IKM_WARNING_MESSAGES } from './messages.js';
import type { SkmPeriod } from './period.js';
import { skmCoverage, skmSamplePopulation } from './sample-size.js';
import { SKM_ELEMENT_CODES, SKM_ELEMENTS, type SkmElementCode } from './skm-elements.js';

/*
 * The IKM report of a scope (the city, a unit or a service) and a period, from totals: the
 * database sums the scores and counts the answers per element (no answer row needs to leave it),
 * and this applies the PermenPANRB 14/2017 formula to those totals — NRR per element, weighted
 * by exactly 1/9, the index, the 25–100 score and its grade — with the sample coverage
 * (Krejcie & Morgan) and the weakest elements.
 */

/** What a report is about. */
export type IkmScopeKind = 'CITY' | 'UNIT' | 'SERVICE';

export type IkmElementScore = {
  readonly code: SkmElementCode;
  readonly label: Message;
  /** Sum of the scores (jumlah nilai); null when withheld (withholdSmallIkmReport). */
  readonly sum: number | null;
  /** Respondents who answered this element. */
  readonly answered: number;
  /** NRR: sum / answered, 1–4; null when nobody answered. */
  readonly average: number | null;
  /** NRR × 1/9 (NRR tertimbang); null when nobody answered. */
  readonly weighted: number | null;
};

export type IkmReport<Scope> = {
  readonly scope: Scope;
  readonly period: SkmPeriod;
  readonly respondents: number;
  /**
   * People served in the period on the channels the respondents come from (skmSamplePopulation):
   * online (requests completed) + counter (counter respondents); never below `respondents`.
   */
  readonly population: number;
  /** Requests of the scope completed in the period, as counted (before skmSamplePopulation). */
  readonly completedRequests: number;
  readonly requiredSample: number;
  /** Share of the minimum sample reached, 0–1 (1 when nothing is required); never above 1. */
  readonly coverage: number;
  /** Whether the respondents reach the minimum sample. */
  readonly sampleSufficient: boolean;
  /** Respondents still missing to reach the minimum sample (0 when sufficient). */
  readonly sampleShortfall: number;
  /** respondents / population, 0–1; null when nobody was served. */
  readonly responseRate: number | null;
  /** The nine elements in their official order, answered or not. */
  readonly elements: readonly IkmElementScore[];
  /** Σ NRR × 1/9, 1–4, unrounded; null without respondents. */
  readonly index: number | null;
  /** index × 25, 25–100, unrounded; null without respondents. */
  readonly score: number | null;
  /** The score truncated to 2 decimals, always inside the band of the grade. */
  readonly scoreDisplay: string | null;
  readonly grade: IkmGrade | null;
  readonly gradeLabel: Message | null;
  readonly rule: IkmRule;
  /** Up to IKM_WEAKEST_SHOWN elements below grade A or below the scope's average, weakest first. */
  readonly weakestElements: readonly SkmElementCode[];
  /** The same index from online answers only and from counter (walk-in) answers only. */
  readonly channels: { readonly online: IkmChannelResult; readonly counter: IkmChannelResult };
  /** Share of respondents typed in at the counter, 0–1; null without respondents. */
  readonly counterShare: number | null;
  /**
   * E.g. COUNTER_DOMINATES when more than half of the respondents were typed in at the counter;
   * COUNTER_POPULATION_FROM_RESPONDENTS and RESPONDENTS_EXCEED_POPULATION explain the population.
   */
  readonly warnings: readonly IkmWarning[];
  /** Whether the scores are withheld for a small group (withholdSmallIkmReport); false as computed. */
  readonly suppressed: boolean;
};

/** The index of one channel's answers. */
export type IkmChannelResult = {
  readonly respondents: number;
  /** People served on this channel in the period (skmSamplePopulation). */
  readonly population: number;
  /** 25–100, unrounded; null without respondents. */
  readonly score: number | null;
  readonly scoreDisplay: string | null;
  readonly grade: IkmGrade | null;
};

/** Totals of a period per channel: online (citizens themselves) and counter (typed in by staff). */
export type SkmChannelTotals = { readonly online?: SkmTotals; readonly counter?: SkmTotals };

function channelResult(totals: SkmTotals | undefined, population: number, rule: IkmRule): IkmChannelResult {
  const respondents = totals?.respondents ?? 0;
  const computed = totals && respondents > 0 ? computeIkmFromTotals(totals, { rule }) : null;
  const result = computed?.ok ? computed.value : null;
  return {
    respondents,
    population,
    score: result?.score ?? null,
    scoreDisplay: result?.scoreDisplay ?? null,
    grade: result?.grade ?? null,
  };
}

/** How many of the weakest elements a report names. */
export const IKM_WEAKEST_SHOWN = 3;

/**
 * The report of one scope and period. `channels`: the sums and counts per element of the online
 * and of the counter answers (undefined when nobody answered); the report's index is over both,
 * and each channel's index is given apart. `completedRequests`: requests of the scope completed in
 * the period; the population adds the counter respondents (skmSamplePopulation), so population and
 * respondents cover the same channels and days. Never fails: without respondents the index, score
 * and grade are null and the elements have zero totals.
 */
export function buildIkmReport<Scope>(
  scope: Scope,
  period: SkmPeriod,
  channels: SkmChannelTotals,
  completedRequests: number,
  rule: IkmRule = 'PERMENPANRB_14_2017',
): IkmReport<Scope> {
  const totals = addSkmTotals(channels.online, channels.counter);
  const population = skmSamplePopulation({
    completedRequests,
    onlineRespondents: channels.online?.respondents ?? 0,
    counterRespondents: channels.counter?.respondents ?? 0,
  });
  const online = channelResult(channels.online, population.online, rule);
  const counter = channelResult(channels.counter, population.counter, rule);
  const respondents = totals?.respondents ?? 0;
  const coverage = skmCoverage(respondents, population.total);
  const computed = totals && respondents > 0 ? computeIkmFromTotals(totals, { rule }) : null;
  const result = computed?.ok ? computed.value : null;
  const elements = SKM_ELEMENTS.map((e) => {
    const t = totals?.elements[e.code] ?? { sum: 0, answered: 0 };
    const average = t.answered > 0 ? t.sum / t.answered : null;
    return {
      code: e.code,
      label: e.label,
      sum: t.sum,
      answered: t.answered,
      average,
      weighted: average === null ? null : average / 9,
    };
  });
  return {
    scope,
    period,
    respondents,
    population: population.total,
    completedRequests,
    requiredSample: coverage.required,
    coverage: coverage.coverage,
    sampleSufficient: coverage.sufficient,
    sampleShortfall: coverage.shortfall,
    responseRate: population.responseRate,
    elements,
    index: result?.index ?? null,
    score: result?.score ?? null,
    scoreDisplay: result?.scoreDisplay ?? null,
    grade: result?.grade ?? null,
    gradeLabel: result?.label ?? null,
    rule,
    weakestElements: weakSkmElements(elements, rule)
      .slice(0, IKM_WEAKEST_SHOWN)
      .map((w) => w.code),
    channels: { online, counter },
    counterShare: respondents > 0 ? counter.respondents / respondents : null,
    warnings: [
      ...ikmChannelWarnings(online.respondents, counter.respondents),
      ...population.warnings.map((code) => ({ code, message: IKM_WARNING_MESSAGES[code] })),
    ],
    suppressed: false,
  };
}

/** A channel's index without its figures (withholdSmallIkmReport). */
const withheldChannel = (c: IkmChannelResult): IkmChannelResult => ({
  ...c,
  score: null,
  scoreDisplay: null,
  grade: null,
});

/**
 * The report as the public may see it (issue 23): PermenPANRB 14/2017 asks for the IKM to be
 * published, UU 27/2022 (PDP) art. 16 for no more personal data than needed — and the average of
 * one or two people's answers is their answers. When the period's respondents are fewer than
 * `minCount` (isSuppressed, the open data's threshold, LAYANAN_OPEN_DATA_MIN_COUNT), every score
 * figure becomes null — each element's sum, NRR and weighted NRR, the index, score, its display
 * and grade — the weakest elements are empty and `suppressed` is true; the counts (respondents,
 * population, sample, coverage) and the period stay. A channel (online, counter) with fewer than
 * `minCount` respondents loses its score the same way even when the whole report keeps its own.
 * A report without respondents or over the threshold is returned as it is.
 */
export function withholdSmallIkmReport<Scope>(report: IkmReport<Scope>, minCount: number): IkmReport<Scope> {
  const channels = {
    online: isSuppressed(report.channels.online.respondents, minCount)
      ? withheldChannel(report.channels.online)
      : report.channels.online,
    counter: isSuppressed(report.channels.counter.respondents, minCount)
      ? withheldChannel(report.channels.counter)
      : report.channels.counter,
  };
  if (!isSuppressed(report.respondents, minCount)) return { ...report, channels };
  return {
    ...report,
    channels,
    elements: report.elements.map((e) => ({ ...e, sum: null, average: null, weighted: null })),
    index: null,
    score: null,
    scoreDisplay: null,
    grade: null,
    gradeLabel: null,
    weakestElements: [],
    suppressed: true,
  };
}

/** One row of the database's totals: per bucket (period number) and element. */
export type SkmTotalsRow = {
  /** The period number inside the year (month, quarter, semester), 1 for a single range. */
  readonly bucket: number;
  /** Respondents in the bucket (also those who skipped this element). */
  readonly respondents: number;
  readonly element: SkmElementCode;
  readonly sum: number;
  readonly answered: number;
};

/** Groups the rows into totals per bucket; an element without a row has zero totals. */
export function skmTotalsByBucket(rows: readonly SkmTotalsRow[]): Map<number, SkmTotals> {
  const byBucket = new Map<number, { respondents: number; elements: Map<string, SkmTotalsRow> }>();
  for (const row of rows) {
    const entry = byBucket.get(row.bucket) ?? { respondents: row.respondents, elements: new Map() };
    entry.elements.set(row.element, row);
    byBucket.set(row.bucket, entry);
  }
  const result = new Map<number, SkmTotals>();
  for (const [bucket, entry] of byBucket) {
    const elements = Object.fromEntries(
      SKM_ELEMENT_CODES.map((c) => {
        const t = entry.elements.get(c);
        return [c, { sum: t?.sum ?? 0, answered: t?.answered ?? 0 }];
      }),
    ) as SkmTotals['elements'];
    result.set(bucket, { respondents: entry.respondents, elements });
  }
  return result;
}

/**
 * A report asked for a service and a unit: the service must belong to the unit. Null when it
 * does (or no unit was named); otherwise a `NOT_ALLOWED` error on `serviceCode`.
 */
export function ikmScopeProblem(scope: {
  readonly serviceCode: string;
  readonly serviceUnitCode: string;
  readonly unitCode: string | null;
}): FieldError | null {
  const { serviceCode, serviceUnitCode, unitCode } = scope;
  if (!unitCode || serviceUnitCode === unitCode) return null;
  return {
    field: 'serviceCode',
    code: 'NOT_ALLOWED',
    message: {
      id: `Layanan ${serviceCode} bukan milik unit ${unitCode}`,
      en: `Service ${serviceCode} does not belong to unit ${unitCode}`,
    },
    details: { serviceCode, serviceUnitCode, unitCode },
  };
}
