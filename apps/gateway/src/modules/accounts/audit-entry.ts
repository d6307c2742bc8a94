import type { Prisma } from '@layanan/db';
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
 * The confidential complaints among the requests an audit page names, looked up once per page:
 * the actor ids asked for in one tick of one GraphQL request are collected and read in one query.
 */
const confidentialLookups = new WeakMap<object, Map<string, Promise<boolean>>>();
function isConfidentialRequest(ctx: GraphQLContext, requestId: string): Promise<boolean> {
  let known = confidentialLookups.get(ctx);
  if (!known) {
    known = new Map();
    confidentialLookups.set(ctx, known);
  }
  const seen = known.get(requestId);
  if (seen) return seen;
  let resolveOne: (v: boolean) => void = () => {};
  const promise = new Promise<boolean>((r) => {
    resolveOne = r;
  });
  known.set(requestId, promise);
  queued(ctx).push({ id: requestId, resolve: resolveOne });
  return promise;
}
const batches = new WeakMap<object, { id: string; resolve: (v: boolean) => void }[]>();
function queued(ctx: GraphQLContext) {
  let batch = batches.get(ctx);
  if (!batch) {
    const fresh: { id: string; resolve: (v: boolean) => void }[] = [];
    batch = fresh;
    batches.set(ctx, fresh);
    queueMicrotask(async () => {
      batches.delete(ctx);
      const ids = fresh.map((q) => q.id).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
      const rows = ids.length
        ? await ctx.prisma.serviceRequest.findMany({
            where: { id: { in: ids }, reporterPrivacy: 'CONFIDENTIAL' },
            select: { id: true },
          })
        : [];
      const confidential = new Set(rows.map((r) => r.id));
      for (const q of fresh) q.resolve(confidential.has(q.id));
    });
  }
  return batch;
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
        'Database id of the acting account or API key; null for anonymous callers and jobs, and for the reporter of a CONFIDENTIAL complaint acting on it (issue 20, Perpres 76/2013 art. 4: only the reporter and the unit’s complaint managers know who they are).',
      resolve: async (e, _args, ctx) => {
        if (e.actorId === null) return null;
        const reporterOfConfidential =
          e.actorKind === 'CITIZEN' &&
          e.entityType === 'ServiceRequest' &&
          e.entityId !== null &&
          (await isConfidentialRequest(ctx, e.entityId));
        return reporterOfConfidential ? null : e.actorId;
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
