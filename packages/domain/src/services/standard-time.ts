import { jakartaDay } from '../calendar/day.js';
import type { Message } from '../errors.js';
import { REQUEST_VERIFICATION_WORKING_DAYS, type RequestState, requestClock } from './service-request.js';

/*
 * The standard time a request is measured against, said once (issue 16, kind 12). A service
 * standard states its completion time "sejak berkas lengkap" (UU 25/2009 art. 21(d)): the file is
 * complete when staff verify it, which SP4N-LAPOR! does within 3 working days of filing. So the
 * promise has two parts, and every surface — catalogue, pledge (maklumat), Open311
 * `service_notice`, request page, statistics — says both, and "on time" checks both.
 */

/** The two parts of a standard time, in working days (WIB, weekends and holidays not counted). */
export type StandardTime = {
  /** From filing to verification (the file found complete). */
  readonly verificationDays: number;
  /** From verification (the file complete) to completion: the version's COMPLETION_TIME. */
  readonly completionDays: number;
};

/** The standard time of a service version (its completion days; verification is city-wide). */
export function standardTimeOf(version: { readonly completionDays: number }): StandardTime {
  return { verificationDays: REQUEST_VERIFICATION_WORKING_DAYS, completionDays: version.completionDays };
}

/**
 * The standard time in words, both parts, e.g. "Verifikasi paling lama 3 hari kerja sejak
 * pengajuan; selesai paling lama 5 hari kerja sejak berkas lengkap (terverifikasi)." Every
 * surface shows this text, so the catalogue, the pledge and a request never disagree.
 */
export function standardTimeText(time: StandardTime): Message {
  const { verificationDays: v, completionDays: n } = time;
  return {
    id: `Verifikasi paling lama ${v} hari kerja sejak pengajuan; selesai paling lama ${n} hari kerja sejak berkas lengkap (terverifikasi).`,
    en: `Verification within ${v} working ${v === 1 ? 'day' : 'days'} of filing; completion within ${n} working ${n === 1 ? 'day' : 'days'} of the file being complete (verified).`,
  };
}

/**
 * The service pledge (maklumat pelayanan, UU 25/2009 art. 22) of a unit for a service, with the
 * standard time in the same words as `standardTimeText`.
 */
export function servicePledgeText(unitName: string, time: StandardTime): Message {
  const said = standardTimeText(time);
  return {
    id: `Dengan ini, ${unitName} sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan — ${said.id} — dan apabila tidak menepati janji ini, siap menerima sanksi sesuai peraturan perundang-undangan.`,
    en: `${unitName} hereby undertakes to deliver this service according to its published standard — ${said.en} — and, should it fail this pledge, to accept the sanctions set by law.`,
  };
}

/** What timeliness needs to know of a request (stored deadlines are WIB days `YYYY-MM-DD`). */
export type TimedRequest = {
  readonly state: RequestState;
  readonly verifiedAt: Date | null;
  /** The last verification deadline (moved when the request came back from the citizen). */
  readonly verificationDueOn: string;
  readonly completedAt: Date | null;
  /** Counted from verification, moved by the time the request spent with the citizen. */
  readonly completionDueOn: string | null;
};

/** `ON_TIME`/`LATE` while open or closed unfinished; `COMPLETED_*` once completed. */
export const REQUEST_TIMELINESS = ['ON_TIME', 'LATE', 'COMPLETED_ON_TIME', 'COMPLETED_LATE'] as const;
export type RequestTimelinessLabel = (typeof REQUEST_TIMELINESS)[number];

export type RequestTimeliness = {
  /** Verified by its verification deadline; false once that deadline passed unverified (clock running). */
  readonly verificationOnTime: boolean;
  /** Completed by its completion deadline; false once that deadline passed with the clock running. */
  readonly completionOnTime: boolean;
  /** Both parts kept. */
  readonly onTime: boolean;
  /** Completed and both parts kept: what the statistics count as "within the standard". */
  readonly completedWithinStandard: boolean;
  readonly label: RequestTimelinessLabel;
};

/**
 * Whether a request keeps its standard time, on `today` (WIB): verified on or before its
 * verification deadline AND completed on or before its completion deadline (a deadline day is
 * still in time; days are read in WIB, never UTC). An open request is late once a deadline has
 * passed while its clock runs — the time back with the citizen is already paused by the clock,
 * which moves the deadlines. The per-request label and the statistics' "within standard" share
 * both use this rule (the statistics query mirrors it in SQL, tested to agree).
 */
export function requestTimeliness(request: TimedRequest, today: string): RequestTimeliness {
  const running = requestClock(request.state) === 'RUNNING';
  const verificationOnTime = request.verifiedAt
    ? jakartaDay(request.verifiedAt) <= request.verificationDueOn
    : !(running && today > request.verificationDueOn);
  const completionOnTime = request.completedAt
    ? request.completionDueOn !== null && jakartaDay(request.completedAt) <= request.completionDueOn
    : !(running && request.completionDueOn !== null && today > request.completionDueOn);
  const onTime = verificationOnTime && completionOnTime;
  const completed = request.state === 'COMPLETED' && request.completedAt !== null;
  return {
    verificationOnTime,
    completionOnTime,
    onTime,
    completedWithinStandard: completed && onTime,
    label: completed ? (onTime ? 'COMPLETED_ON_TIME' : 'COMPLETED_LATE') : onTime ? 'ON_TIME' : 'LATE',
  };
}

/** Labels of `RequestTimelinessLabel` in both languages. */
export const REQUEST_TIMELINESS_LABELS: Readonly<Record<RequestTimelinessLabel, Message>> = {
  ON_TIME: { id: 'Sesuai jadwal', en: 'On time' },
  LATE: { id: 'Terlambat', en: 'Late' },
  COMPLETED_ON_TIME: { id: 'Selesai tepat waktu', en: 'Completed on time' },
  COMPLETED_LATE: { id: 'Selesai terlambat', en: 'Completed late' },
};
