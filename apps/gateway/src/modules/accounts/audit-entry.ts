import type { Prisma } from '@layanan/db';
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
    ...t.exposeNullableFields('String', {
      actorId: 'Database id of the acting account or API key; null for anonymous callers and jobs.',
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
