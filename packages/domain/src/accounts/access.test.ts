import { describe, expect, it } from 'vitest';
import { actsForUnit, isModerator, managedUnits, managesAnyUnit, managesUnit } from './access.js';

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

  it('admins manage every unit, supervisors their unit and the units below it, nobody else any', () => {
    // DPMPTSP with two bidang below it; one of them has a seksi.
    const below: Record<string, string[]> = { dpm: ['bid1', 'bid2'], bid1: ['seksi'], other: [] };
    const subtree = (id: string): Set<string> =>
      new Set([id, ...(below[id] ?? []).flatMap((c) => [...subtree(c)])]);
    expect(managedUnits(account('ADMIN', null), subtree)).toBe('ALL');
    expect([...(managedUnits(account('SUPERVISOR', 'dpm'), subtree) as Set<string>)].sort()).toEqual([
      'bid1',
      'bid2',
      'dpm',
      'seksi',
    ]);
    expect(managesUnit(account('SUPERVISOR', 'bid1'), 'seksi', subtree)).toBe(true);
    expect(managesUnit(account('SUPERVISOR', 'bid1'), 'dpm', subtree)).toBe(false);
    expect(managesUnit(account('SUPERVISOR', null), 'dpm', subtree)).toBe(false);
    expect(managedUnits(account('STAFF', 'dpm'), subtree)).toBeNull();
    expect(managedUnits(account('CITIZEN'), subtree)).toBeNull();
    expect(managedUnits({ kind: 'system' }, subtree)).toBeNull();
    expect(managesAnyUnit(account('ADMIN', null))).toBe(true);
    expect(managesAnyUnit(account('SUPERVISOR', null))).toBe(false);
    expect(managesAnyUnit(account('STAFF'))).toBe(false);
  });
});
