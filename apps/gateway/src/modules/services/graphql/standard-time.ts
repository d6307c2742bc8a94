// The standard time in words and the "on time" rule (issue 16, kind 12), on every type that shows
// them: the catalogue entry and its pledge and a version here; a request's fields (owner/staff and
// public view) in service-request.ts, with the helpers exported here.
// The wording and the rule are the domain's (`standardTimeText`, `requestTimeliness`).
import type { RequestState } from '@layanan/db';
import {
  REQUEST_TIMELINESS,
  requestTimeliness,
  servicePledgeText,
  standardTimeOf,
  standardTimeText,
} from '@layanan/domain/services';
import { builder } from '../../../graphql/builder.js';
import { dayOf, todayWib } from '../../../platform/calendar.js';

export const RequestTimelinessEnum = builder.enumType('RequestTimeliness', {
  values: REQUEST_TIMELINESS,
  description:
    'Whether a request keeps its standard time: verified by its verification deadline AND completed by its completion deadline (counted from verification, the time back with the citizen paused). ON_TIME/LATE while not completed (LATE once a deadline passed with the clock running, or verification came late); COMPLETED_ON_TIME/COMPLETED_LATE once completed. The statistics count COMPLETED_ON_TIME as within the standard.',
});

export const STANDARD_TIME_WORDS =
  'both parts, in the caller’s language: verification within 3 working days of filing, completion within completionDays working days of the file being complete (verified), e.g. "Verifikasi paling lama 3 hari kerja sejak pengajuan; selesai paling lama 5 hari kerja sejak berkas lengkap (terverifikasi)."';

builder.prismaObjectFields('ServiceVersion', (t) => ({
  verificationDays: t.int({
    description: 'Working days from filing to verification (SP4N-LAPOR! verification deadline: 3).',
    resolve: (v) => standardTimeOf(v).verificationDays,
  }),
  standardTime: t.string({
    description: `The standard time of this version in words, ${STANDARD_TIME_WORDS}`,
    resolve: (v, _a, ctx) => standardTimeText(standardTimeOf(v))[ctx.lang],
  }),
}));

builder.prismaObjectFields('Service', (t) => ({
  standardTime: t.string({
    description: `The current standard time in words, ${STANDARD_TIME_WORDS}`,
    resolve: (s, _a, ctx) => standardTimeText(standardTimeOf(s))[ctx.lang],
  }),
  pledge: t.string({
    description:
      'The service pledge (maklumat pelayanan, UU 25/2009 art. 22) of the owning unit, in the caller’s language, stating the standard time in the same words as standardTime.',
    select: { completionDays: true, unit: { select: { name: true } } },
    resolve: (s, _a, ctx) => servicePledgeText(s.unit.name, standardTimeOf(s))[ctx.lang],
  }),
}));

type TimedRow = {
  state: RequestState;
  verifiedAt: Date | null;
  verificationDueOn: Date;
  completedAt: Date | null;
  completionDueOn: Date | null;
};

export const timelinessOf = (r: TimedRow) =>
  requestTimeliness(
    {
      state: r.state,
      verifiedAt: r.verifiedAt,
      verificationDueOn: dayOf(r.verificationDueOn),
      completedAt: r.completedAt,
      completionDueOn: r.completionDueOn ? dayOf(r.completionDueOn) : null,
    },
    todayWib(),
  );
