import { describe, expect, it } from 'vitest';
import { actsForUnit, isModerator } from './access.js';

const account = (role: 'CITIZEN' | 'STAFF' | 'SUPERVISOR' | 'ADMIN', unitId: string | null = 'u1') =>
  ({ kind: 'account', role, unitId }) as const;

describe('access rules', () => {
  it('admins act for every unit; staff and supervisors for their own', () => {
    expect(actsForUnit(account('ADMIN', null), 'u2')).toBe(true);
    expect(actsForUnit(account('STAFF'), 'u1')).toBe(true);
    expect(actsForUnit(account('SUPERVISOR'), 'u1')).toBe(true);
    expect(actsForUnit(account('STAFF'), 'u2')).toBe(false);
    expect(actsForUnit(account('CITIZEN'), 'u1')).toBe(false);
    expect(actsForUnit({ kind: 'system' }, 'u1')).toBe(false);
    expect(actsForUnit({ kind: 'anonymous' }, 'u1')).toBe(false);
  });

  it('every account but a citizen moderates', () => {
    expect(isModerator(account('STAFF'))).toBe(true);
    expect(isModerator(account('ADMIN'))).toBe(true);
    expect(isModerator(account('CITIZEN'))).toBe(false);
    expect(isModerator({ kind: 'system' })).toBe(false);
  });
});
