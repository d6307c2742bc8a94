import { describe, expect, it } from 'vitest';
import { FORUM_NOTIFICATION_KINDS, forumNotificationText } from './notifications.js';

describe('forum notifications', () => {
  it('writes each kind in Indonesian and English', () => {
    expect(
      forumNotificationText({ kind: 'SUBMISSION_ANSWERED', title: 'Jalan', status: 'ACCEPTED' }),
    ).toEqual({
      id: 'Usulan "Jalan" dijawab: Diterima',
      en: '"Jalan" was answered: Accepted',
    });
    expect(forumNotificationText({ kind: 'COMMITMENT_PROGRESS', title: 'Jalan', progress: 40 }).id).toBe(
      'Progres tindak lanjut "Jalan": 40%',
    );
    expect(
      forumNotificationText({ kind: 'COMMITMENT_CREATED', title: 'Jalan', dueOn: '2026-12-01' }).en,
    ).toBe('A follow-up of "Jalan" is due by 2026-12-01');
    expect(forumNotificationText({ kind: 'SUBMISSION_HIDDEN', title: 'X', reason: 'SARA' }).id).toBe(
      'Kiriman "X" disembunyikan: SARA',
    );
  });

  it('has a text for every kind', () => {
    const events = {
      SUBMISSION_ANSWERED: { status: 'REJECTED' },
      SUBMISSION_HIDDEN: { reason: 'r' },
      COMMITMENT_CREATED: { dueOn: '2026-12-01' },
      COMMITMENT_PROGRESS: { progress: 1 },
      COMMITMENT_DONE: {},
      COMMITMENT_CANCELLED: { reason: 'r' },
    } as const;
    for (const kind of FORUM_NOTIFICATION_KINDS) {
      const text = forumNotificationText({ kind, title: 'T', ...events[kind] } as never);
      expect(text.id).toContain('"T"');
      expect(text.en).toContain('"T"');
    }
  });
});
