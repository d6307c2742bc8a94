// The authorization matrix (issue 7): every Query, Mutation and Subscription field × every role →
// allowed / denied / filtered. `authz-matrix.test.ts` reads the operations from the built schema
// and fails when one is missing here or when this file names one that no longer exists, then runs
// every entry as every role against a seeded database and checks the outcome class.
//
// Adding an operation (one entry, keyed by the field name, in `query`, `mutation` or `subscription`):
//
//   myField: {
//     doc: 'query($code: String!) { myField(code: $code) { __typename } }',
//     vars: (f) => ({ code: f.unit.code }),               // sample variables; may create fresh data
//     roles: decide('denied', { admin: 'allowed', supervisor: ['allowed', 'own unit only'] }),
//   },
//
// - `decide(rest, overrides)` gives every role not named the `rest` decision; a decision is
//   'allowed' | 'denied' | 'filtered', or [decision, 'short note'].
// - allowed: no error and a non-null answer that is not an error member of the result union
//   (`…Error`, `AuthenticationFailed`) unless listed in `allowedAs`.
// - denied: the typed FORBIDDEN error (authz.ts forbidden()), or one of `deniedAs` ('null' for
//   lookups that answer null by design so that ids cannot be probed, or a union member name).
// - filtered: success, and `check(data, 'filtered', f)` must return undefined (it returns the reason
//   when the answer is not limited, e.g. personal fields present). `check` also runs for 'allowed'.
// - `vars(f)` runs once per role just before the call: create fresh data there (f.request(),
//   f.submission(), …) so a mutation never depends on what another role's call did.
// - Subscriptions are authorized at subscribe time: the test opens the stream and expects either
//   the first SSE frame to be an error (denied) or the stream to stay open (allowed).

export const ROLES = [
  'anonymous',
  'citizen',
  'otherCitizen',
  'unitStaff',
  'otherUnitStaff',
  'supervisor',
  'admin',
  'system',
] as const;
export type Role = (typeof ROLES)[number];
export type Outcome = 'allowed' | 'denied' | 'filtered';
export type Decision = Outcome | readonly [Outcome, string];

/**
 * Sample data for `vars`, from the seed: the citizen (warga@) owns the requests and submissions,
 * the unit is DPMPTSP (unitStaff yulia@, supervisor hendra@), the other unit DISDUKCAPIL (dewi@).
 */
export interface Fixtures {
  readonly role: Role;
  /** Unit of the unit staff and supervisor (DPMPTSP): database id and code. */
  readonly unit: { readonly id: string; readonly code: string };
  readonly otherUnit: { readonly id: string; readonly code: string };
  /** Global ids (Staff:…) and NIPs of the seeded staff. */
  readonly staff: {
    /** `id` is the global id (Staff:…), `rawId` the database id. */
    readonly unitStaff: { readonly id: string; readonly rawId: string; readonly nip: string };
    readonly supervisor: { readonly id: string; readonly nip: string };
    readonly otherUnitStaff: { readonly id: string; readonly nip: string };
  };
  /** The DPMPTSP forum (global id and slug). */
  readonly forum: { readonly id: string; readonly slug: string };
  /** A service of the unit that anyone may request (code), with valid attributes. */
  readonly service: { readonly code: string; readonly attributes: Record<string, unknown> };
  /** How many rows exist, to prove a filtered list is shorter. */
  readonly totals: { readonly requests: number; readonly staffInUnit: number };
  /** A string no other call used. */
  unique(): string;
  /** A fresh, valid NIP no staff member has. */
  nip(): string;
  /** A fresh request of the citizen at the unit, in SUBMITTED. */
  request(): Promise<{ trackingCode: string; version: number }>;
  /** A fresh submission of the citizen to the unit's forum (global id). */
  submission(): Promise<{ id: string }>;
  /** A fresh submission, already answered ACCEPTED by the unit (global id). */
  acceptedSubmission(): Promise<{ id: string }>;
  /** A fresh open commitment on a fresh accepted submission (global id). */
  commitment(): Promise<{ id: string }>;
  /** A fresh session of the unit's forum (global id). */
  forumSession(): Promise<{ id: string }>;
  /** A fresh provisional holiday (global id). */
  holiday(): Promise<{ id: string }>;
  /** A fresh API key (global id). */
  apiKey(): Promise<{ id: string }>;
  /** A fresh request of the citizen, worked to COMPLETED by the unit (survey not answered). */
  completedRequest(): Promise<{ trackingCode: string }>;
  /** The first improvement action of the unit for 2026, with a progress higher than any before. */
  improvementAction(): Promise<{ id: string; progress: number }>;
  /** An SKM element with its current competency codes (setting it again changes nothing). */
  readonly skmMapping: { readonly element: string; readonly competencyCodes: readonly string[] };
  /** A fresh citizen account with a password and a live refresh token. */
  account(): Promise<{ identifier: string; password: string; refreshToken: string }>;
}

/** A GraphQL answer as JSON; each check reads the fields its own document selected. */
// biome-ignore lint/suspicious/noExplicitAny: answers are untyped JSON shaped by each entry's document
type Answer = any;

export type MatrixEntry = {
  /** The operation with `$variables`; select `__typename` on object and union results. */
  doc: string;
  vars?: (f: Fixtures) => Record<string, unknown> | Promise<Record<string, unknown>>;
  roles: Readonly<Record<Role, Decision>>;
  /** Answers that also count as a denial: 'null', or a union member such as 'NotFoundError'. */
  deniedAs?: readonly string[];
  /** Union members that count as allowed: authorization passed, the sample input was refused. */
  allowedAs?: readonly string[];
  /** Returns why the answer is wrong for the outcome, or undefined when it is right. */
  check?: (data: Answer, outcome: 'allowed' | 'filtered', f: Fixtures) => string | undefined;
};

export type AuthzMatrix = {
  query: Readonly<Record<string, MatrixEntry>>;
  mutation: Readonly<Record<string, MatrixEntry>>;
  subscription: Readonly<Record<string, MatrixEntry>>;
};

/** Every role gets `rest`, except those in `overrides`. */
export function decide(
  rest: Decision,
  overrides: Partial<Record<Role, Decision>> = {},
): Readonly<Record<Role, Decision>> {
  return Object.fromEntries(ROLES.map((role) => [role, overrides[role] ?? rest])) as Record<Role, Decision>;
}

const DENIED_TO_OUTSIDERS = { anonymous: 'denied', system: 'denied' } as const;
const staffOnly = (note: string) =>
  decide(['denied', note], {
    unitStaff: 'allowed',
    otherUnitStaff: 'allowed',
    supervisor: 'allowed',
    admin: 'allowed',
  });

/** Personal staff fields are null (filtered) or present (allowed). */
const personalFields =
  (pick: (data: Answer) => Answer) =>
  (data: Answer, outcome: 'allowed' | 'filtered'): string | undefined => {
    const staff = pick(data);
    if (!staff) return 'no staff member in the answer';
    const hidden = staff.nip === null && staff.birthDate === null;
    if (outcome === 'filtered' && !hidden) return `personal data visible: nip=${staff.nip}`;
    if (outcome === 'allowed' && hidden) return 'personal data hidden from an authorised caller';
    return undefined;
  };

const shorterThan = (total: (f: Fixtures) => number) => (data: Answer, outcome: string, f: Fixtures) => {
  const count = Object.values(data)[0] as { totalCount: number } | undefined;
  if (!count) return 'no connection in the answer';
  if (outcome === 'filtered' && count.totalCount >= total(f)) {
    return `not filtered: ${count.totalCount} of ${total(f)}`;
  }
  if (outcome === 'allowed' && count.totalCount !== total(f)) {
    return `expected all ${total(f)}, got ${count.totalCount}`;
  }
  return undefined;
};

const SUBMIT_TO_FORUM =
  'mutation($input: SubmitToForumInput!) { submitToForum(input: $input) { __typename ... on Failure { code message } } }';

export const AUTHZ_MATRIX: AuthzMatrix = {
  query: {
    me: { doc: '{ me { __typename kind } }', roles: decide('allowed') },
    districts: { doc: '{ districts { code } }', roles: decide(['allowed', 'public reference data']) },
    holidays: { doc: '{ holidays(year: 2026) { date } }', roles: decide(['allowed', 'public calendar']) },
    units: { doc: '{ units(first: 5) { totalCount } }', roles: decide('allowed') },
    unit: { doc: '{ unit(code: "DPMPTSP") { __typename code } }', roles: decide('allowed') },
    services: {
      doc: '{ services(first: 5) { totalCount } }',
      roles: decide(['allowed', 'public catalogue']),
    },
    service: {
      doc: 'query($code: String!) { service(code: $code) { __typename code } }',
      vars: (f) => ({ code: f.service.code }),
      roles: decide('allowed'),
    },
    forums: { doc: '{ forums(first: 5) { totalCount } }', roles: decide(['allowed', 'public forums']) },
    forum: {
      doc: 'query($slug: String!) { forum(slug: $slug) { __typename slug } }',
      vars: (f) => ({ slug: f.forum.slug }),
      roles: decide('allowed'),
    },
    submissions: {
      doc: '{ submissions(first: 5) { totalCount edges { node { __typename } } } }',
      roles: decide(['allowed', 'public; hidden text and hidden author names are blanked per field']),
    },
    forumAccountability: {
      doc: '{ forumAccountability(from: "2026-01-01", to: "2026-12-31") { __typename } }',
      roles: decide(['allowed', 'public accountability report']),
    },
    requestStatistics: {
      doc: '{ requestStatistics(from: "2026-01-01", to: "2026-12-31", groupBy: UNIT) { __typename } }',
      roles: decide(['allowed', 'aggregate times only, no personal data']),
    },
    requestStatus: {
      doc: 'query($code: String!) { requestStatus(trackingCode: $code) { __typename state } }',
      vars: async (f) => ({ code: (await f.request()).trackingCode }),
      roles: decide(['allowed', 'public trail: states and times, no text or notes']),
    },
    serviceRequest: {
      doc: 'query($code: String!) { serviceRequest(trackingCode: $code) { __typename originalText } }',
      vars: async (f) => ({ code: (await f.request()).trackingCode }),
      roles: decide(['denied', 'null: existence is not revealed'], {
        citizen: ['allowed', 'owner'],
        unitStaff: 'allowed',
        supervisor: 'allowed',
        admin: 'allowed',
      }),
      deniedAs: ['null'],
    },
    serviceRequests: {
      doc: '{ serviceRequests(first: 5) { totalCount } }',
      roles: decide(['filtered', 'own requests (citizens) or own unit (staff)'], {
        anonymous: 'denied',
        admin: 'allowed',
        system: ['filtered', 'API keys see no requests'],
      }),
      check: shorterThan((f) => f.totals.requests),
    },
    staffMembers: {
      doc: 'query($unit: String!) { staffMembers(unitCode: $unit, first: 100) { totalCount edges { node { nip birthDate } } } }',
      vars: (f) => ({ unit: f.unit.code }),
      roles: decide(['filtered', 'public fields only: nip and birth date null'], {
        supervisor: ['allowed', 'supervises the unit'],
        admin: 'allowed',
      }),
      check: (data, outcome) => {
        const nodes = data.staffMembers.edges.map((e: Answer) => e.node);
        if (nodes.length === 0) return 'no staff listed';
        const visible = nodes.filter((n: Answer) => n.nip !== null || n.birthDate !== null).length;
        if (outcome === 'filtered' && visible > 1) return `${visible} personal records visible`;
        if (outcome === 'allowed' && visible !== nodes.length)
          return 'personal data hidden from a supervisor';
        return undefined;
      },
    },
    staffMember: {
      doc: 'query($id: ID!) { staffMember(id: $id) { __typename name nip birthDate } }',
      vars: (f) => ({ id: f.staff.unitStaff.id }),
      roles: decide(['filtered', 'name, position and unit only'], {
        unitStaff: ['allowed', 'the person herself'],
        supervisor: 'allowed',
        admin: 'allowed',
      }),
      check: personalFields((d) => d.staffMember),
    },
    staffByNip: {
      doc: 'query($nip: String!) { staffByNip(nip: $nip) { __typename nip } }',
      vars: (f) => ({ nip: f.staff.unitStaff.nip }),
      roles: decide(['denied', 'null so a NIP cannot be probed'], {
        unitStaff: ['allowed', 'own NIP'],
        supervisor: 'allowed',
        admin: 'allowed',
      }),
      deniedAs: ['null'],
    },
    node: {
      doc: 'query($id: ID!) { node(id: $id) { __typename ... on Staff { nip birthDate } } }',
      vars: (f) => ({ id: f.staff.unitStaff.id }),
      roles: decide(['filtered', 'same field rules as the type'], {
        unitStaff: 'allowed',
        supervisor: 'allowed',
        admin: 'allowed',
      }),
      check: personalFields((d) => d.node),
    },
    nodes: {
      doc: 'query($id: ID!) { nodes(ids: [$id]) { __typename ... on Staff { nip birthDate } } }',
      vars: (f) => ({ id: f.staff.unitStaff.id }),
      roles: decide(['filtered', 'same field rules as the type'], {
        unitStaff: 'allowed',
        supervisor: 'allowed',
        admin: 'allowed',
      }),
      check: personalFields((d) => d.nodes[0]),
    },
    notifications: {
      doc: '{ notifications(first: 5) { totalCount } }',
      roles: decide(['allowed', 'own notifications'], DENIED_TO_OUTSIDERS),
    },
    unreadNotificationCount: {
      doc: '{ unreadNotificationCount }',
      roles: decide(['allowed', 'own notifications'], DENIED_TO_OUTSIDERS),
    },
    apiKeys: { doc: '{ apiKeys(first: 5) { totalCount } }', roles: decide('denied', { admin: 'allowed' }) },
    auditEntries: {
      doc: '{ auditEntries(first: 5) { totalCount } }',
      roles: decide('denied', { admin: 'allowed' }),
    },
    unitCompetencyGapReport: {
      doc: 'query($unit: String!) { unitCompetencyGapReport(unitCode: $unit) { __typename } }',
      vars: (f) => ({ unit: f.unit.code }),
      roles: decide('denied', { supervisor: ['allowed', 'own unit tree'], admin: 'allowed' }),
    },
    trainingComplianceReport: {
      doc: 'query($unit: String!) { trainingComplianceReport(unitCode: $unit) { __typename } }',
      vars: (f) => ({ unit: f.unit.code }),
      roles: decide('denied', { supervisor: ['allowed', 'own unit tree'], admin: 'allowed' }),
    },
    unitTrainingPlan: {
      doc: 'query($unit: String!) { unitTrainingPlan(unitCode: $unit) { __typename } }',
      vars: (f) => ({ unit: f.unit.code }),
      roles: decide('denied', { supervisor: ['allowed', 'own unit tree'], admin: 'allowed' }),
    },
    trainingPlan: {
      doc: 'query($id: ID!) { trainingPlan(staffId: $id) { __typename } }',
      vars: (f) => ({ id: f.staff.unitStaff.id }),
      roles: decide('denied', {
        unitStaff: ['allowed', 'own plan'],
        supervisor: 'allowed',
        admin: 'allowed',
      }),
    },
    // Feedback area (issue 6).
    skmElements: {
      doc: '{ skmElements { code label } }',
      roles: decide(['allowed', 'public questionnaire']),
    },
    surveyInvitation: {
      doc: 'query($code: String!) { surveyInvitation(trackingCode: $code) { __typename answered } }',
      vars: async (f) => ({ code: (await f.completedRequest()).trackingCode }),
      roles: decide(['denied', 'null: only the owner of a completed request is invited'], {
        citizen: ['allowed', 'owner'],
      }),
      deniedAs: ['null'],
    },
    ikm: {
      doc: 'query($unit: String!) { ikm(unitCode: $unit, period: { kind: YEAR, year: 2026 }) { __typename } }',
      vars: (f) => ({ unit: f.unit.code }),
      roles: decide(['allowed', 'published aggregates, no respondents']),
    },
    ikmTrend: {
      doc: 'query($unit: String!) { ikmTrend(unitCode: $unit, year: 2026, kind: QUARTER) { __typename } }',
      vars: (f) => ({ unit: f.unit.code }),
      roles: decide(['allowed', 'published aggregates']),
    },
    historicIkm: { doc: '{ historicIkm { score rule } }', roles: decide(['allowed', 'published history']) },
    skmReport: {
      doc: 'query($unit: String!) { skmReport(unitCode: $unit, period: { kind: YEAR, year: 2026 }) { __typename } }',
      vars: (f) => ({ unit: f.unit.code }),
      roles: decide(['denied', 'suggestions and profiles: the unit, its supervisors, admins'], {
        unitStaff: 'allowed',
        supervisor: 'allowed',
        admin: 'allowed',
      }),
    },
    improvementActions: {
      doc: '{ improvementActions(first: 5) { totalCount } }',
      roles: staffOnly('internal follow-up'),
    },
    skmCompetencyMappings: {
      doc: '{ skmCompetencyMappings { __typename } }',
      roles: staffOnly('internal configuration'),
    },
    // Example module (docs/extending.md).
    publicNotices: {
      doc: '{ publicNotices(first: 5) { title } }',
      roles: decide(['allowed', 'public notices']),
    },
  },

  mutation: {
    devLogin: {
      doc: 'mutation { devLogin(email: "warga@layanan.test") { __typename } }',
      roles: decide(['allowed', 'development only: refused when NODE_ENV=production']),
    },
    registerCitizen: {
      doc: 'mutation($input: RegisterCitizenInput!) { registerCitizen(input: $input) { __typename } }',
      vars: (f) => ({
        input: {
          email: `m${f.unique()}@example.org`,
          displayName: 'Warga Uji',
          password: 'gunung-merapi-2026',
        },
      }),
      roles: decide(['allowed', 'open registration']),
    },
    login: {
      doc: 'mutation($input: LoginInput!) { login(input: $input) { __typename } }',
      vars: async (f) => {
        const { identifier, password } = await f.account();
        return { input: { identifier, password } };
      },
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
      roles: decide('denied', { admin: 'allowed' }),
    },
    revokeApiKey: {
      doc: 'mutation($id: ID!) { revokeApiKey(id: $id) { __typename } }',
      vars: async (f) => ({ id: (await f.apiKey()).id }),
      roles: decide('denied', { admin: 'allowed' }),
    },
    addHoliday: {
      doc: 'mutation($date: String!) { addHoliday(input: { date: $date, kind: CUTI_BERSAMA, name: "Uji", provisional: true }) { __typename } }',
      vars: (f) => {
        const n = Number.parseInt(f.unique(), 36) % 300;
        const day = new Date(Date.UTC(2031, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
        return { date: day };
      },
      roles: decide('denied', { admin: 'allowed' }),
      allowedAs: ['ConflictError'],
    },
    confirmHoliday: {
      doc: 'mutation($id: ID!) { confirmHoliday(id: $id) { __typename } }',
      vars: async (f) => ({ id: (await f.holiday()).id }),
      roles: decide('denied', { admin: 'allowed' }),
    },
    removeHoliday: {
      doc: 'mutation($id: ID!) { removeHoliday(id: $id) { __typename } }',
      vars: async (f) => ({ id: (await f.holiday()).id }),
      roles: decide('denied', { admin: 'allowed' }),
    },
    createForum: {
      doc: 'mutation($slug: String!, $unit: String!) { createForum(input: { slug: $slug, title: "Forum Uji", description: "Uji", unitCode: $unit }) { __typename } }',
      vars: (f) => ({ slug: `uji-${f.unique()}`, unit: f.unit.code }),
      roles: decide('denied', { admin: 'allowed' }),
    },
    scheduleForumSession: {
      doc: `mutation($input: ScheduleForumSessionInput!) { scheduleForumSession(input: $input) { __typename } }`,
      vars: (f) => ({
        input: {
          forumId: f.forum.id,
          title: 'Sesi uji',
          agenda: 'Uji',
          place: 'Balai kota',
          startsAt: '2030-03-04T02:00:00Z',
          representativeIds: [f.staff.supervisor.id],
        },
      }),
      roles: decide('denied', {
        unitStaff: ['allowed', 'staff of the forum unit'],
        otherUnitStaff: 'denied',
        supervisor: 'allowed',
        admin: 'allowed',
      }),
    },
    publishSessionMinutes: {
      doc: 'mutation($id: ID!) { publishSessionMinutes(sessionId: $id, minutes: "Notulen uji") { __typename } }',
      vars: async (f) => ({ id: (await f.forumSession()).id }),
      roles: decide('denied', { unitStaff: 'allowed', supervisor: 'allowed', admin: 'allowed' }),
    },
    submitToForum: {
      doc: SUBMIT_TO_FORUM,
      vars: (f) => ({
        input: {
          forumId: f.forum.id,
          kind: 'ASPIRATION',
          title: 'Antrean daring',
          text: 'Mohon antrean daring.',
        },
      }),
      roles: decide('denied', { citizen: 'allowed', otherCitizen: 'allowed' }),
    },
    supportSubmission: {
      doc: 'mutation($id: ID!) { supportSubmission(submissionId: $id) { __typename } }',
      vars: async (f) => ({ id: (await f.submission()).id }),
      roles: decide('denied', {
        citizen: ['allowed', 'own submission: refused as ValidationError'],
        otherCitizen: 'allowed',
      }),
      allowedAs: ['ValidationError'],
    },
    followSubmission: {
      doc: 'mutation($id: ID!) { followSubmission(submissionId: $id) { __typename } }',
      vars: async (f) => ({ id: (await f.submission()).id }),
      roles: decide(['allowed', 'any signed-in account'], DENIED_TO_OUTSIDERS),
    },
    unfollowSubmission: {
      doc: 'mutation($id: ID!) { unfollowSubmission(submissionId: $id) { __typename } }',
      vars: async (f) => ({ id: (await f.submission()).id }),
      roles: decide(['allowed', 'any signed-in account'], DENIED_TO_OUTSIDERS),
    },
    hideSubmission: {
      doc: 'mutation($id: ID!) { hideSubmission(submissionId: $id, reason: "Kata kasar") { __typename } }',
      vars: async (f) => ({ id: (await f.submission()).id }),
      roles: staffOnly('moderators: staff, supervisors, admins'),
    },
    answerSubmission: {
      doc: 'mutation($id: ID!) { answerSubmission(input: { submissionId: $id, status: ACCEPTED, reason: "Akan dilaksanakan" }) { __typename } }',
      vars: async (f) => ({ id: (await f.submission()).id }),
      roles: decide('denied', {
        unitStaff: ['allowed', 'answering unit'],
        supervisor: 'allowed',
        admin: 'allowed',
      }),
    },
    createCommitment: {
      doc: 'mutation($input: CreateCommitmentInput!) { createCommitment(input: $input) { __typename } }',
      vars: async (f) => ({
        input: {
          submissionId: (await f.acceptedSubmission()).id,
          description: 'Antrean daring',
          dueOn: '2030-06-30',
          responsibleStaffId: f.staff.unitStaff.id,
        },
      }),
      roles: decide('denied', {
        unitStaff: ['allowed', 'answering unit'],
        supervisor: 'allowed',
        admin: 'allowed',
      }),
    },
    updateCommitmentProgress: {
      doc: 'mutation($id: ID!) { updateCommitmentProgress(input: { commitmentId: $id, progress: 50, note: "Separuh" }) { __typename } }',
      vars: async (f) => ({ id: (await f.commitment()).id }),
      roles: decide('denied', { unitStaff: 'allowed', supervisor: 'allowed', admin: 'allowed' }),
    },
    cancelCommitment: {
      doc: 'mutation($id: ID!) { cancelCommitment(commitmentId: $id, reason: "Anggaran dialihkan") { __typename } }',
      vars: async (f) => ({ id: (await f.commitment()).id }),
      roles: decide('denied', { unitStaff: 'allowed', supervisor: 'allowed', admin: 'allowed' }),
    },
    markNotificationsRead: {
      doc: 'mutation { markNotificationsRead { marked } }',
      roles: decide(['allowed', 'own notifications'], DENIED_TO_OUTSIDERS),
    },
    createService: {
      doc: 'mutation($input: CreateServiceInput!) { createService(input: $input) { __typename } }',
      vars: (f) => ({
        input: {
          code: `UJI${f.unique().toUpperCase()}`,
          unitCode: f.unit.code,
          kind: 'PERMIT',
          nameId: 'Layanan uji',
          nameEn: 'Test service',
          description: 'Uji',
          standard: {},
          attributes: [],
        },
      }),
      roles: decide('denied', { admin: 'allowed' }),
      allowedAs: ['ValidationError'],
    },
    updateService: {
      doc: 'mutation($code: String!) { updateService(input: { code: $code, description: "Diperbarui" }) { __typename } }',
      vars: (f) => ({ code: f.service.code }),
      roles: decide('denied', { supervisor: ['allowed', 'own unit'], admin: 'allowed' }),
    },
    publishServiceVersion: {
      doc: 'mutation($code: String!) { publishServiceVersion(input: { code: $code, note: "Uji" }) { __typename } }',
      vars: (f) => ({ code: f.service.code }),
      roles: decide('denied', { supervisor: ['allowed', 'own unit'], admin: 'allowed' }),
    },
    submitServiceRequest: {
      doc: 'mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) { __typename ... on Failure { code message } } }',
      vars: (f) => ({
        input: {
          serviceCode: f.service.code,
          text: 'Permohonan uji',
          attributes: f.service.attributes,
          idempotencyKey: `uji-${f.unique()}`,
          // Counter staff file for a citizen.
          ...(f.role.endsWith('itizen') ? {} : { citizenEmail: 'warga@layanan.test' }),
        },
      }),
      roles: decide('denied', {
        citizen: 'allowed',
        otherCitizen: 'allowed',
        unitStaff: ['allowed', 'counter staff, own unit only'],
        supervisor: 'allowed',
        system: ['allowed', 'API key with requests:write, filing for the citizen named by citizenEmail'],
      }),
    },
    transitionServiceRequest: {
      doc: 'mutation($input: TransitionServiceRequestInput!) { transitionServiceRequest(input: $input) { __typename } }',
      vars: async (f) => {
        const { trackingCode, version } = await f.request();
        const to = f.role === 'citizen' || f.role === 'otherCitizen' ? 'WITHDRAWN' : 'VERIFIED';
        return { input: { trackingCode, expectedVersion: version, to } };
      },
      roles: decide('denied', {
        citizen: ['allowed', 'owner may withdraw'],
        unitStaff: 'allowed',
        supervisor: 'allowed',
        admin: 'allowed',
      }),
      deniedAs: ['NotFoundError'],
    },
    reassignServiceRequest: {
      doc: 'mutation($input: ReassignServiceRequestInput!) { reassignServiceRequest(input: $input) { __typename ... on Failure { code message } } }',
      vars: async (f) => {
        const { trackingCode, version } = await f.request();
        return { input: { trackingCode, expectedVersion: version, staffId: f.staff.unitStaff.rawId } };
      },
      roles: decide('denied', { supervisor: ['allowed', 'own unit'], admin: 'allowed' }),
      deniedAs: ['NotFoundError'],
    },
    addServiceRequestCorrection: {
      doc: 'mutation($input: AddServiceRequestCorrectionInput!) { addServiceRequestCorrection(input: $input) { __typename } }',
      vars: async (f) => {
        const { trackingCode, version } = await f.request();
        return { input: { trackingCode, expectedVersion: version, text: 'Lampiran menyusul' } };
      },
      roles: decide('denied', {
        citizen: ['allowed', 'owner'],
        otherCitizen: ['denied', 'NotFoundError: existence is not revealed'],
        unitStaff: 'allowed',
        supervisor: 'allowed',
        admin: 'allowed',
      }),
      deniedAs: ['NotFoundError'],
    },
    registerStaff: {
      doc: 'mutation($input: RegisterStaffInput!) { registerStaff(input: $input) { __typename } }',
      vars: (f) => ({
        input: { nip: f.nip(), name: 'Pegawai Uji', unitCode: f.unit.code, position: 'Analis' },
      }),
      roles: decide('denied', { admin: 'allowed' }),
    },
    updateStaff: {
      doc: 'mutation($id: ID!) { updateStaff(input: { id: $id, position: "Analis Perizinan" }) { __typename } }',
      vars: (f) => ({ id: f.staff.unitStaff.id }),
      roles: decide('denied', { supervisor: ['allowed', 'own unit tree'], admin: 'allowed' }),
    },
    recordTraining: {
      doc: 'mutation($id: ID!) { recordTraining(input: { staffId: $id, title: "Pelatihan uji", completedOn: "2026-02-02", jp: 2 }) { __typename } }',
      vars: (f) => ({ id: f.staff.unitStaff.id }),
      roles: decide('denied', {
        unitStaff: ['allowed', 'own record'],
        supervisor: 'allowed',
        admin: 'allowed',
      }),
      allowedAs: ['ConflictError'],
    },
    setCompetencyHolding: {
      doc: 'mutation($id: ID!) { setCompetencyHolding(input: { staffId: $id, competencyCode: "PERIZINAN", level: 3 }) { __typename } }',
      vars: (f) => ({ id: f.staff.unitStaff.id }),
      roles: decide('denied', { supervisor: ['allowed', 'own unit tree'], admin: 'allowed' }),
    },
    setPositionRequirements: {
      doc: 'mutation($code: String!) { setPositionRequirements(input: { positionCode: $code, name: "Jabatan uji", requirements: [] }) { __typename } }',
      vars: (f) => ({ code: `UJI-${f.unique().toUpperCase()}` }),
      roles: decide('denied', { admin: 'allowed' }),
      allowedAs: ['ValidationError', 'NotFoundError'],
    },
    ratePerformance: {
      doc: 'mutation($id: ID!, $year: Int!) { ratePerformance(input: { staffId: $id, year: $year, results: AS_EXPECTED, behaviour: AS_EXPECTED }) { __typename } }',
      vars: (f) => ({ id: f.staff.unitStaff.id, year: 2040 + (Number.parseInt(f.unique(), 36) % 50) }),
      roles: decide('denied', { supervisor: ['allowed', 'own unit tree'], admin: 'allowed' }),
      allowedAs: ['ConflictError'],
    },
    finaliseUnitPeriod: {
      doc: 'mutation($unit: String!, $year: Int!) { finaliseUnitPeriod(input: { unitCode: $unit, year: $year, sangatBaikMaxShare: 0.5 }) { __typename ... on Failure { code message } } }',
      vars: (f) => ({ unit: f.unit.code, year: 2025 }),
      roles: decide('denied', { supervisor: ['allowed', 'own unit tree'], admin: 'allowed' }),
      allowedAs: ['ConflictError', 'SkpQuotaExceededError'],
    },
    // Feedback area (issue 6).
    submitSurvey: {
      doc: 'mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { __typename ... on Failure { code message } } }',
      vars: async (f) => ({
        input: {
          trackingCode: (await f.completedRequest()).trackingCode,
          answers: [
            { element: 'WAKTU', score: 3 },
            { element: 'PERILAKU', score: 4 },
          ],
        },
      }),
      roles: decide('denied', { citizen: ['allowed', 'owner of the completed request, once'] }),
      deniedAs: ['NotFoundError'],
    },
    recordCounterSurvey: {
      doc: 'mutation($input: RecordCounterSurveyInput!) { recordCounterSurvey(input: $input) { __typename ... on Failure { code message } } }',
      vars: (f) => ({
        input: {
          serviceCode: f.service.code,
          date: '2026-03-04',
          answers: [{ element: 'SARANA', score: 3 }],
        },
      }),
      roles: decide('denied', {
        unitStaff: ['allowed', "staff of the service's unit"],
        supervisor: 'allowed',
        admin: 'allowed',
      }),
    },
    generateImprovementActions: {
      doc: 'mutation($unit: String!) { generateImprovementActions(unitCode: $unit, period: { kind: YEAR, year: 2026 }) { __typename ... on Failure { code message } } }',
      vars: (f) => ({ unit: f.unit.code }),
      roles: decide('denied', { supervisor: ['allowed', 'own unit tree'], admin: 'allowed' }),
    },
    updateImprovementAction: {
      doc: 'mutation($input: UpdateImprovementActionInput!) { updateImprovementAction(input: $input) { __typename ... on Failure { code message } } }',
      vars: async (f) => {
        const action = await f.improvementAction();
        return { input: { id: action.id, note: 'Kemajuan uji', progress: action.progress } };
      },
      roles: decide('denied', {
        unitStaff: ['allowed', 'staff of the unit or the owner'],
        supervisor: 'allowed',
        admin: 'allowed',
      }),
    },
    recordHistoricIkm: {
      doc: 'mutation($unit: String!) { recordHistoricIkm(input: { unitCode: $unit, year: 2012, score: 80.2, index: 3.21, rule: KEPMENPAN_25_2004 }) { __typename ... on Failure { code message } } }',
      vars: (f) => ({ unit: f.unit.code }),
      roles: decide('denied', { admin: 'allowed' }),
    },
    setSkmCompetencyMapping: {
      doc: 'mutation($input: SetSkmCompetencyMappingInput!) { setSkmCompetencyMapping(input: $input) { __typename ... on Failure { code message } } }',
      vars: (f) => ({ input: f.skmMapping }),
      roles: decide('denied', { admin: 'allowed' }),
    },
    // Example module (docs/extending.md).
    publishPublicNotice: {
      doc: 'mutation($unit: String!) { publishPublicNotice(input: { unitCode: $unit, title: "Pengumuman uji", body: "Isi" }) { __typename ... on Failure { code message } } }',
      vars: (f) => ({ unit: f.unit.code }),
      roles: decide('denied', {
        unitStaff: ['allowed', 'staff of the unit'],
        supervisor: 'allowed',
        admin: 'allowed',
      }),
    },
  },

  subscription: {
    notificationAdded: {
      doc: 'subscription { notificationAdded { id } }',
      roles: decide(['allowed', 'own notifications'], DENIED_TO_OUTSIDERS),
    },
    requestUpdated: {
      doc: 'subscription($code: String!) { requestUpdated(trackingCode: $code) { state } }',
      vars: async (f) => ({ code: (await f.request()).trackingCode }),
      roles: decide('denied', {
        citizen: ['allowed', 'owner'],
        unitStaff: 'allowed',
        supervisor: 'allowed',
        admin: 'allowed',
      }),
    },
    unitRequestUpdates: {
      doc: 'subscription($unit: ID!) { unitRequestUpdates(unitId: $unit) { state } }',
      vars: (f) => ({ unit: f.unit.id }),
      roles: decide('denied', {
        unitStaff: ['allowed', 'own unit'],
        supervisor: 'allowed',
        admin: 'allowed',
      }),
    },
  },
};
