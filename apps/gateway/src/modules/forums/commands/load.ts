// Loads the forum commands share, inside their transaction: a NotFoundError for an unknown id.
import { NotFoundError } from '../../../graphql/errors.js';
import type { TransactionClient } from '../../../platform/audited.js';
import type { Caller } from '../../../platform/command.js';
import { requireActsForUnit } from '../access.js';

export async function loadForum(tx: TransactionClient, forumId: string) {
  const forum = await tx.forum.findUnique({ where: { id: forumId } });
  if (!forum) throw new NotFoundError('Forum', forumId);
  return forum;
}

export async function loadSubmission(tx: TransactionClient, submissionId: string) {
  const submission = await tx.submission.findUnique({ where: { id: submissionId } });
  if (!submission) throw new NotFoundError('Submission', submissionId);
  return submission;
}

/**
 * A commitment to change, with its submission's title and its latest update's day: for staff of
 * its unit or admins (FORBIDDEN for anyone else).
 */
export async function loadCommitment(tx: TransactionClient, caller: Caller, commitmentId: string) {
  const commitment = await tx.commitment.findUnique({
    where: { id: commitmentId },
    include: {
      submission: { select: { title: true } },
      updates: { orderBy: { date: 'desc' }, take: 1, select: { date: true } },
    },
  });
  if (!commitment) throw new NotFoundError('Commitment', commitmentId);
  requireActsForUnit(caller, commitment.unitId);
  return commitment;
}
