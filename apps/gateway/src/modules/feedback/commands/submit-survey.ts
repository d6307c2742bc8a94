// A citizen answers the survey of their own completed request, once (a unique constraint settles
// two concurrent submissions), rating only the staff who acted on it.
import {
  type SkmElementCode,
  type SurveyProfileInput,
  surveyRequestProblem,
  validateSurvey,
} from '@layanan/domain/feedback';
import { isUniqueViolation, NotFoundError } from '../../../graphql/errors.js';
import { failure, invalidFields } from '../../../graphql/failures.js';
import { dateOnly, todayWib } from '../../../platform/calendar.js';
import type { Caller, CommandDeps } from '../../../platform/command.js';
import { loadOwnRequest, staffOnRequest } from '../queries/request-survey.js';
import { type SurveyResponseShape, storeResponse } from './survey-response.js';

export type SubmitSurveyInput = {
  trackingCode: string;
  answers: readonly { element: SkmElementCode; score: number }[];
  profile?: SurveyProfileInput | null;
  suggestion?: string | null;
  /** `staffId`: a Staff id ('' for an id of another type). */
  staffRatings?:
    | readonly { staffId: string; competence: number; behaviour: number; comment?: string | null }[]
    | null;
};

export async function submitSurvey(
  deps: CommandDeps,
  caller: Caller,
  input: SubmitSurveyInput,
): Promise<SurveyResponseShape> {
  const request = await loadOwnRequest(deps.prisma, caller, input.trackingCode);
  if (!request) throw new NotFoundError('ServiceRequest', input.trackingCode.trim().toUpperCase());
  const problem = surveyRequestProblem({ state: request.state, answered: request.surveyResponse !== null });
  if (problem) throw failure(problem);
  const ratable = await staffOnRequest(deps.prisma, request.id, request.assigneeStaffId);
  const valid = validateSurvey(input, ratable);
  if (!valid.ok) throw invalidFields(valid.error);
  const today = todayWib(deps.now());
  try {
    return await storeResponse(deps, caller, {
      action: 'submitSurvey',
      columns: {
        requestId: request.id,
        channel: 'ONLINE',
        serviceId: request.serviceId,
        serviceVersionId: request.serviceVersionId,
        unitId: request.unitId,
        // The day the service was received; the rating is dated when given.
        date: dateOnly(request.completedAt ? todayWib(request.completedAt) : today),
        staffRatings: {
          createMany: { data: valid.value.staffRatings.map((r) => ({ ...r, date: dateOnly(today) })) },
        },
      },
      survey: valid.value,
      audit: { requestId: request.id },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw failure('SURVEY_ALREADY_ANSWERED'); // a concurrent second submission
    throw e;
  }
}
