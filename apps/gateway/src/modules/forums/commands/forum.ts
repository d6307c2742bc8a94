// Forums and their sessions: open a forum, schedule a session, publish its minutes.
import {
  forumSlugTaken,
  validateForumSession,
  validateNewForum,
  validateSessionMinutes,
} from '@layanan/domain/forums';
import { isUniqueViolation, NotFoundError } from '../../../graphql/errors.js';
import { failure, validationFailed } from '../../../graphql/failures.js';
import { audited } from '../../../platform/audited.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { requireActsForUnit } from '../access.js';
import { loadForum } from './load.js';

export type CreateForumInput = {
  slug: string;
  title: string;
  description: string;
  unitCode: string;
  answerDays?: number | null;
};

/** Opens a forum (admins; the resolver's auth scope checks that). Throws FORUM_INVALID fields or FORUM_SLUG_TAKEN. */
export function createForum(deps: CommandDeps, caller: Caller, input: CreateForumInput) {
  return audited(auditScope(deps, caller), { action: 'createForum', entityType: 'Forum' }, async (tx) => {
    const unit = await tx.unit.findUnique({ where: { code: input.unitCode.trim().toUpperCase() } });
    const checked = validateNewForum({ ...input, unitKnown: unit !== null });
    if (!checked.ok || !unit) throw validationFailed(checked.ok ? [] : checked.error.fields);
    const forum = checked.value;
    if (await tx.forum.findUnique({ where: { slug: forum.slug } })) throw failure(forumSlugTaken(forum.slug));
    // Two admins creating the same slug at once: the unique index decides, the loser gets the
    // same typed conflict (found by the fuzzer).
    const row = await tx.forum.create({ data: { ...forum, unitId: unit.id } }).catch((error: unknown) => {
      throw isUniqueViolation(error) ? failure(forumSlugTaken(forum.slug)) : error;
    });
    return { result: { forumId: row.id }, entityId: row.id, after: row };
  });
}

export type ScheduleForumSessionInput = {
  forumId: string;
  title: string;
  agenda: string;
  startsAt: Date;
  districtCode?: string | null;
  place: string;
  representativeIds: readonly string[];
};

/** Schedules a session with its staff representatives: staff of the forum's unit, or admins. */
export function scheduleForumSession(deps: CommandDeps, caller: Caller, input: ScheduleForumSessionInput) {
  return audited(
    auditScope(deps, caller),
    { action: 'scheduleForumSession', entityType: 'ForumSession' },
    async (tx) => {
      const forum = await loadForum(tx, input.forumId);
      requireActsForUnit(caller, forum.unitId);
      const district = input.districtCode
        ? await tx.district.findUnique({ where: { code: input.districtCode.trim().toUpperCase() } })
        : null;
      const staffIds = [...new Set(input.representativeIds)];
      const staff = await tx.staff.findMany({ where: { id: { in: staffIds }, active: true } });
      const checked = validateForumSession({
        ...input,
        districtKnown: !input.districtCode || district !== null,
        representativesActive: staff.length === staffIds.length,
      });
      if (!checked.ok) throw validationFailed(checked.error.fields);
      const session = await tx.forumSession.create({
        data: {
          ...checked.value,
          forumId: forum.id,
          startsAt: input.startsAt,
          districtId: district?.id ?? null,
          representatives: { create: staffIds.map((staffId) => ({ staffId })) },
        },
      });
      return { result: { sessionId: session.id }, entityId: session.id, after: session };
    },
  );
}

/** Publishes the minutes (notulen) of a session: staff of the forum's unit, or admins. */
export function publishSessionMinutes(
  deps: CommandDeps,
  caller: Caller,
  input: { sessionId: string; minutes: string },
) {
  return audited(
    auditScope(deps, caller),
    { action: 'publishSessionMinutes', entityType: 'ForumSession' },
    async (tx) => {
      const before = await tx.forumSession.findUnique({
        where: { id: input.sessionId },
        include: { forum: { select: { unitId: true } } },
      });
      if (!before) throw new NotFoundError('ForumSession', input.sessionId);
      requireActsForUnit(caller, before.forum.unitId);
      const minutes = validateSessionMinutes(input.minutes);
      if (!minutes.ok) throw validationFailed(minutes.error.fields);
      const after = await tx.forumSession.update({
        where: { id: before.id },
        data: { minutes: minutes.value, minutesPublishedAt: deps.now() },
      });
      const { forum: _forum, ...plain } = before;
      return { result: { sessionId: after.id }, entityId: after.id, before: plain, after };
    },
  );
}
