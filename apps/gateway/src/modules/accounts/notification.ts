import { notificationTextFor } from '@layanan/domain/forums';
import { NOTIFICATION_KINDS } from '@layanan/domain/notifications';
import type { GraphQLContext } from '../../app/context.js';
import { builder } from '../../graphql/builder.js';
import { filteredList } from '../../graphql/connections.js';
import { nodeVisibility } from '../../graphql/node-visibility.js';
import { nodeId } from '../../graphql/object-fields.js';
import { audited } from '../../platform/audited.js';
import { accountIdOf, isModerator } from '../../platform/authz.js';
import { requireAccount, visibleNotifications } from './access.js';

export const NotificationKindEnum = builder.enumType('NotificationKind', {
  description:
    "Why a notification was sent: a followed forum submission was answered or hidden, its commitment created, moved on, done or cancelled; a request of the citizen was received, verified, returned for correction, taken in progress, completed (`SURVEY_INVITATION`, with the satisfaction survey invitation), rejected, got a public note, a moved deadline or was escalated; a request was assigned or reassigned to a staff member, sent back by the citizen, is due within a working day or overdue, or was escalated to a supervisor; the supervisors' 07:00 WIB digest. Texts and links: `@layanan/domain/notifications`.",
  values: NOTIFICATION_KINDS,
});

/** What the text of a notification needs of its submission: who wrote it and whether it is hidden. */
const SUBMISSION_MODERATION = {
  submission: { select: { authorId: true, hiddenAt: true, hiddenReason: true } },
} as const;

type StoredNotification = {
  titleId: string;
  titleEn: string;
  submission: { authorId: string; hiddenAt: Date | null; hiddenReason: string | null } | null;
};

/** The stored text, or the domain's notice when the submission was hidden from this reader. */
function readableText(n: StoredNotification, ctx: GraphQLContext) {
  const s = n.submission;
  const userId = accountIdOf(ctx.identity);
  return notificationTextFor(
    { id: n.titleId, en: n.titleEn },
    s && {
      authorId: s.authorId,
      ...(s.hiddenAt ? { moderation: { hidden: true, reason: s.hiddenReason ?? '' } } : {}),
    },
    { ...(userId ? { userId } : {}), isModerator: isModerator(ctx.identity) },
  );
}

const NotificationRef = builder.prismaNode('Notification', {
  id: nodeId,
  description: 'An in-app notification for the signed-in account.',
  authScopes: (n) => ({ selfAccount: n.accountId }),
  fields: (t) => ({
    kind: t.expose('kind', { type: NotificationKindEnum, description: 'Why it was sent.' }),
    title: t.string({
      description:
        'The text in the caller’s language (Accept-Language). About a submission hidden since it was sent: a notice without its content, except for its author and moderators.',
      select: SUBMISSION_MODERATION,
      resolve: (n, _a, ctx) => {
        const text = readableText(n, ctx);
        return ctx.lang === 'en' ? text.en : text.id;
      },
    }),
    titleId: t.string({
      description: 'The text in Indonesian (hidden content as for `title`).',
      select: SUBMISSION_MODERATION,
      resolve: (n, _a, ctx) => readableText(n, ctx).id,
    }),
    titleEn: t.string({
      description: 'The text in English (hidden content as for `title`).',
      select: SUBMISSION_MODERATION,
      resolve: (n, _a, ctx) => readableText(n, ctx).en,
    }),
    linkPath: t.exposeString('linkPath', {
      nullable: true,
      description:
        "The web app's page of the item, a path such as `/permohonan/SWL-2026-000001` or `/staf`; null for notifications written before links were stored (use `submission` or `request`).",
    }),
    read: t.boolean({ description: 'Whether it was marked read.', resolve: (n) => n.readAt !== null }),
    readAt: t.expose('readAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was marked read; null if unread.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was sent.' }),
    submission: t.relation('submission', {
      nullable: true,
      description: 'The forum submission it is about; null for other kinds (survey invitations).',
    }),
  }),
});

nodeVisibility(NotificationRef, visibleNotifications);

const me = (ctx: GraphQLContext): string => requireAccount(ctx.identity);

builder.queryFields((t) => ({
  notifications: t.prismaConnection({
    type: 'Notification',
    cursor: 'id',
    description: 'The signed-in account’s notifications, newest first.',
    authScopes: { authenticated: true },
    args: {
      unreadOnly: t.arg.boolean({ defaultValue: false, description: 'Only notifications not yet read.' }),
    },
    ...filteredList(
      (ctx) => ctx.prisma.notification,
      (args: { unreadOnly?: boolean | null }, ctx) => ({
        accountId: me(ctx),
        ...(args.unreadOnly ? { readAt: null } : {}),
      }),
      [{ createdAt: 'desc' }, { id: 'desc' }],
    ),
  }),
  unreadNotificationCount: t.int({
    description: 'How many of the signed-in account’s notifications are unread.',
    authScopes: { authenticated: true },
    resolve: (_root, _args, ctx) =>
      ctx.prisma.notification.count({ where: { accountId: me(ctx), readAt: null } }),
  }),
}));

const MarkNotificationsReadPayload = builder
  .objectRef<{ marked: number; unreadCount: number }>('MarkNotificationsReadPayload')
  .implement({
    description: 'How many notifications were marked, and how many stay unread.',
    fields: (t) => ({
      marked: t.exposeInt('marked', { description: 'Notifications marked read by this call.' }),
      unreadCount: t.exposeInt('unreadCount', { description: 'Unread notifications left after it.' }),
    }),
  });

builder.mutationField('markNotificationsRead', (t) =>
  t.field({
    type: MarkNotificationsReadPayload,
    description: 'Mark the given notifications, or all of them when `ids` is omitted, as read.',
    authScopes: { authenticated: true },
    args: {
      ids: t.arg.globalIDList({
        for: NotificationRef,
        description:
          'Global IDs of the caller’s notifications to mark; others are ignored. Omit to mark all.',
      }),
    },
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
