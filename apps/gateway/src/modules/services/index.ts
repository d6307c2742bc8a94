// Services module: the catalogue (services and their versions), requests and their lifecycle,
// waiting-time statistics and live updates. Open311 (open311/) is served beside GraphQL.
import './service.js';
import './service-version.js';
import './service-request.js';
import './request-statistics.js';
import './request-subscription.js';
