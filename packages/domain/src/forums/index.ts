// `@layanan/domain/forums`: forums and sessions, submissions, public answers and commitments.
// Each rule module is re-exported whole, so a new export is public without a second list.
export * from './answer.js';
export * from './commitment.js';
export * from './forum.js';
export * from './messages.js';
export * from './notifications.js';
export * from './photos.js';
export * from './submission.js';
