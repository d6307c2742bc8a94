export type { AccountRole, Actor } from './access.js';
export {
  ACCOUNT_ROLES,
  actsForUnit,
  isModerator,
  managedUnits,
  managesAnyUnit,
  managesUnit,
} from './access.js';
export {
  ACCOUNT_ERROR_MESSAGES,
  type AccountError,
  AccountErrorCode,
  type AccountFieldError,
  checkPassword,
  normalizeEmail,
  normalizePhone,
  PASSWORD_LENGTH,
  type Registration,
  type RegistrationError,
  validateRegistration,
} from './account.js';
export type { ApiKeyError, ApiKeyFieldError, ApiKeyScope } from './api-key.js';
export {
  API_KEY_ERROR_MESSAGES,
  API_KEY_NAME_LENGTH,
  API_KEY_SCOPES,
  ApiKeyErrorCode,
  validateApiKey,
} from './api-key.js';
