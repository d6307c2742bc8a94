// Who may see an attached file: whoever may see what it is attached to. A request's files go to
// its owner, the staff of its unit and admins (the request's own visibility, services/access.ts);
// a file on a staff note with no public part is for staff only, as the note itself.
import type { Prisma } from '@layanan/db';
import type { Caller } from '../../platform/command.js';

/** Files on staff notes without a public part are hidden from citizens (within a visible request). */
export function attachmentsShownOnRequest(caller: Caller): Prisma.AttachmentWhereInput {
  if (caller.kind === 'account' && caller.role === 'CITIZEN')
    return { OR: [{ purpose: { not: 'STAFF_NOTE' } }, { requestEvent: { publicNote: { not: null } } }] };
  return {};
}
