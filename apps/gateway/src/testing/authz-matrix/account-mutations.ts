// Mutation fields of address verification and account recovery (issue 18) in the authorization
// matrix (format in model.ts).

import { DENIED_TO_OUTSIDERS, decide, inputEntry, type MatrixEntry } from './model.js';

export const ACCOUNT_MUTATION_MATRIX: Readonly<Record<string, MatrixEntry>> = {
  requestPasswordReset: {
    ...inputEntry('requestPasswordReset', (f) => ({ email: `lupa-${f.unique()}@example.org` })),
    roles: decide(['allowed', 'the same answer for every address; the mail goes to the address']),
  },
  resetPassword: {
    ...inputEntry('resetPassword', () => ({ token: 'x'.repeat(43), newPassword: 'gunung-merapi-2027' })),
    roles: decide(['allowed', 'the mailed token is the credential']),
    allowedAs: ['ValidationError'],
  },
  verifyEmail: {
    doc: 'mutation { verifyEmail(token: "salah") { __typename } }',
    roles: decide(['allowed', 'the mailed token is the credential']),
    allowedAs: ['ValidationError'],
  },
  requestEmailVerification: {
    doc: 'mutation { requestEmailVerification { __typename } }',
    roles: decide(['allowed', 'own address; the seeded ones are verified'], DENIED_TO_OUTSIDERS),
    allowedAs: ['ConflictError'],
  },
  requestPhoneVerification: {
    doc: 'mutation { requestPhoneVerification { __typename } }',
    roles: decide(['allowed', 'own number; the seeded accounts have none'], DENIED_TO_OUTSIDERS),
    allowedAs: ['ValidationError'],
  },
  verifyPhone: {
    doc: 'mutation { verifyPhone(code: "000000") { __typename } }',
    roles: decide(['allowed', 'own number; the code is the credential'], DENIED_TO_OUTSIDERS),
    allowedAs: ['ValidationError'],
  },
  // Personal data rights (issue 23): the caller's own account only; the samples change nothing.
  updateProfile: {
    ...inputEntry('updateProfile', () => ({ email: 'bukan-alamat' })),
    roles: decide(['allowed', 'own profile; the sample is refused as invalid'], DENIED_TO_OUTSIDERS),
    allowedAs: ['ValidationError'],
  },
  eraseMyAccount: {
    ...inputEntry('eraseMyAccount', () => ({ password: 'salah-sekali-123' })),
    roles: decide(
      ['allowed', 'own account, with its password; the sample password is wrong'],
      DENIED_TO_OUTSIDERS,
    ),
    allowedAs: ['AuthenticationFailed'],
  },
  withdrawPrivacyConsent: {
    ...inputEntry('withdrawPrivacyConsent', () => ({ password: 'salah-sekali-123' })),
    roles: decide(
      ['allowed', 'own account, with its password; the sample password is wrong'],
      DENIED_TO_OUTSIDERS,
    ),
    allowedAs: ['AuthenticationFailed'],
  },
};
