// The SKM respondent profile in GraphQL (issue 16 kind 4): the options of the PermenPANRB 14/2017
// form as enums (each value described by its Indonesian and English labels), the profile input of
// online and counter responses, and the report's breakdown by option with labels.
import type { Message } from '@layanan/domain';
import {
  SURVEY_AGE_BAND_LABELS,
  SURVEY_AGE_BANDS,
  SURVEY_AGE_LIMITS,
  SURVEY_EDUCATION_LABELS,
  SURVEY_EDUCATIONS,
  SURVEY_OCCUPATION_LABELS,
  SURVEY_OCCUPATIONS,
  skmProfileValueText,
} from '@layanan/domain/feedback';
import { builder } from '../../../graphql/builder.js';
import { GenderEnum } from '../../staff/graphql/staff-types.js';
import type { SkmProfileShape } from '../queries/skm-report.js';

/** An enum's values, each described by its labels ("id / en"). */
const described = <V extends string>(values: readonly V[], labels: Readonly<Record<V, Message>>) =>
  Object.fromEntries(
    values.map((v) => [v, { value: v, description: `${labels[v].id} / ${labels[v].en}` }]),
  ) as {
    [K in V]: { value: K; description: string };
  };

export const SurveyEducationEnum = builder.enumType('SurveyEducation', {
  description: 'Last education, the options of the SKM form (PermenPANRB 14/2017).',
  values: described(SURVEY_EDUCATIONS, SURVEY_EDUCATION_LABELS),
});

export const SurveyOccupationEnum = builder.enumType('SurveyOccupation', {
  description: 'Main occupation, the options of the SKM form (PermenPANRB 14/2017).',
  values: described(SURVEY_OCCUPATIONS, SURVEY_OCCUPATION_LABELS),
});

export const SurveyAgeBandEnum = builder.enumType('SurveyAgeBand', {
  description: 'The age band SKM reports group respondents by, from the age in years.',
  values: described(SURVEY_AGE_BANDS, SURVEY_AGE_BAND_LABELS),
});

export const SkmProfileInput = builder.inputType('SkmProfileInput', {
  description:
    'Optional respondent profile, the questions of the SKM form (PermenPANRB 14/2017); every field optional. Options only, never free text: an unknown value is refused with ValidationError SURVEY_PROFILE_UNKNOWN_OPTION on `profile.<field>`.',
  fields: (t) => ({
    gender: t.field({ type: GenderEnum, description: 'M (laki-laki) or F (perempuan).' }),
    age: t.int({
      description: `Age in whole years, ${SURVEY_AGE_LIMITS.min}–${SURVEY_AGE_LIMITS.max}; otherwise ValidationError SURVEY_AGE_OUT_OF_RANGE on \`profile.age\` (refused, never cut). Reports group it in SurveyAgeBand.`,
    }),
    education: t.field({ type: SurveyEducationEnum, description: 'Last education.' }),
    occupation: t.field({ type: SurveyOccupationEnum, description: 'Main occupation.' }),
  }),
});

type ProfileEntry = { dimension: string; value: string; count: number; share: number };

const SkmProfileCountRef = builder.objectRef<ProfileEntry>('SkmProfileCount').implement({
  description: 'How many respondents gave one answer to a profile question.',
  fields: (t) => ({
    value: t.exposeString('value', {
      description:
        'The answer’s code: Gender (M, F), SurveyAgeBand, SurveyEducation, SurveyOccupation or SkmChannel; "-" when not given (or, for answers stored as free text before the form’s options, when that text matched no option).',
    }),
    label: t.string({
      description:
        'The answer as reports write it, in the caller’s language (Accept-Language: en for English): the option’s label, "(tidak diisi)" / "(not given)" for "-".',
      resolve: (e, _a, ctx) => skmProfileValueText(e, ctx.lang === 'en' ? 'en' : 'id'),
    }),
    count: t.exposeInt('count', { description: 'Respondents with this answer.' }),
    share: t.exposeFloat('share', { description: 'Share of respondents, 0–1.' }),
  }),
});

const entries = (p: SkmProfileShape, dimension: string): ProfileEntry[] =>
  p.counts
    .filter((c) => c.dimension === dimension)
    .map((c) => ({ ...c, share: p.respondents > 0 ? c.count / p.respondents : 0 }));

export const SkmProfileBreakdownRef = builder.objectRef<SkmProfileShape>('SkmProfileBreakdown').implement({
  description: 'Respondents by profile, as SKM reports publish them: one entry per option given.',
  fields: (t) => {
    const byDimension = (dimension: string, description: string) =>
      t.field({ type: [SkmProfileCountRef], description, resolve: (p) => entries(p, dimension) });
    return {
      gender: byDimension('GENDER', 'Respondents by gender (M, F, "-").'),
      ageBand: byDimension('AGE_BAND', 'Respondents by age band (SurveyAgeBand codes, "-").'),
      education: byDimension('EDUCATION', 'Respondents by education (SurveyEducation codes, "-").'),
      occupation: byDimension('OCCUPATION', 'Respondents by occupation (SurveyOccupation codes, "-").'),
      channel: byDimension('CHANNEL', 'Respondents by channel (ONLINE, COUNTER).'),
    };
  },
});
