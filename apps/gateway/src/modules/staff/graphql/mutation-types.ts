// The staff mutations' GraphQL types (issue 3): payloads, inputs and the quota failure.
import type { ObjectRef } from '@pothos/core';
import { builder } from '../../../graphql/builder.js';
import { FailureInterface } from '../../../graphql/error-types.js';
import { SkpQuotaExceededError } from '../skp-quota-exceeded.js';
import { StaffSummaryRef } from './report-types.js';
import { ExpectationEnum, PredikatEnum } from './staff-types.js';

builder.objectType(SkpQuotaExceededError, {
  name: 'SkpQuotaExceededError',
  interfaces: [FailureInterface],
  isTypeOf: (value) => value instanceof SkpQuotaExceededError,
  fields: (t) => ({
    allowed: t.exposeInt('allowed'),
    actual: t.exposeInt('actual'),
    excess: t.exposeInt('excess'),
    holders: t.field({
      type: [StaffSummaryRef],
      description: 'Who holds "Sangat Baik" in the period.',
      resolve: (e) => [...e.holders],
    }),
  }),
});

type BuilderTypes = (typeof builder)['$inferSchemaTypes'];

// ---- payloads ------------------------------------------------------------------------------

/** Adds the `staff` field (the changed record, through the Prisma plugin) to a payload. */
function withStaff<T extends { staffId: string }>(
  ref: ObjectRef<BuilderTypes, T>,
): ObjectRef<BuilderTypes, T> {
  builder.objectFields(ref, (t) => ({
    staff: t.prismaField({
      type: 'Staff',
      resolve: (query, payload, _args, ctx) =>
        ctx.prisma.staff.findUniqueOrThrow({ ...query, where: { id: payload.staffId } }),
    }),
  }));
  return ref;
}

const StaffPayload = (name: string) =>
  withStaff(
    builder.objectRef<{ staffId: string }>(name).implement({
      fields: (t) => ({ staffId: t.exposeID('staffId') }),
    }),
  );

export const RegisterStaffPayload = StaffPayload('RegisterStaffPayload');
export const UpdateStaffPayload = StaffPayload('UpdateStaffPayload');
export const SetCompetencyHoldingPayload = StaffPayload('SetCompetencyHoldingPayload');

export const RecordTrainingPayload = builder
  .objectRef<{ staffId: string; trainingRecordId: string; jp: number }>('RecordTrainingPayload')
  .implement({
    fields: (t) => ({
      staffId: t.exposeID('staffId'),
      trainingRecordId: t.exposeID('trainingRecordId'),
      jp: t.exposeFloat('jp'),
    }),
  });
withStaff(RecordTrainingPayload);

export const RatePerformancePayload = builder
  .objectRef<{
    staffId: string;
    year: number;
    predikat: 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG_MISCONDUCT' | 'SANGAT_KURANG';
  }>('RatePerformancePayload')
  .implement({
    fields: (t) => ({
      staffId: t.exposeID('staffId'),
      year: t.exposeInt('year'),
      predikat: t.field({ type: PredikatEnum, resolve: (p) => p.predikat }),
    }),
  });
withStaff(RatePerformancePayload);

export const SetPositionRequirementsPayload = builder
  .objectRef<{ positionId: string }>('SetPositionRequirementsPayload')
  .implement({ fields: (t) => ({ positionId: t.exposeID('positionId') }) });
builder.objectFields(SetPositionRequirementsPayload, (t) => ({
  position: t.prismaField({
    type: 'Position',
    resolve: (query, payload, _args, ctx) =>
      ctx.prisma.position.findUniqueOrThrow({ ...query, where: { id: payload.positionId } }),
  }),
}));

export const FinaliseUnitPeriodPayload = builder
  .objectRef<{ unitId: string; year: number; people: number; sangatBaik: number; allowed: number }>(
    'FinaliseUnitPeriodPayload',
  )
  .implement({
    fields: (t) => ({
      year: t.exposeInt('year'),
      people: t.exposeInt('people'),
      sangatBaik: t.exposeInt('sangatBaik'),
      allowed: t.exposeInt('allowed'),
    }),
  });
builder.objectFields(FinaliseUnitPeriodPayload, (t) => ({
  unit: t.prismaField({
    type: 'Unit',
    resolve: (query, payload, _args, ctx) =>
      ctx.prisma.unit.findUniqueOrThrow({ ...query, where: { id: payload.unitId } }),
  }),
}));

// ---- inputs --------------------------------------------------------------------------------

export const RegisterStaffInput = builder.inputType('RegisterStaffInput', {
  fields: (t) => ({
    nip: t.string({
      required: true,
      description: '18 digits, spaces allowed; kind, birth date, TMT and gender are derived from it.',
    }),
    name: t.string({ required: true }),
    unitCode: t.string({ required: true }),
    position: t.string({ description: 'Position title; defaults to the catalogue name of positionCode.' }),
    positionCode: t.string(),
    rank: t.string({ description: 'PNS golongan/ruang (III/a) or PPPK grade (IX).' }),
    rankEffectiveOn: t.string({ description: 'TMT of the rank, YYYY-MM-DD; default today.' }),
  }),
});

export const UpdateStaffInput = builder.inputType('UpdateStaffInput', {
  fields: (t) => ({
    id: t.globalID({ required: true }),
    name: t.string(),
    unitCode: t.string(),
    position: t.string(),
    positionCode: t.string(),
    rank: t.string(),
    rankEffectiveOn: t.string(),
    decreeNumber: t.string(),
    active: t.boolean(),
  }),
});

export const RecordTrainingInput = builder.inputType('RecordTrainingInput', {
  fields: (t) => ({
    staffId: t.globalID({ required: true }),
    courseCode: t.string({ description: 'A course of the catalogue; its name is the default title.' }),
    title: t.string(),
    completedOn: t.string({ required: true, description: 'YYYY-MM-DD, not in the future.' }),
    jp: t.float({ description: 'Length in JP (45 minutes); give jp or minutes, not both.' }),
    minutes: t.float(),
  }),
});

export const SetCompetencyHoldingInput = builder.inputType('SetCompetencyHoldingInput', {
  fields: (t) => ({
    staffId: t.globalID({ required: true }),
    competencyCode: t.string({ required: true }),
    level: t.int({ required: true, description: '1–5 (PermenPANRB 38/2017).' }),
  }),
});

const RequirementInput = builder.inputType('CompetencyRequirementInput', {
  fields: (t) => ({
    competencyCode: t.string({ required: true }),
    level: t.int({ required: true }),
  }),
});

export const SetPositionRequirementsInput = builder.inputType('SetPositionRequirementsInput', {
  fields: (t) => ({
    positionCode: t.string({ required: true }),
    name: t.string({ description: 'Required when the position is new.' }),
    requirements: t.field({ type: [RequirementInput], required: true }),
  }),
});

export const RatePerformanceInput = builder.inputType('RatePerformanceInput', {
  fields: (t) => ({
    staffId: t.globalID({ required: true }),
    year: t.int({ required: true }),
    results: t.field({ type: ExpectationEnum, required: true, description: 'Hasil kerja.' }),
    behaviour: t.field({ type: ExpectationEnum, required: true, description: 'Perilaku kerja (BerAKHLAK).' }),
    note: t.string(),
  }),
});

const QuotaRoundingEnum = builder.enumType('QuotaRounding', { values: ['FLOOR', 'ROUND', 'CEIL'] as const });

export const FinaliseUnitPeriodInput = builder.inputType('FinaliseUnitPeriodInput', {
  fields: (t) => ({
    unitCode: t.string({ required: true }),
    year: t.int({ required: true }),
    sangatBaikMaxShare: t.float({
      required: true,
      description: 'The organisation’s cap on "Sangat Baik" ratings, a share 0–1 (configurable, not law).',
    }),
    rounding: t.field({ type: QuotaRoundingEnum, defaultValue: 'FLOOR' }),
  }),
});
