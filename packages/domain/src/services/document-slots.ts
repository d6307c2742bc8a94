import { type DomainError, errorFactory, type FieldError, fieldError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { REASON_MAX, reasonProblem } from '../text-limits.js';
import { ATTACHMENT_HARD_LIMITS, ATTACHMENT_MEDIA_TYPES, type AttachmentMediaType } from './attachments.js';
import { DOCUMENT_SLOT_ERROR_MESSAGES, type DocumentSlotErrorCode } from './messages.js';
import { isOpen, type RequestState } from './service-request.js';

/*
 * The requirements checklist (issue 19 item 4). The requirements (persyaratan) a service standard
 * publishes (UU 25/2009 art. 21(b)) become typed document slots of the service version: catalogue
 * data, versioned like the rest of the standard, so a request keeps the slots it was filed under.
 * Citizens upload into a slot; staff of the handling unit review each document (accepted, or
 * refused with a reason); a return to the citizen names the slots to redo; the citizen's
 * correction is a new upload into the slot (the old one stays in the trail). A request is
 * verified only when every required slot holds documents that were all accepted — the
 * "berkas lengkap dan benar" of the procedure before the completion clock starts.
 */

/** One requirement as a document slot of a service version. */
export type DocumentSlot = {
  /** Stable key within the version: lower-case letters, digits and `_`, 2–40, starting with a letter. */
  readonly key: string;
  readonly nameId: string;
  readonly nameEn: string;
  /** A required slot must be filled and accepted before the request is verified. */
  readonly required: boolean;
  /** Media types the slot takes (a subset of ATTACHMENT_MEDIA_TYPES). */
  readonly acceptedTypes: readonly AttachmentMediaType[];
  /** Files one upload may put into the slot (1 to the platform's 10). */
  readonly maxFiles: number;
};

export const DOCUMENT_SLOT_KEY_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;
/** Slots per service version. */
export const MAX_DOCUMENT_SLOTS = 20;
/** Characters of a slot name, in each language. */
export const MAX_DOCUMENT_SLOT_NAME = 200;

const slotError = errorFactory(DOCUMENT_SLOT_ERROR_MESSAGES);
export type DocumentSlotError = DomainError<DocumentSlotErrorCode>;

const isMediaType = (v: unknown): v is AttachmentMediaType =>
  typeof v === 'string' && (ATTACHMENT_MEDIA_TYPES as readonly string[]).includes(v);

/**
 * Checks a version's slots as an admin gives them (`[{ key, nameId, nameEn, required?,
 * acceptedTypes?, maxFiles? }]`; `required` defaults to true, `acceptedTypes` to every type,
 * `maxFiles` to 1). Errors, all at once, as field errors under `documentSlots[i].<part>`:
 * INVALID_TYPE (not a list / not an object), INVALID_FORMAT (key), DUPLICATE (key), REQUIRED and
 * TOO_LONG (names, at most MAX_DOCUMENT_SLOT_NAME), NOT_ALLOWED (an unknown media type),
 * OUT_OF_RANGE (maxFiles outside 1–10, more than MAX_DOCUMENT_SLOTS slots).
 */
export function validateDocumentSlots(raw: unknown): Result<DocumentSlot[], FieldError[]> {
  if (raw == null) return ok([]);
  if (!Array.isArray(raw)) return err([fieldError('documentSlots', 'INVALID_TYPE')]);
  const fields: FieldError[] = [];
  if (raw.length > MAX_DOCUMENT_SLOTS)
    fields.push(fieldError('documentSlots', 'OUT_OF_RANGE', { max: MAX_DOCUMENT_SLOTS }));
  const slots: DocumentSlot[] = [];
  const seen = new Set<string>();
  raw.forEach((item, i) => {
    const at = (part: string) => `documentSlots[${i}].${part}`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      fields.push(fieldError(`documentSlots[${i}]`, 'INVALID_TYPE'));
      return;
    }
    const r = item as Record<string, unknown>;
    const key = typeof r.key === 'string' ? r.key.trim() : '';
    if (!DOCUMENT_SLOT_KEY_PATTERN.test(key)) fields.push(fieldError(at('key'), 'INVALID_FORMAT', { key }));
    else if (seen.has(key)) fields.push(fieldError(at('key'), 'DUPLICATE', { key }));
    seen.add(key);
    const names: Record<'nameId' | 'nameEn', string> = { nameId: '', nameEn: '' };
    for (const part of ['nameId', 'nameEn'] as const) {
      const name = typeof r[part] === 'string' ? (r[part] as string).trim() : '';
      names[part] = name;
      if (name === '') fields.push(fieldError(at(part), 'REQUIRED'));
      else {
        const tooLong = reasonProblem(at(part), name, MAX_DOCUMENT_SLOT_NAME);
        if (tooLong) fields.push(tooLong);
      }
    }
    const typesRaw = r.acceptedTypes ?? [...ATTACHMENT_MEDIA_TYPES];
    const types = Array.isArray(typesRaw) ? typesRaw : [typesRaw];
    const unknown = types.filter((t) => !isMediaType(t));
    if (unknown.length > 0 || types.length === 0)
      fields.push(
        fieldError(at('acceptedTypes'), 'NOT_ALLOWED', { unknown, allowed: ATTACHMENT_MEDIA_TYPES }),
      );
    const maxFiles = r.maxFiles ?? 1;
    if (
      typeof maxFiles !== 'number' ||
      !Number.isInteger(maxFiles) ||
      maxFiles < 1 ||
      maxFiles > ATTACHMENT_HARD_LIMITS.maxCount
    )
      fields.push(
        fieldError(at('maxFiles'), 'OUT_OF_RANGE', { min: 1, max: ATTACHMENT_HARD_LIMITS.maxCount }),
      );
    if (r.required !== undefined && r.required !== null && typeof r.required !== 'boolean')
      fields.push(fieldError(at('required'), 'INVALID_TYPE'));
    slots.push({
      key,
      ...names,
      required: r.required !== false,
      acceptedTypes: [...new Set(types.filter(isMediaType))],
      maxFiles: typeof maxFiles === 'number' ? maxFiles : 1,
    });
  });
  return fields.length > 0 ? err(fields) : ok(slots);
}

/** The slots of a stored version (`service_version.documentSlots`); anything malformed is skipped. */
export function documentSlotsOf(raw: unknown): DocumentSlot[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const checked = validateDocumentSlots([item]);
    return checked.ok ? checked.value : [];
  });
}

/** A file of an upload as the slot rules see it: the slot named for it and its recognised type. */
export type SlotUpload = { readonly slot: string | null; readonly type: AttachmentMediaType };

/** A refused file of an upload: its position in the upload and why. */
export type SlotUploadProblem = { readonly index: number; readonly error: DocumentSlotError };

/**
 * Checks the slots named for one upload's files (`null`: a file that fills no requirement, e.g.
 * a photo): the slot exists in the request's version (DOCUMENT_SLOT_UNKNOWN, details `slot`,
 * `known`), takes the file's type (DOCUMENT_SLOT_TYPE_NOT_ACCEPTED, details `accepted`), and gets
 * at most its `maxFiles` files from this upload (DOCUMENT_SLOT_TOO_MANY on each file past the
 * limit, details `limit`). Returns every problem, in file order; none when all fit.
 */
export function checkSlotUploads(
  slots: readonly DocumentSlot[],
  files: readonly SlotUpload[],
): SlotUploadProblem[] {
  const byKey = new Map(slots.map((s) => [s.key, s]));
  const counts = new Map<string, number>();
  const problems: SlotUploadProblem[] = [];
  files.forEach((file, index) => {
    if (file.slot === null) return;
    const slot = byKey.get(file.slot);
    if (!slot) {
      problems.push({
        index,
        error: slotError('DOCUMENT_SLOT_UNKNOWN', { slot: file.slot, known: [...byKey.keys()] }),
      });
      return;
    }
    if (!slot.acceptedTypes.includes(file.type)) {
      problems.push({
        index,
        error: slotError('DOCUMENT_SLOT_TYPE_NOT_ACCEPTED', {
          slot: slot.key,
          type: file.type,
          accepted: slot.acceptedTypes,
        }),
      });
      return;
    }
    const count = (counts.get(slot.key) ?? 0) + 1;
    counts.set(slot.key, count);
    if (count > slot.maxFiles)
      problems.push({
        index,
        error: slotError('DOCUMENT_SLOT_TOO_MANY', { slot: slot.key, limit: slot.maxFiles }),
      });
  });
  return problems;
}

/** A file uploaded to a request, as the checklist reads it. */
export type SlotDocument = {
  readonly id: string;
  readonly slot: string | null;
  /** The upload it came with: files of one filing or one correction share it. */
  readonly upload: string;
  readonly uploadedAt: Date;
  /** Position within its upload. */
  readonly position: number;
};

export const DOCUMENT_REVIEW_DECISIONS = ['ACCEPTED', 'REFUSED'] as const;
export type DocumentReviewDecision = (typeof DOCUMENT_REVIEW_DECISIONS)[number];

/** One review of a document (reviews are appended; the latest counts). */
export type DocumentReviewFacts = {
  readonly attachmentId: string;
  readonly decision: DocumentReviewDecision;
  readonly reason: string | null;
  readonly at: Date;
};

/** A slot's state: EMPTY, or by its current documents' latest reviews (REFUSED wins, then UNREVIEWED). */
export type DocumentSlotState = 'EMPTY' | 'UNREVIEWED' | 'ACCEPTED' | 'REFUSED';

/** A current document of a slot with its latest review, if any. */
export type ChecklistDocument = {
  readonly documentId: string;
  readonly decision: DocumentReviewDecision | null;
  readonly reason: string | null;
  readonly reviewedAt: Date | null;
};

export type ChecklistEntry = {
  readonly slot: DocumentSlot;
  readonly state: DocumentSlotState;
  /** The documents of the slot's latest upload, in upload order. */
  readonly current: readonly ChecklistDocument[];
  /** Earlier documents of the slot (replaced, kept in the trail), oldest first. */
  readonly superseded: readonly string[];
  /** Named by the latest return to the citizen and not uploaded again since. */
  readonly redo: boolean;
};

/** The latest return to the citizen: when, and which slots it named. */
export type SlotReturn = { readonly at: Date; readonly slots: readonly string[] };

/**
 * The checklist of a request: one entry per slot of its version, in the version's order. A
 * slot's current documents are those of the latest upload that put files into it (a correction
 * replaces the slot's files as a whole; the earlier ones are `superseded`, never deleted). Each
 * current document carries its latest review. `redo` marks slots the latest return named that
 * have had no upload since, unless staff accepted their documents after the return.
 */
export function documentChecklist(
  slots: readonly DocumentSlot[],
  documents: readonly SlotDocument[],
  reviews: readonly DocumentReviewFacts[],
  lastReturn: SlotReturn | null,
): ChecklistEntry[] {
  const latestReview = new Map<string, DocumentReviewFacts>();
  for (const r of reviews) {
    const seen = latestReview.get(r.attachmentId);
    if (!seen || r.at.getTime() >= seen.at.getTime()) latestReview.set(r.attachmentId, r);
  }
  return slots.map((slot) => {
    const mine = documents
      .filter((d) => d.slot === slot.key)
      .sort((a, b) => a.uploadedAt.getTime() - b.uploadedAt.getTime() || a.position - b.position);
    const last = mine.at(-1);
    const current = last ? mine.filter((d) => d.upload === last.upload) : [];
    const superseded = mine.filter((d) => !current.includes(d)).map((d) => d.id);
    const docs: ChecklistDocument[] = current.map((d) => {
      const review = latestReview.get(d.id);
      return {
        documentId: d.id,
        decision: review?.decision ?? null,
        reason: review?.reason ?? null,
        reviewedAt: review?.at ?? null,
      };
    });
    const state: DocumentSlotState =
      docs.length === 0
        ? 'EMPTY'
        : docs.some((d) => d.decision === 'REFUSED')
          ? 'REFUSED'
          : docs.some((d) => d.decision === null)
            ? 'UNREVIEWED'
            : 'ACCEPTED';
    // The state follows the latest decision: a slot staff accepted after the return (the file
    // was fine after all) is no longer to redo, nor one uploaded again since.
    const after = (d: Date | null | undefined) =>
      d != null && lastReturn != null && d.getTime() > lastReturn.at.getTime();
    const acceptedSince =
      docs.length > 0 && docs.every((d) => d.decision === 'ACCEPTED' && after(d.reviewedAt));
    const redo = lastReturn?.slots.includes(slot.key) === true && !after(last?.uploadedAt) && !acceptedSince;
    return { slot, state, current: docs, superseded, redo };
  });
}

/**
 * Whether a status change needs a complete checklist: moving to VERIFIED, or, for a request
 * never verified (escalated before verification), straight to IN_PROGRESS or COMPLETED.
 */
export function documentsCheckApplies(to: RequestState, verified: boolean): boolean {
  return to === 'VERIFIED' || (!verified && (to === 'IN_PROGRESS' || to === 'COMPLETED'));
}

/** The slots that keep a request from being verified: required and not ACCEPTED. */
export function blockingSlots(checklist: readonly ChecklistEntry[]): ChecklistEntry[] {
  return checklist.filter((e) => e.slot.required && e.state !== 'ACCEPTED');
}

/**
 * A request is verified only with a complete checklist: every required slot filled and each of
 * its current documents accepted (optional slots never block). Errors: DOCUMENTS_INCOMPLETE, its
 * messages ending with the blocking slots' names in that language, details `slots` (keys),
 * `states` (key → state) and the transition's `from` and `to`.
 */
export function checkDocumentsComplete(
  checklist: readonly ChecklistEntry[],
  transition: { readonly from: RequestState; readonly to: RequestState },
): Result<true, DomainError<'DOCUMENTS_INCOMPLETE'>> {
  const blocking = blockingSlots(checklist);
  if (blocking.length === 0) return ok(true);
  const base = slotError('DOCUMENTS_INCOMPLETE', {
    ...transition,
    slots: blocking.map((e) => e.slot.key),
    states: Object.fromEntries(blocking.map((e) => [e.slot.key, e.state])),
  });
  const list = (lang: 'id' | 'en') =>
    blocking
      .map((e) => {
        const name = lang === 'id' ? e.slot.nameId : e.slot.nameEn;
        const state = STATE_WORDS[e.state][lang];
        return `${name} (${state})`;
      })
      .join('; ');
  return err({
    ...base,
    message: { id: `${base.message.id} ${list('id')}`, en: `${base.message.en} ${list('en')}` },
  });
}

/**
 * A request returned to the citizen goes back (RETURNED_TO_CITIZEN → SUBMITTED) only once every
 * slot the return named has a new upload (or staff accepted it since): the correction form's
 * "upload again" is a rule, not a hint. Errors: REDO_DOCUMENTS_MISSING, its messages ending with
 * the slots' names in that language, details `slots` (keys) and the transition's `from` and `to`.
 */
export function checkRedoneBeforeResubmit(
  checklist: readonly ChecklistEntry[],
  transition: { readonly from: RequestState; readonly to: RequestState },
): Result<true, DomainError<'REDO_DOCUMENTS_MISSING'>> {
  if (transition.from !== 'RETURNED_TO_CITIZEN' || transition.to !== 'SUBMITTED') return ok(true);
  const pending = checklist.filter((e) => e.redo);
  if (pending.length === 0) return ok(true);
  const base = slotError('REDO_DOCUMENTS_MISSING', { ...transition, slots: pending.map((e) => e.slot.key) });
  const names = (lang: 'id' | 'en') =>
    pending.map((e) => (lang === 'id' ? e.slot.nameId : e.slot.nameEn)).join('; ');
  return err({
    ...base,
    message: { id: `${base.message.id} ${names('id')}`, en: `${base.message.en} ${names('en')}` },
  });
}

const STATE_WORDS = {
  EMPTY: { id: 'belum diunggah', en: 'not uploaded' },
  UNREVIEWED: { id: 'belum diperiksa', en: 'not reviewed' },
  ACCEPTED: { id: 'diterima', en: 'accepted' },
  REFUSED: { id: 'ditolak', en: 'refused' },
} as const;

/**
 * Whether a return to the citizen that names no slots names this one: a slot with a refused
 * current document, or a required slot still empty. The web's return form preselects these
 * (DocumentChecklistEntry.redoByDefault), so staff see the default before they change it.
 */
export function isDefaultRedo(entry: Pick<ChecklistEntry, 'slot' | 'state'>): boolean {
  return entry.state === 'REFUSED' || (entry.slot.required && entry.state === 'EMPTY');
}

/**
 * The slots a return to the citizen names: the keys given (each must be a slot of the request's
 * version: a `redoSlots[i]` field error DOCUMENT_SLOT_UNKNOWN otherwise; repeats dropped), or,
 * when left out (null), the slots `isDefaultRedo` picks (refused, or required and empty); an
 * empty list names none (staff asking only a question). Naming
 * slots on any other transition is a `redoSlots` NOT_ALLOWED field error.
 */
export function redoSlotsFor(
  to: RequestState,
  checklist: readonly ChecklistEntry[],
  given: readonly string[] | null | undefined,
): Result<string[], FieldError | (DocumentSlotError & { readonly field: string })> {
  if (to !== 'RETURNED_TO_CITIZEN') {
    return given && given.length > 0 ? err(fieldError('redoSlots', 'NOT_ALLOWED')) : ok([]);
  }
  if (given == null) return ok(checklist.filter(isDefaultRedo).map((e) => e.slot.key));
  const known = checklist.map((e) => e.slot.key);
  const index = given.findIndex((k) => !known.includes(k));
  if (index >= 0)
    return err({
      ...slotError('DOCUMENT_SLOT_UNKNOWN', { slot: given[index], known }),
      field: `redoSlots[${index}]`,
    });
  return ok([...new Set(given)]);
}

/** A review as staff give it. */
export type DocumentReviewInput = {
  readonly decision: DocumentReviewDecision;
  readonly reason?: string | null;
};

/**
 * Checks a review of one document by staff of the handling unit (who may review is the
 * gateway's authorization): the request is open (DOCUMENT_REVIEW_REQUEST_CLOSED), the document
 * fills a slot (DOCUMENT_NOT_IN_SLOT) and is one of its slot's current documents
 * (DOCUMENT_SUPERSEDED: a replaced document stays in the trail as it was reviewed); a refusal
 * says why (a `reason` field error REQUIRED; TOO_LONG past REASON_MAX characters, also for
 * an acceptance's optional note). Returns the review to append, the reason trimmed (null when
 * empty).
 */
export function checkDocumentReview(
  input: DocumentReviewInput,
  context: {
    readonly requestState: RequestState;
    readonly document: { readonly id: string; readonly slot: string | null };
    readonly checklist: readonly ChecklistEntry[];
  },
): Result<{ decision: DocumentReviewDecision; reason: string | null }, DocumentSlotError | FieldError> {
  if (!isOpen(context.requestState)) return err(slotError('DOCUMENT_REVIEW_REQUEST_CLOSED'));
  const { document } = context;
  const entry = context.checklist.find((e) => e.slot.key === document.slot);
  if (document.slot === null || !entry)
    return err(slotError('DOCUMENT_NOT_IN_SLOT', { slot: document.slot }));
  if (!entry.current.some((d) => d.documentId === document.id))
    return err(slotError('DOCUMENT_SUPERSEDED', { slot: entry.slot.key }));
  const reason = input.reason?.trim() || null;
  if (input.decision === 'REFUSED' && reason === null) return err(fieldError('reason', 'REQUIRED'));
  const tooLong = reasonProblem('reason', reason, REASON_MAX);
  if (tooLong) return err(tooLong);
  return ok({ decision: input.decision, reason });
}
