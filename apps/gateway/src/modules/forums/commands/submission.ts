// Citizens' submissions: submit, support (+1), follow; staff hide them and answer them in public.
import type { AnswerStatus, SubmissionKind } from '@layanan/domain/forums';
import {
  answerDueDate,
  answerTransition,
  hideSubmission as checkHide,
  checkSupport,
  FORUM_PHOTO_LIMITS,
  validateSubmission,
  validateSubmissionTitle,
} from '@layanan/domain/forums';
import { isUniqueViolation, NotFoundError } from '../../../graphql/errors.js';
import { failure } from '../../../graphql/failures.js';
import { audited } from '../../../platform/audited.js';
import { dateOnly, loadWorkingCalendar, todayWib } from '../../../platform/calendar.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { audienceOf } from '../../../platform/notify.js';
import type { StagedUpload } from '../../../platform/storage/multipart.js';
import { attachedHashes, recordAttachments, storedUploads } from '../../attachments/record-attachments.js';
import { requireAccount, requireActsForUnit } from '../access.js';
import { loadForum, loadSubmission } from './load.js';
import { auditedNotifying, notifyForum } from './notices.js';

export type SubmitToForumInput = {
  forumId: string;
  sessionId?: string | null;
  kind: SubmissionKind;
  title: string;
  text: string;
  serviceCode?: string | null;
  unitCode?: string | null;
  hideAuthorName?: boolean | null;
  /** Photos (staged uploads), checked and stored under FORUM_PHOTO_LIMITS. */
  attachments?: readonly StagedUpload[] | null;
};

/**
 * A citizen's aspiration or critique. The unit that answers: the named service's, else the named
 * unit, else the forum's; the answer is due `forum.answerDays` working days after today (WIB).
 * Its photos are checked, re-encoded without metadata and stored before the transaction that
 * records them (ATTACHMENT_* ValidationErrors on `attachments[i]`, nothing submitted then).
 */
export async function submitToForum(deps: CommandDeps, caller: Caller, input: SubmitToForumInput) {
  const authorId = requireAccount(caller);
  const checked = validateSubmission({ kind: input.kind, text: input.text });
  if (!checked.ok) throw failure(checked.error, { field: 'text' });
  const title = validateSubmissionTitle(input.title);
  if (!title.ok) throw failure(title.error, { field: 'title' });
  const photos = await storedUploads(deps, input.attachments, FORUM_PHOTO_LIMITS);
  return audited(
    auditScope(deps, caller),
    { action: 'submitToForum', entityType: 'Submission' },
    async (tx) => {
      const forum = await loadForum(tx, input.forumId);
      if (input.sessionId) {
        const session = await tx.forumSession.findFirst({
          where: { id: input.sessionId, forumId: forum.id },
        });
        if (!session) throw new NotFoundError('ForumSession', input.sessionId);
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
      const dueOn = answerDueDate(todayWib(deps.now()), await loadWorkingCalendar(tx), forum.answerDays);
      const row = await tx.submission.create({
        data: {
          forumId: forum.id,
          sessionId: input.sessionId ?? null,
          authorId,
          kind: checked.value.kind,
          title: title.value,
          text: checked.value.text,
          hideAuthorName: input.hideAuthorName ?? false,
          serviceId: service?.id ?? null,
          unitId: service?.unitId ?? aboutUnit?.id ?? forum.unitId,
          answerDueOn: dateOnly(dueOn),
        },
      });
      await recordAttachments(tx, photos, {
        purpose: 'FORUM_SUBMISSION',
        uploader: caller,
        submissionId: row.id,
      });
      return {
        result: { submissionId: row.id },
        entityId: row.id,
        after: { ...row, text: undefined, ...attachedHashes(photos) },
      };
    },
  );
}

/** +1 from a citizen, once per submission (SUBMISSION_ALREADY_SUPPORTED otherwise). */
export async function supportSubmission(deps: CommandDeps, caller: Caller, submissionId: string) {
  const accountId = requireAccount(caller);
  try {
    return await audited(
      auditScope(deps, caller),
      { action: 'supportSubmission', entityType: 'Submission' },
      async (tx) => {
        const submission = await tx.submission.findUnique({
          where: { id: submissionId },
          select: { id: true, supports: { where: { accountId }, select: { accountId: true } } },
        });
        if (!submission) throw new NotFoundError('Submission', submissionId);
        const checked = checkSupport(
          submission.supports.map((s) => s.accountId),
          accountId,
        );
        if (!checked.ok) throw failure(checked.error, { field: 'submissionId' });
        await tx.submissionSupport.create({ data: { submissionId: submission.id, accountId } });
        return { result: { submissionId: submission.id }, entityId: submission.id };
      },
    );
  } catch (error) {
    // The primary key (submission, account) refused a concurrent second +1: the same answer
    // as a sequential one, not a masked error.
    if (!isUniqueViolation(error)) throw error;
    throw failure('SUBMISSION_ALREADY_SUPPORTED', { field: 'submissionId' });
  }
}

/** Follows (notifications for every answer and progress update) or stops following. */
export async function setFollowing(deps: CommandDeps, caller: Caller, submissionId: string, follow: boolean) {
  const accountId = requireAccount(caller);
  const action = follow ? 'followSubmission' : 'unfollowSubmission';
  return audited(auditScope(deps, caller), { action, entityType: 'Submission' }, async (tx) => {
    const submission = await loadSubmission(tx, submissionId);
    const key = { submissionId: submission.id, accountId };
    if (follow) {
      await tx.submissionFollow.upsert({ where: { submissionId_accountId: key }, create: key, update: {} });
    } else {
      await tx.submissionFollow.deleteMany({ where: key });
    }
    return { result: { submissionId: submission.id }, entityId: submission.id };
  });
}

/**
 * Hides abusive content with a reason its author is notified of; nothing is deleted. Only admins
 * and staff of the answering unit (FORBIDDEN for staff of other units). Each hide is appended to
 * the submission's moderation history; a second hide never overwrites the first (its time, reason
 * and moderator stay as they were) and notifies nobody again.
 */
export async function hideSubmission(
  deps: CommandDeps,
  caller: Caller,
  input: { submissionId: string; reason: string },
) {
  const moderatorId = requireAccount(caller);
  const checked = checkHide(input.reason);
  if (!checked.ok) throw failure(checked.error, { field: 'reason' });
  const reason = input.reason.trim();
  return auditedNotifying(
    deps,
    caller,
    { action: 'hideSubmission', entityType: 'Submission' },
    async (tx) => {
      const before = await loadSubmission(tx, input.submissionId);
      requireActsForUnit(caller, before.unitId);
      const record = await tx.submissionModeration.create({
        data: { submissionId: before.id, action: 'HIDE', reason, moderatorAccountId: moderatorId },
      });
      const first = await tx.submission.updateMany({
        where: { id: before.id, hiddenAt: null },
        data: { hiddenAt: record.createdAt, hiddenReason: reason, hiddenById: moderatorId },
      });
      const notes =
        first.count === 1
          ? await notifyForum(tx, [before.authorId], before.id, {
              kind: 'SUBMISSION_HIDDEN',
              title: before.title,
              reason,
            })
          : [];
      const after = await tx.submission.findUniqueOrThrow({ where: { id: before.id } });
      return {
        result: { submissionId: after.id },
        notes,
        entityId: after.id,
        before: { hiddenAt: before.hiddenAt, hiddenReason: before.hiddenReason },
        after: { hiddenAt: after.hiddenAt, hiddenReason: after.hiddenReason, moderation: reason },
      };
    },
  );
}

/**
 * The public answer by staff of the answering unit: accepted, rejected or already planned, with a
 * reason; the author and followers are notified. Of two simultaneous answers exactly one wins
 * (SUBMISSION_ALREADY_ANSWERED for the other).
 */
export async function answerSubmission(
  deps: CommandDeps,
  caller: Caller,
  input: { submissionId: string; status: AnswerStatus; reason: string },
) {
  const staffAccountId = requireAccount(caller);
  return auditedNotifying(
    deps,
    caller,
    { action: 'answerSubmission', entityType: 'Submission' },
    async (tx) => {
      const before = await loadSubmission(tx, input.submissionId);
      requireActsForUnit(caller, before.unitId);
      const transition = answerTransition(before.status, input.status, input.reason);
      if (!transition.ok) throw failure(transition.error, { field: 'status' });
      const reason = input.reason.trim();
      const changed = await tx.submission.updateMany({
        where: { id: before.id, status: 'UNDER_REVIEW' },
        data: {
          status: input.status,
          answerReason: reason,
          answeredAt: deps.now(),
          answeredById: staffAccountId,
        },
      });
      if (changed.count !== 1) throw failure('SUBMISSION_ALREADY_ANSWERED');
      const notes = await notifyForum(tx, await audienceOf(tx, before.id), before.id, {
        kind: 'SUBMISSION_ANSWERED',
        title: before.title,
        status: input.status,
      });
      return {
        result: { submissionId: before.id },
        notes,
        entityId: before.id,
        before: { status: before.status },
        after: { status: input.status, answerReason: reason },
      };
    },
  );
}
