// The authorization matrix (issue 7): every Query, Mutation and Subscription field × every role.
// The format of an entry is described in model.ts; entries are split by operation type and area.
import { ACCOUNT_MUTATION_MATRIX } from './account-mutations.js';
import { FEEDBACK_MUTATION_MATRIX } from './feedback-mutations.js';
import { type AuthzMatrix, DENIED_TO_OUTSIDERS, decide, freshRequestVars, unitAndAdmins } from './model.js';
import { MUTATION_MATRIX } from './mutations.js';

export { NODE_MATRIX, type NodeEntry } from './nodes.js';

import { QUERY_MATRIX } from './queries.js';

export {
  type Decision,
  decide,
  type Fixtures,
  globalId,
  type MatrixEntry,
  type Outcome,
  ROLES,
  type Role,
} from './model.js';

export const AUTHZ_MATRIX: AuthzMatrix = {
  query: QUERY_MATRIX,
  mutation: { ...MUTATION_MATRIX, ...FEEDBACK_MUTATION_MATRIX, ...ACCOUNT_MUTATION_MATRIX },
  subscription: {
    notificationAdded: {
      doc: 'subscription { notificationAdded { id } }',
      roles: decide(['allowed', 'own notifications'], DENIED_TO_OUTSIDERS),
    },
    requestUpdated: {
      doc: 'subscription($code: String!) { requestUpdated(trackingCode: $code) { state } }',
      vars: freshRequestVars,
      roles: unitAndAdmins({ citizen: ['allowed', 'owner'] }),
    },
    unitRequestUpdates: {
      doc: 'subscription($unit: ID!) { unitRequestUpdates(unitId: $unit) { state } }',
      vars: (f) => ({ unit: f.unit.id }),
      roles: unitAndAdmins({ unitStaff: ['allowed', 'own unit'] }),
    },
  },
};
