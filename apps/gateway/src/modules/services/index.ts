// Services module: the catalogue (services and their versions), requests and their lifecycle,
// waiting-time statistics and live updates. Commands (commands/) are shared by GraphQL, Open311
// (open311/, served beside GraphQL) and the escalation job; access rules are in access.ts.
import './graphql/service.js';
import './graphql/service-version.js';
import './graphql/service-change.js';
import './graphql/service-request.js';
import './graphql/request-applicant.js';
import './graphql/request-place.js';
import './graphql/standard-time.js';
import './graphql/request-mutations.js';
import './graphql/document-checklist.js';
import './graphql/complaint-mutations.js';
import './graphql/complaint-privacy.js';
import './graphql/reporter-claim.js';
import './graphql/triage.js';
import './graphql/public-description.js';
import './graphql/duplicates.js';
import './graphql/request-statistics.js';
import './graphql/request-subscription.js';
