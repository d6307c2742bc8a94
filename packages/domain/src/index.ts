/**
 * @layanan/domain — public-service rules for an Indonesian city, as pure functions.
 *
 * The root entry holds the shared conventions (Result, errors) and every area as a namespace;
 * import an area's subpath (`@layanan/domain/staff`, …) to get its names directly.
 */
export * from './accounts/index.js';
export * as accounts from './accounts/index.js';
export * as calendar from './calendar/index.js';
export * from './error-catalog.js';
export * from './errors.js';
export * as feedback from './feedback/index.js';
export * as forums from './forums/index.js';
export * as notifications from './notifications/index.js';
export * from './open-data.js';
export * from './result.js';
export * as services from './services/index.js';
export * from './spreadsheet-cell.js';
export * as staff from './staff/index.js';
export * from './text-limits.js';
