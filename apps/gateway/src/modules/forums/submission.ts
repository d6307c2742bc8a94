import type { Prisma } from '@layanan/db';
import {
  ANSWER_STATUS_LABELS,
  answerDueDate,
  answeredOnTime,
  answerTransition,
  checkSupport,
  hideSubmission,
  isAnswerOverdue,
  SUBMISSION_ERROR_MESSAGES,
  submissionVisibility,
  validateSubmission,
  validateSubmissionTitle,
} from '@layanan/domain/forums';
import type { GraphQLContext } from '../../app/context.js';
import { builder } from '../../graphql/builder.js';
import { ConflictError, isUniqueViolation, NotFoundError, ValidationError } from '../../graphql/errors.js';
import { audited } from '../../platform/audited.js';
import { accountIdOf, actsForUnit, forbidden, isModerator } from '../../platform/authz.js';
import { dateOnly, dayOf, loadWorkingCalendar, todayWib } from '../../platform/calendar.js';
import { audienceOf, publishNotifications, writeNotifications } from '../../platform/notify.js';

// Anonymous callers match no account row; an empty string would be an invalid uuid in SQL.
const NO_ACCOUNT = '00000000-0000-0000-0000-000000000000';

export const SubmissionKindEnum = builder.enumType('SubmissionKind', {
  values: ['ASPIRATION', 'CRITIQUE'] as const,
});
export const AnswerStatusEnum = builder.enumType('AnswerStatus', {
  values: ['UNDER_REVIEW', 'ACCEPTED', 'REJECTED', 'ALREADY_PLANNED'] as const,
});

type Visible = { authorId: string; hiddenAt: Date | null; hiddenReason: string | null };

function visibility(s: Visible, ctx: GraphQLContext) {
  const userId = accountIdOf(ctx.identity) ?? undefined;
  return submissionVisibility(
    {
      authorId: s.authorId,
      ...(s.hiddenAt ? { moderation: { hidden: true, reason: s.hiddenReason ?? '' } } : {}),
    },
    { ...(userId ? { userId } : {}), isModerator: isModerator(ctx.identity) },
  );
}

const SubmissionRef = builder.prismaNode('Submission', {
  id: { field: 'id' },
  description:
    'A citizen’s aspiration or critique. The text is the original, never edited; hidden content stays visible to its author and moderators, with the reason.',
  fields: (t) => ({
    kind: t.expose('kind', { type: SubmissionKindEnum }),
    title: t.string({
      nullable: true,
      description: 'Null when hidden by a moderator (except for the author and moderators).',
      resolve: (s, _a, ctx) => (visibility(s, ctx) === 'HIDDEN_NOTICE' ? null : s.title),
    }),
    text: t.string({
      nullable: true,
      resolve: (s, _a, ctx) => (visibility(s, ctx) === 'HIDDEN_NOTICE' ? null : s.text),
    }),
    hidden: t.boolean({ resolve: (s) => s.hiddenAt !== null }),
    hiddenReason: t.string({
      nullable: true,
      description: 'Why it was hidden: shown to the author and moderators.',
      resolve: (s, _a, ctx) => (visibility(s, ctx) === 'HIDDEN_WITH_REASON' ? s.hiddenReason : null),
    }),
    authorName: t.string({
      nullable: true,
      description: 'Null when the author chose to hide their name (the city still knows the account).',
      select: { author: { select: { displayName: true } } },
      resolve: (s, _a, ctx) => {
        const privileged = accountIdOf(ctx.identity) === s.authorId || isModerator(ctx.identity);
        return s.hideAuthorName && !privileged ? null : s.author.displayName;
      },
    }),
    hideAuthorName: t.exposeBoolean('hideAuthorName'),
    isMine: t.boolean({ resolve: (s, _a, ctx) => accountIdOf(ctx.identity) === s.authorId }),
    forum: t.relation('forum'),
    session: t.relation('session', { nullable: true }),
    service: t.relation('service', { nullable: true }),
    unit: t.relation('unit', { description: 'The unit that answers.' }),
    status: t.expose('status', { type: AnswerStatusEnum }),
    answerReason: t.exposeString('answerReason', { nullable: true }),
    answeredAt: t.expose('answeredAt', { type: 'DateTime', nullable: true }),
    answerDueOn: t.string({
      description: 'Date (YYYY-MM-DD, WIB) by which the public answer is due, fixed at submission.',
      resolve: (s) => dayOf(s.answerDueOn),
    }),
    answerOverdue: t.boolean({
      resolve: async (s, _a, ctx) =>
        isAnswerOverdue(
          { status: s.status, dueDate: dayOf(s.answerDueOn) },
          todayWib(),
          await ctx.calendar(),
        ),
    }),
    answeredOnTime: t.boolean({
      nullable: true,
      resolve: async (s, _a, ctx) =>
        s.answeredAt ? answeredOnTime(dayOf(s.answerDueOn), s.answeredAt, await ctx.calendar()) : null,
    }),
    supportCount: t.relationCount('supports'),
    followerCount: t.relationCount('followers'),
    supportedByMe: t.boolean({
      select: (_args, ctx) => ({
        supports: {
          where: { accountId: accountIdOf(ctx.identity) ?? NO_ACCOUNT },
          select: { accountId: true },
        },
      }),
      resolve: (s) => s.supports.length > 0,
    }),
    followedByMe: t.boolean({
      select: (_args, ctx) => ({
        followers: {
          where: { accountId: accountIdOf(ctx.identity) ?? NO_ACCOUNT },
          select: { accountId: true },
        },
      }),
      resolve: (s) => s.followers.length > 0,
    }),
    commitment: t.relation('commitment', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

function submissionWhere(
  args: {
    forumSlug?: string | null;
    status?: Prisma.SubmissionWhereInput['status'] | null;
    mine?: boolean | null;
  },
  ctx: GraphQLContext,
): Prisma.SubmissionWhereInput {
  return {
    ...(args.forumSlug ? { forum: { slug: args.forumSlug.trim().toLowerCase() } } : {}),
    ...(args.status ? { status: args.status } : {}),
    ...(args.mine ? { authorId: accountIdOf(ctx.identity) ?? NO_ACCOUNT } : {}),
  };
}

builder.queryField('submissions', (t) =>
  t.prismaConnection({
    type: 'Submission',
    cursor: 'id',
    description: 'Submissions, newest first; `mine: true` lists the caller’s own.',
    args: {
      forumSlug: t.arg.string(),
      status: t.arg({ type: AnswerStatusEnum }),
      mine: t.arg.boolean(),
    },
    totalCount: (_root, args, ctx) => ctx.prisma.submission.count({ where: submissionWhere(args, ctx) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.submission.findMany({
        ...query,
        where: submissionWhere(args, ctx),
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      }),
  }),
);

const SubmissionPayload = builder.objectRef<{ submissionId: string }>('SubmissionPayload').implement({
  fields: (t) => ({
    submission: t.prismaField({
      type: SubmissionRef,
      resolve: (query, payload, _args, ctx) =>
        ctx.prisma.submission.findUniqueOrThrow({ ...query, where: { id: payload.submissionId } }),
    }),
  }),
});

const SubmitToForumInput = builder.inputType('SubmitToForumInput', {
  fields: (t) => ({
    forumId: t.globalID({ required: true }),
    sessionId: t.globalID(),
    kind: t.field({ type: SubmissionKindEnum, required: true }),
    title: t.string({ required: true }),
    text: t.string({ required: true, description: 'Stored exactly as typed.' }),
    serviceCode: t.string({ description: 'The service it is about, if any; its unit then answers.' }),
    unitCode: t.string({
      description: 'The unit it is about, if no service is named; that unit then answers.',
    }),
    hideAuthorName: t.boolean({ defaultValue: false }),
  }),
});

builder.mutationField('submitToForum', (t) =>
  t.field({
    type: SubmissionPayload,
    description: 'A citizen submits an aspiration or a critique to a forum or one of its sessions.',
    authScopes: { citizen: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: SubmitToForumInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const authorId = accountIdOf(ctx.identity);
      if (!authorId) throw forbidden();
      const checked = validateSubmission({ kind: input.kind, text: input.text });
      if (!checked.ok) throw ValidationError.fromDomain(checked.error, 'text');
      const title = validateSubmissionTitle(input.title);
      if (!title.ok) throw ValidationError.fromDomain(title.error, 'title');
      return audited(ctx, { action: 'submitToForum', entityType: 'Submission' }, async (tx) => {
        const forum = await tx.forum.findUnique({ where: { id: input.forumId.id } });
        if (!forum) throw new NotFoundError('Forum', input.forumId.id);
        if (input.sessionId) {
          const session = await tx.forumSession.findFirst({
            where: { id: input.sessionId.id, forumId: forum.id },
          });
          if (!session) throw new NotFoundError('ForumSession', input.sessionId.id);
        }
        const service = input.serviceCode
          ? await tx.service.findUnique({ where: { code: input.serviceCode.trim().toUpperCase() } })
          : null;
        if (input.serviceCode && !service) throw new NotFoundError('Service', input.serviceCode);
        const aboutUnit =
          !service && input.unitCode
            ? await tx.unit.findUnique({ where: { code: input.unitCode.trim().toUpperCase() } })
            : null;
        if (!service && input.unitCode && !aboutUnit) throw new NotFoundError('Unit', input.unitCode);
        const submittedOn = todayWib();
        const row = await tx.submission.create({
          data: {
            forumId: forum.id,
            sessionId: input.sessionId?.id ?? null,
            authorId,
            kind: checked.value.kind,
            title: title.value,
            text: checked.value.text,
            hideAuthorName: input.hideAuthorName ?? false,
            serviceId: service?.id ?? null,
            unitId: service?.unitId ?? aboutUnit?.id ?? forum.unitId,
            answerDueOn: dateOnly(
              answerDueDate(submittedOn, await loadWorkingCalendar(tx), forum.answerDays),
            ),
          },
        });
        return { result: { submissionId: row.id }, entityId: row.id, after: { ...row, text: undefined } };
      });
    },
  }),
);

builder.mutationField('supportSubmission', (t) =>
  t.field({
    type: SubmissionPayload,
    description: '+1 from a citizen, once per submission.',
    authScopes: { citizen: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { submissionId: t.arg.globalID({ required: true, for: SubmissionRef }) },
    resolve: async (_root, args, ctx) => {
      const accountId = accountIdOf(ctx.identity);
      if (!accountId) throw forbidden();
      const support = () =>
        audited(ctx, { action: 'supportSubmission', entityType: 'Submission' }, async (tx) => {
          const submission = await tx.submission.findUnique({
            where: { id: args.submissionId.id },
            select: { id: true, supports: { where: { accountId }, select: { accountId: true } } },
          });
          if (!submission) throw new NotFoundError('Submission', args.submissionId.id);
          const checked = checkSupport(
            submission.supports.map((s) => s.accountId),
            accountId,
          );
          if (!checked.ok) throw ValidationError.fromDomain(checked.error, 'submissionId');
          // The primary key (submission, account) makes a concurrent second +1 fail, not count twice.
          await tx.submissionSupport.create({ data: { submissionId: submission.id, accountId } });
          return { result: { submissionId: submission.id }, entityId: submission.id };
        });
      try {
        return await support();
      } catch (error) {
        // The primary key (submission, account) refused a concurrent second +1: the same answer
        // as a sequential one, not a masked error.
        if (!isUniqueViolation(error)) throw error;
        throw ValidationError.fromMessage(
          'SUBMISSION_ALREADY_SUPPORTED',
          SUBMISSION_ERROR_MESSAGES.SUBMISSION_ALREADY_SUPPORTED,
          'submissionId',
        );
      }
    },
  }),
);

for (const follow of [true, false]) {
  const name = follow ? 'followSubmission' : 'unfollowSubmission';
  builder.mutationField(name, (t) =>
    t.field({
      type: SubmissionPayload,
      description: follow
        ? 'Receive notifications for every answer and progress update of a submission.'
        : 'Stop following a submission.',
      authScopes: { authenticated: true },
      errors: { types: [NotFoundError] },
      args: { submissionId: t.arg.globalID({ required: true, for: SubmissionRef }) },
      resolve: async (_root, args, ctx) => {
        const accountId = accountIdOf(ctx.identity);
        if (!accountId) throw forbidden();
        return audited(ctx, { action: name, entityType: 'Submission' }, async (tx) => {
          const submission = await tx.submission.findUnique({ where: { id: args.submissionId.id } });
          if (!submission) throw new NotFoundError('Submission', args.submissionId.id);
          const key = { submissionId: submission.id, accountId };
          if (follow) {
            await tx.submissionFollow.upsert({
              where: { submissionId_accountId: key },
              create: key,
              update: {},
            });
          } else {
            await tx.submissionFollow.deleteMany({ where: key });
          }
          return { result: { submissionId: submission.id }, entityId: submission.id };
        });
      },
    }),
  );
}

builder.mutationField('hideSubmission', (t) =>
  t.field({
    type: SubmissionPayload,
    description: 'Hide abusive content with a reason the author sees. Nothing is deleted. Staff only.',
    authScopes: { admin: true, staff: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      submissionId: t.arg.globalID({ required: true, for: SubmissionRef }),
      reason: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const moderatorId = accountIdOf(ctx.identity);
      if (!moderatorId) throw forbidden();
      const checked = hideSubmission(args.reason);
      if (!checked.ok) throw ValidationError.fromDomain(checked.error, 'reason');
      const written = await audited(
        ctx,
        { action: 'hideSubmission', entityType: 'Submission' },
        async (tx) => {
          const before = await tx.submission.findUnique({ where: { id: args.submissionId.id } });
          if (!before) throw new NotFoundError('Submission', args.submissionId.id);
          const after = await tx.submission.update({
            where: { id: before.id },
            data: { hiddenAt: new Date(), hiddenReason: args.reason.trim(), hiddenById: moderatorId },
          });
          const notes = await writeNotifications(tx, [before.authorId], {
            kind: 'SUBMISSION_HIDDEN',
            submissionId: before.id,
            titleId: `Kiriman "${before.title}" disembunyikan: ${args.reason.trim()}`,
            titleEn: `"${before.title}" was hidden: ${args.reason.trim()}`,
          });
          return {
            result: { submissionId: after.id, notes },
            entityId: after.id,
            before: { hiddenAt: before.hiddenAt, hiddenReason: before.hiddenReason },
            after: { hiddenAt: after.hiddenAt, hiddenReason: after.hiddenReason },
          };
        },
      );
      publishNotifications(ctx, written.notes);
      return { submissionId: written.submissionId };
    },
  }),
);

const AnswerSubmissionInput = builder.inputType('AnswerSubmissionInput', {
  fields: (t) => ({
    submissionId: t.globalID({ required: true }),
    status: t.field({ type: AnswerStatusEnum, required: true }),
    reason: t.string({ required: true, description: 'The public reason for the answer.' }),
  }),
});

builder.mutationField('answerSubmission', (t) =>
  t.field({
    type: SubmissionPayload,
    description:
      'The public answer: accepted, rejected or already planned, with a reason. Staff of the answering unit.',
    authScopes: { admin: true, staff: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    args: { input: t.arg({ type: AnswerSubmissionInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const staffAccountId = accountIdOf(ctx.identity);
      if (!staffAccountId) throw forbidden();
      const written = await audited(
        ctx,
        { action: 'answerSubmission', entityType: 'Submission' },
        async (tx) => {
          const before = await tx.submission.findUnique({ where: { id: input.submissionId.id } });
          if (!before) throw new NotFoundError('Submission', input.submissionId.id);
          if (!actsForUnit(ctx.identity, before.unitId)) throw forbidden();
          const transition = answerTransition(before.status, input.status, input.reason);
          if (!transition.ok) throw ValidationError.fromDomain(transition.error, 'status');
          // Only an unanswered submission changes: of two simultaneous answers exactly one wins.
          const changed = await tx.submission.updateMany({
            where: { id: before.id, status: 'UNDER_REVIEW' },
            data: {
              status: input.status,
              answerReason: input.reason.trim(),
              answeredAt: new Date(),
              answeredById: staffAccountId,
            },
          });
          if (changed.count !== 1) {
            throw new ConflictError(
              'SUBMISSION_ALREADY_ANSWERED',
              'Kiriman ini baru saja dijawab oleh petugas lain.',
              'Another staff member has just answered this submission.',
            );
          }
          const label = ANSWER_STATUS_LABELS[input.status];
          const notes = await writeNotifications(tx, await audienceOf(tx, before.id), {
            kind: 'SUBMISSION_ANSWERED',
            submissionId: before.id,
            titleId: `Usulan "${before.title}" dijawab: ${label.id}`,
            titleEn: `"${before.title}" was answered: ${label.en}`,
          });
          return {
            result: { submissionId: before.id, notes },
            entityId: before.id,
            before: { status: before.status },
            after: { status: input.status, answerReason: input.reason.trim() },
          };
        },
      );
      publishNotifications(ctx, written.notes);
      return { submissionId: written.submissionId };
    },
  }),
);
