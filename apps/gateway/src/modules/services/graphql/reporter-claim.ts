// Reporters without a Layanan account (issue 17 item 1): the contact details an API key files
// for (SubmitServiceRequestInput.reporter), and a citizen's claim of such a request with a
// one-time code (commands/unregistered-reporter.ts).
import { CLAIM_CODE_MAX_ATTEMPTS, CLAIM_CODE_TTL_MINUTES, CLAIM_CODES_MAX } from '@layanan/domain/services';
import { mailSettings } from '../../../app/mail-config.js';
import { builder } from '../../../graphql/builder.js';
import { commandInput } from '../../../graphql/command-fields.js';
import { ConflictError, LayananError, ValidationError } from '../../../graphql/errors.js';
import {
  type ClaimCodeSent,
  claimReportedRequest,
  sendRequestClaimCode,
} from '../commands/unregistered-reporter.js';
import { ContactLanguageEnum } from './complaint-privacy.js';

export const ReporterContactInput = builder.inputType('ReporterContactInput', {
  description:
    'API keys only: the person a request is filed for, by contact details, when no Layanan account has the e-mail given. No account is made; the request keeps these details (shown to the handling unit as the applicant’s contact; mail about the request goes to the e-mail) until the person claims it (claimReportedRequest).',
  fields: (t) => ({
    email: t.string({
      description: 'E-mail address (also taken from citizenEmail when that names no account).',
    }),
    phone: t.string({
      description: 'Indonesian mobile number (+62…, 62…, 08…). An e-mail or a phone is required.',
    }),
    firstName: t.string({ description: 'Given name, at most 100 characters.' }),
    lastName: t.string({ description: 'Family name, at most 100 characters.' }),
    language: t.field({
      type: ContactLanguageEnum,
      description: 'Language of the mail to the e-mail (default ID).',
    }),
  }),
});

const ClaimCodeChannelEnum = builder.enumType('ClaimCodeChannel', {
  description: 'Where a claim code was sent.',
  values: {
    EMAIL: { value: 'email', description: 'The reporter’s e-mail address.' },
    SMS: { value: 'sms', description: 'The reporter’s mobile number, by SMS.' },
  } as const,
});

const ClaimCodeSentPayload = builder.objectRef<ClaimCodeSent>('RequestClaimCodeSent').implement({
  description:
    'A claim code was sent to the reporter’s address (never shown here); earlier codes stop working.',
  fields: (t) => ({
    channel: t.field({
      type: ClaimCodeChannelEnum,
      resolve: (s) => s.channel,
      description: 'E-mail or SMS.',
    }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      description: `When the code stops working (${CLAIM_CODE_TTL_MINUTES} minutes).`,
    }),
  }),
});

const SendClaimCodeInput = builder.inputType('SendRequestClaimCodeInput', {
  description: 'The request to claim.',
  fields: (t) => ({
    trackingCode: t.string({
      required: true,
      description: 'The request’s tracking code (case-insensitive).',
    }),
  }),
});

const ClaimInput = builder.inputType('ClaimReportedRequestInput', {
  description: 'The request to claim and the code that reached the reporter.',
  fields: (t) => ({
    trackingCode: t.string({
      required: true,
      description: 'The request’s tracking code (case-insensitive).',
    }),
    code: t.string({
      required: true,
      description: 'The claim code (8 digits; spaces and dashes do not matter).',
    }),
  }),
});

const ClaimedPayload = builder
  .objectRef<{ trackingCode: string; requestId: string }>('ReportedRequestClaimed')
  .implement({
    description: 'The request is now the signed-in citizen’s, as if they had filed it.',
    fields: (t) => ({
      trackingCode: t.exposeString('trackingCode', { description: 'The request’s tracking code.' }),
    }),
  });

builder.mutationFields((t) => ({
  sendRequestClaimCode: t.field({
    type: ClaimCodeSentPayload,
    description: `A signed-in citizen asks to claim a request an API key filed for a reporter without an account (e.g. through FixMyStreet): a code of 8 digits goes to the reporter’s e-mail address, or by SMS to their phone when an SMS provider is configured, bound to the caller’s account, valid ${CLAIM_CODE_TTL_MINUTES} minutes; at most ${CLAIM_CODES_MAX} codes per request. Errors: ConflictError REQUEST_CLAIM_NOT_POSSIBLE (unknown code, not such a request, already claimed, or the caller is not an active citizen); OperationFailed REQUEST_CLAIM_NO_CHANNEL (phone only and no SMS provider); ConflictError REQUEST_CLAIM_CODES_EXHAUSTED.`,
    authScopes: { citizen: true },
    errors: { types: [ConflictError, LayananError] },
    ...commandInput(t, SendClaimCodeInput, 'The request to claim.', (deps, caller, input, ctx) =>
      sendRequestClaimCode(deps, caller, input, mailSettings(ctx.config), ctx.sms ?? null),
    ),
  }),
  claimReportedRequest: t.field({
    type: ClaimedPayload,
    description: `The signed-in citizen presents the claim code: the request moves to their account (visible and notified as their own) and the reporter’s contact details kept with it are deleted. Errors: ValidationError on \`code\` REQUEST_CLAIM_CODE_WRONG (counted; ${CLAIM_CODE_MAX_ATTEMPTS} wrong tries void the code) or REQUEST_CLAIM_CODE_EXPIRED (expired, voided, or sent to another account); ConflictError REQUEST_CLAIM_NOT_POSSIBLE.`,
    authScopes: { citizen: true },
    errors: { types: [ValidationError, ConflictError] },
    ...commandInput(t, ClaimInput, 'The request and the code.', (deps, caller, input) =>
      claimReportedRequest(deps, caller, input),
    ),
  }),
}));
