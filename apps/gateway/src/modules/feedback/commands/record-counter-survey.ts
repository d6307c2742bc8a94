// Staff of a service's unit (or admins) record a counter (walk-in) response for a service and a
// day that has happened; counter responses rate no staff. Four eyes on the index (issue 15 kind
// 7): each entry is attributed to the account that typed it, at most `dailyCap` a day per account,
// dated only inside the open period (checkCounterSurvey), and reported apart from online answers.
import { addCalendarDays, jakartaDayStart, parseDay } from '@layanan/domain/calendar';
import {
  checkCounterSurvey,
  type SkmElementCode,
  type SurveyProfileInput,
  validateSurvey,
} from '@layanan/domain/feedback';
import { counterSurveyPolicy } from '../../../app/config.js';
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

/**
 * Records one counter response. Errors: NotFoundError (service), FORBIDDEN (not staff of the
 * service's unit nor admin), ValidationError (day: SURVEY_DATE_IN_FUTURE,
 * SURVEY_DATE_OUTSIDE_OPEN_PERIOD; answers), ConflictError SURVEY_COUNTER_DAILY_CAP_REACHED.
 */
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
  const recorder = accountIdOf(caller);
  const today = todayWib(deps.now());
  const policy = counterSurveyPolicy();
  const dayCheck = checkCounterSurvey({ day: day.value, today, recordedToday: 0, policy });
  if (!dayCheck.ok) throw failure(dayCheck.error, { field: 'date' });
  const valid = validateSurvey(
    { answers: input.answers, profile: input.profile, suggestion: input.suggestion },
    [],
  );
  if (!valid.ok) throw invalidFields(valid.error);
  return storeResponse(deps, caller, {
    action: 'recordCounterSurvey',
    columns: {
      channel: 'COUNTER',
      serviceId: service.id,
      serviceVersionId: service.currentVersionId,
      unitId: service.unitId,
      date: dateOnly(day.value),
      recordedByAccountId: recorder,
    },
    // Inside the write's transaction, serialised per recorder, so parallel requests cannot pass
    // the cap together.
    check: async (tx) => {
      if (!recorder) return;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`counter-survey:${recorder}`}))`;
      const recordedToday = await tx.surveyResponse.count({
        where: {
          channel: 'COUNTER',
          recordedByAccountId: recorder,
          createdAt: { gte: jakartaDayStart(today), lt: jakartaDayStart(addCalendarDays(today, 1)) },
        },
      });
      const capped = checkCounterSurvey({ day: day.value, today, recordedToday, policy });
      if (!capped.ok) throw failure(capped.error);
    },
    survey: valid.value,
    audit: { serviceCode: code, date: day.value },
  });
}
