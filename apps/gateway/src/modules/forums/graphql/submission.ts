// Submissions: the type (what a viewer may see of it), the list query and the mutations (the
// writes are commands/submission.ts).
import type { Prisma } from '@layanan/db';
import { shownErased } from '@layanan/domain/accounts';
import {
  ANSWER_STATUSES,
  answeredOnTime,
  isAnswerOverdue,
  MODERATION_ACTIONS,
  normalizeForumSlug,
  SUBMISSION_KINDS,
  submissionVisibility,
} from '@layanan/domain/forums';
import type { GraphQLContext } from '../../../app/context.js';
import { builder } from '../../../graphql/builder.js';
import { commandArgs, commandInput, nodeIdArg } from '../../../graphql/command-fields.js';
import { filteredList } from '../../../graphql/connections.js';
import { entityPayload } from '../../../graphql/entity-payload.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../graphql/errors.js';
import { nodeVisibility } from '../../../graphql/node-visibility.js';
import { nodeId } from '../../../graphql/object-fields.js';
import { accountIdOf, actsForUnit, isModerator } from '../../../platform/authz.js';
import { dayOf, todayWib } from '../../../platform/calendar.js';
import { EVERYONE } from '../../../platform/visibility.js';
import { forumPhotosField } from '../../attachments/graphql/upload-input.js';
import {
  answerSubmission,
  hideSubmission,
  setFollowing,
  submitToForum,
  supportSubmission,
} from '../commands/submission.js';

// Anonymous callers match no account row; an empty string would be an invalid uuid in SQL.
const NO_ACCOUNT = '00000000-0000-0000-0000-000000000000';

export const SubmissionKindEnum = builder.enumType('SubmissionKind', {
  description:
    'What a citizen submits to a forum: an ASPIRATION (a wish or proposal) or a CRITIQUE of a service (UU 25/2009 public participation).',
  values: SUBMISSION_KINDS,
});
export const AnswerStatusEnum = builder.enumType('AnswerStatus', {
  description:
    'The public answer to a submission: UNDER_REVIEW until answered, then ACCEPTED, REJECTED or ALREADY_PLANNED, always with a public reason (UU 25/2009 art. 4 openness).',
  values: ANSWER_STATUSES,
});

type Visible = { authorId: string; hiddenAt: Date | null; hiddenReason: string | null };

/** What the caller sees of a submission (the domain's submissionVisibility). */
export function visibility(s: Visible, ctx: GraphQLContext) {
  const userId = accountIdOf(ctx.identity) ?? undefined;
  return submissionVisibility(
    {
      authorId: s.authorId,
      ...(s.hiddenAt ? { moderation: { hidden: true, reason: s.hiddenReason ?? '' } } : {}),
    },
    { ...(userId ? { userId } : {}), isModerator: isModerator(ctx.identity) },
  );
}

/** The caller's own row of a supports or followers relation (none for anonymous callers). */
const byCaller = (ctx: GraphQLContext) => ({
  where: { accountId: accountIdOf(ctx.identity) ?? NO_ACCOUNT },
  select: { accountId: true },
});

const ModerationActionEnum = builder.enumType('ModerationAction', {
  description: 'A moderation act on a submission: HIDE (hidden from the public with a reason).',
  values: MODERATION_ACTIONS,
});

const SubmissionModerationRef = builder.prismaObject('SubmissionModeration', {
  description: 'One moderation act on a submission, kept for good (append-only history).',
  fields: (t) => ({
    action: t.expose('action', { type: ModerationActionEnum, description: 'What was done.' }),
    reason: t.exposeString('reason', { description: 'The reason given, as typed.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When (ISO 8601).' }),
    moderatorAccountId: t.exposeID('moderatorAccountId', {
      nullable: true,
      description: 'The database id of the moderating account; null for imported history.',
    }),
  }),
});

const SubmissionRef = builder.prismaNode('Submission', {
  id: nodeId,
  description:
    'A citizen’s aspiration or critique. The text is the original, never edited; hidden content stays visible to its author and moderators, with the reason.',
  fields: (t) => ({
    kind: t.expose('kind', { type: SubmissionKindEnum, description: 'Aspiration or critique.' }),
    title: t.string({
      nullable: true,
      description: 'Null when hidden by a moderator (except for the author and moderators).',
      resolve: (s, _a, ctx) =>
        visibility(s, ctx) === 'HIDDEN_NOTICE' ? null : shownErased(s.title, ctx.lang),
    }),
    text: t.string({
      nullable: true,
      description:
        'The citizen’s text as typed, never edited; null when hidden (except for the author and moderators).',
      resolve: (s, _a, ctx) =>
        visibility(s, ctx) === 'HIDDEN_NOTICE' ? null : shownErased(s.text, ctx.lang),
    }),
    hidden: t.boolean({
      description: 'Whether a moderator hid it (nothing is deleted).',
      resolve: (s) => s.hiddenAt !== null,
    }),
    hiddenReason: t.string({
      nullable: true,
      description: 'Why it was hidden: shown to the author and moderators.',
      resolve: (s, _a, ctx) => (visibility(s, ctx) === 'HIDDEN_WITH_REASON' ? s.hiddenReason : null),
    }),
    moderationHistory: t.field({
      type: [SubmissionModerationRef],
      nullable: true,
      description:
        'Every moderation act, oldest first (append-only: a later hide never overwrites an earlier one). Admins and staff of the answering unit; null for everyone else.',
      select: { unitId: true, moderationHistory: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
      resolve: (s, _a, ctx) => (actsForUnit(ctx.identity, s.unitId) ? s.moderationHistory : null),
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
    hideAuthorName: t.exposeBoolean('hideAuthorName', {
      description: 'Whether the author asked to hide their name from the public (SP4N-LAPOR! “Anonim”).',
    }),
    isMine: t.boolean({
      description: 'Whether the caller wrote it; false for anonymous callers.',
      resolve: (s, _a, ctx) => accountIdOf(ctx.identity) === s.authorId,
    }),
    forum: t.relation('forum', { description: 'The forum it was submitted to.' }),
    session: t.relation('session', {
      nullable: true,
      description: 'The session it was submitted to; null for the standing forum.',
    }),
    service: t.relation('service', { nullable: true, description: 'The service it is about; null if none.' }),
    unit: t.relation('unit', { description: 'The unit that answers.' }),
    status: t.expose('status', { type: AnswerStatusEnum, description: 'The public answer so far.' }),
    answerReason: t.exposeString('answerReason', {
      nullable: true,
      description: 'The public reason of the answer; null while UNDER_REVIEW.',
    }),
    answeredAt: t.expose('answeredAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was answered; null while UNDER_REVIEW.',
    }),
    answerDueOn: t.expose('answerDueOn', {
      type: 'Day',
      description:
        'Last working day (WIB) for the public answer: the forum’s answerDays in working days after submission, fixed then.',
    }),
    answerOverdue: t.boolean({
      description: 'Still UNDER_REVIEW after answerDueOn, counted in working days as of today (WIB).',
      resolve: async (s, _a, ctx) =>
        isAnswerOverdue(
          { status: s.status, dueDate: dayOf(s.answerDueOn) },
          todayWib(),
          await ctx.calendar(),
        ),
    }),
    answeredOnTime: t.boolean({
      nullable: true,
      description: 'Whether the answer came by answerDueOn (WIB working days); null while unanswered.',
      resolve: async (s, _a, ctx) =>
        s.answeredAt ? answeredOnTime(dayOf(s.answerDueOn), s.answeredAt, await ctx.calendar()) : null,
    }),
    supportCount: t.relationCount('supports', {
      description: 'How many citizens support it (+1, once each).',
    }),
    followerCount: t.relationCount('followers', { description: 'How many accounts follow it.' }),
    supportedByMe: t.boolean({
      description: 'Whether the caller supports it; false for anonymous callers.',
      select: (_args, ctx) => ({ supports: byCaller(ctx) }),
      resolve: (s) => s.supports.length > 0,
    }),
    followedByMe: t.boolean({
      description: 'Whether the caller follows it (gets notifications); false for anonymous callers.',
      select: (_args, ctx) => ({ followers: byCaller(ctx) }),
      resolve: (s) => s.followers.length > 0,
    }),
    commitment: t.relation('commitment', {
      nullable: true,
      description: 'The follow-up promised for it once accepted; null if none.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was submitted.' }),
  }),
});

// Submissions are public, as `submissions` lists them: a hidden one keeps its row, its title and
// text are blanked per field for everyone but the author and moderators.
nodeVisibility(SubmissionRef, EVERYONE);

function submissionWhere(
  args: {
    forumSlug?: string | null;
    status?: Prisma.SubmissionWhereInput['status'] | null;
    mine?: boolean | null;
  },
  ctx: GraphQLContext,
): Prisma.SubmissionWhereInput {
  return {
    ...(args.forumSlug ? { forum: { slug: normalizeForumSlug(args.forumSlug) } } : {}),
    ...(args.status ? { status: args.status } : {}),
    ...(args.mine ? { authorId: accountIdOf(ctx.identity) ?? NO_ACCOUNT } : {}),
  };
}

builder.queryField('submissions', (t) =>
  t.prismaConnection({
    type: 'Submission',
    cursor: 'id',
    description:
      'Submissions, newest first, for anyone; hidden ones show without title and text except to their author and moderators. `mine: true` lists the caller’s own.',
    args: {
      forumSlug: t.arg.string({ description: 'Only submissions to the forum with this slug.' }),
      status: t.arg({ type: AnswerStatusEnum, description: 'Only submissions with this answer status.' }),
      mine: t.arg.boolean({ description: 'Only the caller’s own (none for anonymous callers).' }),
    },
    ...filteredList((ctx) => ctx.prisma.submission, submissionWhere, [{ createdAt: 'desc' }, { id: 'asc' }]),
  }),
);

/** Submissions the caller's unit must answer (admins: every unit, or the one named). */
function inboxWhere(args: { unitCode?: string | null }, ctx: GraphQLContext): Prisma.SubmissionWhereInput {
  const identity = ctx.identity;
  const admin = identity.kind === 'account' && identity.role === 'ADMIN';
  const ownUnit = identity.kind === 'account' ? identity.unitId : null;
  const unit = admin
    ? args.unitCode
      ? { unit: { code: args.unitCode.trim().toUpperCase() } }
      : {}
    : { unitId: ownUnit ?? NO_ACCOUNT };
  return { status: 'UNDER_REVIEW', ...unit };
}

builder.queryField('forumInbox', (t) =>
  t.prismaConnection({
    type: 'Submission',
    cursor: 'id',
    description:
      'The answering unit’s inbox: submissions still UNDER_REVIEW that the caller’s unit must answer publicly, the earliest answer due date (answerDueOn, WIB working days) first — so overdue ones lead — then oldest first. Staff and supervisors see their own unit; admins every unit, or the one named by unitCode. Hidden submissions are included (moderators see their content). `totalCount` counts them all.',
    authScopes: { staff: true, admin: true },
    args: {
      unitCode: t.arg.string({
        description:
          'Admins only: one unit by code (case-insensitive); ignored for staff, who see their own unit.',
      }),
    },
    ...filteredList((ctx) => ctx.prisma.submission, inboxWhere, [
      { answerDueOn: 'asc' },
      { createdAt: 'asc' },
      { id: 'asc' },
    ]),
  }),
);

const SubmissionPayload = entityPayload('SubmissionPayload', 'The submission after the change.', {
  submission: { type: SubmissionRef, id: 'submissionId', description: 'The submission as it is now.' },
});

const SubmitToForumInput = builder.inputType('SubmitToForumInput', {
  description: 'A new aspiration or critique.',
  fields: (t) => ({
    forumId: t.globalID({
      required: true,
      description: 'Global ID of the forum; an unknown forum gives NotFoundError.',
    }),
    sessionId: t.globalID({
      description: 'Global ID of one of the forum’s sessions, if it is for a session.',
    }),
    kind: t.field({ type: SubmissionKindEnum, required: true, description: 'Aspiration or critique.' }),
    title: t.string({ required: true, description: 'Short title; text limits give ValidationError.' }),
    text: t.string({ required: true, description: 'Stored exactly as typed.' }),
    serviceCode: t.string({ description: 'The service it is about, if any; its unit then answers.' }),
    unitCode: t.string({
      description: 'The unit it is about, if no service is named; that unit then answers.',
    }),
    hideAuthorName: t.boolean({
      defaultValue: false,
      description: 'Hide the author’s name from the public (the city still knows the account).',
    }),
    attachments: forumPhotosField(t),
  }),
});

builder.mutationField('submitToForum', (t) =>
  t.field({
    type: SubmissionPayload,
    description: 'A citizen submits an aspiration or a critique to a forum or one of its sessions.',
    authScopes: { citizen: true },
    errors: { types: [ValidationError, NotFoundError] },
    ...commandInput(t, SubmitToForumInput, 'The submission.', (deps, caller, input) =>
      submitToForum(deps, caller, {
        ...input,
        forumId: input.forumId.id,
        sessionId: input.sessionId?.id ?? null,
      }),
    ),
  }),
);

builder.mutationField('supportSubmission', (t) =>
  t.field({
    type: SubmissionPayload,
    description: '+1 from a citizen, once per submission.',
    authScopes: { citizen: true },
    errors: { types: [ValidationError, NotFoundError] },
    ...commandArgs(
      { submissionId: nodeIdArg(t, SubmissionRef, 'Global ID of the submission.') },
      (deps, caller, args) => supportSubmission(deps, caller, args.submissionId.id),
    ),
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
      ...commandArgs(
        { submissionId: nodeIdArg(t, SubmissionRef, 'Global ID of the submission.') },
        (deps, caller, args) => setFollowing(deps, caller, args.submissionId.id, follow),
      ),
    }),
  );
}

builder.mutationField('hideSubmission', (t) =>
  t.field({
    type: SubmissionPayload,
    description:
      'Hide abusive content with a reason the author sees. Nothing is deleted. Admins and staff of the answering unit (FORBIDDEN for others); each hide is added to moderationHistory, and a second hide keeps the first record.',
    authScopes: { admin: true, staff: true },
    errors: { types: [ValidationError, NotFoundError] },
    ...commandArgs(
      {
        submissionId: nodeIdArg(t, SubmissionRef, 'Global ID of the submission.'),
        reason: t.arg.string({ required: true, description: 'Why it is hidden; shown to the author.' }),
      },
      (deps, caller, args) =>
        hideSubmission(deps, caller, { submissionId: args.submissionId.id, reason: args.reason }),
    ),
  }),
);

const AnswerSubmissionInput = builder.inputType('AnswerSubmissionInput', {
  description: 'The public answer to a submission.',
  fields: (t) => ({
    submissionId: t.globalID({ required: true, description: 'Global ID of the submission.' }),
    status: t.field({
      type: AnswerStatusEnum,
      required: true,
      description:
        'ACCEPTED, REJECTED or ALREADY_PLANNED; an already answered submission gives ConflictError.',
    }),
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
    ...commandInput(t, AnswerSubmissionInput, 'The answer.', (deps, caller, input) =>
      answerSubmission(deps, caller, { ...input, submissionId: input.submissionId.id }),
    ),
  }),
);
