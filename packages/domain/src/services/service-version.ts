import { type DomainError, type FieldError, type InvalidInputError, invalidInputError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { reasonProblem } from '../text-limits.js';
import { type ServiceAttribute, validateServiceAttributes } from './attributes.js';
import { validateServiceUpdate } from './catalogue-entry.js';
import { type DocumentSlot, validateDocumentSlots } from './document-slots.js';
import { SERVICE_VERSION_ERROR_MESSAGES } from './messages.js';
import { type ServiceStandard, validateServiceStandard } from './service-standard.js';

/*
 * The versioned catalogue (issue 4): each publication of a service standard (UU 25/2009 art. 21)
 * is a new version, and requests keep the version they were filed under.
 */

/** SERVICE_CODE_TAKEN for `code`, its messages naming the code. */
export function serviceCodeTaken(code: string): DomainError<'SERVICE_CODE_TAKEN'> {
  return {
    code: 'SERVICE_CODE_TAKEN',
    message: { id: `Kode layanan ${code} sudah dipakai`, en: `Service code ${code} is already taken` },
    details: { code },
  };
}

/** Upper-case letters, digits and dashes, 2–40 characters, starting with a letter (SIUP-MIKRO). */
export const SERVICE_CODE_PATTERN = /^[A-Z][A-Z0-9-]{1,39}$/;

/** The catalogue code as stored: trimmed, upper-case. */
export const normalizeServiceCode = (code: string): string => code.trim().toUpperCase();

/** Field errors of a new catalogue entry's code and description (the version is checked apart). */
export function serviceEntryProblems(code: string, description: string): FieldError[] {
  const fields: FieldError[] = [];
  if (!SERVICE_CODE_PATTERN.test(code)) {
    fields.push({
      field: 'code',
      code: 'INVALID_FORMAT',
      message: {
        id: 'Kode layanan: huruf besar, angka dan tanda hubung (2–40)',
        en: 'Service code: upper-case letters, digits and dashes (2–40)',
      },
    });
  }
  const checked = validateServiceUpdate({ description });
  if (!checked.ok) fields.push(...checked.error.fields);
  return fields;
}

export type ServiceVersionDraft = {
  readonly nameId: string;
  readonly nameEn: string;
  readonly standard: Readonly<Record<string, unknown>>;
  readonly attributes: readonly unknown[];
  /** The competency code asked for, or null for none. */
  readonly requiredCompetencyCode: string | null;
  /** The competency found for that code (looked up by the caller), or null if unknown. */
  readonly requiredCompetency: { readonly id: string } | null;
  readonly requiredLevel: number | null;
  /** The requirements as document slots (`validateDocumentSlots`); absent or null = none. */
  readonly documentSlots?: unknown;
};

export type CheckedServiceVersion = {
  readonly nameId: string;
  readonly nameEn: string;
  readonly standard: ServiceStandard;
  readonly attributes: ServiceAttribute[];
  /** Working days (the standard's COMPLETION_TIME). */
  readonly completionDays: number;
  /** Rupiah; a COST described in words (a tariff table) counts as 0 in the catalogue. */
  readonly costIdr: number;
  readonly requiredCompetencyId: string | null;
  readonly requiredLevel: number | null;
  readonly documentSlots: DocumentSlot[];
};

const NAME_LABELS = {
  nameId: { id: 'Nama layanan', en: 'service name' },
  nameEn: { id: 'Nama layanan (Inggris)', en: 'English service name' },
} as const;

/**
 * Every rule of a version at once, so the admin sees every problem in one answer: both names
 * (`validateServiceUpdate`), the 14 components of the standard, the attributes, the document
 * slots (`validateDocumentSlots`, fields `documentSlots[i].…`), and a required
 * competency that exists with a level of 1–5 (a level needs a competency).
 * Errors: SERVICE_VERSION_INVALID with the fields.
 */
export function checkServiceVersion(
  draft: ServiceVersionDraft,
): Result<CheckedServiceVersion, InvalidInputError<'SERVICE_VERSION_INVALID'>> {
  const fields: FieldError[] = [];
  for (const key of ['nameId', 'nameEn'] as const) {
    const r = validateServiceUpdate({ name: draft[key] });
    if (!r.ok) {
      const label = NAME_LABELS[key];
      for (const f of r.error.fields)
        fields.push({
          field: key,
          code: f.code,
          message: { id: `${label.id}: ${f.message.id}`, en: `The ${label.en}: ${f.message.en}` },
        });
    }
  }
  const standard = validateServiceStandard(draft.standard);
  if (!standard.ok) {
    const m = standard.error.message;
    for (const f of standard.error.fields)
      fields.push({
        field: `standard.${f.field}`,
        code: f.code,
        message: { id: `${m.id} ${f.field}: ${f.message.id}`, en: `${m.en} ${f.field}: ${f.message.en}` },
      });
  }
  const attributes = validateServiceAttributes(draft.attributes);
  if (!attributes.ok) fields.push(...attributes.error.fields);
  const slots = validateDocumentSlots(draft.documentSlots);
  if (!slots.ok) fields.push(...slots.error);
  if (draft.requiredCompetencyCode) {
    if (!draft.requiredCompetency)
      fields.push({
        field: 'requiredCompetencyCode',
        code: 'NOT_ALLOWED',
        message: {
          id: `Kompetensi "${draft.requiredCompetencyCode}" tidak dikenal`,
          en: `Unknown competency "${draft.requiredCompetencyCode}"`,
        },
      });
    const level = draft.requiredLevel;
    if (level == null || !Number.isInteger(level) || level < 1 || level > 5)
      fields.push({
        field: 'requiredLevel',
        code: 'OUT_OF_RANGE',
        message: { id: 'Tingkat kompetensi harus 1–5', en: 'The competency level must be 1–5' },
      });
  } else if (draft.requiredLevel != null) {
    fields.push({
      field: 'requiredLevel',
      code: 'NOT_ALLOWED',
      message: { id: 'Tingkat diisi tanpa kompetensi', en: 'A level was given without a competency' },
    });
  }
  if (fields.length > 0 || !standard.ok || !attributes.ok || !slots.ok)
    return err(invalidInputError('SERVICE_VERSION_INVALID', SERVICE_VERSION_ERROR_MESSAGES, fields));
  const cost = standard.value.COST;
  const requiredCompetencyId = draft.requiredCompetency?.id ?? null;
  return ok({
    nameId: draft.nameId.trim(),
    nameEn: draft.nameEn.trim(),
    standard: standard.value,
    attributes: attributes.value,
    completionDays: standard.value.COMPLETION_TIME,
    costIdr: typeof cost === 'number' ? cost : 0,
    requiredCompetencyId,
    requiredLevel: requiredCompetencyId ? draft.requiredLevel : null,
    documentSlots: slots.value,
  });
}

/**
 * A publication says what changed: the note is required, at most REASON_MAX characters.
 * Errors: a `note` field error (REQUIRED, TOO_LONG, INVALID_CHARACTER).
 */
export function checkVersionNote(note: string): Result<string, FieldError> {
  const trimmed = note.trim();
  if (trimmed === '')
    return err({
      field: 'note',
      code: 'REQUIRED',
      message: { id: 'Catatan perubahan wajib diisi', en: 'A change note is required' },
    });
  const tooLong = reasonProblem('note', trimmed);
  return tooLong ? err(tooLong) : ok(trimmed);
}

/** Note of the first version of a service. */
export const INITIAL_VERSION_NOTE = 'Versi awal / initial version';
/** Note of a version published by an edit of the catalogue entry. */
export const CATALOGUE_EDIT_VERSION_NOTE = 'Diubah lewat updateService / changed through updateService';

/** The catalogue entry's copy of the current standard. */
export type CatalogueEntryStandard = {
  readonly name: string;
  readonly completionDays: number;
  readonly costIdr: number;
};

/** The parts of the current version a catalogue edit can change. */
export type VersionStandard = {
  readonly version: number;
  readonly nameId: string;
  readonly completionDays: number;
  readonly standard: Readonly<Record<string, unknown>>;
};

/**
 * The versioning rule of a catalogue edit: requests are filed under a version of the standard,
 * so a changed name, completion time or cost needs a new version (the current one with the
 * changes, `lastVersion + 1`); other edits (description, publication) do not. Returns the new
 * version's changed fields, or null when no version is needed. A rename is published at once; a
 * completion time or cost is part of the standard, so its version is only proposed (four eyes,
 * `service-change.ts`).
 */
export function versionForCatalogueEdit(
  entry: CatalogueEntryStandard,
  current: VersionStandard,
  lastVersion: number | null,
  changes: { readonly name?: string; readonly completionDays?: number; readonly costIdr?: number },
): {
  readonly version: number;
  readonly nameId: string;
  readonly completionDays: number;
  readonly standard: Record<string, unknown>;
  readonly note: string;
} | null {
  const changed =
    (changes.name !== undefined && changes.name !== entry.name) ||
    (changes.completionDays !== undefined && changes.completionDays !== entry.completionDays) ||
    (changes.costIdr !== undefined && changes.costIdr !== entry.costIdr);
  if (!changed) return null;
  const completionDays = changes.completionDays ?? current.completionDays;
  return {
    version: (lastVersion ?? current.version) + 1,
    nameId: changes.name ?? current.nameId,
    completionDays,
    standard: {
      ...current.standard,
      COMPLETION_TIME: completionDays,
      ...(changes.costIdr === undefined ? {} : { COST: changes.costIdr }),
    },
    note: CATALOGUE_EDIT_VERSION_NOTE,
  };
}
