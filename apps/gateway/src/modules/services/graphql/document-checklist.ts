// The requirements checklist of a request (issue 19 item 4): which slots are filled, how each
// current document was reviewed, which slots a return named; and the staff's review mutation.
import {
  type ChecklistDocument,
  type ChecklistEntry,
  type DOCUMENT_REVIEW_DECISIONS,
  DOCUMENT_SLOT_STATE_LABELS,
  isDefaultRedo,
} from '@layanan/domain/services';
import { builder } from '../../../graphql/builder.js';
import { commandInput } from '../../../graphql/command-fields.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../graphql/errors.js';
import { loadChecklist } from '../../attachments/document-checklist.js';
import { AttachmentType } from '../../attachments/graphql/attachment.js';
import { reviewRequestDocument } from '../commands/document-review.js';
import { DocumentSlotRef } from './document-slots.js';
import { RequestPayload, requestPayload } from './request-mutations.js';

export const DocumentReviewDecisionEnum = builder.enumType('DocumentReviewDecision', {
  description: 'How staff judged a requirement document.',
  values: {
    ACCEPTED: { description: 'The document meets the requirement.' },
    REFUSED: { description: 'Refused, with a reason shown to the citizen; the citizen uploads a new one.' },
  } satisfies Record<(typeof DOCUMENT_REVIEW_DECISIONS)[number], unknown>,
});

const DocumentSlotStateEnum = builder.enumType('DocumentSlotState', {
  description: 'How a slot of the checklist stands.',
  values: {
    EMPTY: { description: DOCUMENT_SLOT_STATE_LABELS.EMPTY.en },
    UNREVIEWED: { description: 'Filled; a current document awaits review.' },
    ACCEPTED: { description: 'Filled; every current document accepted.' },
    REFUSED: { description: 'A current document was refused.' },
  } as const,
});

type Loaded = { attachments: Map<string, import('@layanan/db').Attachment> };
type Entry = ChecklistEntry & Loaded;
type Doc = ChecklistDocument & Loaded;

const ChecklistDocumentRef = builder.objectRef<Doc>('ChecklistDocument').implement({
  description: 'A current document of a slot with its latest review.',
  fields: (t) => ({
    attachment: t.field({
      type: AttachmentType,
      description: 'The uploaded file (name, type, signed link).',
      resolve: (d) => d.attachments.get(d.documentId) as import('@layanan/db').Attachment,
    }),
    decision: t.field({
      type: DocumentReviewDecisionEnum,
      nullable: true,
      description: 'The latest review’s decision; null while unreviewed.',
      resolve: (d) => d.decision,
    }),
    reason: t.string({
      nullable: true,
      description: 'Why it was refused (or a note on acceptance); shown to the citizen.',
      resolve: (d) => d.reason,
    }),
    reviewedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the latest review was recorded.',
      resolve: (d) => d.reviewedAt,
    }),
  }),
});

const ChecklistEntryRef = builder.objectRef<Entry>('DocumentChecklistEntry').implement({
  description: 'One requirement of the request’s service version and the documents that fill it.',
  fields: (t) => ({
    slot: t.field({ type: DocumentSlotRef, description: 'The requirement.', resolve: (e) => e.slot }),
    state: t.field({
      type: DocumentSlotStateEnum,
      description:
        'EMPTY, UNREVIEWED, ACCEPTED or REFUSED; verification needs every required slot ACCEPTED (else DOCUMENTS_INCOMPLETE).',
      resolve: (e) => e.state,
    }),
    redo: t.boolean({
      description: 'Named by the latest return to the citizen and not uploaded again since.',
      resolve: (e) => e.redo,
    }),
    redoByDefault: t.boolean({
      description:
        'Whether a return to the citizen that names no redoSlots would name this slot: a refused document, or a required slot still empty. The return form preselects these.',
      resolve: (e) => isDefaultRedo(e),
    }),
    documents: t.field({
      type: [ChecklistDocumentRef],
      description: 'The documents of the slot’s latest upload, with their latest reviews.',
      resolve: (e) => e.current.map((d) => ({ ...d, attachments: e.attachments })),
    }),
    superseded: t.field({
      type: [AttachmentType],
      description:
        'Earlier documents of the slot, replaced by a later upload and kept in the trail; oldest first.',
      resolve: (e) => e.superseded.flatMap((id) => e.attachments.get(id) ?? []),
    }),
  }),
});

builder.prismaObjectFields('ServiceRequest', (t) => ({
  documentChecklist: t.field({
    type: [ChecklistEntryRef],
    description:
      'The requirements checklist (issue 19): one entry per document slot of the version the request was filed under, in order; empty when the service lists no slots.',
    select: { id: true, serviceVersion: { select: { documentSlots: true } } },
    resolve: async (r, _a, ctx) => {
      const checklist = await loadChecklist(ctx.prisma, r.id, r.serviceVersion.documentSlots);
      const ids = checklist.flatMap((e) => [...e.current.map((d) => d.documentId), ...e.superseded]);
      const rows = ids.length > 0 ? await ctx.prisma.attachment.findMany({ where: { id: { in: ids } } }) : [];
      const attachments = new Map(rows.map((a) => [a.id, a]));
      return checklist.map((e) => ({ ...e, attachments }));
    },
  }),
}));

builder.prismaObjectFields('RequestEvent', (t) => ({
  redoSlots: t.exposeStringList('redoSlots', {
    description: 'A return to the citizen: the keys of the document slots to redo; empty otherwise.',
  }),
}));

const ReviewInput = builder.inputType('ReviewRequestDocumentInput', {
  description: 'A review of one requirement document of a request.',
  fields: (t) => ({
    attachmentId: t.id({
      required: true,
      description: 'The document (Attachment.id, as documentChecklist gives it).',
    }),
    decision: t.field({ type: DocumentReviewDecisionEnum, required: true, description: 'Accept or refuse.' }),
    reason: t.string({
      description: 'Why (shown to the citizen): required to refuse, at most 1000 characters.',
    }),
  }),
});

builder.mutationFields((t) => ({
  reviewRequestDocument: t.field({
    type: RequestPayload,
    description:
      'Accept or refuse one requirement document of a request (issue 19). Staff of the request’s handling unit and admins; citizens and staff of other units get an access error (FORBIDDEN). Reviews are appended; the latest counts. Errors: NotFoundError (no such document), ValidationError (DOCUMENT_NOT_IN_SLOT; reason REQUIRED to refuse, TOO_LONG), ConflictError (DOCUMENT_SUPERSEDED: a newer upload replaced it; DOCUMENT_REVIEW_REQUEST_CLOSED).',
    authScopes: { staff: true, admin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    ...commandInput(t, ReviewInput, 'Which document, and the decision.', async (deps, caller, input) =>
      requestPayload(
        await reviewRequestDocument(deps, caller, { ...input, attachmentId: String(input.attachmentId) }),
      ),
    ),
  }),
}));
