// Every Prisma enum that stores a set of the domain's states or kinds holds exactly the values
// of the @layanan/domain constant, in the same order (PostgreSQL sorts enums by that order).
// Adding a value on either side fails here and in typecheck, until the other side and a
// migration follow.

import { ACCOUNT_ROLES } from '@layanan/domain';
import { HOLIDAY_KINDS } from '@layanan/domain/calendar';
import {
  IKM_RULES,
  IMPROVEMENT_ACTION_STATUSES,
  SKM_CHANNELS,
  SKM_ELEMENT_CODES,
  SURVEY_AGE_BANDS,
  SURVEY_EDUCATIONS,
  SURVEY_OCCUPATIONS,
} from '@layanan/domain/feedback';
import {
  ANSWER_STATUSES,
  COMMITMENT_STATUSES,
  MODERATION_ACTIONS,
  SUBMISSION_KINDS,
} from '@layanan/domain/forums';
import {
  COMPLAINT_PRIVACY,
  DOCUMENT_REVIEW_DECISIONS,
  ESCALATION_LEVELS,
  FOLLOW_SOURCES,
  REQUEST_CHANNELS,
  REQUEST_PRIORITIES,
  REQUEST_STATES,
  SERVICE_CHANGE_STATES,
  SERVICE_KINDS,
} from '@layanan/domain/services';
import {
  COMPETENCY_TYPES,
  EXPECTATION_LEVELS,
  GENDERS,
  PERFORMANCE_RATINGS,
  STAFF_KINDS,
  TRAINING_STATUSES,
} from '@layanan/domain/staff';
import { describe, expect, it } from 'vitest';
import * as prismaEnums from './generated/prisma/enums.js';

type PrismaEnumName = {
  [K in keyof typeof prismaEnums]: (typeof prismaEnums)[K] extends Readonly<Record<string, string>>
    ? K
    : never;
}[keyof typeof prismaEnums];
type ValuesOf<E extends PrismaEnumName> = (typeof prismaEnums)[E][keyof (typeof prismaEnums)[E]];

/** The domain constant each enum mirrors; the `satisfies` check fails to compile on a mismatch. */
const MIRRORED = {
  AccountRole: ACCOUNT_ROLES,
  StaffKind: STAFF_KINDS,
  Gender: GENDERS,
  CompetencyType: COMPETENCY_TYPES,
  Expectation: EXPECTATION_LEVELS,
  Predikat: PERFORMANCE_RATINGS,
  HolidayKind: HOLIDAY_KINDS,
  ServiceKind: SERVICE_KINDS,
  RequestState: REQUEST_STATES,
  RequestChannel: REQUEST_CHANNELS,
  ReporterPrivacy: COMPLAINT_PRIVACY,
  SubmissionKind: SUBMISSION_KINDS,
  AnswerStatus: ANSWER_STATUSES,
  CommitmentStatus: COMMITMENT_STATUSES,
  SkmElementCode: SKM_ELEMENT_CODES,
  SkmChannel: SKM_CHANNELS,
  IkmRule: IKM_RULES,
  SurveyAgeBand: SURVEY_AGE_BANDS,
  SurveyEducation: SURVEY_EDUCATIONS,
  SurveyOccupation: SURVEY_OCCUPATIONS,
  ImprovementActionStatus: IMPROVEMENT_ACTION_STATUSES,
  TrainingStatus: TRAINING_STATUSES,
  ModerationAction: MODERATION_ACTIONS,
  ServiceChangeState: SERVICE_CHANGE_STATES,
  DocumentReviewDecision: DOCUMENT_REVIEW_DECISIONS,
  EscalationLevel: ESCALATION_LEVELS,
  RequestPriority: REQUEST_PRIORITIES,
  FollowSource: FOLLOW_SOURCES,
} as const satisfies { readonly [E in PrismaEnumName]?: readonly ValuesOf<E>[] };

// The other direction: every domain value is a value of the Prisma enum, and no Prisma value
// is missing from the domain constant.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameValues: {
  [E in keyof typeof MIRRORED]: Exact<(typeof MIRRORED)[E][number], ValuesOf<E>>;
} = {
  AccountRole: true,
  StaffKind: true,
  Gender: true,
  CompetencyType: true,
  Expectation: true,
  Predikat: true,
  HolidayKind: true,
  ServiceKind: true,
  RequestState: true,
  RequestChannel: true,
  ReporterPrivacy: true,
  SubmissionKind: true,
  AnswerStatus: true,
  CommitmentStatus: true,
  SkmElementCode: true,
  SkmChannel: true,
  IkmRule: true,
  SurveyAgeBand: true,
  SurveyEducation: true,
  SurveyOccupation: true,
  ImprovementActionStatus: true,
  TrainingStatus: true,
  ModerationAction: true,
  ServiceChangeState: true,
  DocumentReviewDecision: true,
  EscalationLevel: true,
  RequestPriority: true,
  FollowSource: true,
};

/**
 * Enums with no rule in the domain: unit kinds are labels, notification kinds name texts, an
 * attachment's purpose says which row of the trail a file belongs to.
 */
const DATABASE_ONLY: readonly PrismaEnumName[] = ['UnitKind', 'NotificationKind', 'AttachmentPurpose'];

const prismaEnumValues = (name: string): string[] =>
  Object.values((prismaEnums as unknown as Record<string, Record<string, string>>)[name] ?? {});

describe('Prisma enums and the domain constants', () => {
  it.each(Object.entries(MIRRORED))('%s holds exactly the domain values, in order', (name, values) => {
    expect(prismaEnumValues(name)).toEqual([...values]);
    expect(sameValues[name as keyof typeof MIRRORED]).toBe(true);
  });

  it('every Prisma enum is either mirrored by a domain constant or known to be database-only', () => {
    const prismaNames = Object.entries(prismaEnums)
      .filter(([, value]) => typeof value === 'object')
      .map(([name]) => name)
      .sort();
    expect(prismaNames).toEqual([...Object.keys(MIRRORED), ...DATABASE_ONLY].sort());
  });
});
