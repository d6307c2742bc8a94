// Staff search by name and NIP (staffMembers filter.search) and the staff and training (JP) CSV
// downloads, with the same authorisation as the fields they mirror (issue 21 item 7).
import { testDatabaseKinds } from '@layanan/db/testing';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { STAFF_NIP } from '../../testing/accounts.js';
import { useHarness } from '../../testing/use-harness.js';

const SEARCH = `query($filter: StaffFilter) {
  staffMembers(first: 50, filter: $filter) { totalCount edges { node { name nip unit { code } } } }
}`;

describe.each(testDatabaseKinds())('staff search and CSV downloads on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['admin', 'hendra', 'yulia', 'dewi'] });
  const download = (path: string, token?: string) =>
    h.gateway.fetch(`http://layanan.test${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const rowsOf = async (response: Response): Promise<string[][]> =>
    parse((await response.text()).replace(/^\uFEFF/, ''));

  it('finds staff by part of the name (any case) and by NIP digits, the latter for managers only', async () => {
    const byName = await h.gql(SEARCH, { filter: { search: 'YUL' } }, { token: t.yulia });
    expect(byName.body.data.staffMembers.edges.map((e: any) => e.node.name)).toEqual([
      expect.stringMatching(/Yulia/),
    ]);
    const digits = STAFF_NIP.rahmat.slice(4, 12).replace(/(\d{4})/, '$1 ');
    const byNip = await h.gql(SEARCH, { filter: { search: digits } }, { token: t.hendra });
    expect(byNip.body.data.staffMembers.edges.map((e: any) => e.node.nip)).toContain(STAFF_NIP.rahmat);
    // Supervisors search their own unit tree only; staff may not probe NIPs.
    const otherUnit = await h.gql(SEARCH, { filter: { search: STAFF_NIP.dewi } }, { token: t.hendra });
    expect(otherUnit.body.data.staffMembers.totalCount).toBe(0);
    const asStaff = await h.gql(SEARCH, { filter: { search: STAFF_NIP.rahmat } }, { token: t.yulia });
    expect(asStaff.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('downloads the staff register the caller manages, filtered like staffMembers', async () => {
    const file = await download('/reports/staff.csv?unit=DPMPTSP', t.hendra);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="staff-dpmptsp.csv"');
    const rows = await rowsOf(file);
    expect(rows[0]).toEqual(['NIP', 'Nama', 'Jenis', 'Jabatan', 'Pangkat/golongan', 'Kode unit', 'Unit']);
    const list = await h.gql(SEARCH, { filter: { unitCode: 'DPMPTSP' } }, { token: t.hendra });
    expect(rows.slice(1).map((r) => r[1])).toEqual(
      list.body.data.staffMembers.edges.map((e: any) => e.node.name),
    );
    // Without a unit a supervisor still gets only their own tree; `q` is the same search.
    const mine = await rowsOf(await download('/reports/staff.csv', t.hendra));
    expect(mine.slice(1).every((r) => r[5] === 'DPMPTSP')).toBe(true);
    const one = await rowsOf(await download(`/reports/staff.csv?q=${STAFF_NIP.rahmat}`, t.hendra));
    expect(one.slice(1).map((r) => r[0])).toEqual([STAFF_NIP.rahmat]);
    const all = await rowsOf(await download('/reports/staff.csv', t.admin));
    expect(new Set(all.slice(1).map((r) => r[5]))).toContain('DISDUKCAPIL');

    expect((await download('/reports/staff.csv')).status).toBe(401);
    expect((await download('/reports/staff.csv', t.yulia)).status).toBe(403);
  });

  it('downloads the JP list as trainingComplianceReport computes it, in the caller’s language', async () => {
    const year = new Date().getFullYear();
    const file = await h.gateway.fetch(`http://layanan.test/reports/training.csv?unit=DPMPTSP&year=${year}`, {
      headers: { authorization: `Bearer ${t.hendra}`, 'accept-language': 'en' },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="training-jp-dpmptsp-${year}.csv"`,
    );
    const rows = await rowsOf(file);
    expect(rows[0]).toEqual(['NIP', 'Name', 'Unit code', 'Year', 'JP', 'JP short', 'Meets the 20 JP right']);
    const report = await h.gql(
      `query($year: Int) { trainingComplianceReport(unitCode: "DPMPTSP", year: $year) {
        ... on TrainingComplianceReport { staff { staff { name } jp compliant } } } }`,
      { year },
      { token: t.hendra },
    );
    const expected = report.body.data.trainingComplianceReport.staff;
    expect(rows.slice(1).map((r) => [r[1], Number(r[4]), r[6]])).toEqual(
      expected.map((s: any) => [s.staff.name, s.jp, s.compliant ? 'Yes' : 'No']),
    );
    expect(rows.slice(1).map((r) => r[0])).toContain(STAFF_NIP.yulia);

    expect((await download('/reports/training.csv?unit=DPMPTSP', t.dewi)).status).toBe(403);
    expect((await download('/reports/training.csv?unit=NOPE', t.admin)).status).toBe(404);
    const badYear = await download('/reports/training.csv?year=12', t.admin);
    expect(badYear.status).toBe(400);
  });
});
