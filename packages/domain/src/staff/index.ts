// `@layanan/domain/staff`: NIP, ranks, the register record, competencies, training and SKP.
// Each rule module is re-exported whole, so a new export is public without a second list.
export * from './competencies.js';
export * from './competency-history.js';
export * from './field-checks.js';
export * from './four-eyes.js';
export * from './messages.js';
export * from './nip.js';
export * from './performance.js';
export * from './position-requirements.js';
export * from './rank-history.js';
export * from './ranks.js';
export * from './skp-period.js';
export * from './staff-record.js';
export * from './training.js';
export * from './training-entry.js';
export * from './training-plan.js';
