// What reaches a person (issue 18 item 3): per kind, in-app always and e-mail on or off (the
// one-click unsubscribe link of each e-mail turns one off without signing in), and the language
// of notifications and e-mail. Rules and names: `@layanan/domain/notifications` preferences.
import type { NotificationKind } from '@layanan/db';
import {
  NOTIFICATION_KIND_SETTINGS,
  NOTIFICATION_LANGUAGES,
  notificationKindsFor,
} from '@layanan/domain/notifications';
import type { GraphQLContext } from '../../app/context.js';
import { builder } from '../../graphql/builder.js';
import { dataPayload } from '../../graphql/data-payload.js';
import { ValidationError } from '../../graphql/errors.js';
import { validationFailed } from '../../graphql/failures.js';
import { audited } from '../../platform/audited.js';
import { requireAccount } from './access.js';
import { NotificationKindEnum } from './notification.js';

type Preference = { kind: NotificationKind; email: boolean };

const NotificationPreferenceRef = builder.objectRef<Preference>('NotificationPreference').implement({
  description:
    'One kind of notification and whether it is also e-mailed to the signed-in account (it always reaches the in-app feed).',
  fields: (t) => ({
    kind: t.field({ type: NotificationKindEnum, description: 'The kind.', resolve: (p) => p.kind }),
    label: t.string({
      description: 'The kind’s name in the caller’s language (Accept-Language).',
      resolve: (p, _a, ctx) => NOTIFICATION_KIND_SETTINGS[p.kind].label[ctx.lang],
    }),
    email: t.exposeBoolean('email', {
      description:
        'Whether it is e-mailed too (when the account has an e-mail address); on unless turned off.',
    }),
  }),
});

export const NotificationLanguageEnum = builder.enumType('NotificationLanguage', {
  description: 'The language of an account’s notifications and e-mail: id (Bahasa Indonesia, default) or en.',
  values: NOTIFICATION_LANGUAGES,
});

/** The caller's settings for every kind that can reach their role, in the catalogue's order. */
async function preferencesOf(ctx: GraphQLContext): Promise<Preference[]> {
  const accountId = requireAccount(ctx.identity);
  const account = await ctx.prisma.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { role: true, notificationPreferences: { select: { kind: true, email: true } } },
  });
  const off = new Set(account.notificationPreferences.filter((p) => !p.email).map((p) => p.kind));
  return notificationKindsFor(account.role).map((kind) => ({
    kind: kind as NotificationKind,
    email: !off.has(kind as NotificationKind),
  }));
}

const NotificationSettingsRef = builder.objectRef<{ language: string }>('NotificationSettings').implement({
  description: 'What reaches the signed-in account: the language, and per kind whether it is e-mailed.',
  fields: (t) => ({
    language: t.field({
      type: NotificationLanguageEnum,
      description: 'The language of notifications and e-mail.',
      resolve: (s) => (s.language === 'en' ? 'en' : 'id'),
    }),
    preferences: t.field({
      type: [NotificationPreferenceRef],
      description: 'Every kind that can reach the account’s role (citizen; staff; supervisors and admins).',
      resolve: (_s, _a, ctx) => preferencesOf(ctx),
    }),
  }),
});

const settingsOf = async (ctx: GraphQLContext) =>
  ctx.prisma.account.findUniqueOrThrow({
    where: { id: requireAccount(ctx.identity) },
    select: { language: true },
  });

builder.queryField('notificationSettings', (t) =>
  t.field({
    type: NotificationSettingsRef,
    description: 'The signed-in account’s notification settings.',
    authScopes: { authenticated: true },
    resolve: (_root, _args, ctx) => settingsOf(ctx),
  }),
);

const SetNotificationSettingsInput = builder.inputType('SetNotificationSettingsInput', {
  description: 'Changes to the signed-in account’s notification settings; what is left out stays.',
  fields: (t) => ({
    language: t.field({
      type: NotificationLanguageEnum,
      description: 'The language of notifications and e-mail.',
    }),
    emailOff: t.field({
      type: [NotificationKindEnum],
      description:
        'Kinds no longer to e-mail; a kind that cannot reach the account’s role gives ValidationError on `emailOff`.',
    }),
    emailOn: t.field({ type: [NotificationKindEnum], description: 'Kinds to e-mail again.' }),
  }),
});

builder.mutationField('setNotificationSettings', (t) =>
  t.field({
    type: NotificationSettingsRef,
    errors: dataPayload('setNotificationSettings', [ValidationError], {
      what: 'the settings as they are now',
      data: 'The language and the e-mail setting of every kind.',
    }),
    description:
      'Set the language of notifications and e-mail, and turn the e-mail of some kinds off or on again (the in-app feed always gets them). Errors: ValidationError NOT_ALLOWED on `emailOff`/`emailOn` for a kind that cannot reach the account.',
    authScopes: { authenticated: true },
    args: {
      input: t.arg({ type: SetNotificationSettingsInput, required: true, description: 'The changes.' }),
    },
    resolve: async (_root, { input }, ctx) => {
      const accountId = requireAccount(ctx.identity);
      const account = await ctx.prisma.account.findUniqueOrThrow({
        where: { id: accountId },
        select: { role: true },
      });
      const allowed = new Set<string>(notificationKindsFor(account.role));
      for (const field of ['emailOff', 'emailOn'] as const) {
        if ((input[field] ?? []).some((kind) => !allowed.has(kind))) {
          throw validationFailed([
            {
              field,
              code: 'NOT_ALLOWED',
              message: {
                id: 'Jenis notifikasi ini tidak dikirim ke akun Anda',
                en: 'This kind of notification does not reach your account',
              },
            },
          ]);
        }
      }
      return audited(ctx, { action: 'setNotificationSettings', entityType: 'Account' }, async (tx) => {
        if (input.language)
          await tx.account.update({ where: { id: accountId }, data: { language: input.language } });
        for (const [kinds, email] of [
          [input.emailOff ?? [], false],
          [input.emailOn ?? [], true],
        ] as const) {
          for (const kind of kinds) {
            await tx.notificationPreference.upsert({
              where: { accountId_kind: { accountId, kind: kind as NotificationKind } },
              create: { accountId, kind: kind as NotificationKind, email },
              update: { email },
            });
          }
        }
        const after = await tx.account.findUniqueOrThrow({
          where: { id: accountId },
          select: { language: true },
        });
        return {
          result: after,
          entityId: accountId,
          after: { language: after.language, emailOff: input.emailOff ?? [], emailOn: input.emailOn ?? [] },
        };
      });
    },
  }),
);
