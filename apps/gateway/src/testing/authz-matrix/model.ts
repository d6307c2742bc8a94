// The authorization matrix's model (issue 7): every Query, Mutation and Subscription field × every
// role → allowed / denied / filtered. `src/authz-matrix.test.ts` reads the operations from the
// built schema and fails when one is missing from the matrix or when the matrix names one that no
// longer exists, then runs every entry as every role against a seeded database and checks the
// outcome class. Test data only: nothing in the gateway's build imports this folder.
//
// Adding an operation (one entry, keyed by the field name, in queries.ts, mutations.ts,
// feedback-mutations.ts or index.ts for subscriptions):
//
//   myField: {
//     doc: 'query($code: String!) { myField(code: $code) { __typename } }',
//     vars: (f) => ({ code: f.unit.code }),               // sample variables; may create fresh data
//     roles: decide('denied', { admin: 'allowed', supervisor: ['allowed', 'own unit only'] }),
//   },
//
// - `decide(rest, overrides)` gives every role not named the `rest` decision; a decision is
//   'allowed' | 'denied' | 'filtered', or [decision, 'short note']. The usual sets have names:
//   ADMIN_ONLY, supervisorsAndAdmins(scope), unitAndAdmins(others), staffOnly(note); and so do
//   the usual variables (unitCodeVars, unitStaffVars, freshIdVars('submission'), …). A mutation
//   that takes `input` gives its `doc` and `vars` as `...inputEntry('myField', (f) => ({ … }))`.
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

import { inputMutationDocument } from '../operations.js';

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
  /** A service of the unit that anyone may request (global id, code), with valid attributes. */
  readonly service: {
    readonly id: string;
    readonly code: string;
    readonly attributes: Record<string, unknown>;
  };
  /** An unpublished service of the unit (global id). */
  readonly unpublishedService: { readonly id: string };
  /** An improvement action of the unit made for the node matrix, apart from any survey (global id). */
  readonly sampleImprovementAction: { readonly id: string };
  /** The citizen's account (global id). */
  readonly citizenAccount: { readonly id: string };
  /** How many rows exist, to prove a filtered list is shorter. */
  readonly totals: { readonly requests: number; readonly staffInUnit: number };
  /** A string no other call used. */
  unique(): string;
  /** A fresh, valid NIP no staff member has. */
  nip(): string;
  /** A fresh request of the citizen at the unit, in SUBMITTED (global id, tracking code, version). */
  request(): Promise<{ id: string; trackingCode: string; version: number }>;
  /** A file filed with a fresh request of the citizen (attachment id), for document reviews. */
  requestDocument(): Promise<{ attachmentId: string }>;
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
  /** A fresh response template of the unit's service (its id). */
  responseTemplate(): Promise<{ id: string }>;
  /** A fresh API key (global id). */
  apiKey(): Promise<{ id: string }>;
  /** The newest audit entry (global id). */
  auditEntry(): Promise<{ id: string }>;
  /** A fresh notification of the citizen: an answer to a fresh submission (global id). */
  notification(): Promise<{ id: string }>;
  /** A fresh request of the citizen, worked to COMPLETED by the unit (survey not answered). */
  completedRequest(): Promise<{ trackingCode: string }>;
  /** The document issued for a fresh completed request (its number). */
  issuedDocument(): Promise<{ number: string }>;
  /** The first improvement action of the unit for 2026, with a progress higher than any before. */
  improvementAction(): Promise<{ id: string; progress: number }>;
  /** An SKM element with its current competency codes (setting it again changes nothing). */
  readonly skmMapping: { readonly element: string; readonly competencyCodes: readonly string[] };
  /** A fresh citizen account with a password and a live refresh token. */
  account(): Promise<{ identifier: string; password: string; refreshToken: string }>;
}

/** A GraphQL answer as JSON; each check reads the fields its own document selected. */
export type Answer = any;

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

/** The Relay global id of a row: the type name and the database id, base64-encoded. */
export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

/** Every role gets `rest`, except those in `overrides`. */
export function decide(
  rest: Decision,
  overrides: Partial<Record<Role, Decision>> = {},
): Readonly<Record<Role, Decision>> {
  return Object.fromEntries(ROLES.map((role) => [role, overrides[role] ?? rest])) as Record<Role, Decision>;
}

export const DENIED_TO_OUTSIDERS = { anonymous: 'denied', system: 'denied' } as const;
export const staffOnly = (note: string) =>
  decide(['denied', note], {
    unitStaff: 'allowed',
    otherUnitStaff: 'allowed',
    supervisor: 'allowed',
    admin: 'allowed',
  });
/** Admins only. */
export const ADMIN_ONLY = decide('denied', { admin: 'allowed' });
/** Supervisors (`scope` says whose: 'own unit', 'own unit tree') and admins. */
export const supervisorsAndAdmins = (scope: string) =>
  decide('denied', { supervisor: ['allowed', scope], admin: 'allowed' });
/**
 * Allowed to the unit's staff, its supervisors and admins; `others` adds roles or notes why (e.g. the
 * owner), `rest` is what everyone else gets.
 */
export const unitAndAdmins = (others: Partial<Record<Role, Decision>> = {}, rest: Decision = 'denied') =>
  decide(rest, { unitStaff: 'allowed', supervisor: 'allowed', admin: 'allowed', ...others });

// Sample variables shared by many entries.
/** `{ unit }`: the unit's code. */
export const unitCodeVars = (f: Fixtures) => ({ unit: f.unit.code });
/** `{ code }`: the unit's service's code. */
export const serviceCodeVars = (f: Fixtures) => ({ code: f.service.code });
/** `{ id }`: the unit staff member's global id. */
export const unitStaffVars = (f: Fixtures) => ({ id: f.staff.unitStaff.id });
/** `{ code }`: the tracking code of a fresh request of the citizen. */
export const freshRequestVars = async (f: Fixtures) => ({ code: (await f.request()).trackingCode });
/** `{ id }`: the global id of a fresh object of the fixtures (`f.submission()`, `f.commitment()`, …). */
export const freshIdVars =
  (make: 'submission' | 'commitment' | 'forumSession' | 'holiday' | 'apiKey') => async (f: Fixtures) => ({
    id: (await f[make]()).id,
  });

/** Selects the typename and, for failures, the code and message. */
export const TYPENAME_OR_FAILURE = '__typename ... on Failure { code message }';

/**
 * `doc` and `vars` of a mutation that takes `input`: the document selects `selection`, the sample
 * variables are `{ input }` from the fixtures.
 */
export function inputEntry(
  field: string,
  input: (f: Fixtures) => unknown,
  selection = '__typename',
): Pick<MatrixEntry, 'doc' | 'vars'> {
  return { doc: inputMutationDocument(field, selection), vars: async (f) => ({ input: await input(f) }) };
}

/** Personal staff fields are null (filtered) or present (allowed). */
export const personalFields =
  (pick: (data: Answer) => Answer) =>
  (data: Answer, outcome: 'allowed' | 'filtered'): string | undefined => {
    const staff = pick(data);
    if (!staff) return 'no staff member in the answer';
    const hidden = staff.nip === null && staff.birthDate === null;
    if (outcome === 'filtered' && !hidden) return `personal data visible: nip=${staff.nip}`;
    if (outcome === 'allowed' && hidden) return 'personal data hidden from an authorised caller';
    return undefined;
  };

export const shorterThan =
  (total: (f: Fixtures) => number) => (data: Answer, outcome: string, f: Fixtures) => {
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
