// Publishing a public report's description (issue 17 item 6): handling staff check the reporter's
// text, take personal data out (names, phone numbers, …) and publish the result; public Open311
// GETs then show it and the request's location (open311/views.ts). The reporter's original stays
// for staff. The rule is the domain's `checkPublicDescription`.
import type { ServiceRequest } from '@layanan/db';
import { checkPublicDescription } from '@layanan/domain/services';
import { validationFailed } from '../../../graphql/failures.js';
import { forbidden } from '../../../platform/authz.js';
import type { Caller, CommandDeps } from '../../../platform/command.js';
import { mayTriage } from '../access.js';
import { changeInTrail, loadForChange } from './change-request.js';

export type PublishDescriptionInput = {
  trackingCode: string;
  /** The text to show everyone; null or empty withdraws the published one. */
  text?: string | null;
  expectedVersion: number;
};

/**
 * Publishes (or, with an empty `text`, withdraws) the public description of a request of a
 * public-report service: handling staff and supervisors of its unit, or an admin (FORBIDDEN
 * otherwise). Field errors on `publicDescription` from `checkPublicDescription` (NOT_ALLOWED for
 * a personal service, TOO_LONG, INVALID_CHARACTER, INVALID_FORMAT when the text still holds an
 * e-mail address, a phone number or a NIK). The trail gets an internal DESCRIPTION_PUBLISHED
 * entry; nobody is told. ConflictError on a stale `expectedVersion`.
 */
export async function publishRequestDescription(
  deps: CommandDeps,
  caller: Caller,
  input: PublishDescriptionInput,
): Promise<ServiceRequest> {
  const request = await loadForChange(deps, input.trackingCode);
  if (!mayTriage(caller, request)) throw forbidden();
  const service = await deps.prisma.service.findUniqueOrThrow({
    where: { id: request.serviceId },
    select: { publicReport: true },
  });
  const withdraw = (input.text ?? '').trim() === '';
  let text: string | null = null;
  if (!withdraw) {
    const checked = checkPublicDescription({
      servicePublicReport: service.publicReport,
      text: input.text ?? '',
    });
    if (!checked.ok) throw validationFailed(checked.error.fields);
    text = checked.value;
  }
  const at = deps.now();
  return changeInTrail(deps, caller, {
    action: 'publishServiceRequestDescription',
    request,
    expectedVersion: input.expectedVersion,
    data: {
      publicDescription: text,
      publicDescriptionAt: text === null ? null : at,
      publicDescriptionByAccountId: text === null ? null : caller.accountId,
    },
    entry: {
      kind: 'DESCRIPTION_PUBLISHED',
      actorKind: caller.role,
      actorAccountId: caller.accountId,
      internalNote:
        text === null
          ? 'Deskripsi publik ditarik / public description withdrawn'
          : 'Deskripsi publik diterbitkan / public description published',
      assigneeStaffId: request.assigneeStaffId,
    },
    change: { change: 'CORRECTION', actor: 'STAFF', actorAccountId: caller.accountId, publicNote: null },
    audit: () => ({
      before: { publicDescription: request.publicDescription },
      after: { publicDescription: text },
    }),
  });
}
