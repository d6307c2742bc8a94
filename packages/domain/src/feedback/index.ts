// `@layanan/domain/feedback`: SKM elements and periods, IKM, surveys and ratings, improvement
// actions. Each rule module is re-exported whole, so a new export is public without a second list.
export * from './citizen-rating.js';
export * from './counter-survey.js';
export * from './historic-ikm.js';
export * from './ikm.js';
export * from './ikm-report.js';
export * from './improvement.js';
export * from './improvement-tracking.js';
export * from './messages.js';
export * from './period.js';
export * from './sample-size.js';
export * from './skm-elements.js';
export * from './skm-report-request.js';
export * from './skm-report-table.js';
export * from './survey.js';
export * from './survey-profile.js';
export * from './survey-profile-legacy.js';
export * from './survey-profile-options.js';
