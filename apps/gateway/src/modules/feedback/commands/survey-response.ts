// What the survey commands share: the response as the API returns it, and how one is stored.
import type { Prisma } from '@layanan/db';
import {
  normalizeSurveyProfile,
  type SkmElementCode,
  type SurveyProfileInput,
  surveyRespondentCode,
  type ValidSurvey,
} from '@layanan/domain/feedback';

export type SurveyResponseShape = {
  id: string;
  respondentCode: string;
  channel: 'ONLINE' | 'COUNTER';
  date: Date;
  serviceId: string;
  answers: { element: SkmElementCode; score: number }[];
  staffRated: number;
};

/** The stored fields common to both channels: pseudonym, normalised profile, suggestion, answers. */
export function responseData(survey: ValidSurvey, profile: SurveyProfileInput | null | undefined) {
  return {
    respondentCode: surveyRespondentCode(crypto.randomUUID()),
    ...normalizeSurveyProfile(profile),
    suggestion: survey.suggestion,
    answers: { createMany: { data: [...survey.answers] } },
  } satisfies Partial<Prisma.SurveyResponseUncheckedCreateInput>;
}

export function responseShape(
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
