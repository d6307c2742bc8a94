// Staff module: the ASN register, its reports and its write commands. The import order is the
// order the types appear in the printed schema.
import './graphql/staff-types.js';
import './graphql/staff-queries.js';
import './graphql/report-types.js';
import './graphql/report-queries.js';
import './graphql/mutation-types.js';
import './graphql/mutations.js';
