// `@layanan/domain/services`: service standards and versions, requests, their clock and routing,
// SP4N-LAPOR! deadlines. Each rule module is re-exported whole, so a new export is public without
// a second list.
export * from './attachments.js';
export * from './attributes.js';
export * from './catalogue-entry.js';
export * from './complaint-handling.js';
export * from './document-slots.js';
export * from './escalation-authority.js';
export * from './identity-numbers.js';
export * from './issued-document.js';
export * from './lapor.js';
export * from './messages.js';
export * from './open311-attributes.js';
export * from './open311-limits.js';
export * from './region-codes.js';
export * from './reporter-contact.js';
export * from './request-changes.js';
export * from './request-clock.js';
export * from './request-statistics.js';
export * from './request-submission.js';
export * from './routing.js';
export * from './service-change.js';
export * from './service-request.js';
export * from './service-standard.js';
export * from './service-version.js';
export * from './standard-time.js';
export * from './tracking-code.js';
