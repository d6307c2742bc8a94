// Forums and their sessions: types, queries and mutations (the writes are commands/forum.ts).
import { FORUM_ANSWER_DAYS, normalizeForumSlug } from '@layanan/domain/forums';
import { builder } from '../../../graphql/builder.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../graphql/errors.js';
import { commandDeps } from '../../../platform/command.js';
import { createForum, publishSessionMinutes, scheduleForumSession } from '../commands/forum.js';

builder.prismaNode('Forum', {
  id: { field: 'id' },
  description: 'A standing public forum where citizens submit aspirations and critiques.',
  fields: (t) => ({
    slug: t.exposeString('slug'),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    answerDays: t.exposeInt('answerDays', {
      description: 'Working days staff have to answer a submission publicly.',
    }),
    unit: t.relation('unit'),
    sessions: t.relatedConnection('sessions', {
      cursor: 'id',
      totalCount: true,
      query: () => ({ orderBy: [{ startsAt: 'desc' }, { id: 'asc' }] }),
    }),
    submissions: t.relatedConnection('submissions', {
      cursor: 'id',
      totalCount: true,
      query: () => ({ orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] }),
    }),
  }),
});

builder.prismaObject('SessionRepresentative', {
  fields: (t) => ({ staff: t.relation('staff') }),
});

const ForumSessionRef = builder.prismaNode('ForumSession', {
  id: { field: 'id' },
  description: 'A scheduled forum session (public consultation, musrenbang) in a kecamatan.',
  fields: (t) => ({
    title: t.exposeString('title'),
    agenda: t.exposeString('agenda'),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    place: t.exposeString('place'),
    district: t.relation('district', { nullable: true }),
    forum: t.relation('forum'),
    minutes: t.string({
      nullable: true,
      description: 'Published minutes (notulen); null until published.',
      resolve: (s) => (s.minutesPublishedAt ? s.minutes : null),
    }),
    minutesPublishedAt: t.expose('minutesPublishedAt', { type: 'DateTime', nullable: true }),
    representatives: t.relation('representatives', {
      description: 'Staff attending as the government’s representatives.',
    }),
    submissions: t.relatedConnection('submissions', {
      cursor: 'id',
      totalCount: true,
      query: () => ({ orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] }),
    }),
  }),
});

builder.queryFields((t) => ({
  forums: t.prismaConnection({
    type: 'Forum',
    cursor: 'id',
    totalCount: (_root, _args, ctx) => ctx.prisma.forum.count(),
    resolve: (query, _root, _args, ctx) => ctx.prisma.forum.findMany({ ...query, orderBy: { slug: 'asc' } }),
  }),
  forum: t.prismaField({
    type: 'Forum',
    nullable: true,
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.forum.findUnique({ ...query, where: { slug: normalizeForumSlug(args.slug) } }),
  }),
}));

const CreateForumInput = builder.inputType('CreateForumInput', {
  fields: (t) => ({
    slug: t.string({
      required: true,
      description: 'Lowercase letters, digits and dashes, e.g. "pelayanan-perizinan".',
    }),
    title: t.string({ required: true }),
    description: t.string({ required: true }),
    unitCode: t.string({ required: true, description: 'The unit that answers its submissions.' }),
    answerDays: t.int({
      defaultValue: FORUM_ANSWER_DAYS.default,
      description: 'Working days to answer publicly (1–60).',
    }),
  }),
});

const CreateForumPayload = builder.objectRef<{ forumId: string }>('CreateForumPayload').implement({
  fields: (t) => ({
    forum: t.prismaField({
      type: 'Forum',
      resolve: (query, payload, _args, ctx) =>
        ctx.prisma.forum.findUniqueOrThrow({ ...query, where: { id: payload.forumId } }),
    }),
  }),
});

builder.mutationField('createForum', (t) =>
  t.field({
    type: CreateForumPayload,
    description: 'Open a standing forum for a topic or a unit. Admins only.',
    authScopes: { admin: true },
    errors: { types: [ValidationError, ConflictError] },
    args: { input: t.arg({ type: CreateForumInput, required: true }) },
    resolve: (_root, { input }, ctx) => createForum(commandDeps(ctx), ctx.identity, input),
  }),
);

const ScheduleForumSessionInput = builder.inputType('ScheduleForumSessionInput', {
  fields: (t) => ({
    forumId: t.globalID({ required: true }),
    title: t.string({ required: true }),
    agenda: t.string({ required: true }),
    startsAt: t.field({ type: 'DateTime', required: true }),
    districtCode: t.string(),
    place: t.string({ required: true }),
    representativeIds: t.globalIDList({ required: true }),
  }),
});

const ForumSessionPayload = builder.objectRef<{ sessionId: string }>('ForumSessionPayload').implement({
  fields: (t) => ({
    session: t.prismaField({
      type: ForumSessionRef,
      resolve: (query, payload, _args, ctx) =>
        ctx.prisma.forumSession.findUniqueOrThrow({ ...query, where: { id: payload.sessionId } }),
    }),
  }),
});

builder.mutationField('scheduleForumSession', (t) =>
  t.field({
    type: ForumSessionPayload,
    description:
      'Schedule a forum session with its staff representatives. Staff of the forum’s unit, or admins.',
    authScopes: { admin: true, staff: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: ScheduleForumSessionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      scheduleForumSession(commandDeps(ctx), ctx.identity, {
        ...input,
        forumId: input.forumId.id,
        representativeIds: input.representativeIds.map((g) => g.id),
      }),
  }),
);

builder.mutationField('publishSessionMinutes', (t) =>
  t.field({
    type: ForumSessionPayload,
    description: 'Publish the minutes (notulen) of a session. Staff of the forum’s unit, or admins.',
    authScopes: { admin: true, staff: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      sessionId: t.arg.globalID({ required: true, for: ForumSessionRef }),
      minutes: t.arg.string({ required: true }),
    },
    resolve: (_root, args, ctx) =>
      publishSessionMinutes(commandDeps(ctx), ctx.identity, {
        sessionId: args.sessionId.id,
        minutes: args.minutes,
      }),
  }),
);
