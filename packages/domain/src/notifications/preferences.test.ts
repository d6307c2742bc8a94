import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from './catalogue.js';
import { NOTIFICATION_KIND_SETTINGS, notificationKindsFor } from './preferences.js';

describe('notification settings', () => {
  it('names every kind in both languages', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const { label } = NOTIFICATION_KIND_SETTINGS[kind];
      expect(label.id.length).toBeGreaterThan(3);
      expect(label.en.length).toBeGreaterThan(3);
    }
  });

  it('lists for each role the kinds that can reach it', () => {
    const citizen = notificationKindsFor('CITIZEN');
    expect(citizen).toContain('REQUEST_RETURNED');
    expect(citizen).toContain('SUBMISSION_ANSWERED');
    expect(citizen).not.toContain('REQUEST_ASSIGNED');
    expect(notificationKindsFor('STAFF')).toEqual([
      'REQUEST_ASSIGNED',
      'REQUEST_RESUBMITTED',
      'REQUEST_REOPENED',
      'REQUEST_DUE_SOON',
      'REQUEST_OVERDUE',
    ]);
    expect(notificationKindsFor('SUPERVISOR')).toContain('SUPERVISOR_DIGEST');
    expect(notificationKindsFor('SUPERVISOR')).toContain('REQUEST_OVERDUE');
    expect(notificationKindsFor('NOBODY')).toEqual([]);
    // Every kind reaches someone: an account's role, or else (REQUEST_COMPLETED) a reporter known
    // only by a contact address, whose settings are the link in the mail.
    expect(notificationKindsFor('CITIZEN')).not.toContain('REQUEST_COMPLETED');
    const all = new Set(['CITIZEN', 'STAFF', 'SUPERVISOR'].flatMap(notificationKindsFor));
    expect([...all, 'REQUEST_COMPLETED'].sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });
});
