// Citizen sign-up: a new CITIZEN account with an e-mail or a mobile number. The answer is the same
// whether the e-mail or number was free or already registered (issue 15, kind 8), so registration
// cannot be used to find out who has an account; the new account then signs in with `login`.
import { consentedNoticeVersion, validateRegistration } from '@layanan/domain';
import { isUniqueViolation } from '../../../graphql/errors.js';
import { failure, validationFailed } from '../../../graphql/failures.js';
import { audited } from '../../../platform/audited.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { recordEvent } from '../../../platform/events.js';
import { hashPassword } from './session.js';

export type RegisterCitizenInput = {
  email?: string | null;
  phone?: string | null;
  displayName: string;
  password: string;
  /** The privacy notice version the form showed and the person consented to: the one in force. */
  privacyNoticeVersion?: string | null;
};

/** What every well-formed registration is answered with, new or existing alike. */
export type RegistrationReceived = { received: true };

/**
 * Creates the account unless its e-mail or phone number is taken; answers `{ received: true }`
 * either way. For a taken e-mail or number nothing is created or changed: the attempt is audited
 * (outcome `existing`) and recorded as the event `accounts.registration-attempted-for-existing`
 * so that the owner can be told through a message channel (none exists yet), never the caller.
 * Both paths hash the password and write to the database, so they take about the same time.
 * Throws ValidationError fields (the domain's `validateRegistration`: contact, name, password
 * policy), which depend only on the input; PRIVACY_CONSENT_REQUIRED when no notice version is given
 * (consent is never assumed, UU 27/2022 art. 20–22) and PRIVACY_NOTICE_OUTDATED when the form
 * showed another notice than `noticeVersion`. A new account's consent to `noticeVersion` is
 * recorded with it.
 */
export async function registerCitizen(
  deps: CommandDeps,
  caller: Caller,
  input: RegisterCitizenInput,
  noticeVersion: string,
): Promise<RegistrationReceived> {
  const checked = validateRegistration(input);
  if (!checked.ok) throw validationFailed(checked.error.fields);
  const consent = consentedNoticeVersion(noticeVersion, input.privacyNoticeVersion);
  if (!consent.ok) throw failure(consent.error, { field: 'privacyNoticeVersion' });
  const { email, phone, displayName } = checked.value;
  const passwordHash = await hashPassword(input.password);
  const attempted: string[] = [];
  try {
    await audited(
      auditScope(deps, caller),
      { action: 'registerCitizen', entityType: 'Account' },
      async (tx) => {
        const taken = await tx.account.findMany({
          where: { OR: [...(email ? [{ email }] : []), ...(phone ? [{ phone }] : [])] },
          select: { id: true, email: true, phone: true },
        });
        if (taken.length > 0) {
          for (const account of taken) {
            attempted.push(
              await recordEvent(tx, 'accounts.registration-attempted-for-existing', {
                accountId: account.id,
                by: email && account.email === email ? 'email' : 'phone',
                at: deps.now().toISOString(),
              }),
            );
          }
          return {
            result: null,
            entityId: taken[0]?.id ?? null,
            after: { outcome: 'existing' },
          };
        }
        const account = await tx.account.create({
          data: { email, phone, displayName, role: 'CITIZEN', passwordHash },
        });
        // Registering is consenting to the notice in force (UU 27/2022 art. 22: recorded).
        await tx.privacyConsent.create({
          data: { accountId: account.id, noticeVersion: consent.value, givenAt: deps.now() },
        });
        // Its e-mail address gets a verification link (on-registration-attempted.ts), after commit.
        if (email) attempted.push(await recordEvent(tx, 'accounts.registered', { accountId: account.id }));
        return { result: null, entityId: account.id, after: { ...account } };
      },
    );
  } catch (error) {
    // Registered by a concurrent call a moment ago: the same answer as for any taken identifier.
    if (!isUniqueViolation(error)) throw error;
  }
  // The owner's notice (or the new account's verification link) is queued after commit without
  // waiting for it, so that the answer takes as long either way.
  if (attempted.length > 0) void deps.events.dispatch(attempted);
  return { received: true };
}
