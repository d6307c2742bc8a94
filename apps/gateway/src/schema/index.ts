// One module per aggregate; importing them registers their types on the builder.
import { builder } from '../builder.js';
import './errors.js';
import './unit.js';
import './district.js';
import './staff.js';
import './staff-reports.js';
import './staff-mutations.js';
import './service.js';
import './holiday.js';
import './service-version.js';
import './service-request.js';
import './request-statistics.js';
import './request-subscription.js';
import './account.js';
import './auth.js';
import './api-key.js';
import './audit-entry.js';
import './forum.js';
import './submission.js';
import './commitment.js';
import './notification.js';
import './forum-accountability.js';
import './feedback.js';
import './feedback-improvement.js';
// Example module (docs/extending.md): one import wires it in.
import './examples/public-notice.js';

export const schema = builder.toSchema({ sortSchema: true });
