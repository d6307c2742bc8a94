// Mutation fields of the authorization matrix, except the feedback and account areas' (format in
// model.ts); the forum, staff and complaint-handling rows are in forum-mutations.ts, staff-mutations.ts and complaint-mutations.ts.
import { DEFAULT_PRIVACY_NOTICE_VERSION } from '../../app/privacy-config.js';
import { COMPLAINT_MUTATION_MATRIX } from './complaint-mutations.js';
import { FORUM_MUTATION_MATRIX } from './forum-mutations.js';
import {
  ADMIN_ONLY,
  DENIED_TO_OUTSIDERS,
  decide,
  freshIdVars,
  inputEntry,
  type MatrixEntry,
  serviceCodeVars,
  supervisorsAndAdmins,
  TYPENAME_OR_FAILURE,
  unitAndAdmins,
} from './model.js';
import { STAFF_MUTATION_MATRIX } from './staff-mutations.js';

export const MUTATION_MATRIX: Readonly<Record<string, MatrixEntry>> = {
  devLogin: {
    doc: 'mutation { devLogin(email: "warga@layanan.test") { __typename } }',
    roles: decide(['allowed', 'development only: refused when NODE_ENV=production']),
  },
  registerCitizen: {
    ...inputEntry('registerCitizen', (f) => ({
      email: `m${f.unique()}@example.org`,
      displayName: 'Warga Uji',
      password: 'gunung-merapi-2026',
      privacyNoticeVersion: DEFAULT_PRIVACY_NOTICE_VERSION,
    })),
    roles: decide(['allowed', 'open registration']),
  },
  login: {
    ...inputEntry('login', async (f) => {
      const { identifier, password } = await f.account();
      return { identifier, password };
    }),
    roles: decide('allowed'),
  },
  refreshSession: {
    doc: 'mutation($token: String!) { refreshSession(refreshToken: $token) { __typename } }',
    vars: async (f) => ({ token: (await f.account()).refreshToken }),
    roles: decide(['allowed', 'the refresh token is the credential']),
  },
  logout: {
    doc: 'mutation($token: String!) { logout(refreshToken: $token) { __typename revoked } }',
    vars: async (f) => ({ token: (await f.account()).refreshToken }),
    roles: decide(['allowed', 'the refresh token is the credential']),
  },
  changePassword: {
    doc: 'mutation { changePassword(input: { currentPassword: "salah-sekali-123", newPassword: "gunung-merapi-2027" }) { __typename } }',
    roles: decide(['allowed', 'own account; seeded demo accounts have no password'], {
      ...DENIED_TO_OUTSIDERS,
    }),
    allowedAs: ['AuthenticationFailed'],
  },
  createApiKey: {
    doc: 'mutation($name: String!) { createApiKey(input: { name: $name, scopes: ["catalogue:read"] }) { __typename } }',
    vars: (f) => ({ name: `uji-${f.unique()}` }),
    roles: ADMIN_ONLY,
  },
  revokeApiKey: {
    doc: 'mutation($id: ID!) { revokeApiKey(id: $id) { __typename } }',
    vars: freshIdVars('apiKey'),
    roles: ADMIN_ONLY,
  },
  setApiKeySubmissionBudget: {
    doc: 'mutation($id: ID!) { setApiKeySubmissionBudget(input: { id: $id, submissionsPerHour: 900 }) { __typename } }',
    vars: freshIdVars('apiKey'),
    roles: ADMIN_ONLY,
  },
  addHoliday: {
    doc: 'mutation($date: Day!) { addHoliday(input: { date: $date, kind: CUTI_BERSAMA, name: "Uji", provisional: true }) { __typename } }',
    vars: (f) => {
      const n = Number.parseInt(f.unique(), 36) % 300;
      const day = new Date(Date.UTC(2031, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
      return { date: day };
    },
    roles: ADMIN_ONLY,
    allowedAs: ['ConflictError'],
  },
  confirmHoliday: {
    doc: 'mutation($id: ID!) { confirmHoliday(id: $id) { __typename } }',
    vars: freshIdVars('holiday'),
    roles: ADMIN_ONLY,
  },
  removeHoliday: {
    doc: 'mutation($id: ID!) { removeHoliday(id: $id) { __typename } }',
    vars: freshIdVars('holiday'),
    roles: ADMIN_ONLY,
  },
  ...FORUM_MUTATION_MATRIX,
  setNotificationSettings: {
    doc: 'mutation { setNotificationSettings(input: { language: id }) { __typename } }',
    roles: decide(['allowed', 'own settings'], DENIED_TO_OUTSIDERS),
  },
  markNotificationsRead: {
    doc: 'mutation { markNotificationsRead { marked } }',
    roles: decide(['allowed', 'own notifications'], DENIED_TO_OUTSIDERS),
  },
  createService: {
    ...inputEntry('createService', (f) => ({
      code: `UJI${f.unique().toUpperCase()}`,
      unitCode: f.unit.code,
      kind: 'PERMIT',
      nameId: 'Layanan uji',
      nameEn: 'Test service',
      description: 'Uji',
      standard: {},
      attributes: [],
    })),
    roles: ADMIN_ONLY,
    allowedAs: ['ValidationError'],
  },
  updateService: {
    doc: 'mutation($code: String!) { updateService(input: { code: $code, description: "Diperbarui" }) { __typename } }',
    vars: serviceCodeVars,
    roles: supervisorsAndAdmins('own unit'),
  },
  proposeServiceChange: {
    doc: 'mutation($code: String!, $name: String!) { proposeServiceChange(input: { code: $code, nameEn: $name, note: "Uji" }) { __typename } }',
    vars: (f) => ({ ...serviceCodeVars(f), name: `Test ${f.unique()}` }),
    roles: supervisorsAndAdmins('own unit; nothing published changes until a second person decides'),
  },
  decideServiceChange: {
    // A proposal id nobody has: the roles' decision is the scope check (supervisors and admins);
    // the owning-unit, not-the-proposer, once-only and stale rules are tested in
    // modules/services/service-change.test.ts.
    doc: 'mutation { decideServiceChange(input: { id: "00000000-0000-4000-8000-000000000000", approve: true, reason: "Sesuai Perwako" }) { __typename } }',
    roles: supervisorsAndAdmins('own unit tree, never their own proposal'),
    allowedAs: ['NotFoundError'],
  },
  submitServiceRequest: {
    ...inputEntry(
      'submitServiceRequest',
      (f) => ({
        serviceCode: f.service.code,
        text: 'Permohonan uji',
        attributes: f.service.attributes,
        idempotencyKey: `uji-${f.unique()}`,
        // Counter staff file for a citizen.
        ...(f.role.endsWith('itizen') ? {} : { citizenEmail: 'warga@layanan.test' }),
      }),
      TYPENAME_OR_FAILURE,
    ),
    roles: decide('denied', {
      citizen: 'allowed',
      otherCitizen: 'allowed',
      unitStaff: ['allowed', 'counter staff, own unit only'],
      supervisor: 'allowed',
      system: ['allowed', 'API key with requests:write, filing for the citizen named by citizenEmail'],
    }),
  },
  transitionServiceRequest: {
    ...inputEntry('transitionServiceRequest', async (f) => {
      const { trackingCode, version } = await f.request();
      const to = f.role === 'citizen' || f.role === 'otherCitizen' ? 'WITHDRAWN' : 'VERIFIED';
      return { trackingCode, expectedVersion: version, to };
    }),
    roles: unitAndAdmins({ citizen: ['allowed', 'owner may withdraw'] }),
    deniedAs: ['NotFoundError'],
  },
  reassignServiceRequest: {
    ...inputEntry(
      'reassignServiceRequest',
      async (f) => {
        const { trackingCode, version } = await f.request();
        return { trackingCode, expectedVersion: version, staffId: f.staff.unitStaff.rawId };
      },
      TYPENAME_OR_FAILURE,
    ),
    roles: supervisorsAndAdmins('own unit'),
    deniedAs: ['NotFoundError'],
  },
  ...COMPLAINT_MUTATION_MATRIX,
  addServiceRequestNote: {
    ...inputEntry('addServiceRequestNote', async (f) => {
      const { trackingCode, version } = await f.request();
      return { trackingCode, expectedVersion: version, publicNote: 'Survei lokasi hari Kamis' };
    }),
    roles: unitAndAdmins(),
  },
  reviewRequestDocument: {
    ...inputEntry('reviewRequestDocument', async (f) => ({
      attachmentId: (await f.requestDocument()).attachmentId,
      decision: 'ACCEPTED',
    })),
    roles: unitAndAdmins(),
    // The fixture's PBG lists no slots: authorized callers get DOCUMENT_NOT_IN_SLOT.
    allowedAs: ['ValidationError'],
    deniedAs: ['NotFoundError'],
  },
  claimServiceRequest: {
    ...inputEntry(
      'claimServiceRequest',
      async (f) => {
        const { trackingCode, version } = await f.request();
        return { trackingCode, expectedVersion: version };
      },
      TYPENAME_OR_FAILURE,
    ),
    roles: decide(['denied', 'staff of the request’s unit only (admins hand requests on with reassign)'], {
      unitStaff: 'allowed',
      supervisor: 'allowed',
    }),
    // Routing may already have given the fresh request to the caller.
    allowedAs: ['ConflictError'],
  },
  addServiceRequestCorrection: {
    ...inputEntry('addServiceRequestCorrection', async (f) => {
      const { trackingCode, version } = await f.request();
      return { trackingCode, expectedVersion: version, text: 'Lampiran menyusul' };
    }),
    roles: unitAndAdmins({
      citizen: ['allowed', 'owner'],
      otherCitizen: ['denied', 'NotFoundError: existence is not revealed'],
    }),
    deniedAs: ['NotFoundError'],
  },
  ...STAFF_MUTATION_MATRIX,
  revokeIssuedDocument: {
    ...inputEntry(
      'revokeIssuedDocument',
      async (f) => ({ number: (await f.issuedDocument()).number, reason: 'Diterbitkan keliru (uji)' }),
      TYPENAME_OR_FAILURE,
    ),
    roles: supervisorsAndAdmins('the issuing unit'),
  },
};
