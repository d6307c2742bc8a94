// Notifications (issue 18): every kind, its texts and link, and who is told what.
export * from './catalogue.js';
export * from './preferences.js';
export * from './request-notifications.js';
