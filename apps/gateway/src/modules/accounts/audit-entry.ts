import type { Prisma } from '@layanan/db';
import { builder } from '../../graphql/builder.js';

type AuditFilter = { entityType?: string | null; entityId?: string | null; action?: string | null };

function auditWhere(args: AuditFilter): Prisma.AuditEntryWhereInput {
  return {
    ...(args.entityType ? { entityType: args.entityType } : {}),
    ...(args.entityId ? { entityId: args.entityId } : {}),
    ...(args.action ? { action: args.action } : {}),
  };
}

builder.prismaNode('AuditEntry', {
  id: { field: 'id' },
  description: 'Who changed what, when. Personal data in summaries is redacted.',
  authScopes: { admin: true },
  fields: (t) => ({
    actorKind: t.exposeString('actorKind'),
    actorId: t.exposeString('actorId', { nullable: true }),
    action: t.exposeString('action'),
    entityType: t.exposeString('entityType'),
    entityId: t.exposeString('entityId', { nullable: true }),
    before: t.expose('before', { type: 'JSON', nullable: true }),
    after: t.expose('after', { type: 'JSON', nullable: true }),
    requestId: t.exposeString('requestId', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryField('auditEntries', (t) =>
  t.prismaConnection({
    type: 'AuditEntry',
    cursor: 'id',
    totalCount: (_root, args, ctx) => ctx.prisma.auditEntry.count({ where: auditWhere(args) }),
    description: 'The audit trail, newest first. Admins only.',
    authScopes: { admin: true },
    args: { entityType: t.arg.string(), entityId: t.arg.string(), action: t.arg.string() },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.auditEntry.findMany({
        ...query,
        where: auditWhere(args),
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
  }),
);
