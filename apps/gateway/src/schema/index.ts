// One module per aggregate; importing them registers their types on the builder.
import { builder } from '../builder.js';
import './errors.js';
import './unit.js';
import './district.js';
import './staff.js';
import './staff-reports.js';
import './staff-mutations.js';
import './service.js';
import './account.js';
import './api-key.js';
import './audit-entry.js';

export const schema = builder.toSchema({ sortSchema: true });
