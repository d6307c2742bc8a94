import { type Day, jakartaDay, jakartaYear } from '../calendar/day.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { addWorkingDays } from '../calendar/working-days.js';
import {
  type DomainError,
  errorFactory,
  type FieldError,
  type InvalidInputError,
  invalidInputError,
} from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { characterProblem, textLength } from '../text-limits.js';
import { type AttributeValue, type ServiceAttribute, validateAttributeValues } from './attributes.js';
import { REQUEST_SUBMISSION_ERROR_MESSAGES } from './messages.js';
import { type ReporterContact, reporterOfFiling } from './reporter-contact.js';
import { type AssignmentCandidate, pickAssignee } from './routing.js';
import {
  OPEN_REQUEST_STATES,
  REQUEST_VERIFICATION_WORKING_DAYS,
  type RequestState,
} from './service-request.js';

/*
 * Filing a service request (issue 4; Open311 GeoReport v2 for other city systems): who may file
 * on which channel, the limits of the text and the idempotency key, the first verification
 * deadline (SP4N-LAPOR!: 3 working days), the assignee chosen among the unit's staff
 * (`pickAssignee`) and the first entry of the status trail.
 */

/** At most this many characters of the citizen's own words (text and corrections). */
export const MAX_REQUEST_TEXT = 10_000;
/** At most this many characters of an idempotency key. */
export const MAX_IDEMPOTENCY_KEY = 200;
/** The API key scope that lets another city system file requests. */
export const REQUESTS_WRITE_SCOPE = 'requests:write';

const submissionError = errorFactory(REQUEST_SUBMISSION_ERROR_MESSAGES);
export type SubmissionError =
  | DomainError<'REQUEST_FILER_NOT_ALLOWED'>
  | InvalidInputError<'REQUEST_SUBMISSION_INVALID'>;
export type RetryError = DomainError<'IDEMPOTENCY_KEY_REUSED'>;

const invalid = (fields: readonly FieldError[]): SubmissionError =>
  invalidInputError('REQUEST_SUBMISSION_INVALID', REQUEST_SUBMISSION_ERROR_MESSAGES, fields);

/** Who files: a citizen online, an officer at a counter, another city system, or nobody. */
export type RequestFiler =
  | { readonly kind: 'CITIZEN'; readonly accountId: string }
  | {
      readonly kind: 'OFFICER';
      readonly accountId: string;
      /** Account role (STAFF, SUPERVISOR, ADMIN), recorded as the trail's actor kind. */
      readonly role: string;
      readonly unitId: string | null;
    }
  | { readonly kind: 'SYSTEM'; readonly apiKeyId: string; readonly scopes: readonly string[] }
  | { readonly kind: 'NONE' };

export type Submitter = {
  /** The account, or the API key standing in for it (idempotency keys are per submitter). */
  readonly submitterId: string;
  readonly actorKind: string;
  readonly actorAccountId: string | null;
};

/**
 * Who may file at all: citizens, officers, and systems holding the `requests:write` scope.
 * Errors: REQUEST_FILER_NOT_ALLOWED.
 */
export function requestSubmitter(filer: RequestFiler): Result<Submitter, SubmissionError> {
  switch (filer.kind) {
    case 'CITIZEN':
    case 'OFFICER':
      return ok({
        submitterId: filer.accountId,
        actorKind: filer.kind === 'CITIZEN' ? 'CITIZEN' : filer.role,
        actorAccountId: filer.accountId,
      });
    case 'SYSTEM':
      return filer.scopes.includes(REQUESTS_WRITE_SCOPE)
        ? ok({ submitterId: filer.apiKeyId, actorKind: 'SYSTEM', actorAccountId: null })
        : err(submissionError('REQUEST_FILER_NOT_ALLOWED'));
    default:
      return err(submissionError('REQUEST_FILER_NOT_ALLOWED'));
  }
}

/**
 * The idempotency key, trimmed (empty means none), at most MAX_IDEMPOTENCY_KEY characters.
 * Errors: REQUEST_SUBMISSION_INVALID with `idempotencyKey` TOO_LONG.
 */
export function requestIdempotencyKey(
  raw: string | null | undefined,
): Result<string | null, SubmissionError> {
  const key = raw?.trim() || null;
  if (key && textLength(key) > MAX_IDEMPOTENCY_KEY) {
    return err(
      invalid([
        {
          field: 'idempotencyKey',
          code: 'TOO_LONG',
          message: {
            id: `Kunci idempotensi maksimal ${MAX_IDEMPOTENCY_KEY} karakter`,
            en: `The idempotency key has at most ${MAX_IDEMPOTENCY_KEY} characters`,
          },
        },
      ]),
    );
  }
  return ok(key);
}

/** The citizen account an officer or a system names (looked up by e-mail), if any. */
export type NamedCitizen = { readonly accountId: string; readonly role: string; readonly disabled: boolean };

export type SubmissionDraft = {
  readonly filer: RequestFiler;
  /** The unit owning the service. */
  readonly serviceUnitId: string;
  /** Whether the input named a citizen (an e-mail was given). */
  readonly citizenNamed: boolean;
  readonly citizen: NamedCitizen | null;
  /**
   * A system's filing for a person without an account (`checkReporterContact`), and the
   * placeholder account such requests belong to until claimed (issue 17).
   */
  readonly contact?: { readonly details: ReporterContact; readonly placeholderAccountId: string } | null;
  readonly text: string;
  /** The attributes of the service's current version. */
  readonly attributes: readonly ServiceAttribute[];
  /** Values by attribute code, as received. */
  readonly values: unknown;
  /** The day of filing (WIB), for the attributes' identity numbers and date ranges. */
  readonly today: Day;
};

export type CheckedSubmission = {
  readonly channel: 'ONLINE' | 'COUNTER';
  readonly citizenAccountId: string;
  /** The contact details of a reporter without an account, when the filing is for one. */
  readonly contact: ReporterContact | null;
  readonly text: string;
  readonly attributeValues: Readonly<Record<string, AttributeValue>>;
};

/**
 * Checks a request before it is filed. Citizens file for themselves online; officers file at
 * the counter for a registered, active citizen of a service of their own unit; a system files
 * online for a registered citizen it names, or — when no account has the e-mail given — for a
 * person it names by contact details alone (`reporterOfFiling`; the request then belongs to the
 * placeholder account until the person claims it). Then the text (required, at most MAX_REQUEST_TEXT)
 * and the attribute values (`validateAttributeValues`) are checked together.
 * Errors: REQUEST_FILER_NOT_ALLOWED (an officer of another unit, or no filer);
 * REQUEST_SUBMISSION_INVALID with the fields (`citizenEmail` alone, else `text`, `attributes…`).
 */
export function checkSubmission(draft: SubmissionDraft): Result<CheckedSubmission, SubmissionError> {
  const { filer } = draft;
  if (filer.kind === 'NONE') return err(submissionError('REQUEST_FILER_NOT_ALLOWED'));
  let citizenAccountId: string;
  let contact: ReporterContact | null = null;
  if (filer.kind === 'CITIZEN') citizenAccountId = filer.accountId;
  else if (
    draft.contact &&
    reporterOfFiling({ filerKind: filer.kind, accountFound: draft.citizen !== null, contactGiven: true }) ===
      'contact'
  ) {
    citizenAccountId = draft.contact.placeholderAccountId;
    contact = draft.contact.details;
  } else {
    if (filer.kind === 'OFFICER' && filer.unitId !== draft.serviceUnitId)
      return err(submissionError('REQUEST_FILER_NOT_ALLOWED'));
    const citizen = draft.citizen;
    if (citizen?.role !== 'CITIZEN' || citizen.disabled) {
      const counter = filer.kind === 'OFFICER';
      return err(
        invalid([
          {
            field: 'citizenEmail',
            code: draft.citizenNamed ? 'NOT_ALLOWED' : 'REQUIRED',
            message: counter
              ? {
                  id: 'Sebutkan akun warga yang dilayani di loket',
                  en: 'Name the citizen account served at the counter',
                }
              : {
                  id: 'Sebutkan email akun warga terdaftar yang mengajukan',
                  en: 'Give the email of the registered citizen account filing the request',
                },
          },
        ]),
      );
    }
    citizenAccountId = citizen.accountId;
  }
  const problems: FieldError[] = [];
  const text = draft.text;
  const textProblem = requestTextProblem(text, 'text');
  if (textProblem) problems.push(textProblem);
  const raw = draft.values ?? {};
  const values =
    raw && typeof raw === 'object' && !Array.isArray(raw)
      ? validateAttributeValues(draft.attributes, raw as Record<string, unknown>, { today: draft.today })
      : null;
  if (!values)
    problems.push({
      field: 'attributes',
      code: 'INVALID_TYPE',
      message: { id: 'Isian harus berupa objek per kode', en: 'Attributes must be an object by code' },
    });
  else if (!values.ok)
    for (const f of values.error.fields) problems.push({ ...f, field: `attributes.${f.field}` });
  if (problems.length > 0 || !values?.ok) return err(invalid(problems));
  return ok({
    channel: filer.kind === 'OFFICER' ? 'COUNTER' : 'ONLINE',
    citizenAccountId,
    contact,
    text,
    attributeValues: values.value,
  });
}

function requestTextProblem(text: string, field: string): FieldError | null {
  if (text.trim() === '')
    return {
      field,
      code: 'REQUIRED',
      message: { id: 'Uraian permohonan wajib diisi', en: 'Describe your request' },
    };
  const unsupported = characterProblem(field, text);
  if (unsupported) return unsupported;
  if (textLength(text) > MAX_REQUEST_TEXT)
    return {
      field,
      code: 'TOO_LONG',
      message: {
        id: `Uraian maksimal ${MAX_REQUEST_TEXT} karakter`,
        en: `At most ${MAX_REQUEST_TEXT} characters`,
      },
    };
  return null;
}

export type SubmissionPlanInput = {
  readonly submitter: Submitter;
  readonly now: Date;
  readonly calendar: WorkingCalendar;
  /** Active staff of the owning unit with their competencies and open requests. */
  readonly candidates: readonly AssignmentCandidate[];
  /** The competency the service version requires, if any. */
  readonly requirement?: { readonly competency: string; readonly level: number } | null;
};

export type SubmissionPlan = {
  /** The WIB year whose tracking-code sequence numbers the request. */
  readonly trackingYear: number;
  readonly submittedAt: Date;
  /** SP4N-LAPOR!: verified within 3 working days of submission. */
  readonly verificationDueOn: string;
  /** Null when no candidate qualifies: the request waits in the unit's queue for the supervisor. */
  readonly assigneeStaffId: string | null;
  readonly firstEvent: {
    readonly sequence: 1;
    readonly kind: 'SUBMITTED';
    readonly toState: RequestState;
    readonly actorKind: string;
    readonly actorAccountId: string | null;
    readonly internalNote: string | null;
    readonly assigneeStaffId: string | null;
    readonly at: Date;
  };
};

/** The deadline, assignee and first trail entry of a request filed at `now`. */
export function planSubmission(input: SubmissionPlanInput): SubmissionPlan {
  const today = jakartaDay(input.now);
  const picked = pickAssignee(input.candidates, input.requirement ?? undefined);
  const assigneeStaffId = picked.ok ? picked.value.staffId : null;
  return {
    trackingYear: jakartaYear(input.now),
    submittedAt: input.now,
    verificationDueOn: addWorkingDays(today, REQUEST_VERIFICATION_WORKING_DAYS, input.calendar),
    assigneeStaffId,
    firstEvent: {
      sequence: 1,
      kind: 'SUBMITTED',
      toState: 'SUBMITTED',
      actorKind: input.submitter.actorKind,
      actorAccountId: input.submitter.actorAccountId,
      internalNote: assigneeStaffId
        ? null
        : 'Tidak ada petugas berkompetensi; menunggu penugasan atasan / no competent staff; awaiting assignment',
      assigneeStaffId,
      at: input.now,
    },
  };
}

/**
 * What a filing says, as stored: the service, the citizen it is for, the citizen's words, the
 * attribute values (as `checkSubmission` returns them), for Open311 the location fields
 * (coordinates, address, device, media URLs), and the SHA-256 of every file filed with it (as
 * stored). Two filings are the same request when all of these are equal (object keys and files
 * in any order); no file and no location equal none given.
 */
export type SubmissionContent = {
  readonly serviceId: string;
  readonly citizenAccountId: string;
  readonly text: string;
  readonly attributeValues: unknown;
  readonly location?: unknown;
  readonly files?: readonly string[];
};

/** JSON with object keys sorted, so equal content compares equal whatever its key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Whether two filings say the same thing (see `SubmissionContent`). */
export function sameSubmission(a: SubmissionContent, b: SubmissionContent): boolean {
  return (
    a.serviceId === b.serviceId &&
    a.citizenAccountId === b.citizenAccountId &&
    a.text === b.text &&
    canonical(a.attributeValues) === canonical(b.attributeValues) &&
    canonical(a.location ?? null) === canonical(b.location ?? null) &&
    canonical([...(a.files ?? [])].sort()) === canonical([...(b.files ?? [])].sort())
  );
}

/**
 * A filing that reuses an idempotency key of the same submitter: a retry of the same request is
 * answered with the request filed first; the key reused for different content is refused, never
 * answered with a request the citizen did not file (IETF draft "The Idempotency-Key HTTP Header
 * Field": a key reused with a different payload is an error). Errors: IDEMPOTENCY_KEY_REUSED.
 */
export function keyedRetry(
  first: SubmissionContent,
  again: SubmissionContent,
): Result<'SAME_REQUEST', RetryError> {
  return sameSubmission(first, again) ? ok('SAME_REQUEST') : err(submissionError('IDEMPOTENCY_KEY_REUSED'));
}

/** How long a filing without a key may be taken for a retry of an earlier one (minutes). */
export const IMPLICIT_RETRY_WINDOW_MINUTES = 10;

export type RetryCandidate = {
  readonly state: RequestState;
  readonly submittedAt: Date;
  readonly content: SubmissionContent;
};

/**
 * A filing without an idempotency key (Open311 has none) that repeats an earlier one of the same
 * client is a retry only while that request is still open and was filed less than
 * IMPLICIT_RETRY_WINDOW_MINUTES before `now`: a citizen who files again after a rejection
 * ("ajukan ulang") or the next day files a new request with a new tracking code. `candidates`
 * are the same client's recent requests; returns the one retried, or null.
 */
export function implicitRetryOf<C extends RetryCandidate>(
  candidates: readonly C[],
  again: SubmissionContent,
  now: Date,
): C | null {
  const since = now.getTime() - IMPLICIT_RETRY_WINDOW_MINUTES * 60_000;
  return (
    candidates.find(
      (c) =>
        OPEN_REQUEST_STATES.includes(c.state) &&
        c.submittedAt.getTime() >= since &&
        c.submittedAt.getTime() <= now.getTime() &&
        sameSubmission(c.content, again),
    ) ?? null
  );
}
