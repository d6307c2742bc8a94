// Complaint managers (issue 20 item 1): designated by Staff node id, by an admin or a supervisor
// of the unit; listed on the unit (Unit.complaintManagers) for those who may designate them, null
// for everyone else; the list is read in one query with the unit (Prisma plugin, no N+1).
import type { QueryEvent } from '@layanan/db';
import { testDatabaseKinds } from '@layanan/db/testing';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { STAFF_NIP } from '../../testing/accounts.js';
import { useHarness } from '../../testing/use-harness.js';

const SET = `mutation($input: SetComplaintManagerInput!) { setComplaintManager(input: $input) {
  __typename
  ... on ComplaintManagerPayload { staff { name } }
  ... on Failure { code }
} }`;
const MANAGERS = `query($c: String!) { unit(code: $c) { code complaintManagers { id name } } }`;
const UNITS = `query($first: Int!) { units(first: $first) { edges { node { code complaintManagers { name } } } } }`;

describe.each(testDatabaseKinds())('complaint managers on %s', (kind) => {
  const statements: QueryEvent[] = [];
  const { h, t } = useHarness(kind, {
    onQuery: (e) => statements.push(e),
    login: ['warga', 'yulia', 'hendra', 'dewi', 'admin'],
  });

  const staffId = async (nip: string) =>
    (await h.db.prisma.staff.findUniqueOrThrow({ where: { nip }, select: { id: true } })).id;

  it('are set by Staff node id by the unit’s supervisor or an admin, and listed only to them', async () => {
    const yulia = await staffId(STAFF_NIP.yulia);
    const dewi = await staffId(STAFF_NIP.dewi);
    const yuliaNode = encodeGlobalID('Staff', yulia);

    // A raw database id is no longer accepted: global ids only, as every other mutation.
    const raw = await h.gql(SET, { input: { staffId: yulia, manager: true } }, { token: t.admin });
    expect(raw.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Another node's id names no staff member.
    const unitNode = encodeGlobalID('Unit', yulia);
    const wrongType = await h.gql(SET, { input: { staffId: unitNode, manager: true } }, { token: t.admin });
    expect(wrongType.body.data.setComplaintManager.__typename).toBe('NotFoundError');

    // Staff, citizens and a supervisor of another unit tree may not; DPMPTSP's supervisor may.
    for (const token of [t.yulia, t.warga, t.dewi]) {
      const refused = await h.gql(SET, { input: { staffId: yuliaNode, manager: true } }, { token });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const byHendra = await h.gql(SET, { input: { staffId: yuliaNode, manager: true } }, { token: t.hendra });
    expect(byHendra.body.data.setComplaintManager).toMatchObject({
      __typename: 'ComplaintManagerPayload',
      staff: { name: expect.stringContaining('Yulia') },
    });
    // Nobody designates themselves: a designation opens confidential reporters' identities.
    const hendraNode = encodeGlobalID('Staff', await staffId(STAFF_NIP.hendra));
    const self = await h.gql(SET, { input: { staffId: hendraNode, manager: true } }, { token: t.hendra });
    expect(self.body.data.setComplaintManager).toMatchObject({
      __typename: 'ConflictError',
      code: 'COMPLAINT_MANAGER_SELF',
    });
    const dewiNode = encodeGlobalID('Staff', dewi);
    const otherUnit = await h.gql(SET, { input: { staffId: dewiNode, manager: true } }, { token: t.hendra });
    expect(otherUnit.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byAdmin = await h.gql(SET, { input: { staffId: dewiNode, manager: true } }, { token: t.admin });
    expect(byAdmin.body.data.setComplaintManager.__typename).toBe('ComplaintManagerPayload');

    // Listed to the unit's supervisor and admins; null to its staff, other staff, citizens, the public.
    for (const token of [t.hendra, t.admin]) {
      const listed = await h.gql(MANAGERS, { c: 'DPMPTSP' }, { token });
      expect(listed.body.data.unit.complaintManagers).toEqual([
        { id: yuliaNode, name: expect.stringContaining('Yulia') },
      ]);
    }
    for (const auth of [{ token: t.yulia }, { token: t.dewi }, { token: t.warga }, undefined]) {
      const hidden = await h.gql(MANAGERS, { c: 'DPMPTSP' }, auth);
      expect(hidden.body.errors).toBeUndefined();
      expect(hidden.body.data.unit.complaintManagers).toBeNull();
    }
    // Hendra does not supervise DISDUKCAPIL: null there; the admin sees Dewi.
    expect(
      (await h.gql(MANAGERS, { c: 'DISDUKCAPIL' }, { token: t.hendra })).body.data.unit.complaintManagers,
    ).toBeNull();
    expect(
      (await h.gql(MANAGERS, { c: 'DISDUKCAPIL' }, { token: t.admin })).body.data.unit.complaintManagers,
    ).toEqual([{ id: dewiNode, name: expect.stringContaining('Dewi') }]);

    // Ending it: off the list; the change is audited with before and after.
    const ended = await h.gql(SET, { input: { staffId: yuliaNode, manager: false } }, { token: t.hendra });
    expect(ended.body.data.setComplaintManager.__typename).toBe('ComplaintManagerPayload');
    const after = await h.gql(MANAGERS, { c: 'DPMPTSP' }, { token: t.admin });
    expect(after.body.data.unit.complaintManagers).toEqual([]);
    const audit = await h.db.prisma.auditEntry.findMany({
      where: { action: 'setComplaintManager', entityId: yulia },
      orderBy: { createdAt: 'asc' },
      select: { before: true, after: true },
    });
    expect(audit.map((a) => a.after)).toEqual([{ complaintManager: true }, { complaintManager: false }]);
    await h.db.prisma.staff.update({ where: { id: dewi }, data: { complaintManager: false } });
  });

  it('reads every unit’s managers with the units: as many statements for 2 units as for all', async () => {
    const count = async (first: number) => {
      statements.length = 0;
      const { body } = await h.gql(UNITS, { first }, { token: t.admin });
      expect(body.errors).toBeUndefined();
      return { statements: statements.length, units: body.data.units.edges.length };
    };
    const few = await count(2);
    const all = await count(50);
    expect(all.units).toBeGreaterThan(few.units);
    expect(all.statements).toBe(few.statements);
  });
});
