// The GraphQL schema: one module per area (src/modules/<area>/index.ts); importing a module
// registers its types, queries and mutations on the builder.
import { withRateLimits } from '../app/rate-limits.js';
import { builder } from './builder.js';
import { describeGeneratedParts } from './generated-descriptions.js';
import './scalars.js';
import './error-types.js';
import './node-visibility.js';
import '../modules/org/index.js';
import '../modules/accounts/index.js';
import '../modules/staff/index.js';
import '../modules/services/index.js';
import '../modules/forums/index.js';
import '../modules/feedback/index.js';
import '../modules/attachments/index.js';
import '../modules/documents/index.js';
import '../modules/privacy/index.js';
// Example module (docs/extending.md): one import wires it in.
import '../modules/examples/public-notice.js';

// Rate-limited resolvers count every execution (app/rate-limits.ts).
export const schema = withRateLimits(describeGeneratedParts(builder.toSchema({ sortSchema: true })));
