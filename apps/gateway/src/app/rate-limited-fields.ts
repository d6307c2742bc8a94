// Which GraphQL fields are rate-limited, in which group, and whom each names (rate-limits.ts
// counts them). Two groups: `auth` (every operation that checks a secret, opens a session or
// sends a secret to an address) and `submit` (every way to file something).

export type RateGroup = 'auth' | 'submit';

/** Whom one execution is counted for, beyond its caller: the accounts a sign-in names, the
 * reporter an API key files for. */
export type RateTarget = {
  accounts?: readonly unknown[];
  reporter?: unknown;
  /** An anonymous complaint (issue 20): counted by address only, never by the signed-in account. */
  anonymous?: boolean;
};

export type Args = Record<string, unknown>;
const input = (args: Args) => (args.input ?? {}) as Args;

/**
 * Every rate-limited field, as `Type.field`: its group and whom it names. A field listed here
 * that the schema does not have stops the gateway at start (withRateLimits), and
 * rate-limits.test.ts fails for a mutation that outsiders (anonymous callers, citizens, API keys)
 * can call and that is neither listed nor exempted there with a reason.
 */
export const RATE_LIMITED_FIELDS: Readonly<
  Record<string, { group: RateGroup; target?: (args: Args) => RateTarget }>
> = {
  // Secrets: passwords, refresh tokens; and the ways to a session without one.
  'Mutation.login': { group: 'auth', target: (a) => ({ accounts: [input(a).identifier] }) },
  'Mutation.registerCitizen': {
    group: 'auth',
    target: (a) => ({ accounts: [input(a).email, input(a).phone] }),
  },
  'Mutation.refreshSession': { group: 'auth' },
  'Mutation.logout': { group: 'auth' },
  'Mutation.changePassword': { group: 'auth' },
  'Mutation.devLogin': { group: 'auth', target: (a) => ({ accounts: [a.email] }) },
  // Address proofs and recovery (issue 18): each mails or texts someone, or checks a token.
  'Mutation.requestPasswordReset': { group: 'auth', target: (a) => ({ accounts: [input(a).email] }) },
  'Mutation.resetPassword': { group: 'auth' },
  'Mutation.requestEmailVerification': { group: 'auth' },
  'Mutation.verifyEmail': { group: 'auth' },
  'Mutation.requestPhoneVerification': { group: 'auth' },
  'Mutation.verifyPhone': { group: 'auth' },
  // Personal data rights (issue 23): erasure checks the password; a profile change names addresses.
  'Mutation.eraseMyAccount': { group: 'auth' },
  'Mutation.withdrawPrivacyConsent': { group: 'auth' },
  // Anonymous complaints (issue 20): the tracking code with its secret is checked like a password.
  'Query.anonymousComplaint': { group: 'auth' },
  'Mutation.answerAnonymousComplaint': { group: 'auth' },
  'Mutation.withdrawAnonymousContact': { group: 'auth' },
  'Mutation.correctAnonymousComplaint': { group: 'auth' },
  // Claiming a request filed for a reporter without an account (issue 17): a code checked like one.
  'Mutation.sendRequestClaimCode': { group: 'auth' },
  'Mutation.claimReportedRequest': { group: 'auth' },
  'Mutation.updateProfile': {
    group: 'auth',
    target: (a) => ({ accounts: [input(a).email, input(a).phone] }),
  },
  // Submissions: requests (also Open311's POST requests, router.ts), forum submissions, surveys,
  // a citizen's corrections.
  // The reporter an API key files for: the account's e-mail, or a person without one (issue 17).
  'Mutation.submitServiceRequest': {
    group: 'submit',
    target: (a) => {
      const reporter = (input(a).reporter ?? {}) as Args;
      return { reporter: input(a).citizenEmail ?? reporter.email ?? reporter.phone };
    },
  },
  'Mutation.addServiceRequestCorrection': { group: 'submit' },
  'Mutation.fileAnonymousComplaint': { group: 'submit', target: () => ({ anonymous: true }) },
  'Mutation.submitToForum': { group: 'submit' },
  'Mutation.submitSurvey': { group: 'submit' },
  'Mutation.recordCounterSurvey': { group: 'submit' },
};
