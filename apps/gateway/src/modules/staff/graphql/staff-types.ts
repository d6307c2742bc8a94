// The staff register's GraphQL types (issue 3): staff with their derived NIP fields,
// competencies, trainings, rank history and SKP ratings, and positions with their requirements.
// Public callers see name, position and unit only; everything else goes through canReadPrivate.
import {
  COMPETENCY_TYPES,
  COUNTED_TRAINING_STATUS,
  EXPECTATION_LEVELS,
  GENDERS,
  PERFORMANCE_RATINGS,
  STAFF_KINDS,
  TRAINING_STATUSES,
  trainingJp,
} from '@layanan/domain/staff';
import type { GraphQLContext } from '../../../app/context.js';
import { builder } from '../../../graphql/builder.js';
import { nodeVisibility } from '../../../graphql/node-visibility.js';
import type { ObjectField, ObjectFields } from '../../../graphql/object-fields.js';
import { EVERYONE } from '../../../platform/visibility.js';
import { canReadPrivate, currentYearWib } from '../access.js';
import {
  type CompetencyGapShape,
  type CompetencyInfo,
  gapsOf,
  holdingsSelect,
  requirementsSelect,
} from '../queries/competency-gaps.js';
import { yearRange } from '../queries/staff-search.js';

export const StaffKindEnum = builder.enumType('StaffKind', {
  description:
    'The kind of ASN: PNS (civil servant, NIP with TMT CPNS) or PPPK (contract civil servant, NIP with appointment year). Read from the NIP.',
  values: STAFF_KINDS,
});
export const GenderEnum = builder.enumType('Gender', {
  description: 'M (male) or F (female): from the NIP for staff, as given for survey respondents.',
  values: GENDERS,
});
export const CompetencyTypeEnum = builder.enumType('CompetencyType', {
  description:
    'The three ASN competency types (PermenPANRB 38/2017): technical (teknis), managerial (manajerial), socio-cultural (sosial kultural).',
  values: COMPETENCY_TYPES,
});
export const ExpectationEnum = builder.enumType('Expectation', {
  description: 'An SKP rating of work results or work behaviour against expectation (PermenPANRB 6/2022).',
  values: EXPECTATION_LEVELS,
});
export const PredikatEnum = builder.enumType('Predikat', {
  description: 'The SKP rating (predikat kinerja) from the results × behaviour matrix.',
  values: PERFORMANCE_RATINGS,
});

// ---- plain object types -------------------------------------------------------------------

/**
 * The catalogue fields of a competency (code, name, type) on a type whose rows carry it, read
 * with `of`: a held or required level, a person's gap, a row of a unit's gap report.
 */
export function competencyFields<Row>(
  t: ObjectFields<Row>,
  of: (row: Row) => CompetencyInfo,
  codeDescription = 'The competency’s code in the catalogue.',
): Record<'code' | 'name' | 'type', ObjectField> {
  return {
    code: t.string({ description: codeDescription, resolve: (r) => of(r).code }),
    name: t.string({ description: 'The competency’s name in the catalogue.', resolve: (r) => of(r).name }),
    type: t.field({
      type: CompetencyTypeEnum,
      description: 'Technical, managerial or socio-cultural (PermenPANRB 38/2017).',
      resolve: (r) => of(r).type,
    }),
  };
}

export const CompetencyLevelRef = builder
  .objectRef<CompetencyInfo & { level: number }>('CompetencyLevel')
  .implement({
    description: 'A competency at a level (1–5): held by a person or required by a position.',
    fields: (t) => ({
      ...competencyFields(t, (c) => c, 'The competency’s code in the catalogue, e.g. PELAYANAN_PUBLIK.'),
      level: t.exposeInt('level', { description: 'The level held or required, 1 (lowest) to 5.' }),
    }),
  });

export const CompetencyGapRef = builder.objectRef<CompetencyGapShape>('CompetencyGap').implement({
  description: 'How far a person is below the level their position requires.',
  fields: (t) => ({
    ...competencyFields(t, (c) => c),
    ...t.exposeFields('Int', {
      requiredLevel: 'The level the position requires, 1–5.',
      heldLevel: 'The level the person holds, 1–5; 0 when the person does not hold it at all.',
      gap: 'requiredLevel − heldLevel, in levels; always ≥ 1 here.',
    }),
  }),
});

const RankStepRef = builder
  .objectRef<{ rank: string; effectiveOn: Date; decreeNumber: string | null }>('RankStep')
  .implement({
    description: 'A step in the rank history (riwayat golongan/pangkat).',
    fields: (t) => ({
      rank: t.exposeString('rank', {
        description: 'PNS golongan/ruang (e.g. III/c, PP 99/2000) or PPPK grade (e.g. IX, Perpres 98/2020).',
      }),
      effectiveOn: t.expose('effectiveOn', {
        type: 'Day',
        description: 'TMT (terhitung mulai tanggal): the WIB day the rank took effect, YYYY-MM-DD.',
      }),
      decreeNumber: t.exposeString('decreeNumber', {
        nullable: true,
        description: 'Number of the decree (SK) granting the rank; null when not recorded.',
      }),
    }),
  });

export const TrainingStatusEnum = builder.enumType('TrainingStatus', {
  description:
    'Four eyes on training (issue 15 kind 7): PENDING (recorded by the person, waiting for a supervisor or admin), CONFIRMED (counts toward the 20 JP right and the reports), REJECTED (does not count).',
  values: TRAINING_STATUSES,
});

builder.prismaObject('TrainingRecord', {
  description:
    'A completed training; once CONFIRMED it counts towards the 20 JP yearly right (1 JP = 45 minutes).',
  fields: (t) => ({
    id: t.exposeID('id', {
      description: 'The training record’s id (returned as trainingRecordId by recordTraining).',
    }),
    title: t.exposeString('title', { description: 'The training’s title (the course name unless given).' }),
    courseCode: t.string({
      nullable: true,
      description: 'The catalogue course it was, or null for a training outside the catalogue.',
      select: { course: { select: { code: true } } },
      resolve: (r) => r.course?.code ?? null,
    }),
    completedOn: t.expose('completedOn', {
      type: 'Day',
      description: 'The WIB day it was completed, YYYY-MM-DD.',
    }),
    minutes: t.exposeFloat('minutes', { description: 'Length in minutes, as stored.' }),
    jp: t.float({
      description: 'Length in JP (1 JP = 45 minutes), unrounded: minutes / 45.',
      select: { minutes: true },
      resolve: (r) => trainingJp(r.minutes),
    }),
    status: t.expose('status', {
      type: TrainingStatusEnum,
      description: 'PENDING until a second person confirms or rejects a self-recorded training.',
    }),
    reviewReason: t.exposeString('reviewReason', {
      nullable: true,
      description:
        'Why the reviewer confirmed or rejected it; null while PENDING or when recorded by a second person.',
    }),
    reviewedAt: t.expose('reviewedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was confirmed or rejected (ISO 8601); null while PENDING.',
    }),
    staff: t.relation('staff', { description: 'Whose training it is.' }),
  }),
});

const RatingRef = builder
  .objectRef<{
    year: number;
    results: 'ABOVE' | 'AS_EXPECTED' | 'BELOW';
    behaviour: 'ABOVE' | 'AS_EXPECTED' | 'BELOW';
    predikat: 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG_MISCONDUCT' | 'SANGAT_KURANG';
    finalised: boolean;
    note: string;
  }>('PerformanceRating')
  .implement({
    description: 'An SKP rating for one year (PermenPANRB 6/2022).',
    fields: (t) => ({
      year: t.exposeInt('year', { description: 'The SKP year (calendar year) rated.' }),
      results: t.expose('results', {
        type: ExpectationEnum,
        description: 'Rating of work results (hasil kerja) against expectation.',
      }),
      behaviour: t.expose('behaviour', {
        type: ExpectationEnum,
        description: 'Rating of work behaviour (perilaku kerja, the BerAKHLAK values) against expectation.',
      }),
      predikat: t.expose('predikat', {
        type: PredikatEnum,
        description: 'The predikat from the results × behaviour matrix (PermenPANRB 6/2022).',
      }),
      finalised: t.exposeBoolean('finalised', {
        description:
          'Whether the unit’s period is finalised (finaliseUnitPeriod); a finalised rating no longer changes.',
      }),
      note: t.exposeString('note', { description: 'The supervisor’s note; empty when none was given.' }),
    }),
  });

// ---- Position ------------------------------------------------------------------------------

builder.prismaObject('Position', {
  description: 'A position (jabatan) and the competencies it requires (PermenPANRB 38/2017).',
  fields: (t) => ({
    ...t.exposeFields('String', {
      code: 'The position’s code in the catalogue.',
      name: 'The position’s name (nama jabatan).',
    }),
    requirements: t.field({
      type: [CompetencyLevelRef],
      description: 'The competencies the position requires, each at a level 1–5, by competency code.',
      select: requirementsSelect,
      resolve: (p) =>
        p.requirements
          .map((r) => ({ ...r.competency, level: r.level }))
          .sort((a, b) => a.code.localeCompare(b.code)),
    }),
  }),
});

// ---- Staff ---------------------------------------------------------------------------------

/** Field options for personal data: null unless the caller may read this person's record. */
const personal = {
  nullable: true,
  authScopes: (staff: { id: string; unitId: string }, _args: unknown, ctx: GraphQLContext) =>
    canReadPrivate(ctx, staff),
  unauthorizedResolver: () => null,
} as const;

const StaffRef = builder.prismaNode('Staff', {
  id: {
    field: 'id',
    description: 'The global node id (Relay): pass it to staffMember or as staffId in inputs.',
  },
  description:
    'A civil servant (ASN) in the staff register. Public: name, position and unit; the rest is personal data for the person, supervisors of the unit (and its parents) and admins.',
  fields: (t) => ({
    ...t.exposeFields('String', {
      name: 'Full name as in the register. Public.',
      position: 'Position title as written on the record. Public.',
    }),
    kind: t.expose('kind', { type: StaffKindEnum, description: 'PNS or PPPK, read from the NIP. Public.' }),
    positionDetails: t.relation('positionRef', {
      nullable: true,
      description: 'The position in the catalogue, with its required competencies.',
    }),
    active: t.exposeBoolean('active', {
      description:
        'False once the person has left the register (kept for history; not listed by staffMembers).',
    }),
    unit: t.relation('unit', { description: 'The unit the person works in. Public.' }),
    nip: t.exposeString('nip', {
      ...personal,
      description:
        'Personal data: visible to the staff member, supervisors of the unit and admins; null otherwise.',
    }),
    rank: t.exposeString('rank', {
      ...personal,
      description:
        'The current golongan/ruang (PNS, e.g. III/c) or PPPK grade (e.g. IX). Personal data: null for callers who may not read it.',
    }),
    birthDate: t.expose('birthDate', {
      type: 'Day',
      ...personal,
      description:
        'The birth day (YYYY-MM-DD) read from the NIP. Personal data: null for callers who may not read it.',
    }),
    gender: t.expose('gender', {
      ...personal,
      type: GenderEnum,
      description: 'From the NIP. Personal data: null for callers who may not read it.',
    }),
    appointment: t.exposeString('appointment', {
      ...personal,
      description:
        'TMT CPNS as YYYY-MM (PNS) or appointment year as YYYY (PPPK), from the NIP. Personal data: null for callers who may not read it.',
    }),
    rankHistory: t.field({
      ...personal,
      type: [RankStepRef],
      description:
        'Every rank step, oldest first (by TMT, then by when it was recorded). Append-only: a re-promotion to a rank held before is a second step with its own TMT and decree; the current `rank` is the last step. Personal data: null for callers who may not read it.',
      select: { rankHistory: { orderBy: [{ effectiveOn: 'asc' }, { createdAt: 'asc' }] } },
      resolve: (s) => s.rankHistory,
    }),
    competencies: t.field({
      ...personal,
      type: [CompetencyLevelRef],
      description:
        'Competencies held, each at a level 1–5, by code (PermenPANRB 38/2017). Personal data: null for callers who may not read it.',
      select: holdingsSelect,
      resolve: (s) =>
        s.competencies
          .map((h) => ({ ...h.competency, level: h.level }))
          .sort((a, b) => a.code.localeCompare(b.code)),
    }),
    competencyGaps: t.field({
      ...personal,
      type: [CompetencyGapRef],
      description:
        'Shortfalls against the position requirements, largest first; empty without a catalogue position. Personal data: null for callers who may not read it.',
      select: { ...holdingsSelect, positionRef: { select: requirementsSelect } },
      resolve: (s) => gapsOf(s.competencies, s.positionRef?.requirements ?? []),
    }),
    trainingJp: t.float({
      ...personal,
      description:
        'JP (1 JP = 45 minutes) of CONFIRMED training completed in the year, unrounded; the yearly right is 20 JP (PP 11/2017 as amended by PP 17/2020). Pending and rejected entries do not count. Personal data: null for callers who may not read it.',
      args: { year: t.arg.int({ description: 'The calendar year; default this year in WIB.' }) },
      select: (args) => ({
        trainings: {
          where: { completedOn: yearRange(args.year ?? currentYearWib()), status: COUNTED_TRAINING_STATUS },
          select: { minutes: true },
        },
      }),
      resolve: (s) => trainingJp(s.trainings.reduce((sum, r) => sum + r.minutes, 0)),
    }),
    trainingRecords: t.relation('trainings', {
      ...personal,
      description:
        'Recorded trainings (PENDING, CONFIRMED and REJECTED), newest first. Personal data: null for callers who may not read it.',
      query: { orderBy: [{ completedOn: 'desc' }, { id: 'asc' }] },
    }),
    ratings: t.field({
      ...personal,
      type: [RatingRef],
      description:
        'SKP ratings (PermenPANRB 6/2022), newest year first. Personal data: null for callers who may not read it.',
      select: { ratings: { include: { period: true } } },
      resolve: (s) =>
        s.ratings
          .map((r) => ({
            year: r.period.year,
            results: r.results,
            behaviour: r.behaviour,
            predikat: r.predikat,
            finalised: r.period.finalised,
            note: r.note,
          }))
          .sort((a, b) => b.year - a.year),
    }),
  }),
});

// The register is public by its public fields (as `staffMember`); personal fields carry their own rule.
nodeVisibility(StaffRef, EVERYONE);
