// The staff register's GraphQL types (issue 3): staff with their derived NIP fields,
// competencies, trainings, rank history and SKP ratings, and positions with their requirements.
// Public callers see name, position and unit only; everything else goes through canReadPrivate.
import { type CompetencyType, trainingJp } from '@layanan/domain/staff';
import type { GraphQLContext } from '../../../app/context.js';
import { builder } from '../../../graphql/builder.js';
import { canReadPrivate, currentYearWib, dayString } from '../access.js';
import {
  type CompetencyGapShape,
  gapsOf,
  holdingsSelect,
  requirementsSelect,
} from '../queries/competency-gaps.js';
import { yearRange } from '../queries/staff-search.js';

export const StaffKindEnum = builder.enumType('StaffKind', { values: ['PNS', 'PPPK'] as const });
export const GenderEnum = builder.enumType('Gender', { values: ['M', 'F'] as const });
export const CompetencyTypeEnum = builder.enumType('CompetencyType', {
  values: ['TEKNIS', 'MANAJERIAL', 'SOSIAL_KULTURAL'] as const,
});
export const ExpectationEnum = builder.enumType('Expectation', {
  description: 'An SKP rating of work results or work behaviour against expectation (PermenPANRB 6/2022).',
  values: ['ABOVE', 'AS_EXPECTED', 'BELOW'] as const,
});
export const PredikatEnum = builder.enumType('Predikat', {
  description: 'The SKP rating (predikat kinerja) from the results × behaviour matrix.',
  values: ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG_MISCONDUCT', 'SANGAT_KURANG'] as const,
});

// ---- plain object types -------------------------------------------------------------------

type CompetencyLevelShape = {
  code: string;
  name: string;
  type: CompetencyType;
  level: number;
};

export const CompetencyLevelRef = builder.objectRef<CompetencyLevelShape>('CompetencyLevel').implement({
  description: 'A competency at a level (1–5): held by a person or required by a position.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    type: t.field({ type: CompetencyTypeEnum, resolve: (c) => c.type }),
    level: t.exposeInt('level'),
  }),
});

export const CompetencyGapRef = builder.objectRef<CompetencyGapShape>('CompetencyGap').implement({
  description: 'How far a person is below the level their position requires.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    type: t.field({ type: CompetencyTypeEnum, resolve: (c) => c.type }),
    requiredLevel: t.exposeInt('requiredLevel'),
    heldLevel: t.exposeInt('heldLevel', { description: '0 when the person does not hold it at all.' }),
    gap: t.exposeInt('gap'),
  }),
});

const RankStepRef = builder
  .objectRef<{ rank: string; effectiveOn: string; decreeNumber: string | null }>('RankStep')
  .implement({
    description: 'A step in the rank history (riwayat golongan/pangkat).',
    fields: (t) => ({
      rank: t.exposeString('rank'),
      effectiveOn: t.exposeString('effectiveOn', { description: 'TMT, YYYY-MM-DD.' }),
      decreeNumber: t.exposeString('decreeNumber', { nullable: true }),
    }),
  });

const TrainingRecordRef = builder
  .objectRef<{ id: string; title: string; courseCode: string | null; completedOn: string; minutes: number }>(
    'TrainingRecord',
  )
  .implement({
    description: 'A completed training; counts towards the 20 JP yearly right (1 JP = 45 minutes).',
    fields: (t) => ({
      id: t.exposeID('id'),
      title: t.exposeString('title'),
      courseCode: t.exposeString('courseCode', { nullable: true }),
      completedOn: t.exposeString('completedOn', { description: 'YYYY-MM-DD.' }),
      minutes: t.exposeFloat('minutes'),
      jp: t.float({ resolve: (r) => trainingJp(r.minutes) }),
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
      year: t.exposeInt('year'),
      results: t.field({ type: ExpectationEnum, resolve: (r) => r.results }),
      behaviour: t.field({ type: ExpectationEnum, resolve: (r) => r.behaviour }),
      predikat: t.field({ type: PredikatEnum, resolve: (r) => r.predikat }),
      finalised: t.exposeBoolean('finalised'),
      note: t.exposeString('note'),
    }),
  });

// ---- Position ------------------------------------------------------------------------------

builder.prismaObject('Position', {
  description: 'A position (jabatan) and the competencies it requires (PermenPANRB 38/2017).',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    requirements: t.field({
      type: [CompetencyLevelRef],
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

builder.prismaNode('Staff', {
  id: { field: 'id' },
  description:
    'A civil servant (ASN) in the staff register. Public: name, position and unit; the rest is personal data for the person, supervisors of the unit (and its parents) and admins.',
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: StaffKindEnum }),
    position: t.exposeString('position'),
    positionDetails: t.relation('positionRef', {
      nullable: true,
      description: 'The position in the catalogue, with its required competencies.',
    }),
    active: t.exposeBoolean('active'),
    unit: t.relation('unit'),
    nip: t.exposeString('nip', {
      ...personal,
      description:
        'Personal data: visible to the staff member, supervisors of the unit and admins; null otherwise.',
    }),
    rank: t.exposeString('rank', {
      ...personal,
      description: 'Golongan/ruang (PNS, e.g. III/c) or PPPK grade.',
    }),
    birthDate: t.string({
      ...personal,
      description: 'YYYY-MM-DD, derived from the NIP.',
      resolve: (s) => (s.birthDate ? dayString(s.birthDate) : null),
    }),
    gender: t.field({ ...personal, type: GenderEnum, resolve: (s) => s.gender }),
    appointment: t.exposeString('appointment', {
      ...personal,
      description: 'TMT CPNS YYYY-MM (PNS) or appointment year YYYY (PPPK), from the NIP.',
    }),
    rankHistory: t.field({
      ...personal,
      type: [RankStepRef],
      select: { rankHistory: { orderBy: { effectiveOn: 'asc' } } },
      resolve: (s) =>
        s.rankHistory.map((r) => ({
          rank: r.rank,
          effectiveOn: dayString(r.effectiveOn),
          decreeNumber: r.decreeNumber,
        })),
    }),
    competencies: t.field({
      ...personal,
      type: [CompetencyLevelRef],
      select: holdingsSelect,
      resolve: (s) =>
        s.competencies
          .map((h) => ({ ...h.competency, level: h.level }))
          .sort((a, b) => a.code.localeCompare(b.code)),
    }),
    competencyGaps: t.field({
      ...personal,
      type: [CompetencyGapRef],
      description: 'Shortfalls against the position requirements, largest first.',
      select: { ...holdingsSelect, positionRef: { select: requirementsSelect } },
      resolve: (s) => gapsOf(s.competencies, s.positionRef?.requirements ?? []),
    }),
    trainingJp: t.float({
      ...personal,
      description: 'JP of training completed in the year (default: this year, WIB).',
      args: { year: t.arg.int() },
      select: (args) => ({
        trainings: {
          where: { completedOn: yearRange(args.year ?? currentYearWib()) },
          select: { minutes: true },
        },
      }),
      resolve: (s) => trainingJp(s.trainings.reduce((sum, r) => sum + r.minutes, 0)),
    }),
    trainingRecords: t.field({
      ...personal,
      type: [TrainingRecordRef],
      description: 'Completed trainings, newest first.',
      select: {
        trainings: { orderBy: [{ completedOn: 'desc' }, { id: 'asc' }], include: { course: true } },
      },
      resolve: (s) =>
        s.trainings.map((r) => ({
          id: r.id,
          title: r.title,
          courseCode: r.course?.code ?? null,
          completedOn: dayString(r.completedOn),
          minutes: r.minutes,
        })),
    }),
    ratings: t.field({
      ...personal,
      type: [RatingRef],
      description: 'SKP ratings, newest year first.',
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
