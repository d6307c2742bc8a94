import type { Prisma } from '@layanan/db';
import { actorNamed, type ComplaintPrivacy } from '@layanan/domain/services';
import type { GraphQLContext } from '../../app/context.js';
import { builder } from '../../graphql/builder.js';
import { filteredList } from '../../graphql/connections.js';
import { nodeVisibility } from '../../graphql/node-visibility.js';
import { nodeId } from '../../graphql/object-fields.js';
import { ADMINS_ONLY } from '../../platform/visibility.js';

type AuditFilter = { entityType?: string | null; entityId?: string | null; action?: string | null };

function auditWhere(args: AuditFilter): Prisma.AuditEntryWhereInput {
  return {
    ...(args.entityType ? { entityType: args.entityType } : {}),
    ...(args.entityId ? { entityId: args.entityId } : {}),
    ...(args.action ? { action: args.action } : {}),
  };
}

/**
 * The reporter privacy of the requests an audit page names, looked up once per page: the ids asked
 * for in one tick of one GraphQL request are collected and read in one query; null for an id that
 * is no request.
 */
const privacyLookups = new WeakMap<object, Map<string, Promise<ComplaintPrivacy | null>>>();
function requestPrivacy(ctx: GraphQLContext, requestId: string): Promise<ComplaintPrivacy | null> {
  let known = privacyLookups.get(ctx);
  if (!known) {
    known = new Map();
    privacyLookups.set(ctx, known);
  }
  const seen = known.get(requestId);
  if (seen) return seen;
  let resolveOne: (v: ComplaintPrivacy | null) => void = () => {};
  const promise = new Promise<ComplaintPrivacy | null>((r) => {
    resolveOne = r;
  });
  known.set(requestId, promise);
  queued(ctx).push({ id: requestId, resolve: resolveOne });
  return promise;
}
type Queued = { id: string; resolve: (v: ComplaintPrivacy | null) => void };
const batches = new WeakMap<object, Queued[]>();
function queued(ctx: GraphQLContext) {
  let batch = batches.get(ctx);
  if (!batch) {
    const fresh: Queued[] = [];
    batch = fresh;
    batches.set(ctx, fresh);
    queueMicrotask(async () => {
      batches.delete(ctx);
      const ids = fresh.map((q) => q.id).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
      const rows = ids.length
        ? await ctx.prisma.serviceRequest.findMany({
            where: { id: { in: ids } },
            select: { id: true, reporterPrivacy: true },
          })
        : [];
      const privacy = new Map(rows.map((r) => [r.id, r.reporterPrivacy]));
      for (const q of fresh) q.resolve(privacy.get(q.id) ?? null);
    });
  }
  return batch;
}

/**
 * The request an audit entry concerns: the entity itself when it is a ServiceRequest, else the
 * `requestId` its before/after summary names (a survey answer, a file, a document review).
 */
function concernedRequest(e: {
  entityType: string;
  entityId: string | null;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
}): string | null {
  if (e.entityType === 'ServiceRequest') return e.entityId;
  for (const summary of [e.after, e.before]) {
    if (summary && typeof summary === 'object' && !Array.isArray(summary)) {
      const id = (summary as Record<string, unknown>).requestId;
      if (typeof id === 'string') return id;
    }
  }
  return null;
}

const AuditEntryRef = builder.prismaNode('AuditEntry', {
  id: nodeId,
  description: 'Who changed what, when. Personal data in summaries is redacted.',
  authScopes: { admin: true },
  fields: (t) => ({
    ...t.exposeFields('String', {
      actorKind:
        'Who acted: an account role (CITIZEN, STAFF, SUPERVISOR, ADMIN), SYSTEM (API key or job) or ANONYMOUS.',
      action: 'The operation, by its mutation name (e.g. transitionServiceRequest).',
      entityType: 'Type of the changed record (e.g. ServiceRequest).',
    }),
    actorId: t.string({
      nullable: true,
      description:
        'Database id of the acting account or API key; null for anonymous callers and jobs, and for a citizen acting on a complaint that is not IDENTIFIED — the entry’s entity is the request or its summary names it as requestId, e.g. a survey answer (issue 20, Perpres 76/2013 art. 4: only the reporter and the unit’s complaint managers know who they are, and the audit log is not where they look).',
      resolve: async (e, _args, ctx) => {
        if (e.actorId === null) return null;
        if (e.actorKind !== 'CITIZEN') return e.actorId;
        const requestId = concernedRequest(e);
        const privacy = requestId ? await requestPrivacy(ctx, requestId) : null;
        // The audit log is no audited view of a reporter: it names none that is not IDENTIFIED,
        // to anyone (the domain's actorNamed with HANDLING_STAFF).
        return actorNamed(e.actorKind, privacy, 'HANDLING_STAFF') ? e.actorId : null;
      },
    }),
    ...t.exposeNullableFields('String', {
      entityId: 'Database id of the changed record; null when the action touched several or none.',
      requestId: 'Id of the HTTP request that made the change (X-Request-Id), to match the logs.',
    }),
    ...t.exposeNullableFields('JSON', {
      before: 'The record before the change, personal data redacted; null for a creation.',
      after: 'The record after the change, personal data redacted; null for a deletion or when not recorded.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was recorded.' }),
  }),
});

nodeVisibility(AuditEntryRef, ADMINS_ONLY);

builder.queryField('auditEntries', (t) =>
  t.prismaConnection({
    type: 'AuditEntry',
    cursor: 'id',
    description: 'The audit trail, newest first. Admins only.',
    authScopes: { admin: true },
    args: {
      entityType: t.arg.string({
        description: 'Only entries of this record type (exact, e.g. ServiceRequest).',
      }),
      entityId: t.arg.string({ description: 'Only entries of this record (database id).' }),
      action: t.arg.string({ description: 'Only entries of this operation (exact mutation name).' }),
    },
    ...filteredList((ctx) => ctx.prisma.auditEntry, auditWhere, [{ createdAt: 'desc' }, { id: 'desc' }]),
  }),
);
