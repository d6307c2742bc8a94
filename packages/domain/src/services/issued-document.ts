import { addCalendarDays, daysInMonth, jakartaDay, toDayNumber, toDayString } from '../calendar/day.js';
import { type DomainError, errorFactory, type FieldError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { characterProblem, checkTextLength, textLength } from '../text-limits.js';
import type { ServiceAttribute } from './attributes.js';
import { ISSUED_DOCUMENT_ERROR_MESSAGES, type IssuedDocumentErrorCode } from './messages.js';
import type { ServiceKind } from './service-standard.js';

/*
 * Issued documents (issue 19 item 5): when a permit or a registration is completed, its unit
 * issues the output document (the "produk pelayanan" of the service standard, UU 25/2009 art. 21)
 * as a PDF, numbered, signed and verifiable by anyone at `/verifikasi/<number>`. These are its
 * rules: which services issue one, the number, the template and its filling, the validity, the
 * revocation and what the public verification shows. The signature is the city's own (Ed25519),
 * not a certified electronic signature (TTE under PP 71/2019).
 */

const documentError = errorFactory(ISSUED_DOCUMENT_ERROR_MESSAGES);

/** Permits and registrations end in a document; complaints and information requests do not. */
export function issuesDocument(kind: ServiceKind): boolean {
  return kind === 'PERMIT' || kind === 'REGISTRATION';
}

export type DocumentNumber = {
  readonly unitCode: string;
  readonly serviceCode: string;
  /** Per unit, service and year, from 1. */
  readonly sequence: number;
  /** The year of issue (WIB). */
  readonly year: number;
};

const CODE = /^[A-Z0-9][A-Z0-9_-]{0,39}$/;
const NUMBER = /^([A-Z0-9][A-Z0-9_-]{0,39})\/([A-Z0-9][A-Z0-9_-]{0,39})\/(\d{6,})\/(\d{4})$/;

/**
 * The document number `<unit code>/<service code>/<sequence, 6 digits or more>/<year>`, e.g.
 * `DPMPTSP/PBG/000123/2026`, in the order of Indonesian letter numbers (unit, matter, sequence,
 * year). Throws RangeError for inputs no caller should pass (a bug, not a user error).
 */
export function formatDocumentNumber(n: DocumentNumber): string {
  if (!CODE.test(n.unitCode)) throw new RangeError(`Invalid unit code ${n.unitCode}`);
  if (!CODE.test(n.serviceCode)) throw new RangeError(`Invalid service code ${n.serviceCode}`);
  if (!Number.isSafeInteger(n.sequence) || n.sequence < 1)
    throw new RangeError(`Invalid sequence ${n.sequence}`);
  if (!Number.isInteger(n.year) || n.year < 1000 || n.year > 9999)
    throw new RangeError(`Invalid year ${n.year}`);
  return `${n.unitCode}/${n.serviceCode}/${String(n.sequence).padStart(6, '0')}/${n.year}`;
}

/**
 * Reads a document number as typed or scanned: surrounding spaces and case are ignored.
 * Error: DOCUMENT_NUMBER_INVALID.
 */
export function parseDocumentNumber(
  input: string,
): Result<DocumentNumber & { readonly text: string }, DomainError<IssuedDocumentErrorCode>> {
  const text = String(input).trim().toUpperCase();
  const m = NUMBER.exec(text);
  const sequence = m ? Number(m[3]) : 0;
  if (!m || sequence < 1 || !Number.isSafeInteger(sequence) || Number(m[4]) < 1000) {
    return err(documentError('DOCUMENT_NUMBER_INVALID', { input }));
  }
  return ok({ unitCode: m[1] ?? '', serviceCode: m[2] ?? '', sequence, year: Number(m[4]), text });
}

/**
 * A service's document template (catalogue data, `Service.documentTemplate`): the title printed
 * at the top, the body lines with `{{placeholders}}`, and how long the document is valid.
 */
export type DocumentTemplate = {
  readonly title: string;
  /**
   * Body lines. Placeholders: `{{trackingCode}}`, `{{service}}`, `{{applicant}}` (the name the
   * citizen filed under), `{{submittedOn}}`, `{{completedOn}}` and `{{attr.<code>}}` (a request
   * attribute, a list value by its label). An unknown or empty one prints as "—".
   */
  readonly lines: readonly string[];
  /** Months the document is valid from its issue day; null: valid without end. */
  readonly validityMonths: number | null;
};

const MAX_TEMPLATE_LINES = 40;
const MAX_LINE = 300;

/**
 * Checks a template read from the catalogue (unknown JSON). Errors: DOCUMENT_TEMPLATE_INVALID,
 * with the first problem in `details.problem`.
 */
export function checkDocumentTemplate(
  value: unknown,
): Result<DocumentTemplate, DomainError<IssuedDocumentErrorCode>> {
  const invalid = (problem: string) => err(documentError('DOCUMENT_TEMPLATE_INVALID', { problem }));
  if (!value || typeof value !== 'object') return invalid('not an object');
  const t = value as Record<string, unknown>;
  if (typeof t.title !== 'string' || t.title.trim() === '' || textLength(t.title) > 120)
    return invalid('title');
  if (!Array.isArray(t.lines) || t.lines.length > MAX_TEMPLATE_LINES) return invalid('lines');
  for (const line of t.lines) {
    if (typeof line !== 'string' || textLength(line) > MAX_LINE || characterProblem('lines', line)) {
      return invalid('lines');
    }
  }
  const months = t.validityMonths;
  if (months !== null && (!Number.isInteger(months) || (months as number) < 1 || (months as number) > 1200)) {
    return invalid('validityMonths');
  }
  return ok({ title: t.title.trim(), lines: t.lines as string[], validityMonths: months as number | null });
}

/**
 * The template of a permit or registration whose catalogue entry has none: the product of its
 * service standard as the title, the request's facts and every attribute, valid without end.
 */
export function defaultDocumentTemplate(service: {
  readonly product: string;
  readonly attributeCodes: readonly string[];
}): DocumentTemplate {
  return {
    title: service.product.trim() || 'Dokumen Layanan',
    lines: [
      'Layanan: {{service}}',
      'Nomor permohonan: {{trackingCode}}',
      'Nama pemohon: {{applicant}}',
      ...service.attributeCodes.map((code) => `${code}: {{attr.${code}}}`),
      'Diajukan: {{submittedOn}}; selesai: {{completedOn}}',
    ],
    validityMonths: null,
  };
}

/** One template line with its placeholders replaced from `values`; an unknown or empty one is "—". */
export function fillTemplateLine(line: string, values: Readonly<Record<string, string>>): string {
  return line.replace(/\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g, (_, key: string) => {
    const value = Object.hasOwn(values, key) ? values[key] : undefined;
    return value === undefined || value.trim() === '' ? '—' : value;
  });
}

/**
 * The placeholder values of a request (see DocumentTemplate.lines): its facts as given (dates
 * already written out) and each attribute, a list value by its Indonesian label, several joined
 * with commas.
 */
export function documentPlaceholderValues(input: {
  readonly facts: Readonly<
    Record<'trackingCode' | 'service' | 'applicant' | 'submittedOn' | 'completedOn', string>
  >;
  readonly attributes: readonly ServiceAttribute[];
  readonly values: Readonly<Record<string, unknown>>;
}): Record<string, string> {
  const result: Record<string, string> = { ...input.facts };
  for (const attribute of input.attributes) {
    const raw = input.values[attribute.code];
    const label = (key: unknown) => attribute.values?.find((v) => v.key === key)?.name?.id ?? String(key);
    if (raw === undefined || raw === null) continue;
    result[`attr.${attribute.code}`] = Array.isArray(raw)
      ? raw.map(label).join(', ')
      : attribute.values
        ? label(raw)
        : String(raw);
  }
  return result;
}

/**
 * The last day a document issued on `issuedOn` (WIB) is valid: the day before the same date
 * `months` later (the end of a shorter month when that date does not exist: issued 31 January
 * for one month → valid to 27 February, the day before 28 February). null months: no end (null).
 */
export function documentValidUntil(issuedOn: string, months: number | null): string | null {
  if (months === null) return null;
  const [y, m, d] = toDayString(issuedOn).split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  const anniversary = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return addCalendarDays(anniversary, -1);
}

export type IssuedDocumentStatus = 'CURRENT' | 'EXPIRED' | 'REVOKED';

/** Revoked wins over expired; expired once `today` (WIB) is after the last valid day. */
export function issuedDocumentStatus(
  document: { readonly revokedAt: Date | null; readonly validUntil: string | null },
  today: string,
): IssuedDocumentStatus {
  if (document.revokedAt) return 'REVOKED';
  if (document.validUntil !== null && toDayNumber(today) > toDayNumber(document.validUntil)) return 'EXPIRED';
  return 'CURRENT';
}

export const MAX_REVOCATION_REASON = 1000;

/**
 * Plans a revocation: the document must not be revoked yet (the first revocation is never
 * overwritten), and the reason is 5–1000 characters (it is shown publicly on the verification
 * page, so staff must not write personal data in it). Errors: DOCUMENT_ALREADY_REVOKED; a
 * `reason` field error (TOO_SHORT / TOO_LONG / unsupported character).
 */
export function planRevocation(input: {
  readonly document: { readonly revokedAt: Date | null };
  readonly reason: string;
  readonly now: Date;
}): Result<
  { readonly revokedAt: Date; readonly reason: string },
  FieldError | DomainError<IssuedDocumentErrorCode>
> {
  if (input.document.revokedAt) return err(documentError('DOCUMENT_ALREADY_REVOKED'));
  const reason = checkTextLength('reason', input.reason, { min: 5, max: MAX_REVOCATION_REASON });
  if (!reason.ok) return reason;
  return ok({ revokedAt: input.now, reason: reason.value });
}

/** What is stored of an issued document, as the public verification reads it. */
export type IssuedDocumentRecord = {
  readonly number: string;
  readonly serviceCode: string;
  readonly serviceName: string;
  readonly unitCode: string;
  readonly unitName: string;
  readonly issuedAt: Date;
  readonly validUntil: string | null;
  readonly sha256: string;
  readonly signature: string;
  readonly algorithm: string;
  readonly keyId: string;
  readonly publicKey: string;
  readonly revokedAt: Date | null;
  readonly revocationReason: string | null;
};

/** What anyone may see at `/verifikasi/<number>`. */
export type PublicVerification = Omit<IssuedDocumentRecord, 'issuedAt' | 'revokedAt'> & {
  readonly status: IssuedDocumentStatus;
  /** Issue day (WIB). */
  readonly issuedOn: string;
  /** Revocation day (WIB), or null. */
  readonly revokedOn: string | null;
};

/**
 * The public verification of a document: its status, the signed content hash with the signature
 * and the key that made it, the issuing unit, the service and the dates — and no personal data:
 * not the holder, not the request, not the officer (the PDF the holder shows states those).
 */
export function publicVerification(document: IssuedDocumentRecord, today: string): PublicVerification {
  const { issuedAt, revokedAt, ...shown } = document;
  return {
    number: shown.number,
    serviceCode: shown.serviceCode,
    serviceName: shown.serviceName,
    unitCode: shown.unitCode,
    unitName: shown.unitName,
    validUntil: shown.validUntil,
    sha256: shown.sha256,
    signature: shown.signature,
    algorithm: shown.algorithm,
    keyId: shown.keyId,
    publicKey: shown.publicKey,
    revocationReason: revokedAt ? shown.revocationReason : null,
    status: issuedDocumentStatus(document, today),
    issuedOn: jakartaDay(issuedAt),
    revokedOn: revokedAt ? jakartaDay(revokedAt) : null,
  };
}

/**
 * Whether a file someone holds is the issued document: its SHA-256 (hex, any case) equals the
 * signed hash. A document that matches but is revoked or expired is still not valid: read the
 * status beside it.
 */
export function documentHashMatches(signedSha256: string, fileSha256: string): boolean {
  return /^[0-9a-f]{64}$/i.test(fileSha256) && signedSha256.toLowerCase() === fileSha256.toLowerCase();
}
