// What the survey commands share: the response as the API returns it, and how one is stored.
import type { Prisma } from '@layanan/db';
import { type SkmElementCode, surveyRespondentCode, type ValidSurvey } from '@layanan/domain/feedback';
import { audited, type TransactionClient } from '../../../platform/audited.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';

export type SurveyResponseShape = {
  id: string;
  respondentCode: string;
  channel: 'ONLINE' | 'COUNTER';
  date: Date;
  serviceId: string;
  answers: { element: SkmElementCode; score: number }[];
  staffRated: number;
};

/** The stored fields common to both channels: pseudonym, checked profile, suggestion, answers. */
function responseData(survey: ValidSurvey) {
  return {
    respondentCode: surveyRespondentCode(crypto.randomUUID()),
    ...survey.profile,
    suggestion: survey.suggestion,
    answers: { createMany: { data: [...survey.answers] } },
  } satisfies Partial<Prisma.SurveyResponseUncheckedCreateInput>;
}

function responseShape(
  row: { id: string; respondentCode: string; date: Date; serviceId: string },
  channel: SurveyResponseShape['channel'],
  survey: ValidSurvey,
): SurveyResponseShape {
  return {
    id: row.id,
    respondentCode: row.respondentCode,
    channel,
    date: row.date,
    serviceId: row.serviceId,
    answers: [...survey.answers],
    staffRated: survey.staffRatings.length,
  };
}

/** A response's own columns for its channel: the service and unit, the day, the request or recorder. */
type ChannelColumns = Omit<Prisma.SurveyResponseUncheckedCreateInput, keyof ReturnType<typeof responseData>>;

/**
 * Stores a response of either channel with its audit entry, in one transaction, and returns it as
 * the API shows it. The audit entry is pseudonymous: `audit` names the response's origin (request
 * or service and day), with the channel and the number of answers, never the answers.
 */
export async function storeResponse(
  deps: CommandDeps,
  caller: Caller,
  response: {
    action: 'submitSurvey' | 'recordCounterSurvey';
    columns: ChannelColumns & { channel: SurveyResponseShape['channel'] };
    /** The checked response (validateSurvey), profile included. */
    survey: ValidSurvey;
    audit: Record<string, unknown>;
    /** A check inside the write's transaction (e.g. the counter cap); throws to refuse. */
    check?: (tx: TransactionClient) => Promise<void>;
  },
): Promise<SurveyResponseShape> {
  const { channel } = response.columns;
  const row = await audited(
    auditScope(deps, caller),
    { action: response.action, entityType: 'SurveyResponse' },
    async (tx) => {
      await response.check?.(tx);
      const created = await tx.surveyResponse.create({
        data: { ...response.columns, ...responseData(response.survey) },
      });
      const after = { ...response.audit, channel, answers: response.survey.answers.length };
      return { result: created, entityId: created.id, after };
    },
  );
  return responseShape(row, channel, response.survey);
}
