import { parseDay } from '@layanan/domain/calendar';
import { builder } from '../../graphql/builder.js';
import { ConflictError, isUniqueViolation, NotFoundError, ValidationError } from '../../graphql/errors.js';
import { audited } from '../../platform/audited.js';
import { actsForUnit, forbidden } from '../../platform/authz.js';

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
      ctx.prisma.forum.findUnique({ ...query, where: { slug: args.slug.trim().toLowerCase() } }),
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
    answerDays: t.int({ defaultValue: 14, description: 'Working days to answer publicly (1–60).' }),
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
    resolve: async (_root, { input }, ctx) =>
      audited(ctx, { action: 'createForum', entityType: 'Forum' }, async (tx) => {
        const slug = input.slug.trim().toLowerCase();
        const answerDays = input.answerDays ?? 14;
        const problems = [
          ...textProblem('title', input.title, 200),
          ...textProblem('description', input.description, 5000),
        ];
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > 60) {
          problems.push({
            field: 'slug',
            code: 'INVALID_FORMAT',
            messageId: 'Hanya huruf kecil, angka dan tanda hubung, maksimal 60 karakter.',
            messageEn: 'Only lowercase letters, digits and dashes, at most 60 characters.',
          });
        }
        if (!Number.isInteger(answerDays) || answerDays < 1 || answerDays > 60) {
          problems.push({
            field: 'answerDays',
            code: 'OUT_OF_RANGE',
            messageId: 'Batas jawab harus 1–60 hari kerja.',
            messageEn: 'The answer deadline must be 1–60 working days.',
          });
        }
        const unit = await tx.unit.findUnique({ where: { code: input.unitCode.trim().toUpperCase() } });
        if (!unit) {
          problems.push({
            field: 'unitCode',
            code: 'NOT_ALLOWED',
            messageId: 'Unit kerja tidak dikenal.',
            messageEn: 'Unknown work unit.',
          });
        }
        if (problems.length > 0 || !unit) throw ValidationError.fromFields(problems);
        const slugTaken = () =>
          new ConflictError(
            'FORUM_SLUG_TAKEN',
            `Alamat forum "${slug}" sudah dipakai.`,
            `The forum address "${slug}" is already taken.`,
          );
        if (await tx.forum.findUnique({ where: { slug } })) throw slugTaken();
        // Two admins creating the same slug at once: the unique index decides, the loser gets the
        // same typed conflict (found by the fuzzer).
        const forum = await tx.forum
          .create({
            data: {
              slug,
              title: input.title.trim(),
              description: input.description.trim(),
              unitId: unit.id,
              answerDays,
            },
          })
          .catch((error: unknown) => {
            throw isUniqueViolation(error) ? slugTaken() : error;
          });
        return { result: { forumId: forum.id }, entityId: forum.id, after: forum };
      }),
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

function textProblem(field: string, value: string, max: number) {
  const length = value.trim().length;
  if (length >= 3 && length <= max) return [];
  return [
    {
      field,
      code: length < 3 ? 'TOO_SHORT' : 'TOO_LONG',
      messageId: `Harus 3–${max} karakter.`,
      messageEn: `Must be 3–${max} characters.`,
    },
  ];
}

builder.mutationField('scheduleForumSession', (t) =>
  t.field({
    type: ForumSessionPayload,
    description:
      'Schedule a forum session with its staff representatives. Staff of the forum’s unit, or admins.',
    authScopes: { admin: true, staff: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: ScheduleForumSessionInput, required: true }) },
    resolve: async (_root, { input }, ctx) =>
      audited(ctx, { action: 'scheduleForumSession', entityType: 'ForumSession' }, async (tx) => {
        const forum = await tx.forum.findUnique({ where: { id: input.forumId.id } });
        if (!forum) throw new NotFoundError('Forum', input.forumId.id);
        if (!actsForUnit(ctx.identity, forum.unitId)) throw forbidden();
        const problems = [
          ...textProblem('title', input.title, 200),
          ...textProblem('agenda', input.agenda, 5000),
          ...textProblem('place', input.place, 200),
        ];
        const district = input.districtCode
          ? await tx.district.findUnique({ where: { code: input.districtCode.trim().toUpperCase() } })
          : null;
        if (input.districtCode && !district) {
          problems.push({
            field: 'districtCode',
            code: 'NOT_ALLOWED',
            messageId: 'Kecamatan tidak dikenal.',
            messageEn: 'Unknown district (kecamatan).',
          });
        }
        const staffIds = [...new Set(input.representativeIds.map((g) => g.id))];
        const staff = await tx.staff.findMany({ where: { id: { in: staffIds }, active: true } });
        if (staff.length !== staffIds.length) {
          problems.push({
            field: 'representativeIds',
            code: 'NOT_ALLOWED',
            messageId: 'Setiap perwakilan harus pegawai aktif dalam daftar pegawai.',
            messageEn: 'Every representative must be active staff in the register.',
          });
        }
        if (problems.length > 0) throw ValidationError.fromFields(problems);
        const session = await tx.forumSession.create({
          data: {
            forumId: forum.id,
            title: input.title.trim(),
            agenda: input.agenda.trim(),
            startsAt: input.startsAt,
            districtId: district?.id ?? null,
            place: input.place.trim(),
            representatives: { create: staffIds.map((staffId) => ({ staffId })) },
          },
        });
        return { result: { sessionId: session.id }, entityId: session.id, after: session };
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
    resolve: async (_root, args, ctx) =>
      audited(ctx, { action: 'publishSessionMinutes', entityType: 'ForumSession' }, async (tx) => {
        const before = await tx.forumSession.findUnique({
          where: { id: args.sessionId.id },
          include: { forum: { select: { unitId: true } } },
        });
        if (!before) throw new NotFoundError('ForumSession', args.sessionId.id);
        if (!actsForUnit(ctx.identity, before.forum.unitId)) throw forbidden();
        const problems = textProblem('minutes', args.minutes, 50_000);
        if (problems.length > 0) throw ValidationError.fromFields(problems);
        const after = await tx.forumSession.update({
          where: { id: before.id },
          data: { minutes: args.minutes.trim(), minutesPublishedAt: new Date() },
        });
        const { forum: _forum, ...plain } = before;
        return { result: { sessionId: after.id }, entityId: after.id, before: plain, after };
      }),
  }),
);

/** Parses a YYYY-MM-DD input or reports it as a field problem. */
export function dayInput(field: string, value: string): string {
  const parsed = parseDay(value);
  if (!parsed.ok) throw ValidationError.fromDomain(parsed.error, field);
  return value;
}
