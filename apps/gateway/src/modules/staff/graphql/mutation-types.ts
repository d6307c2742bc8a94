// The staff mutations' GraphQL types (issue 3): payloads, inputs and the quota failure.
import { QUOTA_ROUNDINGS } from '@layanan/domain/staff';
import { builder } from '../../../graphql/builder.js';
import { entityPayload, rowField } from '../../../graphql/entity-payload.js';
import { FailureInterface } from '../../../graphql/error-types.js';
import { type InputFields, unitCodeField } from '../../../graphql/input-fields.js';
import { SkpQuotaExceededError } from '../skp-quota-exceeded.js';
import { StaffSummaryRef } from './report-types.js';
import { ExpectationEnum, PredikatEnum, TrainingStatusEnum } from './staff-types.js';

builder.objectType(SkpQuotaExceededError, {
  name: 'SkpQuotaExceededError',
  interfaces: [FailureInterface],
  description:
    'SKP_QUOTA_EXCEEDED: more "Sangat Baik" ratings in the unit’s period than the cap allows (PermenPANRB 6/2022 ties the best ratings to the unit’s result; the cap is the organisation’s). Nothing was finalised.',
  isTypeOf: (value) => value instanceof SkpQuotaExceededError,
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Always SKP_QUOTA_EXCEEDED.' }),
    allowed: t.exposeInt('allowed', {
      description: 'How many "Sangat Baik" the cap allows (people × share, rounded as asked).',
    }),
    actual: t.exposeInt('actual', { description: 'How many "Sangat Baik" the period holds.' }),
    excess: t.exposeInt('excess', { description: 'actual − allowed: how many must be revised.' }),
    holders: t.field({
      type: [StaffSummaryRef],
      description: 'Who holds "Sangat Baik" in the period.',
      resolve: (e) => [...e.holders],
    }),
  }),
});

// ---- payloads ------------------------------------------------------------------------------

const STAFF_ID = 'The staff member’s database id (UUID), not the node id.';
/** The changed record, the last field of every payload about a staff member. */
const STAFF_ROW = { type: 'Staff', id: 'staffId', description: 'The staff member as now stored.' } as const;

const StaffPayload = (name: string, description: string) =>
  entityPayload(name, description, { staff: { ...STAFF_ROW, idDescription: STAFF_ID } });

export const RegisterStaffPayload = StaffPayload(
  'RegisterStaffPayload',
  'What registerStaff returns: the new staff member.',
);
export const UpdateStaffPayload = StaffPayload(
  'UpdateStaffPayload',
  'What updateStaff returns: the changed record.',
);
export const SetCompetencyHoldingPayload = StaffPayload(
  'SetCompetencyHoldingPayload',
  'What setCompetencyHolding returns: the staff member with the new level.',
);

export const RecordTrainingPayload = builder
  .objectRef<{
    staffId: string;
    trainingRecordId: string;
    jp: number;
    status: 'PENDING' | 'CONFIRMED' | 'REJECTED';
  }>('RecordTrainingPayload')
  .implement({
    description: 'What recordTraining returns: the record, its length in JP and its review status.',
    fields: (t) => ({
      staffId: t.exposeID('staffId', { description: STAFF_ID }),
      trainingRecordId: t.exposeID('trainingRecordId', { description: 'The new training record’s id.' }),
      jp: t.exposeFloat('jp', { description: 'Its length in JP (1 JP = 45 minutes), unrounded.' }),
      status: t.expose('status', {
        type: TrainingStatusEnum,
        description:
          'PENDING when the person recorded it for themselves (it counts once a supervisor confirms it), CONFIRMED when a supervisor or admin recorded it.',
      }),
      staff: rowField(t, STAFF_ROW),
    }),
  });

export const ReviewTrainingPayload = entityPayload(
  'ReviewTrainingPayload',
  'What reviewTraining returns: the training record with its new status and reason.',
  {
    trainingRecord: {
      type: 'TrainingRecord',
      id: 'trainingRecordId',
      idDescription: 'The training record’s id (UUID).',
      description: 'The training record as now stored.',
    },
    staff: { ...STAFF_ROW, idDescription: STAFF_ID },
  },
);

export const RatePerformancePayload = builder
  .objectRef<{
    staffId: string;
    year: number;
    predikat: 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG_MISCONDUCT' | 'SANGAT_KURANG';
  }>('RatePerformancePayload')
  .implement({
    description: 'What ratePerformance returns: the predikat the matrix gave (PermenPANRB 6/2022).',
    fields: (t) => ({
      staffId: t.exposeID('staffId', { description: STAFF_ID }),
      year: t.exposeInt('year', { description: 'The SKP year rated.' }),
      predikat: t.field({
        type: PredikatEnum,
        description: 'The predikat from the results × behaviour matrix.',
        resolve: (p) => p.predikat,
      }),
      staff: rowField(t, STAFF_ROW),
    }),
  });

export const SetPositionRequirementsPayload = entityPayload(
  'SetPositionRequirementsPayload',
  'What setPositionRequirements returns: the position with its new requirements.',
  {
    position: {
      type: 'Position',
      id: 'positionId',
      idDescription: 'The position’s database id (UUID).',
      description: 'The position as now stored.',
    },
  },
);

export const FinaliseUnitPeriodPayload = builder
  .objectRef<{ unitId: string; year: number; people: number; sangatBaik: number; allowed: number }>(
    'FinaliseUnitPeriodPayload',
  )
  .implement({
    description:
      'What finaliseUnitPeriod returns: the finalised period and its "Sangat Baik" count against the cap.',
    fields: (t) => ({
      year: t.exposeInt('year', { description: 'The SKP year finalised.' }),
      people: t.exposeInt('people', { description: 'People rated in the unit’s period.' }),
      sangatBaik: t.exposeInt('sangatBaik', { description: 'How many of them are rated "Sangat Baik".' }),
      allowed: t.exposeInt('allowed', { description: 'How many "Sangat Baik" the cap allows.' }),
      unit: rowField(t, { type: 'Unit', id: 'unitId', description: 'The unit whose period was finalised.' }),
    }),
  });

// ---- inputs --------------------------------------------------------------------------------

const staffIdField = (t: InputFields) =>
  t.globalID({ required: true, description: 'The Staff node id; NotFoundError when unknown.' });
const competencyCodeField = (t: InputFields) =>
  t.string({ required: true, description: 'A competency of the catalogue; NotFoundError when unknown.' });
const skpYearField = (t: InputFields) => t.int({ required: true, description: 'The SKP year, 1970–2100.' });

export const RegisterStaffInput = builder.inputType('RegisterStaffInput', {
  description: 'A new civil servant for the register (registerStaff).',
  fields: (t) => ({
    nip: t.string({
      required: true,
      description: '18 digits, spaces allowed; kind, birth date, TMT and gender are derived from it.',
    }),
    name: t.string({ required: true, description: 'Full name; not empty.' }),
    unitCode: unitCodeField(t),
    position: t.string({ description: 'Position title; defaults to the catalogue name of positionCode.' }),
    positionCode: t.string({
      description: 'A position of the catalogue (with its requirements); NotFoundError when unknown.',
    }),
    rank: t.string({ description: 'PNS golongan/ruang (III/a) or PPPK grade (IX).' }),
    rankEffectiveOn: t.field({ type: 'Day', description: 'TMT of the rank, YYYY-MM-DD; default today.' }),
  }),
});

export const UpdateStaffInput = builder.inputType('UpdateStaffInput', {
  description: 'Changes to a staff record (updateStaff); fields left out stay as they are.',
  fields: (t) => ({
    id: staffIdField(t),
    name: t.string({ description: 'New full name.' }),
    unitCode: t.string({
      description: 'Move to this unit (a supervisor only within their tree); NotFoundError when unknown.',
    }),
    position: t.string({ description: 'New position title.' }),
    positionCode: t.string({ description: 'New catalogue position; NotFoundError when unknown.' }),
    rank: t.string({
      description: 'New PNS golongan/ruang (III/d) or PPPK grade (IX); added to the rank history.',
    }),
    rankEffectiveOn: t.field({
      type: 'Day',
      description: 'TMT of the new rank, YYYY-MM-DD (WIB); default today.',
    }),
    decreeNumber: t.string({ description: 'Number of the decree (SK) granting the new rank.' }),
    active: t.boolean({ description: 'False when the person leaves the register (kept for history).' }),
  }),
});

export const RecordTrainingInput = builder.inputType('RecordTrainingInput', {
  description:
    'A completed training (recordTraining). The same title on the same day twice is a ConflictError (TRAINING_RECORD_DUPLICATE).',
  fields: (t) => ({
    staffId: staffIdField(t),
    courseCode: t.string({ description: 'A course of the catalogue; its name is the default title.' }),
    title: t.string({ description: 'The training’s title; required without courseCode.' }),
    completedOn: t.field({ type: 'Day', required: true, description: 'YYYY-MM-DD, not in the future.' }),
    jp: t.float({ description: 'Length in JP (45 minutes); give jp or minutes, not both.' }),
    minutes: t.float({ description: 'Length in minutes; give jp or minutes, not both.' }),
  }),
});

export const SetCompetencyHoldingInput = builder.inputType('SetCompetencyHoldingInput', {
  description: 'The level at which a person holds a competency (setCompetencyHolding).',
  fields: (t) => ({
    staffId: staffIdField(t),
    competencyCode: competencyCodeField(t),
    level: t.int({ required: true, description: '1–5 (PermenPANRB 38/2017).' }),
  }),
});

const RequirementInput = builder.inputType('CompetencyRequirementInput', {
  description: 'A competency a position requires, at a level (PermenPANRB 38/2017).',
  fields: (t) => ({
    competencyCode: competencyCodeField(t),
    level: t.int({ required: true, description: 'The required level, 1–5.' }),
  }),
});

export const SetPositionRequirementsInput = builder.inputType('SetPositionRequirementsInput', {
  description: 'A position and the full list of competencies it requires (setPositionRequirements).',
  fields: (t) => ({
    positionCode: t.string({
      required: true,
      description: 'The position’s code; a new code creates the position.',
    }),
    name: t.string({ description: 'Required when the position is new.' }),
    requirements: t.field({
      type: [RequirementInput],
      required: true,
      description: 'Replaces the position’s requirements; each competency at most once.',
    }),
  }),
});

export const RatePerformanceInput = builder.inputType('RatePerformanceInput', {
  description: 'An SKP rating of a person for a year (ratePerformance, PermenPANRB 6/2022).',
  fields: (t) => ({
    staffId: staffIdField(t),
    year: skpYearField(t),
    results: t.field({ type: ExpectationEnum, required: true, description: 'Hasil kerja.' }),
    behaviour: t.field({ type: ExpectationEnum, required: true, description: 'Perilaku kerja (BerAKHLAK).' }),
    note: t.string({ description: 'The supervisor’s note (optional).' }),
  }),
});

const QuotaRoundingEnum = builder.enumType('QuotaRounding', {
  description:
    'How people × share becomes a whole number of allowed "Sangat Baik" ratings: down, nearest or up.',
  values: QUOTA_ROUNDINGS,
});

export const FinaliseUnitPeriodInput = builder.inputType('FinaliseUnitPeriodInput', {
  description:
    'A unit’s SKP period to finalise and the "Sangat Baik" cap to check first (finaliseUnitPeriod).',
  fields: (t) => ({
    unitCode: unitCodeField(t),
    year: skpYearField(t),
    sangatBaikMaxShare: t.float({
      required: true,
      description: 'The organisation’s cap on "Sangat Baik" ratings, a share 0–1 (configurable, not law).',
    }),
    rounding: t.field({
      type: QuotaRoundingEnum,
      defaultValue: 'FLOOR',
      description: 'How the cap is rounded to whole people; default FLOOR.',
    }),
  }),
});

export const TrainingDecisionEnum = builder.enumType('TrainingDecision', {
  description: 'The decision on a PENDING training: CONFIRMED (it counts) or REJECTED (it does not).',
  values: ['CONFIRMED', 'REJECTED'] as const,
});

export const ReviewTrainingInput = builder.inputType('ReviewTrainingInput', {
  description: 'The second person’s decision on a self-recorded training (four eyes).',
  fields: (t) => ({
    trainingRecordId: t.id({
      required: true,
      description: 'The training record’s id (UUID), as trainingsToConfirm and recordTraining give it.',
    }),
    decision: t.field({ type: TrainingDecisionEnum, required: true, description: 'CONFIRMED or REJECTED.' }),
    reason: t.string({
      required: true,
      description:
        'Why (e.g. the certificate seen); required, at most 1000 characters, kept with the record.',
    }),
  }),
});
