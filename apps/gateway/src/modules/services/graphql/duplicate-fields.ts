// The fields of a request about duplicates and followers (issue 20 item 5), alike on the
// owner/staff view (ServiceRequest) and the public status (RequestStatus): service-request.ts
// adds them to both.
import type { GraphQLContext } from '../../../app/context.js';

/** The public link of a duplicate: its original's tracking code. */
export const duplicateOfCode = {
  type: 'String',
  nullable: true,
  description:
    'A request closed as a duplicate (state DUPLICATE): the tracking code of the original it was merged into; null otherwise.',
  select: { duplicateOf: { select: { trackingCode: true } } },
  resolve: (r: { duplicateOf: { trackingCode: string } | null }) => r.duplicateOf?.trackingCode ?? null,
} as const;

/** Whether the caller's account follows the request (false for anonymous callers). */
export const followedByMe = {
  type: 'Boolean',
  description: 'Whether the signed-in caller follows this complaint (followServiceRequest).',
  select: (_args: unknown, ctx: GraphQLContext) => ({
    followers: {
      where: {
        accountId:
          ctx.identity.kind === 'account' ? ctx.identity.accountId : '00000000-0000-0000-0000-000000000000',
      },
      select: { accountId: true },
    },
  }),
  resolve: (r: { followers: unknown[] }) => r.followers.length > 0,
} as const;
