import { describe, expect, it } from 'vitest';
import { actsAsRequestSupervisor, type LadderPosition } from './escalation-authority.js';

const BIDANG = 'bidang';
const DINAS = 'dinas';
const at = (escalationLevel: LadderPosition['escalationLevel'], escalationUnitId: string | null = null) => ({
  unitId: BIDANG,
  escalationLevel,
  escalationUnitId,
});

describe('actsAsRequestSupervisor: each level of the ladder acts on what climbed to it', () => {
  const head = { role: 'SUPERVISOR', unitId: DINAS } as const;

  it('the supervisor of the request’s unit and admins always', () => {
    for (const level of [null, 'UNIT_SUPERVISOR', 'AGENCY_HEAD', 'COORDINATOR'] as const) {
      expect(actsAsRequestSupervisor({ role: 'SUPERVISOR', unitId: BIDANG }, at(level, DINAS))).toBe(true);
      expect(actsAsRequestSupervisor({ role: 'ADMIN', unitId: null }, at(level, DINAS))).toBe(true);
    }
  });

  it('the head of the agency once it climbed to them, and still at the coordinator', () => {
    expect(actsAsRequestSupervisor(head, at(null))).toBe(false);
    expect(actsAsRequestSupervisor(head, at('UNIT_SUPERVISOR', BIDANG))).toBe(false);
    expect(actsAsRequestSupervisor(head, at('AGENCY_HEAD', DINAS))).toBe(true);
    expect(actsAsRequestSupervisor(head, at('COORDINATOR', DINAS))).toBe(true);
    // Another agency's head does not.
    expect(actsAsRequestSupervisor({ role: 'SUPERVISOR', unitId: 'other' }, at('AGENCY_HEAD', DINAS))).toBe(
      false,
    );
  });

  it('staff and citizens never act as the supervisor, whatever the level', () => {
    for (const role of ['STAFF', 'CITIZEN'] as const) {
      expect(actsAsRequestSupervisor({ role, unitId: DINAS }, at('AGENCY_HEAD', DINAS))).toBe(false);
      expect(actsAsRequestSupervisor({ role, unitId: BIDANG }, at('AGENCY_HEAD', DINAS))).toBe(false);
    }
    expect(actsAsRequestSupervisor({ role: 'SUPERVISOR', unitId: null }, at('AGENCY_HEAD', DINAS))).toBe(
      false,
    );
  });
});
