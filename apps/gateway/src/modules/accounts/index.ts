// Accounts module: accounts, sign-in and sessions, API keys, notifications, the audit trail.
// graphql/ holds the sign-up and session schema, commands/ its writes (callable without a
// GraphQL context), access.ts the "own account" rule.
import './account.js';
import './graphql/sessions.js';
import './graphql/recovery.js';
import './api-key.js';
import './audit-entry.js';
import './notification.js';
import './notification-preferences.js';
