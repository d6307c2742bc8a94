// Citizen sign-up: a new CITIZEN account with an e-mail or a mobile number, signed in at once.
import { validateRegistration } from '@layanan/domain';
import { failure, validationFailed } from '../../../graphql/failures.js';
import { audited } from '../../../platform/audited.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { hashPassword, issueSession, type Session, type SessionSettings } from './session.js';

export type RegisterCitizenInput = {
  email?: string | null;
  phone?: string | null;
  displayName: string;
  password: string;
};

/** Creates the account and its first session. Throws ValidationError fields (the domain's
 * `validateRegistration`: contact, name, password policy) or ACCOUNT_EXISTS when the e-mail or
 * the phone number already belongs to an account. */
export async function registerCitizen(
  deps: CommandDeps,
  caller: Caller,
  input: RegisterCitizenInput,
  sessions: SessionSettings,
): Promise<Session> {
  const checked = validateRegistration(input);
  if (!checked.ok) throw validationFailed(checked.error.fields);
  const { email, phone, displayName } = checked.value;
  const passwordHash = await hashPassword(input.password);
  return audited(
    auditScope(deps, caller),
    { action: 'registerCitizen', entityType: 'Account' },
    async (tx) => {
      const taken = await tx.account.findFirst({
        where: { OR: [...(email ? [{ email }] : []), ...(phone ? [{ phone }] : [])] },
        select: { id: true },
      });
      if (taken) throw failure('ACCOUNT_EXISTS');
      const account = await tx.account.create({
        data: { email, phone, displayName, role: 'CITIZEN', passwordHash },
      });
      const session = await issueSession(tx, deps.now(), sessions, account.id);
      return { result: session, entityId: account.id, after: { ...account } };
    },
  );
}
