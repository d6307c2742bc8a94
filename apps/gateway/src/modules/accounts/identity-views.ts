// The log of staff views of a person's identity data (issue 23, UU 27/2022 art. 32: the person may
// see the record of the processing of their data). A view of one person is recorded — who, whose,
// when, what, through which request; lists and searches are not (a list is not a look at anyone).
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../../app/context.js';

/**
 * What was seen: the applicant's name and contacts, the identifying attributes of a request, or
 * the identity of a confidential reporter (a complaint manager's view: issue 20).
 */
export type IdentityViewKind = 'REQUEST_APPLICANT' | 'REQUEST_ATTRIBUTES' | 'CONFIDENTIAL_REPORTER';

/** Whether the field is resolved inside a list (a connection's edges, a list field). */
export function insideList(info: Pick<GraphQLResolveInfo, 'path'>): boolean {
  for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) {
    if (typeof p.key === 'number') return true;
  }
  return false;
}

/**
 * Records that the caller saw `what` of account `subjectAccountId` — when the caller is staff (not
 * a citizen, not the person themself, not a system) and the field is not inside a list; a
 * confidential reporter's identity is recorded inside lists too (every view of it is audited).
 */
export async function recordIdentityView(
  ctx: Pick<GraphQLContext, 'identity' | 'prisma'>,
  info: Pick<GraphQLResolveInfo, 'path'>,
  view: { subjectAccountId: string; what: IdentityViewKind; requestId?: string },
): Promise<void> {
  const id = ctx.identity;
  if (id.kind !== 'account' || id.role === 'CITIZEN' || id.accountId === view.subjectAccountId) return;
  if (view.what !== 'CONFIDENTIAL_REPORTER' && insideList(info)) return;
  await ctx.prisma.identityView.create({
    data: {
      subjectAccountId: view.subjectAccountId,
      viewerAccountId: id.accountId,
      what: view.what,
      requestId: view.requestId ?? null,
    },
  });
}
