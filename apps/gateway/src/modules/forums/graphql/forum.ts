// Forums and their sessions: types, queries and mutations (the writes are commands/forum.ts).
import { FORUM_ANSWER_DAYS, normalizeForumSlug } from '@layanan/domain/forums';
import { builder } from '../../../graphql/builder.js';
import { commandArgs, commandInput, nodeIdArg } from '../../../graphql/command-fields.js';
import { filteredList } from '../../../graphql/connections.js';
import { entityPayload } from '../../../graphql/entity-payload.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../graphql/errors.js';
import { nodeVisibility } from '../../../graphql/node-visibility.js';
import { nodeId } from '../../../graphql/object-fields.js';
import { EVERYONE } from '../../../platform/visibility.js';
import { createForum, publishSessionMinutes, scheduleForumSession } from '../commands/forum.js';

const ForumRef = builder.prismaNode('Forum', {
  id: nodeId,
  description: 'A standing public forum where citizens submit aspirations and critiques.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Its address in URLs: lowercase words joined by dashes.' }),
    title: t.exposeString('title', { description: 'Its title.' }),
    description: t.exposeString('description', { description: 'What the forum is about.' }),
    answerDays: t.exposeInt('answerDays', {
      description:
        'Working days (WIB calendar) staff have to answer a submission publicly, 1–60 (default 14).',
    }),
    unit: t.relation('unit', { description: 'The unit that answers its submissions.' }),
    sessions: t.relatedConnection('sessions', {
      description: 'Its sessions, latest start first.',
      cursor: 'id',
      totalCount: true,
      query: () => ({ orderBy: [{ startsAt: 'desc' }, { id: 'asc' }] }),
    }),
    submissions: t.relatedConnection('submissions', {
      description: 'Submissions to the forum and its sessions, newest first.',
      cursor: 'id',
      totalCount: true,
      query: () => ({ orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] }),
    }),
  }),
});

builder.prismaObject('SessionRepresentative', {
  description: 'A staff member attending a forum session for the government.',
  fields: (t) => ({ staff: t.relation('staff', { description: 'The staff member.' }) }),
});

const ForumSessionRef = builder.prismaNode('ForumSession', {
  id: nodeId,
  description: 'A scheduled forum session (public consultation, musrenbang) in a kecamatan.',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'Its title.' }),
    agenda: t.exposeString('agenda', { description: 'What will be discussed.' }),
    startsAt: t.expose('startsAt', { type: 'DateTime', description: 'When it starts.' }),
    place: t.exposeString('place', { description: 'Where it takes place (address or venue).' }),
    district: t.relation('district', {
      nullable: true,
      description: 'The kecamatan it is held in; null for a city-wide session.',
    }),
    forum: t.relation('forum', { description: 'The forum it belongs to.' }),
    minutes: t.string({
      nullable: true,
      description: 'Published minutes (notulen); null until published.',
      resolve: (s) => (s.minutesPublishedAt ? s.minutes : null),
    }),
    minutesPublishedAt: t.expose('minutesPublishedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the minutes were published; null before.',
    }),
    representatives: t.relation('representatives', {
      description: 'Staff attending as the government’s representatives.',
    }),
    submissions: t.relatedConnection('submissions', {
      description: 'Submissions made to this session, newest first.',
      cursor: 'id',
      totalCount: true,
      query: () => ({ orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] }),
    }),
  }),
});

// Forums and their sessions are public (UU 25/2009 participation).
nodeVisibility(ForumRef, EVERYONE);
nodeVisibility(ForumSessionRef, EVERYONE);

builder.queryFields((t) => ({
  forumSessions: t.prismaConnection({
    type: ForumSessionRef,
    cursor: 'id',
    description:
      'Sessions of every forum in the order they are held (earliest start first); public. `districtCode` narrows to one kecamatan; `totalCount` counts what the filter matches.',
    args: {
      districtCode: t.arg.string({
        description:
          'Only sessions held in this kecamatan (code, case-insensitive); an unknown code gives none.',
      }),
    },
    ...filteredList(
      (ctx) => ctx.prisma.forumSession,
      (args: { districtCode?: string | null }) =>
        args.districtCode ? { district: { code: args.districtCode.trim().toUpperCase() } } : {},
      [{ startsAt: 'asc' }, { id: 'asc' }],
    ),
  }),
  forums: t.prismaConnection({
    type: 'Forum',
    cursor: 'id',
    description: 'Every forum, by slug; public.',
    totalCount: (_root, _args, ctx) => ctx.prisma.forum.count(),
    resolve: (query, _root, _args, ctx) => ctx.prisma.forum.findMany({ ...query, orderBy: { slug: 'asc' } }),
  }),
  forum: t.prismaField({
    type: 'Forum',
    nullable: true,
    description: 'One forum by slug; null when there is none.',
    args: {
      slug: t.arg.string({
        required: true,
        description: 'The forum’s slug (normalised: case and spaces do not matter).',
      }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.forum.findUnique({ ...query, where: { slug: normalizeForumSlug(args.slug) } }),
  }),
}));

const CreateForumInput = builder.inputType('CreateForumInput', {
  description: 'A new standing forum.',
  fields: (t) => ({
    slug: t.string({
      required: true,
      description:
        'Lowercase letters, digits and dashes, at most 60 characters, e.g. "pelayanan-perizinan"; a taken slug gives ConflictError.',
    }),
    title: t.string({ required: true, description: 'Title, 3–200 characters.' }),
    description: t.string({ required: true, description: 'What the forum is about, 3–5000 characters.' }),
    unitCode: t.string({ required: true, description: 'The unit that answers its submissions (unit code).' }),
    answerDays: t.int({
      defaultValue: FORUM_ANSWER_DAYS.default,
      description:
        'Working days to answer publicly (1–60, default 14); outside the range gives ValidationError.',
    }),
  }),
});

const CreateForumPayload = entityPayload('CreateForumPayload', 'The forum just created.', {
  forum: { type: 'Forum', id: 'forumId', description: 'The new forum.' },
});

builder.mutationField('createForum', (t) =>
  t.field({
    type: CreateForumPayload,
    description: 'Open a standing forum for a topic or a unit. Admins only.',
    authScopes: { admin: true },
    errors: { types: [ValidationError, ConflictError] },
    ...commandInput(t, CreateForumInput, 'The forum.', createForum),
  }),
);

const ScheduleForumSessionInput = builder.inputType('ScheduleForumSessionInput', {
  description: 'A new session of a forum.',
  fields: (t) => ({
    forumId: t.globalID({
      required: true,
      description: 'Global ID of the forum; unknown gives NotFoundError.',
    }),
    title: t.string({ required: true, description: 'Title of the session.' }),
    agenda: t.string({ required: true, description: 'What will be discussed.' }),
    startsAt: t.field({ type: 'DateTime', required: true, description: 'When it starts.' }),
    districtCode: t.string({ description: 'Code of the kecamatan it is held in; leave out for city-wide.' }),
    place: t.string({ required: true, description: 'Address or venue.' }),
    representativeIds: t.globalIDList({
      required: true,
      description: 'Global IDs of the staff attending for the government; unknown staff give NotFoundError.',
    }),
  }),
});

const ForumSessionPayload = entityPayload('ForumSessionPayload', 'The session after the change.', {
  session: { type: ForumSessionRef, id: 'sessionId', description: 'The session as it is now.' },
});

builder.mutationField('scheduleForumSession', (t) =>
  t.field({
    type: ForumSessionPayload,
    description:
      'Schedule a forum session with its staff representatives. Staff of the forum’s unit, or admins.',
    authScopes: { admin: true, staff: true },
    errors: { types: [ValidationError, NotFoundError] },
    ...commandInput(t, ScheduleForumSessionInput, 'The session.', (deps, caller, input) =>
      scheduleForumSession(deps, caller, {
        ...input,
        forumId: input.forumId.id,
        representativeIds: input.representativeIds.map((g) => g.id),
      }),
    ),
  }),
);
builder.mutationField('publishSessionMinutes', (t) =>
  t.field({
    type: ForumSessionPayload,
    description: 'Publish the minutes (notulen) of a session. Staff of the forum’s unit, or admins.',
    authScopes: { admin: true, staff: true },
    errors: { types: [ValidationError, NotFoundError] },
    ...commandArgs(
      {
        sessionId: nodeIdArg(t, ForumSessionRef, 'Global ID of the session.'),
        minutes: t.arg.string({
          required: true,
          description: 'The minutes (notulen), published as written.',
        }),
      },
      (deps, caller, args) =>
        publishSessionMinutes(deps, caller, { sessionId: args.sessionId.id, minutes: args.minutes }),
    ),
  }),
);
