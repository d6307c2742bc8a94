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

// The views already recorded in one execution of one operation, by `subject what request`: one
// read is one entry, whatever fields show it (applicant and attributeValues both show a
// confidential reporter) and however often it appears (aliases, the same request in a list and
// in a field). Keyed by the request's context, then the operation, then the root value, which is
// each event's payload in a subscription — every event is a new read.
type Views = Map<string, Promise<void>>;
const recorded = new WeakMap<object, WeakMap<object, WeakMap<object, Views>>>();
const NO_ROOT = {};

/** The views recorded so far by this execution of this operation. */
function viewsOf(ctx: object, info: Pick<GraphQLResolveInfo, 'operation' | 'rootValue'>): Views {
  const byOperation = recorded.get(ctx) ?? new WeakMap<object, WeakMap<object, Views>>();
  recorded.set(ctx, byOperation);
  const byRoot = byOperation.get(info.operation) ?? new WeakMap<object, Views>();
  byOperation.set(info.operation, byRoot);
  const root = typeof info.rootValue === 'object' && info.rootValue !== null ? info.rootValue : NO_ROOT;
  const views = byRoot.get(root) ?? new Map<string, Promise<void>>();
  byRoot.set(root, views);
  return views;
}

/**
 * Records that the caller saw `what` of account `subjectAccountId` — when the caller is staff (not
 * a citizen, not the person themself, not a system) and the field is not inside a list; a
 * confidential reporter's identity is recorded inside lists too (every view of it is audited).
 * At most one entry per subject, kind and request in one operation: the fields that show the same
 * identity in one read share the entry.
 */
export async function recordIdentityView(
  ctx: Pick<GraphQLContext, 'identity' | 'prisma'>,
  info: Pick<GraphQLResolveInfo, 'path' | 'operation' | 'rootValue'>,
  view: { subjectAccountId: string; what: IdentityViewKind; requestId?: string },
): Promise<void> {
  const id = ctx.identity;
  if (id.kind !== 'account' || id.role === 'CITIZEN' || id.accountId === view.subjectAccountId) return;
  if (view.what !== 'CONFIDENTIAL_REPORTER' && insideList(info)) return;
  const views = viewsOf(ctx, info);
  const key = `${view.subjectAccountId} ${view.what} ${view.requestId ?? ''}`;
  const earlier = views.get(key);
  if (earlier) return earlier;
  const entry = ctx.prisma.identityView
    .create({
      data: {
        subjectAccountId: view.subjectAccountId,
        viewerAccountId: id.accountId,
        what: view.what,
        requestId: view.requestId ?? null,
      },
    })
    .then(() => undefined);
  views.set(key, entry);
  return entry;
}
