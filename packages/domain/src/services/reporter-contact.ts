// Reporters without a Layanan account (issue 17 item 1): an API key (FixMyStreet's Open311 POST,
// a GraphQL client) files for a person it names by contact details only. The request keeps
// those details and no account is made; the person may later claim the request — attach it to
// their own citizen account — by proving the address is theirs with a one-time code. The rules
// below are over plain data: `now` and the random bytes are inputs.

import { normalizeEmail, normalizePhone } from '../accounts/identifiers.js';
import { type DomainError, errorFactory, type FieldError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { characterProblem, textLength } from '../text-limits.js';
import { REPORTER_CLAIM_ERROR_MESSAGES, type ReporterClaimErrorCode } from './messages.js';
import { isOpen311ExtendedStatus } from './open311-status.js';

const claimError = errorFactory(REPORTER_CLAIM_ERROR_MESSAGES);
export type ReporterClaimError = DomainError<ReporterClaimErrorCode>;

/** The longest first or last name kept (characters). */
export const MAX_REPORTER_NAME = 100;
/** How long a claim code is valid (minutes). */
export const CLAIM_CODE_TTL_MINUTES = 30;
/** Wrong tries against one code before it is void. */
export const CLAIM_CODE_MAX_ATTEMPTS = 5;
/** Codes sent for one request in all (each send voids the one before). */
export const CLAIM_CODES_MAX = 5;
/** Digits of a claim code. */
export const CLAIM_CODE_DIGITS = 8;

/** The contact details a client sent, as given (any may be missing or blank). */
export type ReporterContactInput = {
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly firstName?: string | null;
  readonly lastName?: string | null;
};

/** Contact details in their one spelling: at least one of `email` and `phone`. */
export type ReporterContact = {
  readonly email: string | null;
  readonly phone: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
};

const blank = (s: string | null | undefined) => (s ?? '').trim() === '';

/**
 * Checks the contact details of a reporter without an account: an e-mail address
 * (`normalizeEmail`) or an Indonesian mobile number (`normalizePhone`, to +62…), at least one;
 * names of at most MAX_REPORTER_NAME characters with no unsupported character. Fields are named
 * `reporter.email`, `reporter.phone`, `reporter.firstName`, `reporter.lastName` (the Open311 route
 * reports them as `email`, `phone`, `first_name`, `last_name`). Codes: REQUIRED (neither address),
 * INVALID_FORMAT (an address of the wrong form), TOO_LONG, INVALID_CHARACTER.
 */
export function checkReporterContact(input: ReporterContactInput): Result<ReporterContact, FieldError[]> {
  const problems: FieldError[] = [];
  let email: string | null = null;
  let phone: string | null = null;
  if (!blank(input.email)) {
    const e = normalizeEmail(input.email as string);
    if (e.ok) email = e.value;
    else
      problems.push({
        field: 'reporter.email',
        code: 'INVALID_FORMAT',
        message: { id: 'Alamat email pelapor tidak valid', en: 'The reporter’s e-mail address is not valid' },
      });
  }
  if (!blank(input.phone)) {
    const p = normalizePhone(input.phone as string);
    if (p.ok) phone = p.value;
    else
      problems.push({
        field: 'reporter.phone',
        code: 'INVALID_FORMAT',
        message: {
          id: 'Nomor ponsel pelapor tidak valid (nomor seluler Indonesia)',
          en: 'The reporter’s mobile number is not valid (an Indonesian mobile number)',
        },
      });
  }
  if (blank(input.email) && blank(input.phone))
    problems.push({
      field: 'reporter.email',
      code: 'REQUIRED',
      message: {
        id: 'Sebutkan email atau nomor ponsel pelapor',
        en: 'Give the reporter’s e-mail address or mobile number',
      },
    });
  const name = (key: 'firstName' | 'lastName'): string | null => {
    const value = input[key]?.trim() ?? '';
    if (value === '') return null;
    const field = `reporter.${key}`;
    const unsupported = characterProblem(field, value);
    if (unsupported) problems.push(unsupported);
    else if (textLength(value) > MAX_REPORTER_NAME)
      problems.push({
        field,
        code: 'TOO_LONG',
        message: {
          id: `Nama paling banyak ${MAX_REPORTER_NAME} karakter`,
          en: `At most ${MAX_REPORTER_NAME} characters`,
        },
      });
    return value;
  };
  const firstName = name('firstName');
  const lastName = name('lastName');
  if (problems.length > 0) return err(problems);
  return ok({ email, phone, firstName, lastName });
}

/**
 * Who a filing by an officer or a system is for. A named e-mail of a registered account files
 * for that account (it must be an active citizen: `checkSubmission`). Otherwise only a system
 * (an API key with `requests:write`) may file for a person by contact details alone: counter
 * staff register the citizen first. Returns `contact` when the filing is for a reporter without
 * an account, `account` when it is for the named account.
 */
export function reporterOfFiling(input: {
  readonly filerKind: 'OFFICER' | 'SYSTEM';
  /** Whether the e-mail given names an existing account. */
  readonly accountFound: boolean;
  /** Whether the filing gives contact details (an e-mail or a phone). */
  readonly contactGiven: boolean;
}): 'account' | 'contact' {
  if (input.accountFound || input.filerKind !== 'SYSTEM' || !input.contactGiven) return 'account';
  return 'contact';
}

/** How a claim code reaches the reporter: their e-mail, else their phone by SMS. */
export type ClaimChannel = 'email' | 'sms';

/**
 * Whether a claim code may be sent for a request, and where. Claimable: the request was filed
 * for a reporter without an account and not yet claimed (`contact` non-null); the caller is an
 * active citizen account. The code goes to the e-mail address; a phone-only reporter gets it by
 * SMS only when an SMS channel is configured. At most CLAIM_CODES_MAX codes per request.
 * Errors: REQUEST_CLAIM_NOT_POSSIBLE (not claimable, or the caller is not a citizen: one
 * refusal, so that tracking codes cannot be probed), REQUEST_CLAIM_NO_CHANNEL,
 * REQUEST_CLAIM_CODES_EXHAUSTED.
 */
export function claimCodeIssue(input: {
  readonly contact: {
    readonly email: string | null;
    readonly phone: string | null;
    readonly codesSent: number;
  } | null;
  readonly callerIsCitizen: boolean;
  readonly smsAvailable: boolean;
  readonly now: Date;
}): Result<{ channel: ClaimChannel; address: string; expiresAt: Date }, ReporterClaimError> {
  const { contact } = input;
  if (!contact || !input.callerIsCitizen) return err(claimError('REQUEST_CLAIM_NOT_POSSIBLE'));
  if (contact.codesSent >= CLAIM_CODES_MAX) return err(claimError('REQUEST_CLAIM_CODES_EXHAUSTED'));
  const expiresAt = new Date(input.now.getTime() + CLAIM_CODE_TTL_MINUTES * 60_000);
  if (contact.email) return ok({ channel: 'email', address: contact.email, expiresAt });
  if (contact.phone && input.smsAvailable) return ok({ channel: 'sms', address: contact.phone, expiresAt });
  return err(claimError('REQUEST_CLAIM_NO_CHANNEL'));
}

/** A claim code from random bytes the caller draws (at least CLAIM_CODE_DIGITS): digits only. */
export function claimCode(random: Uint8Array): string {
  if (random.length < CLAIM_CODE_DIGITS) throw new Error(`claimCode needs ${CLAIM_CODE_DIGITS} random bytes`);
  let out = '';
  for (let i = 0; i < CLAIM_CODE_DIGITS; i++) out += String((random[i] as number) % 10);
  return out;
}

/** The one spelling of a typed claim code (spaces and dashes dropped), or null if it cannot be one. */
export function claimCodeSpelling(typed: string | null | undefined): string | null {
  const s = (typed ?? '').replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${CLAIM_CODE_DIGITS}}$`).test(s) ? s : null;
}

/**
 * Checks a presented claim code against the one in force. The code is bound to the account that
 * asked for it; it is void after CLAIM_CODE_TTL_MINUTES or CLAIM_CODE_MAX_ATTEMPTS wrong tries.
 * `matches`: whether the presented code's hash equals the stored one (compared by the caller in
 * constant time). Returns `ok` to claim, or the error with `attempts` (the wrong tries to store).
 * Errors: REQUEST_CLAIM_NOT_POSSIBLE (nothing to claim), REQUEST_CLAIM_CODE_EXPIRED (no code in
 * force for this account, expired, or tries spent), REQUEST_CLAIM_CODE_WRONG.
 */
export function checkClaimCode(input: {
  readonly contact: {
    readonly codeAccountId: string | null;
    readonly expiresAt: Date | null;
    readonly attempts: number;
  } | null;
  readonly accountId: string;
  readonly matches: boolean;
  readonly now: Date;
}): Result<true, ReporterClaimError & { attempts?: number }> {
  const { contact } = input;
  if (!contact) return err(claimError('REQUEST_CLAIM_NOT_POSSIBLE'));
  if (
    contact.codeAccountId !== input.accountId ||
    !contact.expiresAt ||
    contact.expiresAt.getTime() <= input.now.getTime() ||
    contact.attempts >= CLAIM_CODE_MAX_ATTEMPTS
  )
    return err(claimError('REQUEST_CLAIM_CODE_EXPIRED'));
  if (!input.matches)
    return err({ ...claimError('REQUEST_CLAIM_CODE_WRONG'), attempts: contact.attempts + 1 });
  return ok(true);
}

/** What an Open311 client's update asks for: a comment, or a reopen of a decided request. */
export type ClientUpdateKind = 'COMMENT' | 'REOPEN';

/**
 * Reads an Open311 `POST servicerequestupdates`: `status` OPEN (or REOPEN, which FixMyStreet
 * sends with its extended statuses on when its user reopens a report) on a request Layanan has
 * closed (completed or rejected) asks to reopen it (the reporter contests the outcome:
 * `planReporterAnswer`); any other update is a comment, which needs a description. `status` may
 * be OPEN, CLOSED, REOPEN or one of OPEN311_EXTENDED_STATUSES (FixMyStreet's report state, e.g.
 * FIXED when its user marks the report fixed: a comment; Layanan's state is the unit's to set). Only the API
 * key that filed the request may post updates to it. Field names are the Open311 parameters.
 * Errors: OPEN311_UPDATE_NOT_ALLOWED; field errors (`update_id` REQUIRED or TOO_LONG,
 * `description` REQUIRED, `status` INVALID_FORMAT).
 */
export function clientUpdate(input: {
  readonly filedByCaller: boolean;
  readonly updateId: string | null;
  readonly status: string | null;
  readonly description: string;
  /** Whether the request is open in Layanan (not completed, rejected or withdrawn). */
  readonly requestOpen: boolean;
}): Result<ClientUpdateKind, ReporterClaimError | { fields: FieldError[] }> {
  const fields: FieldError[] = [];
  const updateId = input.updateId?.trim() ?? '';
  if (updateId === '')
    fields.push({
      field: 'update_id',
      code: 'REQUIRED',
      message: { id: 'update_id wajib diisi', en: 'update_id is required' },
    });
  else if (textLength(updateId) > 100)
    fields.push({
      field: 'update_id',
      code: 'TOO_LONG',
      message: { id: 'update_id paling banyak 100 karakter', en: 'update_id has at most 100 characters' },
    });
  const status = (input.status ?? '').trim().toUpperCase();
  if (status !== '' && status !== 'REOPEN' && !isOpen311ExtendedStatus(status))
    fields.push({
      field: 'status',
      code: 'INVALID_FORMAT',
      message: {
        id: 'status harus OPEN, CLOSED, REOPEN atau status Open311 yang diperluas (mis. FIXED)',
        en: 'status must be OPEN, CLOSED, REOPEN or an extended Open311 status (e.g. FIXED)',
      },
    });
  const reopen = (status === 'OPEN' || status === 'REOPEN') && !input.requestOpen;
  if (!reopen && input.description.trim() === '')
    fields.push({
      field: 'description',
      code: 'REQUIRED',
      message: { id: 'Tuliskan isi pembaruan', en: 'Write the update' },
    });
  if (fields.length > 0) return err({ fields });
  if (!input.filedByCaller) return err(claimError('OPEN311_UPDATE_NOT_ALLOWED'));
  return ok(reopen ? 'REOPEN' : 'COMMENT');
}
