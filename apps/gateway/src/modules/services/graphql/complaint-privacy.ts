// Confidential and anonymous complaints in GraphQL (issue 20 item 1; Perpres 76/2013 art. 4,
// SP4N-LAPOR! Rahasia and Anonim): the reporter's choice on the request, the anonymous filing and
// the anonymous reporter's handle (tracking code + secret), and the designation of complaint
// managers. What staff see of a reporter is decided in request-applicant.ts.
import { COMPLAINT_PRIVACY, checkCoordinates } from '@layanan/domain/services';
import { builder } from '../../../graphql/builder.js';
import { commandInput } from '../../../graphql/command-fields.js';
import { entityPayload } from '../../../graphql/entity-payload.js';
import {
  AuthenticationFailedError,
  ConflictError,
  NotFoundError,
  RequestTransitionError,
  ValidationError,
} from '../../../graphql/errors.js';
import { managesUnit } from '../../staff/access.js';
import {
  answerAnonymousOutcome,
  correctAnonymousComplaint,
  fileAnonymousComplaint,
  loadAnonymousComplaint,
  withdrawAnonymousContact,
} from '../commands/anonymous-reporter.js';
import { refusal } from '../commands/change-request.js';
import { setComplaintManager } from '../commands/complaint-managers.js';
import { answerWindowField } from './complaint-mutations.js';
import { expectedVersionField, trackingCodeField } from './request-mutations.js';
import { RequestStateEnum } from './service-request.js';

export const ReporterPrivacyEnum = builder.enumType('ReporterPrivacy', {
  values: COMPLAINT_PRIVACY,
  description:
    'How the reporter of a complaint is known (Perpres 76/2013 art. 4: the complainant’s identity is protected). IDENTIFIED: handling staff see who filed it. CONFIDENTIAL: the city knows the reporter, handling staff see only a pseudonym; the reporter and the unit’s designated complaint managers see the identity, each such view recorded. ANONYMOUS: no identity stored at all; the tracking code with the secret given at filing is the only handle.',
});

builder.prismaObjectFields('ServiceRequest', (t) => ({
  reporterPrivacy: t.expose('reporterPrivacy', {
    type: ReporterPrivacyEnum,
    description: 'How the reporter is known (IDENTIFIED for every request that is not a complaint).',
  }),
  reporterPseudonym: t.exposeString('reporterPseudonym', {
    nullable: true,
    description:
      'The alias handling staff know a CONFIDENTIAL reporter by (e.g. Pelapor-K7QX2M), stable for the request; null otherwise.',
  }),
}));

builder.prismaObjectFields('Unit', (t) => ({
  complaintManagers: t.relation('staff', {
    nullable: true,
    description:
      'The unit’s designated complaint managers (active staff with setComplaintManager, by name): they see the identity of the unit’s confidential reporters (Perpres 76/2013 art. 4). For admins (the city’s complaint coordinator) and supervisors of the unit or a unit above it; null for everyone else.',
    authScopes: (unit, _args, ctx) => managesUnit(ctx, unit.id),
    unauthorizedResolver: () => null,
    query: { where: { complaintManager: true, active: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] },
  }),
}));

const AnonymousEventRef = builder.prismaObject('RequestEvent', {
  variant: 'AnonymousComplaintEvent',
  description:
    'An entry of an anonymous complaint’s trail as its reporter sees it: what happened, the state after it, the note addressed to the reporter; no officer names.',
  fields: (t) => ({
    kind: t.exposeString('kind', {
      description: 'What happened (SUBMITTED, VERIFIED, COMPLETED, REOPENED, TRANSFERRED, NOTE, …).',
    }),
    toState: t.expose('toState', { type: RequestStateEnum, description: 'The state after it.' }),
    publicNote: t.exposeString('publicNote', {
      nullable: true,
      description: 'The note addressed to the reporter, if any.',
    }),
    at: t.expose('at', { type: 'DateTime', description: 'When it happened.' }),
  }),
});

const AnonymousComplaintRef = builder.prismaObject('ServiceRequest', {
  variant: 'AnonymousComplaint',
  description:
    'An anonymous complaint as its reporter sees it with the tracking code and the secret: status, deadlines, the trail with notes, and whether the outcome can still be answered.',
  fields: (t) => ({
    trackingCode: t.exposeString('trackingCode', { description: 'The tracking code, normalised.' }),
    version: t.exposeInt('version', {
      description: 'Pass it back as expectedVersion when answering the outcome.',
    }),
    originalText: t.exposeString('originalText', { description: 'The complaint as filed.' }),
    state: t.expose('state', { type: RequestStateEnum, description: 'Current lifecycle state.' }),
    service: t.relation('service', { description: 'The complaint service.' }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', description: 'When it was filed.' }),
    completionDueOn: t.expose('completionDueOn', {
      type: 'Day',
      nullable: true,
      description: 'Last working day to complete it (WIB); null until verified.',
    }),
    trail: t.relation('events', {
      type: AnonymousEventRef,
      description: 'Everything that happened, oldest first, with the notes addressed to the reporter.',
      query: { orderBy: { sequence: 'asc' } },
    }),
    reopenCount: t.exposeInt('reopenCount', { description: 'How often the reporter reopened it.' }),
    finalClosedAt: t.expose('finalClosedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the case was finally closed; null while it may still be answered.',
    }),
    answerWindowEndsOn: t.field(answerWindowField),
    hasContact: t.boolean({
      select: { anonymousContactEmail: true },
      description: 'Whether a contact address is held for news of the complaint (withdrawable).',
      resolve: (r) => r.anonymousContactEmail !== null,
    }),
  }),
});

const secretField = (t: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0]) =>
  t.string({
    required: true,
    description:
      'The secret given once at filing (24 characters; case, spaces and dashes do not matter). A missing or wrong secret and an unknown code give the same AuthenticationFailed ANONYMOUS_ACCESS_REFUSED.',
  });

export const ContactLanguageEnum = builder.enumType('ContactLanguage', {
  description: 'The language of the mail to an anonymous reporter’s contact address.',
  values: {
    ID: { value: 'id', description: 'Bahasa Indonesia.' },
    EN: { value: 'en', description: 'English.' },
  } as const,
});

const FileAnonymousInput = builder.inputType('FileAnonymousComplaintInput', {
  description:
    'An anonymous complaint: the service, the text, the values of attributes that do not identify a person, and optionally the place it is about and a contact address.',
  fields: (t) => ({
    serviceCode: t.string({ required: true, description: 'Code of a published complaint service.' }),
    text: t.string({ required: true, description: 'The complaint in the reporter’s words.' }),
    attributes: t.field({
      type: 'JSON',
      description:
        'Values by attribute code; identifying attributes (NIK, NIP, NPWP, phone, attributes marked identifying) are not asked for and refused when given (ValidationError COMPLAINT_ANONYMOUS_IDENTIFYING_VALUE on attributes.<code>).',
    }),
    latitude: t.float({
      description:
        'Where the complaint is about, as the reporter chooses to give it (never required, never derived from the caller): latitude in WGS 84 degrees (−90…90), with longitude (both or neither), as submitServiceRequest; kept as its Open311 location and used for similarComplaints. ValidationError COORDINATES_INCOMPLETE, COORDINATES_OUT_OF_RANGE.',
    }),
    longitude: t.float({
      description: 'Longitude in WGS 84 degrees (−180…180), with latitude (both or neither).',
    }),
    contactEmail: t.string({
      description:
        'Optional address for news of the complaint, withdrawable at any time (withdrawAnonymousContact); never shown to staff.',
    }),
    contactLanguage: t.field({
      type: ContactLanguageEnum,
      description:
        'The language of the mail to contactEmail; default the caller’s (Accept-Language: en for English, else Indonesian).',
    }),
  }),
});

const AnonymousComplaintFiled = builder
  .objectRef<{ trackingCode: string; secret: string; requestId: string }>('AnonymousComplaintFiled')
  .implement({
    description:
      'An anonymous complaint just filed: its tracking code and the secret, shown this once only (the city keeps only a hash). Both are needed to follow and answer the complaint.',
    fields: (t) => ({
      trackingCode: t.exposeString('trackingCode', {
        description: 'The tracking code (sequential, public).',
      }),
      secret: t.exposeString('secret', {
        description: 'The secret (ABCD-EFGH-…): keep it; it cannot be shown or recovered again.',
      }),
      complaint: t.prismaField({
        type: AnonymousComplaintRef,
        description: 'The complaint as its reporter sees it.',
        resolve: (query, parent, _args, ctx) =>
          ctx.prisma.serviceRequest.findUniqueOrThrow({ ...query, where: { id: parent.requestId } }),
      }),
    }),
  });

const AnonymousAnswerInput = builder.inputType('AnswerAnonymousComplaintInput', {
  description: 'The anonymous reporter’s answer to the outcome, with the tracking code and the secret.',
  fields: (t) => ({
    trackingCode: trackingCodeField(t),
    secret: secretField(t),
    accept: t.boolean({
      required: true,
      description: 'True: accept the outcome (the case closes); false: contest it with a reason.',
    }),
    reason: t.string({ description: 'Why the outcome is contested (10–2,000 characters).' }),
    expectedVersion: expectedVersionField(t),
  }),
});

const AnonymousCorrectionInput = builder.inputType('CorrectAnonymousComplaintInput', {
  description:
    'The anonymous reporter’s answer to staff (a return for correction, a question), with the tracking code and the secret.',
  fields: (t) => ({
    trackingCode: trackingCodeField(t),
    secret: secretField(t),
    text: t.string({
      required: true,
      description:
        'The correction or the answer, as the reporter writes it (at most the request text’s length).',
    }),
    expectedVersion: expectedVersionField(t),
  }),
});

const WithdrawContactInput = builder.inputType('WithdrawAnonymousContactInput', {
  description: 'An anonymous complaint, named by its tracking code and secret.',
  fields: (t) => ({ trackingCode: trackingCodeField(t), secret: secretField(t) }),
});

const AnonymousComplaintPayload = entityPayload(
  'AnonymousComplaintPayload',
  'The anonymous complaint after the change.',
  {
    complaint: {
      type: AnonymousComplaintRef,
      id: 'requestId',
      description: 'The complaint as its reporter sees it now.',
    },
  },
);

const ComplaintManagerInput = builder.inputType('SetComplaintManagerInput', {
  description: 'Designate a staff member as a complaint manager of their unit, or end it.',
  fields: (t) => ({
    staffId: t.globalID({
      required: true,
      description:
        'The Staff node id (as Unit.staff or staffMembers give it); NotFoundError when unknown or not a Staff id.',
    }),
    manager: t.boolean({ required: true, description: 'True designates, false ends the designation.' }),
  }),
});

const StaffPayload = entityPayload('ComplaintManagerPayload', 'The staff member after the change.', {
  staff: { type: 'Staff', id: 'staffId', description: 'The staff member as now stored.' },
});

builder.queryField('anonymousComplaint', (t) =>
  t.prismaField({
    type: AnonymousComplaintRef,
    description:
      'An anonymous complaint for the holder of its tracking code and secret (anyone, not signed in). The code alone is never enough: tracking codes are sequential. Errors: AuthenticationFailed ANONYMOUS_ACCESS_REFUSED, alike for an unknown code, a request that is not anonymous, a missing and a wrong secret (rate-limited as a sign-in).',
    authScopes: { public: true },
    errors: { types: [AuthenticationFailedError] },
    args: {
      trackingCode: t.arg.string({ required: true, description: 'The tracking code.' }),
      secret: t.arg.string({ required: true, description: 'The secret given at filing.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const request = await loadAnonymousComplaint(ctx.prisma, args.trackingCode, args.secret);
      return ctx.prisma.serviceRequest.findUniqueOrThrow({ ...query, where: { id: request.id } });
    },
  }),
);

builder.mutationFields((t) => ({
  fileAnonymousComplaint: t.field({
    type: AnonymousComplaintFiled,
    description:
      'File a complaint anonymously (SP4N-LAPOR! Anonim; Perpres 76/2013 art. 4), signed in or not: no account, name, address, client address or request id is kept with it (a signed-in caller’s account is not used). Complaint services only. Returns the tracking code and a secret shown this once. Rate-limited like every filing. Errors: ValidationError (text, attributes, COMPLAINT_ANONYMOUS_IDENTIFYING_VALUE, COMPLAINT_CONTACT_INVALID, COMPLAINT_PRIVACY_NOT_COMPLAINT, COORDINATES_INCOMPLETE, COORDINATES_OUT_OF_RANGE), NotFoundError (service).',
    authScopes: { public: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    ...commandInput(t, FileAnonymousInput, 'The complaint.', async (deps, _caller, input, ctx) => {
      const place = checkCoordinates(input.latitude, input.longitude);
      if (!place.ok) throw refusal(place.error);
      const { request, secret } = await fileAnonymousComplaint(deps, {
        ...input,
        place: place.value,
        contactLanguage: input.contactLanguage ?? ctx.lang,
      });
      return { trackingCode: request.trackingCode, secret, requestId: request.id };
    }),
  }),
  answerAnonymousComplaint: t.field({
    type: AnonymousComplaintPayload,
    description:
      'The anonymous reporter accepts or contests the outcome of their completed or rejected complaint with its tracking code and secret, within LAYANAN_COMPLAINT_ANSWER_DAYS working days (as answerServiceRequestOutcome). Errors: AuthenticationFailed ANONYMOUS_ACCESS_REFUSED; RequestTransitionError COMPLAINT_NOT_DECIDED; ConflictError COMPLAINT_RESPONSE_WINDOW_PASSED, COMPLAINT_ALREADY_CLOSED, COMPLAINT_REOPEN_LIMIT or a stale expectedVersion; ValidationError COMPLAINT_CONTEST_REASON_REQUIRED.',
    authScopes: { public: true },
    errors: { types: [AuthenticationFailedError, ValidationError, ConflictError, RequestTransitionError] },
    ...commandInput(
      t,
      AnonymousAnswerInput,
      'Which complaint, its secret, and the answer.',
      async (deps, _c, input, ctx) => ({
        requestId: (await answerAnonymousOutcome(deps, input, ctx.config.complaints)).id,
      }),
    ),
  }),
  correctAnonymousComplaint: t.field({
    type: AnonymousComplaintPayload,
    description:
      'The anonymous reporter answers staff — the correction a return asks for, or more detail — with the tracking code and secret, as addServiceRequestCorrection for a signed-in reporter (text only: no files, whose metadata can name a person). A trail entry naming no one, as a signed-in reporter’s correction; an answer to a return also hands the complaint back (RETURNED_TO_CITIZEN → SUBMITTED, the clock resumes). Errors: AuthenticationFailed ANONYMOUS_ACCESS_REFUSED; ValidationError on text; RequestTransitionError REQUEST_ALREADY_CLOSED; ConflictError on a stale expectedVersion.',
    authScopes: { public: true },
    errors: { types: [AuthenticationFailedError, ValidationError, ConflictError, RequestTransitionError] },
    ...commandInput(
      t,
      AnonymousCorrectionInput,
      'Which complaint, its secret, and the text.',
      async (deps, _c, input) => ({ requestId: (await correctAnonymousComplaint(deps, input)).id }),
    ),
  }),
  withdrawAnonymousContact: t.field({
    type: AnonymousComplaintPayload,
    description:
      'The anonymous reporter withdraws the contact address given at filing; it is deleted. Errors: AuthenticationFailed ANONYMOUS_ACCESS_REFUSED.',
    authScopes: { public: true },
    errors: { types: [AuthenticationFailedError] },
    ...commandInput(t, WithdrawContactInput, 'Which complaint, and its secret.', async (deps, _c, input) => ({
      requestId: (await withdrawAnonymousContact(deps, input)).id,
    })),
  }),
  setComplaintManager: t.field({
    type: StaffPayload,
    description:
      'Designate a staff member as a complaint manager of their unit (sees the identity of the unit’s confidential reporters, each view recorded; Perpres 76/2013 art. 4), or end the designation. Admins (the city’s complaint coordinator) and supervisors of the staff member’s unit or a unit above it; Unit.complaintManagers lists them. Nobody designates themselves. Errors: NotFoundError; ConflictError COMPLAINT_MANAGER_SELF; FORBIDDEN for anyone else.',
    authScopes: { admin: true, supervisor: true },
    errors: { types: [NotFoundError, ConflictError] },
    ...commandInput(t, ComplaintManagerInput, 'Whom, and whether.', async (deps, caller, input) => ({
      staffId: (
        await setComplaintManager(deps, caller, {
          // Any other node is a staff member that does not exist.
          staffId:
            input.staffId.typename === 'Staff'
              ? input.staffId.id
              : `${input.staffId.typename}:${input.staffId.id}`,
          manager: input.manager,
        })
      ).id,
    })),
  }),
}));
