import { describe, expect, it } from 'vitest';
import {
  FORUM_NOTIFICATION_KINDS,
  forumNotificationText,
  HIDDEN_SUBMISSION_NOTIFICATION,
  notificationTextFor,
} from './notifications.js';

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
    ).toBe('A follow-up of "Jalan" is due by 1 December 2026');
    expect(
      forumNotificationText({ kind: 'COMMITMENT_CREATED', title: 'Jalan', dueOn: '2026-12-01' }).id,
    ).toBe('Tindak lanjut untuk "Jalan" dijadwalkan sampai 1 Desember 2026');
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

describe('notificationTextFor', () => {
  const stored = { id: 'Usulan "Judul" dijawab: Diterima', en: '"Judul" was answered: Accepted' };
  const hidden = { authorId: 'author', moderation: { hidden: true, reason: 'Kasar' } };

  it('shows a notice without the content to followers once the submission is hidden', () => {
    expect(notificationTextFor(stored, hidden, { userId: 'follower' })).toBe(HIDDEN_SUBMISSION_NOTIFICATION);
    expect(JSON.stringify(notificationTextFor(stored, hidden, {}))).not.toContain('Judul');
  });

  it('keeps the text for the author and moderators, and while the submission is visible', () => {
    expect(notificationTextFor(stored, hidden, { userId: 'author' })).toBe(stored);
    expect(notificationTextFor(stored, hidden, { userId: 'mod', isModerator: true })).toBe(stored);
    expect(notificationTextFor(stored, { authorId: 'author' }, { userId: 'follower' })).toBe(stored);
    expect(notificationTextFor(stored, null, { userId: 'follower' })).toBe(stored);
  });
});
