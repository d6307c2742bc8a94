// `@layanan/domain/accounts`: who acts for which unit, registration and API keys. Each rule
// module is re-exported whole, so a new export of a module is public without a second list.
export * from './access.js';
export * from './account.js';
export * from './account-tokens.js';
export * from './api-key.js';
export * from './identifiers.js';
export * from './personal-data.js';
