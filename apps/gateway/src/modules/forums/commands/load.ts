// Loads the forum commands share, inside their transaction: a NotFoundError for an unknown id.
import { NotFoundError } from '../../../graphql/errors.js';
import type { TransactionClient } from '../../../platform/audited.js';

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
