import type { GraphQLContext } from '../../app/context.js';
import { builder } from '../../graphql/builder.js';
import { audited } from '../../platform/audited.js';
import { accountIdOf, forbidden } from '../../platform/authz.js';

export const NotificationKindEnum = builder.enumType('NotificationKind', {
  values: [
    'SUBMISSION_ANSWERED',
    'COMMITMENT_CREATED',
    'COMMITMENT_PROGRESS',
    'COMMITMENT_DONE',
    'COMMITMENT_CANCELLED',
    'SUBMISSION_HIDDEN',
    'SURVEY_INVITATION',
  ] as const,
});

const NotificationRef = builder.prismaNode('Notification', {
  id: { field: 'id' },
  description: 'An in-app notification for the signed-in account.',
  authScopes: (n) => ({ selfAccount: n.accountId }),
  fields: (t) => ({
    kind: t.expose('kind', { type: NotificationKindEnum }),
    title: t.string({ resolve: (n, _a, ctx) => (ctx.lang === 'en' ? n.titleEn : n.titleId) }),
    titleId: t.exposeString('titleId'),
    titleEn: t.exposeString('titleEn'),
    read: t.boolean({ resolve: (n) => n.readAt !== null }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    submission: t.relation('submission', { nullable: true }),
  }),
});

function me(ctx: GraphQLContext): string {
  const id = accountIdOf(ctx.identity);
  if (!id) throw forbidden();
  return id;
}

builder.queryFields((t) => ({
  notifications: t.prismaConnection({
    type: 'Notification',
    cursor: 'id',
    description: 'The signed-in account’s notifications, newest first.',
    authScopes: { authenticated: true },
    args: { unreadOnly: t.arg.boolean({ defaultValue: false }) },
    totalCount: (_root, args, ctx) =>
      ctx.prisma.notification.count({
        where: { accountId: me(ctx), ...(args.unreadOnly ? { readAt: null } : {}) },
      }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.notification.findMany({
        ...query,
        where: { accountId: me(ctx), ...(args.unreadOnly ? { readAt: null } : {}) },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
  }),
  unreadNotificationCount: t.int({
    authScopes: { authenticated: true },
    resolve: (_root, _args, ctx) =>
      ctx.prisma.notification.count({ where: { accountId: me(ctx), readAt: null } }),
  }),
}));

const MarkNotificationsReadPayload = builder
  .objectRef<{ marked: number; unreadCount: number }>('MarkNotificationsReadPayload')
  .implement({
    fields: (t) => ({
      marked: t.exposeInt('marked'),
      unreadCount: t.exposeInt('unreadCount'),
    }),
  });

builder.mutationField('markNotificationsRead', (t) =>
  t.field({
    type: MarkNotificationsReadPayload,
    description: 'Mark the given notifications, or all of them when `ids` is omitted, as read.',
    authScopes: { authenticated: true },
    args: { ids: t.arg.globalIDList({ for: NotificationRef }) },
    resolve: async (_root, args, ctx) => {
      const accountId = me(ctx);
      return audited(ctx, { action: 'markNotificationsRead', entityType: 'Notification' }, async (tx) => {
        const { count } = await tx.notification.updateMany({
          where: {
            accountId,
            readAt: null,
            ...(args.ids ? { id: { in: args.ids.map((g) => g.id) } } : {}),
          },
          data: { readAt: new Date() },
        });
        const unreadCount = await tx.notification.count({ where: { accountId, readAt: null } });
        return { result: { marked: count, unreadCount }, entityId: null, after: { marked: count } };
      });
    },
  }),
);

builder.subscriptionField('notificationAdded', (t) =>
  t.field({
    type: NotificationRef,
    description: 'Live notifications for the signed-in account.',
    authScopes: { authenticated: true },
    subscribe: (_root, _args, ctx) => ctx.pubsub.subscribe('notificationAdded', me(ctx)),
    resolve: (payload: { notificationId: string }, _args, ctx) =>
      ctx.prisma.notification.findUniqueOrThrow({ where: { id: payload.notificationId } }),
  }),
);
