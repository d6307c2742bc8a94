// Mutation fields of complaint handling (transfer, duplicates, followers, priority, response templates,
// the reporter's answer, anonymous complaints, claims of reports filed without an account, complaint
// managers) in the authorization matrix (format in model.ts); spread into MUTATION_MATRIX by mutations.ts.
import {
  DENIED_TO_OUTSIDERS,
  decide,
  freshRequestVars,
  inputEntry,
  type MatrixEntry,
  supervisorsAndAdmins,
  TYPENAME_OR_FAILURE,
  unitAndAdmins,
} from './model.js';

export const COMPLAINT_MUTATION_MATRIX: Readonly<Record<string, MatrixEntry>> = {
  transferServiceRequest: {
    ...inputEntry(
      'transferServiceRequest',
      async (f) => {
        const { trackingCode, version } = await f.request();
        // A permit moves to another permit service (SIP-NAKES, also DPMPTSP).
        return {
          trackingCode,
          expectedVersion: version,
          serviceCode: 'SIP-NAKES',
          reason: 'Salah pilih layanan izin.',
        };
      },
      TYPENAME_OR_FAILURE,
    ),
    roles: supervisorsAndAdmins("the request's current unit"),
    deniedAs: ['NotFoundError'],
  },
  markRequestDuplicate: {
    ...inputEntry(
      'markRequestDuplicate',
      async (f) => {
        const original = await f.request();
        const { trackingCode, version } = await f.request();
        return {
          trackingCode,
          originalCode: original.trackingCode,
          expectedVersion: version,
          reason: 'Permohonan yang sama diajukan dua kali.',
        };
      },
      TYPENAME_OR_FAILURE,
    ),
    roles: unitAndAdmins(),
    deniedAs: ['NotFoundError'],
  },
  followServiceRequest: {
    doc: 'mutation($code: String!) { followServiceRequest(trackingCode: $code) { __typename ... on Failure { code message } } }',
    vars: freshRequestVars,
    // The sample is a permit: authorization passes, the rule refuses it (FOLLOW_NOT_PUBLIC).
    roles: decide(['allowed', 'any signed-in account'], DENIED_TO_OUTSIDERS),
    allowedAs: ['ValidationError'],
  },
  unfollowServiceRequest: {
    doc: 'mutation($code: String!) { unfollowServiceRequest(trackingCode: $code) { __typename } }',
    vars: freshRequestVars,
    roles: decide(['allowed', 'any signed-in account'], DENIED_TO_OUTSIDERS),
  },
  setServiceRequestPriority: {
    ...inputEntry(
      'setServiceRequestPriority',
      async (f) => {
        const { trackingCode, version } = await f.request();
        return {
          trackingCode,
          expectedVersion: version,
          priority: 'URGENT',
          reason: 'Bangunan hampir roboh.',
        };
      },
      TYPENAME_OR_FAILURE,
    ),
    roles: unitAndAdmins(),
    deniedAs: ['NotFoundError'],
  },
  // Public reports (issue 17 item 6): handling staff publish a redacted description. Withdrawing
  // (no text) is valid on any request, so the entry tests who may, not what may be published.
  publishServiceRequestDescription: {
    ...inputEntry(
      'publishServiceRequestDescription',
      async (f) => {
        const { trackingCode, version } = await f.request();
        return { trackingCode, expectedVersion: version, text: null };
      },
      TYPENAME_OR_FAILURE,
    ),
    roles: unitAndAdmins(),
  },
  createResponseTemplate: {
    ...inputEntry(
      'createResponseTemplate',
      (f) => ({
        serviceCode: f.service.code,
        state: 'COMPLETED',
        title: `Selesai ${f.unique()}`,
        body: 'Permohonan {kode} telah selesai.',
      }),
      TYPENAME_OR_FAILURE,
    ),
    roles: supervisorsAndAdmins("the service's unit"),
  },
  updateResponseTemplate: {
    ...inputEntry(
      'updateResponseTemplate',
      async (f) => ({
        id: (await f.responseTemplate()).id,
        state: 'REJECTED',
        title: 'Ditolak',
        body: 'Permohonan {kode} tidak dapat diproses.',
      }),
      TYPENAME_OR_FAILURE,
    ),
    roles: supervisorsAndAdmins("the service's unit"),
  },
  deleteResponseTemplate: {
    ...inputEntry(
      'deleteResponseTemplate',
      async (f) => ({ id: (await f.responseTemplate()).id }),
      TYPENAME_OR_FAILURE,
    ),
    roles: supervisorsAndAdmins("the service's unit"),
  },
  answerServiceRequestOutcome: {
    ...inputEntry(
      'answerServiceRequestOutcome',
      async (f) => {
        const { trackingCode, version } = await f.request();
        return { trackingCode, expectedVersion: version, accept: true };
      },
      TYPENAME_OR_FAILURE,
    ),
    roles: decide('denied', {
      citizen: [
        'allowed',
        'the reporter only; a fresh permit request answers COMPLAINT_ANSWER_NOT_APPLICABLE',
      ],
      otherCitizen: ['denied', 'NotFoundError: existence is not revealed'],
    }),
    allowedAs: ['RequestTransitionError'],
    deniedAs: ['NotFoundError'],
  },
  // Anonymous complaints (issue 20): anyone files one (a caller's account is never used); the
  // tracking code with its secret is the credential, so every role is answered alike.
  fileAnonymousComplaint: {
    ...inputEntry('fileAnonymousComplaint', () => ({
      serviceCode: 'PENGADUAN-JALAN',
      text: 'Lampu jalan mati sepanjang Jalan Lintas.',
      attributes: { kecamatan: 'LEMBAH_SEGAR', lokasi: 'Jalan Lintas', jenis_kerusakan: 'JALAN_BERLUBANG' },
    })),
    roles: decide(['allowed', 'anyone; the caller is not recorded']),
  },
  answerAnonymousComplaint: {
    ...inputEntry('answerAnonymousComplaint', async (f) => {
      const { trackingCode, version } = await f.request();
      return {
        trackingCode,
        secret: 'ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2',
        expectedVersion: version,
        accept: true,
      };
    }),
    roles: decide([
      'allowed',
      'the code with its secret is the credential; a wrong one is AuthenticationFailed',
    ]),
    allowedAs: ['AuthenticationFailed'],
  },
  correctAnonymousComplaint: {
    ...inputEntry('correctAnonymousComplaint', async (f) => {
      const { trackingCode, version } = await f.request();
      return {
        trackingCode,
        secret: 'ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2',
        expectedVersion: version,
        text: 'Lubangnya di depan SD 05.',
      };
    }),
    roles: decide([
      'allowed',
      'the code with its secret is the credential; a wrong one is AuthenticationFailed',
    ]),
    allowedAs: ['AuthenticationFailed'],
  },
  withdrawAnonymousContact: {
    ...inputEntry('withdrawAnonymousContact', async (f) => {
      const { trackingCode } = await f.request();
      return { trackingCode, secret: 'ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2' };
    }),
    roles: decide([
      'allowed',
      'the code with its secret is the credential; a wrong one is AuthenticationFailed',
    ]),
    allowedAs: ['AuthenticationFailed'],
  },
  // Reporters without an account (issue 17): any signed-in citizen may ask to claim a request;
  // the code that reached the reporter is the proof. The citizen's own request is not claimable.
  sendRequestClaimCode: {
    ...inputEntry('sendRequestClaimCode', async (f) => ({ trackingCode: (await f.request()).trackingCode })),
    roles: decide('denied', {
      citizen: [
        'allowed',
        'a citizen; a request not filed for a reporter without an account is ConflictError',
      ],
      otherCitizen: ['allowed', 'as citizen'],
    }),
    allowedAs: ['ConflictError'],
  },
  claimReportedRequest: {
    ...inputEntry('claimReportedRequest', async (f) => ({
      trackingCode: (await f.request()).trackingCode,
      code: '12345678',
    })),
    roles: decide('denied', {
      citizen: ['allowed', 'a citizen; the code is the proof (ConflictError without a claimable request)'],
      otherCitizen: ['allowed', 'as citizen'],
    }),
    allowedAs: ['ConflictError'],
  },
  setComplaintManager: {
    ...inputEntry('setComplaintManager', (f) => ({ staffId: f.staff.unitStaff.id, manager: false })),
    roles: supervisorsAndAdmins('own unit tree'),
  },
};
