// Accounts module: accounts, sign-in and sessions, API keys, notifications, the audit trail.
import './account.js';
import './auth.js';
import './api-key.js';
import './audit-entry.js';
import './notification.js';
