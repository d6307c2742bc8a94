// Example schema module (docs/extending.md, example 2): a public notice (pengumuman) a unit
// publishes. One file holds the type, its query and its mutation; it is wired in one place, an
// import in graphql/schema.ts. Its table is packages/db/prisma/schema/public-notice.prisma.

import { textLengthProblems } from '@layanan/domain';
import { builder } from '../../graphql/builder.js';
import { filteredList } from '../../graphql/connections.js';
import { entityPayload } from '../../graphql/entity-payload.js';
import { NotFoundError, ValidationError } from '../../graphql/errors.js';
import { validationFailed } from '../../graphql/failures.js';
import { audited } from '../../platform/audited.js';
import { actsForUnit, forbidden } from '../../platform/authz.js';

export const NOTICE_TITLE_MAX = 200;
export const NOTICE_BODY_MAX = 5_000;

const PublicNoticeRef = builder.prismaObject('PublicNotice', {
  description: 'A public notice of a unit (example module, docs/extending.md).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Database id of the notice.' }),
    unitCode: t.exposeString('unitCode', { description: 'Code of the publishing unit.' }),
    unit: t.prismaField({
      type: 'Unit',
      nullable: true,
      description: 'The publishing unit (its name for readers); null only if its code is no longer a unit.',
      // Prisma batches the findUnique calls of one page into one query.
      resolve: (query, n, _a, ctx) => ctx.prisma.unit.findUnique({ ...query, where: { code: n.unitCode } }),
    }),
    title: t.exposeString('title', { description: 'Title, at most 200 characters.' }),
    body: t.exposeString('body', { description: 'Text, at most 5,000 characters.' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', description: 'When it was published.' }),
  }),
});

/** The notices of one unit (code, case-insensitive), or of all. */
const unitFilter = (args: { unitCode?: string | null }) =>
  args.unitCode ? { unitCode: args.unitCode.trim().toUpperCase() } : {};

builder.queryField('publicNotices', (t) =>
  t.prismaField({
    type: [PublicNoticeRef],
    description: 'Public notices, newest first; anyone may read them.',
    args: {
      unitCode: t.arg.string({ description: 'Only this unit’s notices.' }),
      first: t.arg.int({ description: 'At most this many (default 20, at most 100).' }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.publicNotice.findMany({
        ...query,
        where: unitFilter(args),
        orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
        take: Math.min(Math.max(args.first ?? 20, 1), 100),
      }),
  }),
);

builder.queryField('publicNoticeBoard', (t) =>
  t.prismaConnection({
    type: PublicNoticeRef,
    cursor: 'id',
    description:
      'Public notices, newest first, paged (Relay cursor connection) with `totalCount` counting what the filter matches: the notice board of the public web app; anyone may read them. `publicNotices` gives the latest 100 at most.',
    args: {
      unitCode: t.arg.string({
        description: 'Only this unit’s notices (code, case-insensitive); an unknown code gives none.',
      }),
    },
    ...filteredList((ctx) => ctx.prisma.publicNotice, unitFilter, [{ publishedAt: 'desc' }, { id: 'asc' }]),
  }),
);

const PublishPublicNoticeInput = builder.inputType('PublishPublicNoticeInput', {
  description: 'A notice to publish.',
  fields: (t) => ({
    unitCode: t.string({
      required: true,
      description: 'Code of the publishing unit; unknown gives NotFoundError.',
    }),
    title: t.string({
      required: true,
      description: 'Title, at most 200 characters (ValidationError beyond).',
    }),
    body: t.string({
      required: true,
      description: 'Text, at most 5,000 characters (ValidationError beyond).',
    }),
  }),
});

const PublicNoticePayload = entityPayload('PublicNoticePayload', 'The notice just published.', {
  notice: { type: PublicNoticeRef, id: 'noticeId', description: 'The new notice.' },
});

builder.mutationField('publishPublicNotice', (t) =>
  t.field({
    type: PublicNoticePayload,
    description: 'Publish a notice for a unit: its staff and supervisors, or an admin.',
    authScopes: { admin: true, staff: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: PublishPublicNoticeInput, required: true, description: 'The notice.' }) },
    resolve: async (_root, { input }, ctx) => {
      // Authorize, load, check, write (with its audit entry), map.
      const unit = await ctx.prisma.unit.findUnique({ where: { code: input.unitCode.trim().toUpperCase() } });
      if (!unit) throw new NotFoundError('Unit', input.unitCode);
      if (!actsForUnit(ctx.identity, unit.id)) throw forbidden();
      const problems = textLengthProblems([
        ['title', input.title, { max: NOTICE_TITLE_MAX }],
        ['body', input.body, { max: NOTICE_BODY_MAX }],
      ]);
      if (problems.length > 0) throw validationFailed(problems);
      return audited(ctx, { action: 'publishPublicNotice', entityType: 'PublicNotice' }, async (tx) => {
        const row = await tx.publicNotice.create({
          data: {
            unitCode: unit.code,
            title: input.title.trim(),
            body: input.body.trim(),
            createdById: ctx.identity.kind === 'account' ? ctx.identity.accountId : null,
          },
        });
        return {
          result: { noticeId: row.id },
          entityId: row.id,
          after: { unitCode: row.unitCode, title: row.title },
        };
      });
    },
  }),
);
