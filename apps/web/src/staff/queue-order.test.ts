import { describe, expect, it } from 'vitest';
import { type QueueRow, queueOrder } from './queue-order.ts';

const row = (code: string, over: Partial<QueueRow>): QueueRow & { code: string } => ({
  code,
  state: 'SUBMITTED',
  submittedAt: '2026-11-02T02:00:00Z',
  verificationDueOn: '2026-11-05',
  verificationOverdue: false,
  completionDueOn: null,
  completionOverdue: false,
  ...over,
});

describe('queueOrder', () => {
  it('puts escalated first, then overdue, then the nearest deadline, then the oldest', () => {
    const rows = [
      row('later', { state: 'IN_PROGRESS', completionDueOn: '2026-12-20' }),
      row('sooner', { state: 'VERIFIED', completionDueOn: '2026-11-20' }),
      row('overdue', { verificationOverdue: true, verificationDueOn: '2026-10-30' }),
      row('escalated', { state: 'ESCALATED', completionDueOn: '2026-12-30' }),
      row('same-day-newer', {
        completionDueOn: '2026-11-20',
        state: 'VERIFIED',
        submittedAt: '2026-11-03T02:00:00Z',
      }),
      row('late-completion', {
        state: 'IN_PROGRESS',
        completionDueOn: '2026-11-01',
        completionOverdue: true,
      }),
    ];
    expect(rows.sort(queueOrder).map((r) => r.code)).toEqual([
      'escalated',
      'overdue',
      'late-completion',
      'sooner',
      'same-day-newer',
      'later',
    ]);
  });
});
