// What a signed-in person sees of their own data (UU 27/2022 art. 7, 32): the whole export, and
// who of the staff looked at their identity data.
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { builder } from '../../../graphql/builder.js';
import { Viewer } from '../../accounts/account.js';
import { exportPersonalData, identityViewsOf } from '../personal-data-export.js';

type IdentityViewRecord = Awaited<ReturnType<typeof identityViewsOf>>[number];

const IdentityViewRef = builder.objectRef<IdentityViewRecord>('IdentityView').implement({
  description:
    'One view by a staff member of your identity data (contact details, NIK or other identifying attributes of a request).',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'When.' }),
    what: t.exposeString('what', {
      description:
        'What was seen: REQUEST_APPLICANT (name and contact details), REQUEST_ATTRIBUTES (identifying attributes of a request).',
    }),
    trackingCode: t.exposeString('trackingCode', {
      nullable: true,
      description: 'The request it was seen through; null when seen elsewhere.',
    }),
    viewerName: t.exposeString('viewerName', { description: 'The staff member who looked.' }),
    viewerUnit: t.exposeString('viewerUnit', {
      nullable: true,
      description: 'Their unit (short name); null when not in the staff register.',
    }),
  }),
});

builder.objectField(Viewer, 'personalData', (t) =>
  t.field({
    type: 'JSON',
    nullable: true,
    description:
      'Everything the city holds about the signed-in person, as one JSON document (format `layanan.personal-data/1`, UU 27/2022 art. 7, 13, 32): profile, sessions, privacy consents, requests with attribute values, the trail they see, files, issued documents and survey answers, forum submissions, supports and follows, notifications and e-mail, own actions and every staff view of their identity. Null unless signed in as an account. What is kept after erasure: docs/personal-data.md.',
    resolve: (id, _args, ctx) =>
      id.kind === 'account' ? exportPersonalData(ctx.prisma, id.accountId, new Date()) : null,
  }),
);

builder.objectField(Viewer, 'identityViews', (t) =>
  t.field({
    type: [IdentityViewRef],
    description:
      'Who of the staff looked at your identity data, newest first (at most `first`, default 100); lists and searches are not recorded, only views of one person — except a complaint manager’s view of a confidential reporter, recorded wherever it is read, in lists too. Empty unless signed in as an account.',
    args: {
      first: t.arg.int({ required: false, description: 'How many, newest first (1–500; default 100).' }),
    },
    resolve: (id, args, ctx) =>
      id.kind === 'account'
        ? identityViewsOf(ctx.prisma, id.accountId, Math.min(500, Math.max(1, args.first ?? 100)))
        : [],
  }),
);

builder.objectField(Viewer, 'identityViewLog', (t) =>
  t.connection(
    {
      type: IdentityViewRef,
      description:
        'Every view by the staff of your identity data, newest first, paged (Relay cursor connection, at most 100 a page) with `totalCount`: what `identityViews` lists, without its limit of 500 (UU 27/2022 art. 32). Lists and searches are not recorded, only views of one person — except a complaint manager’s view of a confidential reporter, recorded wherever it is read, in lists too. Empty unless signed in as an account.',
      resolve: async (id, args, ctx) => {
        const accountId = id.kind === 'account' ? id.accountId : null;
        const totalCount = accountId
          ? await ctx.prisma.identityView.count({ where: { subjectAccountId: accountId } })
          : 0;
        const page = await resolveOffsetConnection(
          { args, defaultSize: 50, maxSize: 100 },
          ({ limit, offset }) =>
            accountId ? identityViewsOf(ctx.prisma, accountId, limit, offset) : Promise.resolve([]),
        );
        return { ...page, totalCount };
      },
    },
    {
      name: 'ViewerIdentityViewLogConnection',
      fields: (c) => ({
        totalCount: c.int({
          description: 'How many views there are in all.',
          resolve: (connection) => (connection as { totalCount: number }).totalCount,
        }),
      }),
    },
  ),
);
