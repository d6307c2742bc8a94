// The work queue's order: escalated first, then overdue, then by the nearest deadline, then oldest.
export type QueueRow = {
  state: string;
  submittedAt: string;
  verificationDueOn: string;
  verificationOverdue: boolean;
  completionDueOn: string | null;
  completionOverdue: boolean;
};

export function queueOrder(a: QueueRow, b: QueueRow): number {
  const rank = (r: QueueRow) =>
    r.state === 'ESCALATED' ? 0 : r.completionOverdue || r.verificationOverdue ? 1 : 2;
  const due = (r: QueueRow) => r.completionDueOn ?? r.verificationDueOn;
  return rank(a) - rank(b) || due(a).localeCompare(due(b)) || a.submittedAt.localeCompare(b.submittedAt);
}
