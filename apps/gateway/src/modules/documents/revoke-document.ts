// Revoking an issued document: a supervisor of the issuing unit or an admin, with a reason that
// the public verification page shows. Audited in the same transaction; the first revocation is
// never overwritten (a second one is a ConflictError, also when two people revoke at once).
import { parseDocumentNumber, planRevocation } from '@layanan/domain/services';
import { NotFoundError } from '../../graphql/errors.js';
import { failure, validationFailed } from '../../graphql/failures.js';
import { audited } from '../../platform/audited.js';
import { forbidden } from '../../platform/authz.js';
import { auditScope, type Caller, type CommandDeps } from '../../platform/command.js';
import { actsAsSupervisorOf } from '../services/access.js';

export type RevokeDocumentInput = { number: string; reason: string };

/** Revokes the document; returns its id. Errors: NotFound, Forbidden, DOCUMENT_ALREADY_REVOKED, a `reason` field error. */
export async function revokeDocument(
  deps: CommandDeps,
  caller: Caller,
  input: RevokeDocumentInput,
): Promise<string> {
  const parsed = parseDocumentNumber(input.number);
  const document = parsed.ok
    ? await deps.prisma.issuedDocument.findUnique({
        where: { number: parsed.value.text },
        include: { request: { select: { unitId: true, escalationLevel: true, escalationUnitId: true } } },
      })
    : null;
  if (!document) throw new NotFoundError('IssuedDocument', input.number);
  if (!actsAsSupervisorOf(caller, document.request)) throw forbidden();
  const now = deps.now();
  const plan = planRevocation({ document, reason: input.reason, now });
  if (!plan.ok) throw 'field' in plan.error ? validationFailed([plan.error]) : failure(plan.error);
  const { revokedAt, reason } = plan.value;
  return audited(
    auditScope(deps, caller),
    { action: 'revokeIssuedDocument', entityType: 'IssuedDocument' },
    async (tx) => {
      // Conditional on not being revoked yet: of two concurrent revocations exactly one wins.
      const updated = await tx.issuedDocument.updateMany({
        where: { id: document.id, revokedAt: null },
        data: {
          revokedAt,
          revokedByAccountId: caller.kind === 'account' ? caller.accountId : null,
          revocationReason: reason,
        },
      });
      if (updated.count !== 1) throw failure('DOCUMENT_ALREADY_REVOKED');
      return {
        result: document.id,
        entityId: document.id,
        before: { number: document.number, revokedAt: null },
        after: { number: document.number, revokedAt, revocationReason: reason },
      };
    },
  );
}
