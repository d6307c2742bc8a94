import { addCalendarDays, compareDays, type Day, jakartaDay } from '../calendar/day.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { addWorkingDays } from '../calendar/working-days.js';
import { type DomainError, errorFactory } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { textLength } from '../text-limits.js';
import type { ServiceAttribute } from './attributes.js';
import { COMPLAINT_ERROR_MESSAGES, type ComplaintErrorCode, ESCALATION_LEVEL_HOLDERS } from './messages.js';
import { isOpen, REQUEST_VERIFICATION_WORKING_DAYS, type RequestState } from './service-request.js';

/*
 * Complaint handling to the national standard (issue 20), as rules over plain data: who sees a
 * reporter's identity (Perpres 76/2013 art. 4: the complainant's identity is protected;
 * SP4N-LAPOR!'s Anonim and Rahasia options, here stricter), the reporter's answer to the outcome
 * (SP4N-LAPOR! closes a case only after the reporter has had 10 working days to respond), the
 * escalation ladder (unit supervisor → head of the agency → the city's complaint coordinator),
 * transfer between units (disposisi) and its clock, the outer limit of any complaint,
 * duplicates, priority and response templates. Days are `YYYY-MM-DD` in Asia/Jakarta (WIB);
 * `now`, the calendar and the settings are inputs.
 */

const complaintError = errorFactory(COMPLAINT_ERROR_MESSAGES);
export type ComplaintError = DomainError<ComplaintErrorCode>;

// ---- reporter identity -----------------------------------------------------------------------

/**
 * How a complaint's reporter is known. `IDENTIFIED`: handling staff see who filed it (the public
 * never does). `CONFIDENTIAL`: the city knows the reporter, but handling staff see only a
 * pseudonym; the reporter and the unit's designated complaint managers see the identity, and
 * each such view is audited. `ANONYMOUS`: no identity is stored at all; the tracking code with
 * the secret given at filing is the only handle.
 */
export const COMPLAINT_PRIVACY = ['IDENTIFIED', 'CONFIDENTIAL', 'ANONYMOUS'] as const;
export type ComplaintPrivacy = (typeof COMPLAINT_PRIVACY)[number];

/** Who is looking at a complaint. */
export type ComplaintViewer = 'REPORTER' | 'COMPLAINT_MANAGER' | 'HANDLING_STAFF' | 'PUBLIC';

export type ReporterVisibility = {
  /** `IDENTITY`: name and contacts; `PSEUDONYM`: a stable alias only; `NONE`: nothing. */
  readonly show: 'IDENTITY' | 'PSEUDONYM' | 'NONE';
  /** The view must be written to the audit log (who saw whose identity, when). */
  readonly audited: boolean;
};

/**
 * What `viewer` may see of the reporter of a complaint with `privacy`. The public never sees a
 * reporter; an anonymous complaint has no identity to show to anyone (the reporter acts with
 * the tracking code and its secret). A complaint manager's view of a confidential reporter is
 * audited.
 */
export function reporterVisibility(privacy: ComplaintPrivacy, viewer: ComplaintViewer): ReporterVisibility {
  if (viewer === 'PUBLIC' || privacy === 'ANONYMOUS') return { show: 'NONE', audited: false };
  if (privacy === 'IDENTIFIED' || viewer === 'REPORTER') return { show: 'IDENTITY', audited: false };
  if (viewer === 'COMPLAINT_MANAGER') return { show: 'IDENTITY', audited: true };
  return { show: 'PSEUDONYM', audited: false };
}

/** Attribute formats that identify a person: never asked for in an anonymous complaint. */
const IDENTIFYING_FORMATS: ReadonlySet<string> = new Set(['NIK', 'NIP', 'NPWP', 'PHONE']);

/**
 * Whether an attribute identifies a person: it has an identity-number or phone format, or the
 * catalogue marks it `identifying` (a name, an address of a home).
 */
export function isIdentifyingAttribute(
  attribute: ServiceAttribute & { readonly identifying?: boolean },
): boolean {
  return (
    attribute.identifying === true ||
    (attribute.format !== undefined && IDENTIFYING_FORMATS.has(attribute.format))
  );
}

/** The attributes a form asks for under `privacy`: identifying ones are left out when anonymous. */
export function attributesForPrivacy<A extends ServiceAttribute & { readonly identifying?: boolean }>(
  attributes: readonly A[],
  privacy: ComplaintPrivacy,
): A[] {
  return privacy === 'ANONYMOUS' ? attributes.filter((a) => !isIdentifyingAttribute(a)) : [...attributes];
}

/** Who files the complaint, as far as its privacy matters. */
export type PrivacyFiler = 'CITIZEN' | 'OFFICER' | 'SYSTEM' | 'NONE';

export type ReporterPrivacyInput = {
  /** The service's kind: only a `COMPLAINT` may be filed confidentially or anonymously. */
  readonly serviceKind: string;
  readonly privacy: ComplaintPrivacy;
  readonly filer: PrivacyFiler;
  readonly attributes: readonly (ServiceAttribute & { readonly identifying?: boolean })[];
  /** The values filed, by attribute code (unchecked input). */
  readonly values: unknown;
  /** An anonymous reporter's optional contact address (for news of the complaint; withdrawable). */
  readonly contactEmail?: string | null;
};

export type ReporterPrivacyPlan = {
  readonly privacy: ComplaintPrivacy;
  /** Whether the filing is stored without any account, address or request id (`ANONYMOUS`). */
  readonly anonymous: boolean;
  /** Whether the request gets a pseudonym for handling staff (`CONFIDENTIAL`). */
  readonly pseudonymous: boolean;
  readonly contactEmail: string | null;
};

const CONTACT_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks the reporter's choice of privacy at filing (Perpres 76/2013 art. 4; SP4N-LAPOR!'s
 * Rahasia and Anonim). `CONFIDENTIAL` and `ANONYMOUS` are for complaint services only
 * (COMPLAINT_PRIVACY_NOT_COMPLAINT). Anonymous: filed by the citizen themself or by nobody
 * signed in (an officer or a system files for a named person: COMPLAINT_ANONYMOUS_FILER); no
 * value of an identifying attribute (NIK, NIP, NPWP, phone, attributes marked identifying:
 * COMPLAINT_ANONYMOUS_IDENTIFYING_VALUE on the field `attributes.<code>`); a contact address only
 * if it looks like one (COMPLAINT_CONTACT_INVALID on `contactEmail`). Without an account, only an
 * anonymous filing is possible (COMPLAINT_PRIVACY_SIGN_IN_REQUIRED). A contact address is kept
 * only for an anonymous filing.
 */
export function checkReporterPrivacy(
  input: ReporterPrivacyInput,
): Result<ReporterPrivacyPlan, ComplaintError | (ComplaintError & { readonly field: string })> {
  const { privacy, filer } = input;
  if (privacy !== 'IDENTIFIED' && input.serviceKind !== 'COMPLAINT') {
    return err(complaintError('COMPLAINT_PRIVACY_NOT_COMPLAINT'));
  }
  if (filer === 'NONE' && privacy !== 'ANONYMOUS')
    return err(complaintError('COMPLAINT_PRIVACY_SIGN_IN_REQUIRED'));
  if (privacy !== 'ANONYMOUS') {
    return ok({ privacy, anonymous: false, pseudonymous: privacy === 'CONFIDENTIAL', contactEmail: null });
  }
  if (filer === 'OFFICER' || filer === 'SYSTEM') return err(complaintError('COMPLAINT_ANONYMOUS_FILER'));
  const values = (input.values ?? {}) as Record<string, unknown>;
  for (const attribute of input.attributes) {
    if (!isIdentifyingAttribute(attribute)) continue;
    const value = typeof values === 'object' ? values[attribute.code] : undefined;
    if (value !== undefined && value !== null && value !== '') {
      return err({
        ...complaintError('COMPLAINT_ANONYMOUS_IDENTIFYING_VALUE', { attribute: attribute.code }),
        field: `attributes.${attribute.code}`,
      });
    }
  }
  const contact = input.contactEmail?.trim() || null;
  if (contact !== null && (contact.length > 254 || !CONTACT_EMAIL.test(contact))) {
    return err({ ...complaintError('COMPLAINT_CONTACT_INVALID'), field: 'contactEmail' });
  }
  return ok({ privacy, anonymous: true, pseudonymous: false, contactEmail: contact });
}

/** What stands for the reporter of an anonymous complaint wherever a name would be shown. */
export const ANONYMOUS_REPORTER_NAME = { id: 'Pelapor anonim', en: 'Anonymous reporter' } as const;

/** The alphabet of pseudonyms and secrets: no 0/O, 1/I/L, so they can be read aloud and typed. */
const READABLE = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * A confidential reporter's pseudonym for handling staff, from random bytes the caller draws
 * (at least 6): `Pelapor-` and six readable characters, e.g. `Pelapor-K7QX2M`. Stable: stored
 * with the request at filing.
 */
export function reporterPseudonym(random: Uint8Array): string {
  if (random.length < 6) throw new Error('reporterPseudonym needs 6 random bytes');
  let out = '';
  for (let i = 0; i < 6; i++) out += READABLE[(random[i] as number) % READABLE.length];
  return `Pelapor-${out}`;
}

/** Bytes of randomness in an anonymous reporter's secret (≥ 120 bits; 24 readable characters). */
export const ANONYMOUS_SECRET_LENGTH = 24;

/**
 * The secret given once to an anonymous reporter, from random bytes the caller draws (at least
 * ANONYMOUS_SECRET_LENGTH): 24 readable characters in groups of four (`ABCD-EFGH-…`), about 118
 * bits. Only its hash is stored.
 */
export function anonymousSecret(random: Uint8Array): string {
  if (random.length < ANONYMOUS_SECRET_LENGTH) throw new Error('anonymousSecret needs 24 random bytes');
  let out = '';
  for (let i = 0; i < ANONYMOUS_SECRET_LENGTH; i++) {
    if (i > 0 && i % 4 === 0) out += '-';
    out += READABLE[(random[i] as number) % READABLE.length];
  }
  return out;
}

/**
 * The one spelling of a secret as typed by the reporter (case, spaces and dashes do not matter),
 * hashed by the gateway; null when it cannot be a secret at all.
 */
export function anonymousSecretSpelling(typed: string | null | undefined): string | null {
  const s = (typed ?? '').toUpperCase().replace(/[\s-]/g, '');
  return s.length === ANONYMOUS_SECRET_LENGTH && [...s].every((c) => READABLE.includes(c)) ? s : null;
}

/**
 * Whether the holder of a tracking code and a secret may read and act on an anonymous complaint.
 * Tracking codes are sequential and guessable, so the code alone is never enough. An unknown
 * code, a request that is not anonymous, a missing or wrong secret are one and the same refusal
 * (ANONYMOUS_ACCESS_REFUSED), so the answer tells nothing about which codes exist.
 */
export function anonymousAccess(found: {
  readonly exists: boolean;
  readonly anonymous: boolean;
  readonly secretMatches: boolean;
}): Result<true, ComplaintError> {
  return found.exists && found.anonymous && found.secretMatches
    ? ok(true)
    : err(complaintError('ANONYMOUS_ACCESS_REFUSED'));
}

/** What is known of the viewer of a request, to place them for `reporterVisibility`. */
export type ComplaintViewerFacts = {
  /** `ANONYMOUS` for nobody signed in; an account role otherwise; `SYSTEM` for an API key. */
  readonly role: 'ANONYMOUS' | 'SYSTEM' | 'CITIZEN' | 'STAFF' | 'SUPERVISOR' | 'ADMIN';
  /** Whether the viewer is the reporter's own account. */
  readonly isReporter: boolean;
  /** Whether the viewer is a designated complaint manager of the request's unit. */
  readonly managesUnitComplaints: boolean;
};

/**
 * Who the viewer is for a complaint: the reporter, a complaint manager of the request's unit
 * (designated per unit by an admin or the unit’s supervisor), handling staff (every other staff
 * member and admin; an admin sees a confidential reporter only when designated too), or the
 * public.
 */
export function complaintViewer(facts: ComplaintViewerFacts): ComplaintViewer {
  if (facts.isReporter) return 'REPORTER';
  if (facts.role === 'ANONYMOUS' || facts.role === 'CITIZEN') return 'PUBLIC';
  if (facts.managesUnitComplaints && facts.role !== 'SYSTEM') return 'COMPLAINT_MANAGER';
  return 'HANDLING_STAFF';
}

/**
 * Whether `designatorStaffId` may designate (or end the designation of) `staffId` as a complaint
 * manager, given that the designator's access to the person's unit is already checked. Nobody
 * designates themselves (`COMPLAINT_MANAGER_SELF`): a designation opens the identities of the
 * unit's confidential reporters (Perpres 76/2013 art. 4), so it is always someone else's act, as
 * an SKP rating is. `designatorStaffId` is null for a caller with no staff record (an admin
 * account of the city's coordinator).
 */
export function designateComplaintManager(input: {
  readonly designatorStaffId: string | null;
  readonly staffId: string;
}): Result<true, ComplaintError> {
  if (input.designatorStaffId !== null && input.designatorStaffId === input.staffId)
    return err(complaintError('COMPLAINT_MANAGER_SELF'));
  return ok(true);
}

/** What stands for an identifying value that a viewer may not see (a confidential reporter's NIK). */
export const WITHHELD_VALUE = '[rahasia]';

/**
 * The attribute values as `show` allows: all of them with the identity; without it, every
 * identifying attribute's value (and any value of an attribute the version does not define) is
 * replaced by WITHHELD_VALUE.
 */
export function valuesForViewer(
  attributes: readonly (ServiceAttribute & { readonly identifying?: boolean })[],
  values: Readonly<Record<string, unknown>>,
  show: ReporterVisibility['show'],
): Record<string, unknown> {
  if (show === 'IDENTITY') return { ...values };
  const byCode = new Map(attributes.map((a) => [a.code, a]));
  const out: Record<string, unknown> = {};
  for (const [code, value] of Object.entries(values)) {
    const definition = byCode.get(code);
    const hide = value !== null && value !== '' && (!definition || isIdentifyingAttribute(definition));
    out[code] = hide ? WITHHELD_VALUE : value;
  }
  return out;
}

/**
 * Whether `viewer` may learn who the reporter is by any route — the request's applicant and
 * identifying attribute values, but also everything that ties an account to the complaint: an
 * account id, a name, an e-mail address, a phone number or a NIK in a list, a search, an export, an
 * audit entry, a notice or an Open311 answer (Perpres 76/2013 art. 4). The one rule every such
 * path applies (reporterVisibility): only the reporter and, for a CONFIDENTIAL complaint, the
 * unit's designated complaint managers (an audited view) — never other staff, never an admin who
 * is not designated, never the public; an ANONYMOUS complaint has no identity to show.
 */
export function reporterIdentityShown(privacy: ComplaintPrivacy, viewer: ComplaintViewer): boolean {
  return reporterVisibility(privacy, viewer).show === 'IDENTITY';
}

/**
 * Whether a record of an action on a request — an audit entry, a trail entry, an export row —
 * may name the account that acted (its id or name) to `viewer`. Officers and systems are always
 * named (accountability). A citizen acting on a complaint that is not IDENTIFIED — filing it,
 * correcting it, answering the outcome, rating the service, uploading a file — is the reporter, so
 * naming them would reveal who the reporter is: named only where reporterIdentityShown allows.
 * Lists that are not an audited view of the request (the audit log, a staff notice) pass
 * `HANDLING_STAFF`, so they never name a confidential reporter to anyone: the one way to learn
 * the identity is the request's applicant, where each view is recorded.
 */
export function actorNamed(
  actorKind: string,
  privacy: ComplaintPrivacy | null,
  viewer: ComplaintViewer,
): boolean {
  if (actorKind !== 'CITIZEN' || privacy === null) return true;
  return reporterIdentityShown(privacy, viewer);
}

// ---- the reporter's answer to the outcome ----------------------------------------------------

/** SP4N-LAPOR!: the reporter has 10 working days to answer the follow-up before the case closes. */
export const REPORTER_RESPONSE_DEFAULT_WORKING_DAYS = 10;
/** How often a complaint may be reopened by its reporter before the coordinator must step in. */
export const COMPLAINT_DEFAULT_MAX_REOPENS = 3;

/** Contest and transfer reasons: 10–2000 characters, counted by `textLength` (graphemes). */
const REASON_MIN = 10;
const REASON_MAX = 2000;

/** The last WIB day on which the reporter may answer an outcome decided on `decidedOn`. */
export function reporterResponseWindowEnd(
  decidedOn: Day,
  calendar: WorkingCalendar,
  workingDays: number = REPORTER_RESPONSE_DEFAULT_WORKING_DAYS,
): string {
  return addWorkingDays(decidedOn, workingDays, calendar);
}

/** What a complaint needs to know to take the reporter's answer. */
export type AnswerableComplaint = {
  /** The service's kind: only a `COMPLAINT` is answered back. */
  readonly serviceKind: string;
  readonly state: RequestState;
  /** When staff completed or rejected it (the start of the window); null while undecided. */
  readonly decidedAt: Date | null;
  /** Set when the case was finally closed (accepted, or the window passed). */
  readonly finalClosedAt: Date | null;
  readonly reopenCount: number;
  /** Completion time of the service, in working days: the reopened complaint's new allowance. */
  readonly completionDays: number;
};

export type ReporterAnswer =
  | { readonly kind: 'ACCEPT' }
  | { readonly kind: 'CONTEST'; readonly reason: string };

export type ReporterAnswerPlan =
  | { readonly kind: 'CLOSE'; readonly finalClosedAt: Date }
  | {
      readonly kind: 'REOPEN';
      /** The complaint goes back to its unit, in progress. */
      readonly state: 'IN_PROGRESS';
      /** A new completion deadline: the service's completion time from the day of the contest. */
      readonly completionDueOn: string;
      readonly reopenCount: number;
      /** The reporter's reason, trimmed, for the trail. */
      readonly reason: string;
    };

export type ReporterAnswerInput = {
  readonly complaint: AnswerableComplaint;
  readonly answer: ReporterAnswer;
  readonly now: Date;
  readonly calendar: WorkingCalendar;
  /** Default 10 (SP4N-LAPOR!). */
  readonly windowWorkingDays?: number;
  /** Default 3. */
  readonly maxReopens?: number;
};

/**
 * The reporter accepts or contests the outcome of a completed or rejected complaint, within the
 * window (`reporterResponseWindowEnd`, inclusive). Accepting closes the case; contesting, with a
 * reason of 10–2,000 characters, reopens it in progress with a new completion deadline counted
 * from today. Errors: COMPLAINT_ANSWER_NOT_APPLICABLE (not a complaint), COMPLAINT_NOT_DECIDED, COMPLAINT_ALREADY_CLOSED,
 * COMPLAINT_RESPONSE_WINDOW_PASSED, COMPLAINT_CONTEST_REASON_REQUIRED, COMPLAINT_REOPEN_LIMIT.
 */
export function planReporterAnswer(input: ReporterAnswerInput): Result<ReporterAnswerPlan, ComplaintError> {
  const { complaint, answer, now, calendar } = input;
  if (complaint.serviceKind !== 'COMPLAINT') return err(complaintError('COMPLAINT_ANSWER_NOT_APPLICABLE'));
  if (complaint.finalClosedAt) return err(complaintError('COMPLAINT_ALREADY_CLOSED'));
  if ((complaint.state !== 'COMPLETED' && complaint.state !== 'REJECTED') || !complaint.decidedAt) {
    return err(complaintError('COMPLAINT_NOT_DECIDED'));
  }
  const today = jakartaDay(now);
  const windowEnd = reporterResponseWindowEnd(
    jakartaDay(complaint.decidedAt),
    calendar,
    input.windowWorkingDays,
  );
  if (compareDays(today, windowEnd) > 0) {
    return err(complaintError('COMPLAINT_RESPONSE_WINDOW_PASSED', { windowEnd }));
  }
  if (answer.kind === 'ACCEPT') return ok({ kind: 'CLOSE', finalClosedAt: now });
  const reason = answer.reason.trim();
  const length = textLength(reason);
  if (length < REASON_MIN || length > REASON_MAX) {
    return err(complaintError('COMPLAINT_CONTEST_REASON_REQUIRED', { min: REASON_MIN, max: REASON_MAX }));
  }
  const maxReopens = input.maxReopens ?? COMPLAINT_DEFAULT_MAX_REOPENS;
  if (complaint.reopenCount >= maxReopens)
    return err(complaintError('COMPLAINT_REOPEN_LIMIT', { maxReopens }));
  return ok({
    kind: 'REOPEN',
    state: 'IN_PROGRESS',
    completionDueOn: addWorkingDays(today, complaint.completionDays, calendar),
    reopenCount: complaint.reopenCount + 1,
    reason,
  });
}

/**
 * Whether the closing job closes a decided complaint on `today`: a complaint, completed or
 * rejected, not yet closed, and its answer window ended before today.
 */
export function complaintClosureDue(
  complaint: Pick<AnswerableComplaint, 'serviceKind' | 'state' | 'decidedAt' | 'finalClosedAt'>,
  today: string,
  calendar: WorkingCalendar,
  windowWorkingDays?: number,
): boolean {
  if (complaint.serviceKind !== 'COMPLAINT' || complaint.finalClosedAt || !complaint.decidedAt) return false;
  if (complaint.state !== 'COMPLETED' && complaint.state !== 'REJECTED') return false;
  const windowEnd = reporterResponseWindowEnd(jakartaDay(complaint.decidedAt), calendar, windowWorkingDays);
  return compareDays(today, windowEnd) > 0;
}

// ---- escalation that climbs ------------------------------------------------------------------

/** The levels an overdue complaint climbs, in order. */
export const ESCALATION_LEVELS = ['UNIT_SUPERVISOR', 'AGENCY_HEAD', 'COORDINATOR'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/** Working days each level has to act before the complaint climbs to the next. */
export type EscalationLadder = Readonly<Record<EscalationLevel, number>>;

/** Defaults an administrator can change (`LAYANAN_ESCALATION_*_DAYS`): 3 working days at each of
 * the first two levels, 5 for the coordinator. */
export const DEFAULT_ESCALATION_LADDER: EscalationLadder = {
  UNIT_SUPERVISOR: 3,
  AGENCY_HEAD: 3,
  COORDINATOR: 5,
};

/** Checks a ladder from configuration: each level 1–60 working days (ESCALATION_LADDER_INVALID). */
export function checkEscalationLadder(
  ladder: Record<string, unknown>,
): Result<EscalationLadder, ComplaintError> {
  const out: Partial<Record<EscalationLevel, number>> = {};
  for (const level of ESCALATION_LEVELS) {
    const days = ladder[level];
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 60) {
      return err(complaintError('ESCALATION_LADDER_INVALID', { level, value: days }));
    }
    out[level] = days;
  }
  return ok(out as EscalationLadder);
}

export type ClimbingComplaint = {
  readonly state: RequestState;
  /** The completion (or verification) deadline the complaint missed, or will miss. */
  readonly dueOn: string;
  /** The level it was last escalated to; null when never escalated. */
  readonly level: EscalationLevel | null;
  /** The WIB day it reached that level. */
  readonly levelSinceOn: string | null;
};

export type EscalationStep = {
  readonly level: EscalationLevel;
  /** The day by which this level must act: its allowance in working days from today. At the top
   * (the coordinator) nothing climbs further; the day is shown in the trail. */
  readonly actByOn: string;
};

/**
 * The next escalation step due on `today`, or null. An open complaint past `dueOn` goes to the
 * unit supervisor; a level that has not resolved it within its allowance (working days after
 * the day it arrived) hands it to the next; the coordinator is the top. Each level is reached
 * once: the ladder only climbs.
 */
export function nextEscalationStep(
  complaint: ClimbingComplaint,
  today: string,
  calendar: WorkingCalendar,
  ladder: EscalationLadder = DEFAULT_ESCALATION_LADDER,
): EscalationStep | null {
  if (!isOpen(complaint.state) || complaint.state === 'RETURNED_TO_CITIZEN') return null;
  const actBy = (level: EscalationLevel) => addWorkingDays(today, ladder[level], calendar);
  if (complaint.level === null) {
    if (compareDays(today, complaint.dueOn) <= 0) return null;
    return { level: 'UNIT_SUPERVISOR', actByOn: actBy('UNIT_SUPERVISOR') };
  }
  const index = ESCALATION_LEVELS.indexOf(complaint.level);
  const next = ESCALATION_LEVELS[index + 1];
  if (!next || !complaint.levelSinceOn) return null;
  const levelEnds = addWorkingDays(complaint.levelSinceOn, ladder[complaint.level], calendar);
  if (compareDays(today, levelEnds) <= 0) return null;
  return { level: next, actByOn: actBy(next) };
}

/**
 * The agency of a unit: the top of the unit tree above it (a bidang's dinas; a top-level OPD is
 * its own agency), whose head is the ladder's second level. `parentOf` maps unit ids to their
 * parent ids (null at the top); a unit missing from it counts as a top unit, and a cycle stops
 * at the unit where it closes.
 */
export function agencyUnitOf(unitId: string, parentOf: ReadonlyMap<string, string | null>): string {
  const seen = new Set<string>([unitId]);
  let current = unitId;
  for (;;) {
    const parent = parentOf.get(current) ?? null;
    if (parent === null || seen.has(parent)) return current;
    seen.add(parent);
    current = parent;
  }
}

/**
 * Who holds a level of the ladder: the supervisors of a unit (`UNIT_SUPERVISOR`: the request's
 * unit; `AGENCY_HEAD`: its agency, `agencyUnitOf`), or the city's complaint coordinators
 * (`COORDINATOR`: every administrator; Layanan has no separate inspectorate role). `unitId` is
 * also the unit whose supervisors see the request in their escalation queue; at the coordinator
 * the agency keeps seeing it.
 */
export function escalationHolder(
  level: EscalationLevel,
  units: { readonly requestUnitId: string; readonly agencyUnitId: string },
): { readonly holder: 'UNIT_SUPERVISORS' | 'COORDINATORS'; readonly unitId: string } {
  if (level === 'UNIT_SUPERVISOR') return { holder: 'UNIT_SUPERVISORS', unitId: units.requestUnitId };
  if (level === 'AGENCY_HEAD') return { holder: 'UNIT_SUPERVISORS', unitId: units.agencyUnitId };
  return { holder: 'COORDINATORS', unitId: units.agencyUnitId };
}

/** Trail notes of a climb to `level` (bilingual in one text: the trail has no language). */
export function escalationClimbNotes(
  level: EscalationLevel,
  actByOn: string,
): { readonly publicNote: string; readonly internalNote: string } {
  const who = ESCALATION_LEVEL_HOLDERS[level];
  const until = `, ${actByOn}`;
  return {
    publicNote: `Diteruskan kepada ${who.id}. / Escalated to ${who.en}.`,
    internalNote: `Eskalasi berjenjang ke ${level}${until} / escalation climbed to ${level}${until}`,
  };
}

// ---- transfer between units (disposisi) ------------------------------------------------------

/**
 * What a transfer does to the clock. `RESTART_AT_TRANSFER` (Layanan's default): the new unit's
 * deadline starts at the transfer; `KEEP_DEADLINES`: the deadlines stay as they were. Either way
 * the citizen's total waiting time is measured from filing (statistics never reset).
 */
export const TRANSFER_CLOCK_RULES = ['RESTART_AT_TRANSFER', 'KEEP_DEADLINES'] as const;
export type TransferClockRule = (typeof TRANSFER_CLOCK_RULES)[number];

/** A request's place before a transfer, and the service it moves to. */
export type TransferInput = {
  readonly request: {
    readonly state: RequestState;
    readonly serviceId: string;
    readonly serviceKind: string;
    readonly verifiedAt: Date | null;
    readonly verificationDueOn: string;
    readonly completionDueOn: string | null;
  };
  readonly to: {
    readonly serviceId: string;
    readonly serviceKind: string;
    readonly unitId: string;
    /** Completion time of the target service's current version, in working days. */
    readonly completionDays: number;
  };
  readonly reason: string;
  readonly now: Date;
  readonly calendar: WorkingCalendar;
  readonly rule?: TransferClockRule;
};

export type TransferPlan = {
  readonly serviceId: string;
  readonly unitId: string;
  readonly verificationDueOn: string;
  readonly completionDueOn: string | null;
  readonly reason: string;
  /** The escalation of the old unit does not follow the request: it starts again. */
  readonly escalationLevel: null;
};

/**
 * A transfer (disposisi) of an open request to another service of the same kind — of another
 * unit, or the right service of the same unit — with a reason of 10–2,000 characters. Under
 * `RESTART_AT_TRANSFER` a verified request gets the target service's completion time from today
 * and an unverified one the 3 working days of verification from today. Errors:
 * TRANSFER_SAME_SERVICE, TRANSFER_KIND_MISMATCH, TRANSFER_REASON_REQUIRED, TRANSFER_REQUEST_CLOSED.
 */
export function planTransfer(input: TransferInput): Result<TransferPlan, ComplaintError> {
  const { request, to, calendar } = input;
  if (!isOpen(request.state)) return err(complaintError('TRANSFER_REQUEST_CLOSED'));
  if (request.serviceId === to.serviceId) return err(complaintError('TRANSFER_SAME_SERVICE'));
  if (request.serviceKind !== to.serviceKind) return err(complaintError('TRANSFER_KIND_MISMATCH'));
  const reason = input.reason.trim();
  const length = textLength(reason);
  if (length < REASON_MIN || length > REASON_MAX) {
    return err(complaintError('TRANSFER_REASON_REQUIRED', { min: REASON_MIN, max: REASON_MAX }));
  }
  const rule = input.rule ?? 'RESTART_AT_TRANSFER';
  const today = jakartaDay(input.now);
  const restart = rule === 'RESTART_AT_TRANSFER';
  return ok({
    serviceId: to.serviceId,
    unitId: to.unitId,
    verificationDueOn:
      restart && !request.verifiedAt
        ? addWorkingDays(today, REQUEST_VERIFICATION_WORKING_DAYS, calendar)
        : request.verificationDueOn,
    completionDueOn:
      restart && request.verifiedAt
        ? addWorkingDays(today, to.completionDays, calendar)
        : request.completionDueOn,
    reason,
    escalationLevel: null,
  });
}

/** The outer limit of any complaint, in calendar days from filing (configurable). */
export const COMPLAINT_DEFAULT_OUTER_LIMIT_DAYS = 60;

/**
 * The day an open complaint filed on `submittedAt` reaches its outer limit and goes to the
 * coordinator, and whether `today` is past it.
 */
export function complaintOuterLimit(
  submittedAt: Date,
  today: string,
  limitDays: number = COMPLAINT_DEFAULT_OUTER_LIMIT_DAYS,
): { readonly limitOn: string; readonly reached: boolean } {
  const limitOn = addCalendarDays(jakartaDay(submittedAt), limitDays);
  return { limitOn, reached: compareDays(today, limitOn) > 0 };
}

// ---- duplicates ------------------------------------------------------------------------------

/** Open complaints of the same service within this many metres are shown before filing. */
export const NEARBY_COMPLAINT_METRES = 150;
/** `pg_trgm` similarity from which a description counts as alike. */
export const SIMILAR_TEXT_THRESHOLD = 0.35;

type DuplicateSide = {
  readonly id: string;
  readonly serviceId: string;
  readonly state: RequestState;
  /** The request this one was already marked a duplicate of, if any. */
  readonly duplicateOfId: string | null;
};

/**
 * Marks `duplicate` as a duplicate of `original`: both of the same service, the duplicate still
 * open, the original open. An original that is itself a duplicate is followed to its own
 * original (answered as `originalId`), so chains never form. Errors: DUPLICATE_OF_ITSELF,
 * DUPLICATE_DIFFERENT_SERVICE, DUPLICATE_REQUEST_CLOSED, DUPLICATE_ORIGINAL_CLOSED.
 */
export function checkDuplicateMark(
  duplicate: DuplicateSide,
  original: DuplicateSide,
): Result<{ readonly originalId: string }, ComplaintError> {
  const originalId = original.duplicateOfId ?? original.id;
  if (duplicate.id === original.id || duplicate.id === originalId)
    return err(complaintError('DUPLICATE_OF_ITSELF'));
  if (duplicate.serviceId !== original.serviceId) return err(complaintError('DUPLICATE_DIFFERENT_SERVICE'));
  if (!isOpen(duplicate.state) || duplicate.duplicateOfId)
    return err(complaintError('DUPLICATE_REQUEST_CLOSED'));
  if (!isOpen(original.state) && original.duplicateOfId === null) {
    return err(complaintError('DUPLICATE_ORIGINAL_CLOSED'));
  }
  return ok({ originalId });
}

// ---- triage ----------------------------------------------------------------------------------

export const REQUEST_PRIORITIES = ['NORMAL', 'URGENT'] as const;
export type RequestPriority = (typeof REQUEST_PRIORITIES)[number];

/**
 * An urgent priority needs a reason of 10–500 characters (`textLength`: as people count them)
 * (PRIORITY_REASON_REQUIRED).
 */
export function checkPriority(
  priority: RequestPriority,
  reason: string | null | undefined,
): Result<{ readonly priority: RequestPriority; readonly reason: string | null }, ComplaintError> {
  const text = reason?.trim() ?? '';
  if (priority === 'NORMAL') return ok({ priority, reason: text || null });
  const length = textLength(text);
  if (length < 10 || length > 500) return err(complaintError('PRIORITY_REASON_REQUIRED'));
  return ok({ priority, reason: text });
}

/** The placeholders a response template may use, filled from the request. */
export const RESPONSE_TEMPLATE_PLACEHOLDERS = ['kode', 'layanan', 'unit', 'tenggat', 'petugas'] as const;
export type ResponseTemplateValues = Readonly<
  Record<(typeof RESPONSE_TEMPLATE_PLACEHOLDERS)[number], string>
>;

/**
 * RESPONSE_TEMPLATE_PLACEHOLDER_UNKNOWN for `{name}`: the messages name it and the known ones,
 * so staff see which to correct.
 */
export function unknownPlaceholder(name: string): ComplaintError {
  const base = COMPLAINT_ERROR_MESSAGES.RESPONSE_TEMPLATE_PLACEHOLDER_UNKNOWN;
  const known = RESPONSE_TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
  return {
    code: 'RESPONSE_TEMPLATE_PLACEHOLDER_UNKNOWN',
    message: {
      id: `${base.id.replace(/\.$/, '')}: {${name}}. Isian yang dikenal: ${known}.`,
      en: `${base.en.replace(/\.$/, '')}: {${name}}. Known placeholders: ${known}.`,
    },
    details: { placeholder: name, known: [...RESPONSE_TEMPLATE_PLACEHOLDERS] },
  };
}

/**
 * Fills `{kode}`, `{layanan}`, `{unit}`, `{tenggat}` and `{petugas}` in a staff response template;
 * staff edit the result before sending. An unknown `{name}` is
 * RESPONSE_TEMPLATE_PLACEHOLDER_UNKNOWN (with the name), so a typo never reaches a citizen.
 */
export function fillResponseTemplate(
  template: string,
  values: ResponseTemplateValues,
): Result<string, ComplaintError> {
  const known = new Set<string>(RESPONSE_TEMPLATE_PLACEHOLDERS);
  for (const match of template.matchAll(/\{([^{}\s]+)\}/g)) {
    const name = match[1] as string;
    if (!known.has(name)) return err(unknownPlaceholder(name));
  }
  return ok(
    template.replace(/\{([^{}\s]+)\}/g, (_, name: string) => values[name as keyof ResponseTemplateValues]),
  );
}

/** A response template's title: 3–120 characters; its body: 10–4,000 (`textLength`). */
export const RESPONSE_TEMPLATE_TITLE = { min: 3, max: 120 } as const;
export const RESPONSE_TEMPLATE_BODY = { min: 10, max: 4000 } as const;

const SAMPLE_VALUES: ResponseTemplateValues = {
  kode: 'SWL-2026-000001',
  layanan: 'layanan',
  unit: 'unit',
  tenggat: '2026-01-02',
  petugas: 'petugas',
};

/**
 * Checks a response template before an admin or a unit's supervisor saves it: a trimmed title of
 * 3–120 and body of 10–4,000 characters, and only known placeholders (`fillResponseTemplate`).
 * Errors: RESPONSE_TEMPLATE_TITLE_INVALID, RESPONSE_TEMPLATE_BODY_INVALID,
 * RESPONSE_TEMPLATE_PLACEHOLDER_UNKNOWN.
 */
export function checkResponseTemplate(input: {
  readonly title: string;
  readonly body: string;
}): Result<{ readonly title: string; readonly body: string }, ComplaintError> {
  const title = input.title.trim();
  const body = input.body.trim();
  const titleLength = textLength(title);
  if (titleLength < RESPONSE_TEMPLATE_TITLE.min || titleLength > RESPONSE_TEMPLATE_TITLE.max)
    return err(complaintError('RESPONSE_TEMPLATE_TITLE_INVALID', { ...RESPONSE_TEMPLATE_TITLE }));
  const bodyLength = textLength(body);
  if (bodyLength < RESPONSE_TEMPLATE_BODY.min || bodyLength > RESPONSE_TEMPLATE_BODY.max)
    return err(complaintError('RESPONSE_TEMPLATE_BODY_INVALID', { ...RESPONSE_TEMPLATE_BODY }));
  const filled = fillResponseTemplate(body, SAMPLE_VALUES);
  if (!filled.ok) return filled;
  return ok({ title, body });
}
