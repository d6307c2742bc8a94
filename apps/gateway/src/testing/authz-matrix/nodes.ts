// `node` and `nodes` for every node type × every role (SECURITY.md, kind 4). An object fetched by
// its global id is shown exactly to those its own query shows it to; to anyone else the answer is
// null with no error, the same as for an id that does not exist, so that existence is not revealed.
// `src/authz-matrix.test.ts` reads the node types from the schema and fails when one has no entry
// here (or no visibility rule: graphql/node-visibility.ts `nodeVisibility`).
//
// An entry samples one object of a type; a type whose rule depends on the row has an entry per
// case, named `Type (case)`:
//
//   'Service (unpublished)': {
//     type: 'Service',
//     id: (f) => f.unpublishedService.id,          // the sample's global id; may create fresh data
//     roles: unitAndAdmins({}, ['denied', 'unpublished: the unit and admins only']),
//   },
//
// allowed: `node` and `nodes` answer the object; denied: both answer null, without an error.
import {
  ADMIN_ONLY,
  type Decision,
  decide,
  type Fixtures,
  globalId,
  type Role,
  staffOnly,
  unitAndAdmins,
} from './model.js';

export type NodeEntry = {
  /** The GraphQL type of the sample. */
  readonly type: string;
  /** The sample object's global id; may create fresh data (f.request(), f.submission(), …). */
  readonly id: (f: Fixtures) => string | Promise<string>;
  /** 'allowed': the object is answered; 'denied': null, as for a missing id. */
  readonly roles: Readonly<Record<Role, Decision>>;
};

const PUBLIC = decide(['allowed', 'public, as its own query']);

export const NODE_MATRIX: Readonly<Record<string, NodeEntry>> = {
  Account: {
    type: 'Account',
    id: (f) => f.citizenAccount.id,
    roles: decide(['denied', 'null: contact details of another person'], {
      citizen: ['allowed', 'own account'],
      admin: 'allowed',
    }),
  },
  ApiKey: { type: 'ApiKey', id: async (f) => (await f.apiKey()).id, roles: ADMIN_ONLY },
  AuditEntry: { type: 'AuditEntry', id: async (f) => (await f.auditEntry()).id, roles: ADMIN_ONLY },
  Commitment: { type: 'Commitment', id: async (f) => (await f.commitment()).id, roles: PUBLIC },
  Forum: { type: 'Forum', id: (f) => f.forum.id, roles: PUBLIC },
  ForumSession: { type: 'ForumSession', id: async (f) => (await f.forumSession()).id, roles: PUBLIC },
  ImprovementAction: {
    type: 'ImprovementAction',
    id: (f) => f.sampleImprovementAction.id,
    roles: staffOnly('internal follow-up, as improvementActions'),
  },
  Notification: {
    type: 'Notification',
    id: async (f) => (await f.notification()).id,
    roles: decide(['denied', 'null: another person’s notification'], {
      citizen: ['allowed', 'own notification'],
    }),
  },
  Service: { type: 'Service', id: (f) => f.service.id, roles: PUBLIC },
  'Service (unpublished)': {
    type: 'Service',
    id: (f) => f.unpublishedService.id,
    roles: unitAndAdmins({}, ['denied', 'unpublished: the unit and admins only']),
  },
  ServiceRequest: {
    type: 'ServiceRequest',
    id: async (f) => (await f.request()).id,
    roles: unitAndAdmins({ citizen: ['allowed', 'owner'] }, [
      'denied',
      'null: text, NIK and notes are for the owner and the unit',
    ]),
  },
  Staff: {
    type: 'Staff',
    id: (f) => f.staff.unitStaff.id,
    roles: decide(['allowed', 'public fields; personal ones per field, as staffMember']),
  },
  Submission: { type: 'Submission', id: async (f) => (await f.submission()).id, roles: PUBLIC },
  Unit: { type: 'Unit', id: (f) => globalId('Unit', f.unit.id), roles: PUBLIC },
};
