// Mutations of service requests: each resolver builds the command's dependencies and calls the
// command (commands/), which GraphQL, Open311 and the escalation job share.
import { checkCoordinates } from '@layanan/domain/services';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../../graphql/builder.js';
import { commandInput } from '../../../graphql/command-fields.js';
import { entityPayload } from '../../../graphql/entity-payload.js';
import {
  ConflictError,
  NotFoundError,
  RequestTransitionError,
  ValidationError,
} from '../../../graphql/errors.js';
import type { InputFields } from '../../../graphql/input-fields.js';
import { isUuid } from '../../../platform/uuid.js';
import { attachmentSlotsField, attachmentsField } from '../../attachments/graphql/upload-input.js';
import {
  addRequestCorrection,
  addRequestNote,
  claimRequest,
  reassignRequest,
  refusal,
  transitionRequest,
} from '../commands/change-request.js';
import { placeOfFiling } from '../commands/duplicates.js';
import { submitRequest } from '../commands/submit-request.js';
import { ReporterContactInput } from './reporter-claim.js';
import { RequestStateEnum } from './service-request.js';

// submitServiceRequest's choice: an anonymous complaint is filed with fileAnonymousComplaint.
const NamedReporterPrivacyEnum = builder.enumType('NamedReporterPrivacy', {
  values: ['IDENTIFIED', 'CONFIDENTIAL'] as const,
  description:
    'How a signed-in reporter of a complaint is known: IDENTIFIED (default) or CONFIDENTIAL (handling staff see a pseudonym). Other kinds of service take IDENTIFIED only.',
});

const SubmitInput = builder.inputType('SubmitServiceRequestInput', {
  description:
    'A new request for a published service, in the citizen’s own words plus the values of the service’s attributes.',
  fields: (t) => ({
    serviceCode: t.string({
      required: true,
      description:
        'Code of a published service (case-insensitive), e.g. SIUP-MIKRO; an unknown or unpublished code gives NotFoundError.',
    }),
    text: t.string({ required: true, description: "The citizen's own words, stored unedited." }),
    attributes: t.field({
      type: 'JSON',
      description:
        'Values keyed by attribute code of the service’s current version (Open311 GeoReport v2 attributes); a missing required value or a value of the wrong datatype gives ValidationError.',
    }),
    idempotencyKey: t.string({ description: 'Retries with the same key return the same request.' }),
    citizenEmail: t.string({
      description:
        'Counter staff and API keys: the citizen account filed for. An API key may name a person without an account: then this e-mail (or reporter) is kept as their contact.',
    }),
    reporter: t.field({
      type: ReporterContactInput,
      description:
        'API keys only: the person filed for when no account has the e-mail given (issue 17); ValidationError on reporter.email / reporter.phone when neither is a valid address.',
    }),
    attachments: attachmentsField(t, 'Documents and photos filed with the request'),
    reporterPrivacy: t.field({
      type: NamedReporterPrivacyEnum,
      description:
        'Complaints: IDENTIFIED (default) or CONFIDENTIAL (handling staff see a pseudonym; Perpres 76/2013 art. 4). Another kind of service with CONFIDENTIAL gives ValidationError COMPLAINT_PRIVACY_NOT_COMPLAINT. Anonymous complaints: fileAnonymousComplaint.',
    }),
    attachmentSlots: attachmentSlotsField(t),
    latitude: t.float({
      description:
        'Where the complaint is about: latitude in WGS 84 degrees (−90…90), with longitude (both or neither); kept as its Open311 location (lat) and used for similarComplaints. ValidationError COORDINATES_INCOMPLETE, COORDINATES_OUT_OF_RANGE.',
    }),
    longitude: t.float({
      description: 'Longitude in WGS 84 degrees (−180…180), with latitude (both or neither).',
    }),
  }),
});

export const RequestPayload = entityPayload(
  'ServiceRequestPayload',
  'The request after a successful change.',
  {
    request: {
      type: 'ServiceRequest',
      id: 'requestId',
      description: 'The request as it is now, with its new version and trail.',
    },
  },
);

/** What the mutations return for a request a command filed or changed. */
export const requestPayload = (request: { id: string }) => ({ requestId: request.id });

// Every change names its request and the version it was last read at (optimistic concurrency).
export const trackingCodeField = (t: InputFields) =>
  t.string({ required: true, description: 'The request’s tracking code (case-insensitive).' });
export const expectedVersionField = (t: InputFields) =>
  t.int({
    required: true,
    description: 'ServiceRequest.version as last read; a different current version gives ConflictError.',
  });

const TransitionInput = builder.inputType('TransitionServiceRequestInput', {
  description: 'Move one request to a new state of its lifecycle (see ServiceRequest.allowedTransitions).',
  fields: (t) => ({
    trackingCode: trackingCodeField(t),
    to: t.field({
      type: RequestStateEnum,
      required: true,
      description:
        'The target state; one the caller may not reach from the current state gives RequestTransitionError.',
    }),
    expectedVersion: expectedVersionField(t),
    publicNote: t.string({ description: 'Shown to the citizen; required when rejecting or returning.' }),
    internalNote: t.string({ description: 'Staff only.' }),
    redoSlots: t.stringList({
      description:
        'Returning to the citizen: keys of the document slots to redo (documentChecklist); left out or null, the refused and the missing required ones (DocumentChecklistEntry.redoByDefault); an empty list names none. Another target state with slots gives ValidationError NOT_ALLOWED; an unknown key DOCUMENT_SLOT_UNKNOWN.',
    }),
  }),
});

const ReassignInput = builder.inputType('ReassignServiceRequestInput', {
  description: 'Give a request to another staff member of its unit.',
  fields: (t) => ({
    trackingCode: trackingCodeField(t),
    staffId: t.id({
      required: true,
      description:
        'Staff node id (as staffMembers gives it; the raw database id is accepted too) of an active staff member of the request’s unit; anyone else gives ValidationError.',
    }),
    expectedVersion: expectedVersionField(t),
    internalNote: t.string({ description: 'Why it was reassigned; staff only, never shown to the citizen.' }),
  }),
});

const CorrectionInput = builder.inputType('AddServiceRequestCorrectionInput', {
  description: 'A correction or addition to an open request; the original text is kept unedited.',
  fields: (t) => ({
    trackingCode: trackingCodeField(t),
    expectedVersion: expectedVersionField(t),
    text: t.string({ required: true, description: 'The correction or addition, in the citizen’s words.' }),
    attachments: attachmentsField(t, 'Documents and photos answering the return for correction'),
    attachmentSlots: attachmentSlotsField(t),
  }),
});

const NoteInput = builder.inputType('AddServiceRequestNoteInput', {
  description: 'A note on a request’s trail that does not change its state.',
  fields: (t) => ({
    trackingCode: trackingCodeField(t),
    expectedVersion: expectedVersionField(t),
    publicNote: t.string({
      description:
        'Shown to the citizen on the request page and in the public trail; at most 10 000 characters.',
    }),
    internalNote: t.string({ description: 'Staff only; at most 10 000 characters.' }),
    attachments: attachmentsField(
      t,
      'Files with the note; the citizen sees them only when the note has a publicNote',
    ),
  }),
});

const ClaimInput = builder.inputType('ClaimServiceRequestInput', {
  description: 'Take a request of one’s own unit on (become its assignee).',
  fields: (t) => ({
    trackingCode: trackingCodeField(t),
    expectedVersion: expectedVersionField(t),
  }),
});

/**
 * The staff id of ReassignServiceRequestInput.staffId: a Staff node id (as `staffMembers` gives
 * it), or, as accepted before, the raw database id. Anything else is passed on unchanged and
 * refused by the command as a `staffId` field error.
 */
function staffIdFrom(id: string): string {
  if (isUuid(id)) return id;
  try {
    const decoded = decodeGlobalID(id);
    return decoded.typename === 'Staff' ? decoded.id : id;
  } catch {
    return id;
  }
}

builder.mutationFields((t) => ({
  submitServiceRequest: t.field({
    type: RequestPayload,
    description:
      'File a request (citizens; staff at a counter, or a system with the requests:write API key scope, for a citizen named by citizenEmail, or for a person without an account named by citizenEmail/reporter — kept as contact details until they claim it with claimReportedRequest). Idempotent with a key: a retry with the same key and the same content returns the request filed first; the key reused for different content is a ConflictError IDEMPOTENCY_KEY_REUSED (keys are per submitter, at most 200 characters).',
    authScopes: { citizen: true, staff: true, apiScope: 'requests:write' },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    ...commandInput(t, SubmitInput, 'The request to file.', async (deps, caller, input) => {
      const place = checkCoordinates(input.latitude, input.longitude);
      if (!place.ok) throw refusal(place.error);
      return requestPayload(
        (
          await submitRequest(deps, caller, {
            ...input,
            ...placeOfFiling(place.value),
            reporterLanguage: input.reporter?.language ?? undefined,
          })
        ).request,
      );
    }),
  }),
  transitionServiceRequest: t.field({
    type: RequestPayload,
    description:
      'Move a request through its lifecycle. A stale expectedVersion gets a ConflictError. Verifying (or moving on from an escalation never verified) needs every required document slot ACCEPTED: RequestTransitionError DOCUMENTS_INCOMPLETE naming the slots otherwise; a return to the citizen records redoSlots.',
    authScopes: { authenticated: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, RequestTransitionError] },
    ...commandInput(t, TransitionInput, 'Which request, to which state.', async (deps, caller, input) =>
      requestPayload(await transitionRequest(deps, caller, input)),
    ),
  }),
  reassignServiceRequest: t.field({
    type: RequestPayload,
    description:
      "Give a request to another active staff member of its unit. The unit's supervisor or an admin.",
    authScopes: { supervisor: true, admin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    ...commandInput(t, ReassignInput, 'Which request, to whom.', async (deps, caller, input) =>
      requestPayload(
        await reassignRequest(deps, caller, { ...input, staffId: staffIdFrom(String(input.staffId)) }),
      ),
    ),
  }),
  addServiceRequestNote: t.field({
    type: RequestPayload,
    description:
      'Add a note to a request’s trail without changing its state (any state, also after closing): a public note for the citizen, an internal note for staff, or both. Staff of the request’s unit and admins; a citizen gets an access error. Errors: ValidationError (publicNote REQUIRED when both are empty, TOO_LONG, INVALID_CHARACTER), NotFoundError, ConflictError on a stale expectedVersion.',
    authScopes: { staff: true, admin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    ...commandInput(t, NoteInput, 'Which request, and the note(s).', async (deps, caller, input) =>
      requestPayload(await addRequestNote(deps, caller, input)),
    ),
  }),
  claimServiceRequest: t.field({
    type: RequestPayload,
    description:
      'Take an open request of one’s own unit on: the calling staff member becomes its assignee (a REASSIGNED trail entry). Staff and supervisors linked to the staff register. Errors: ConflictError REQUEST_ALREADY_ASSIGNED_TO_CALLER or a stale expectedVersion, RequestTransitionError REQUEST_ALREADY_CLOSED, NotFoundError.',
    authScopes: { staff: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, RequestTransitionError] },
    ...commandInput(t, ClaimInput, 'Which request.', async (deps, caller, input) =>
      requestPayload(await claimRequest(deps, caller, input)),
    ),
  }),
  addServiceRequestCorrection: t.field({
    type: RequestPayload,
    description:
      'Add a correction or addition to a request. The original text and values stay unedited; the correction is a new entry of the trail.',
    authScopes: { authenticated: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, RequestTransitionError] },
    ...commandInput(t, CorrectionInput, 'Which request, and the correction.', async (deps, caller, input) =>
      requestPayload(await addRequestCorrection(deps, caller, input)),
    ),
  }),
}));
