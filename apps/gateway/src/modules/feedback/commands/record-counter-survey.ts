// Staff of a service's unit (or admins) record a counter (walk-in) response for a service and a
// day that has happened; counter responses rate no staff.
import { parseDay } from '@layanan/domain/calendar';
import {
  counterSurveyDateProblem,
  type SkmElementCode,
  type SurveyProfileInput,
  validateSurvey,
} from '@layanan/domain/feedback';
import { NotFoundError } from '../../../graphql/errors.js';
import { failure, invalidFields } from '../../../graphql/failures.js';
import { accountIdOf, actsForUnit, forbidden } from '../../../platform/authz.js';
import { dateOnly, todayWib } from '../../../platform/calendar.js';
import type { Caller, CommandDeps } from '../../../platform/command.js';
import { type SurveyResponseShape, storeResponse } from './survey-response.js';

export type RecordCounterSurveyInput = {
  serviceCode: string;
  /** The day the service was received, YYYY-MM-DD (WIB). */
  date: string;
  answers: readonly { element: SkmElementCode; score: number }[];
  profile?: SurveyProfileInput | null;
  suggestion?: string | null;
};

export async function recordCounterSurvey(
  deps: CommandDeps,
  caller: Caller,
  input: RecordCounterSurveyInput,
): Promise<SurveyResponseShape> {
  const code = input.serviceCode.trim().toUpperCase();
  const service = await deps.prisma.service.findUnique({ where: { code } });
  if (!service) throw new NotFoundError('Service', code);
  if (!actsForUnit(caller, service.unitId)) throw forbidden();
  const day = parseDay(input.date.trim());
  if (!day.ok) throw failure(day.error, { field: 'date' });
  const future = counterSurveyDateProblem(day.value, todayWib(deps.now()));
  if (future) throw failure(future, { field: 'date' });
  const valid = validateSurvey({ answers: input.answers, suggestion: input.suggestion }, []);
  if (!valid.ok) throw invalidFields(valid.error);
  return storeResponse(deps, caller, {
    action: 'recordCounterSurvey',
    columns: {
      channel: 'COUNTER',
      serviceId: service.id,
      serviceVersionId: service.currentVersionId,
      unitId: service.unitId,
      date: dateOnly(day.value),
      recordedByAccountId: accountIdOf(caller),
    },
    survey: valid.value,
    profile: input.profile,
    audit: { serviceCode: code, date: day.value },
  });
}
