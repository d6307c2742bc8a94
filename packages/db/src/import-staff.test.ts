import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importStaff, parseCsv } from './import-staff.js';
import { seed } from './seed.js';
import { runCli } from './test-support/cli.js';
import { useTestDatabase } from './test-support/database.js';
import { useTempDir } from './test-support/fixtures.js';
import { testDatabaseKinds } from './testing.js';

const NOW = '2026-11-27';
const CSV = [
  'NIP;NAMA;GOL_RUANG;TMT_GOLONGAN;JABATAN;KODE_JABATAN;UNOR',
  '19910304 201503 1 002;"Fikri Ramadhan, S.Kom.";III/b;01-04-2019;Pranata Komputer Ahli Pertama;PRANATA_KOMPUTER;DISKOMINFO',
  '199305122017082003;Laila Sari;iii a;2021-04-01;;ANALIS_PERIZINAN;Bidang Pelayanan Perizinan',
  '199510102024212004;Tari Oktaviani;IX;;Pengadministrasi Umum;;DPUPR',
  '198502302010011004;Tanggal Salah;III/c;;Analis;;DPMPTSP',
  '199001012015011005;Unit Salah;III/c;;Analis;;DINAS_ANTAH',
  '199001012015011006;;V/x;31-02-2020;Analis;;DPMPTSP',
  '19910304 201503 1 002;Duplikat;III/b;;Pranata;;DISKOMINFO',
].join('\r\n');

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, semicolons, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, ""y""",z\n\n')).toEqual([
      ['a', 'b'],
      ['x, "y"', 'z'],
    ]);
    expect(parseCsv('a;b\n1;2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe.each(testDatabaseKinds())('importStaff on %s', (kind) => {
  const db = useTestDatabase(kind);
  beforeAll(async () => {
    await seed(db().prisma);
  });

  it('imports valid rows with derived NIP fields, reports every bad row, and a re-run changes nothing', async () => {
    const progress: number[] = [];
    const first = await importStaff(db().prisma, CSV, {
      now: NOW,
      onProgress: (done) => progress.push(done),
    });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(first).toMatchObject({ total: 7, created: 3, updated: 0, unchanged: 0 });
    expect(first.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [5, 'NIP', 'NIP_INVALID_BIRTH_DATE'],
      [6, 'UNOR', 'UNIT_NOT_FOUND'],
      [7, 'NAMA', 'REQUIRED'],
      [7, 'GOL_RUANG', 'RANK_UNKNOWN'],
      [7, 'TMT_GOLONGAN', 'INVALID_DATE'],
      [8, 'NIP', 'DUPLICATE_NIP'],
    ]);
    for (const e of first.errors) {
      expect(e.messageId).toBeTruthy();
      expect(e.messageEn).toBeTruthy();
      expect(e.messageId).not.toBe(e.messageEn);
    }
    const fikri = await db().prisma.staff.findUniqueOrThrow({
      where: { nip: '199103042015031002' },
      include: { unit: true, positionRef: true, rankHistory: true },
    });
    expect(fikri).toMatchObject({
      name: 'Fikri Ramadhan, S.Kom.',
      kind: 'PNS',
      rank: 'III/b',
      rankOrder: 10,
      appointment: '2015-03',
      gender: 'M',
      unit: { code: 'DISKOMINFO' },
      positionRef: { code: 'PRANATA_KOMPUTER' },
    });
    expect(fikri.birthDate?.toISOString().slice(0, 10)).toBe('1991-03-04');
    expect(fikri.rankHistory.map((r) => [r.rank, r.effectiveOn.toISOString().slice(0, 10)])).toEqual([
      ['III/b', '2019-04-01'],
    ]);
    const laila = await db().prisma.staff.findUniqueOrThrow({
      where: { nip: '199305122017082003' },
      include: { unit: true },
    });
    expect(laila).toMatchObject({
      position: 'Analis Perizinan',
      rank: 'III/a',
      unit: { code: 'DPMPTSP-PERIZINAN' },
    });
    const tari = await db().prisma.staff.findUniqueOrThrow({ where: { nip: '199510102024212004' } });
    expect(tari).toMatchObject({ kind: 'PPPK', rank: 'IX', appointment: '2024', gender: 'F' });

    const snapshot = async () => ({
      staff: await db().prisma.staff.findMany({ orderBy: { nip: 'asc' } }),
      ranks: await db().prisma.rankHistory.count(),
      audits: await db().prisma.auditEntry.count({ where: { action: 'importStaff' } }),
    });
    const before = await snapshot();
    expect(before.audits).toBe(1);
    const second = await importStaff(db().prisma, CSV, { now: NOW });
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(second.errors).toEqual(first.errors);
    expect(await snapshot()).toEqual(before);

    const changed = CSV.replace('Laila Sari;iii a', 'Laila Sari, S.E.;III/b');
    const third = await importStaff(db().prisma, changed, { now: NOW });
    expect(third).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect(await db().prisma.staff.findUniqueOrThrow({ where: { nip: '199305122017082003' } })).toMatchObject(
      {
        name: 'Laila Sari, S.E.',
        rank: 'III/b',
      },
    );

    // The rank history is append-only (issue 16 kind 8): the same rank with a new TMT is a new
    // step; the earlier step keeps its TMT.
    await importStaff(db().prisma, CSV.replace('III/b;01-04-2019', 'III/b;01-04-2024'), { now: NOW });
    const steps = await db().prisma.rankHistory.findMany({
      where: { staff: { nip: '199103042015031002' } },
      orderBy: { effectiveOn: 'asc' },
    });
    expect(steps.map((r) => [r.rank, r.effectiveOn.toISOString().slice(0, 10)])).toEqual([
      ['III/b', '2019-04-01'],
      ['III/b', '2024-04-01'],
    ]);
    // …and the database refuses to rewrite a recorded step.
    await expect(
      db().prisma.rankHistory.update({ where: { id: steps[0]?.id }, data: { decreeNumber: 'X' } }),
    ).rejects.toThrow(/append-only/);
  });

  it('rejects a file without the required columns', async () => {
    const r = await importStaff(db().prisma, 'NIP,NAMA\n199103042015031002,X', { now: NOW });
    expect(r.created + r.updated).toBe(0);
    expect(r.errors.map((e) => [e.field, e.code])).toEqual([
      ['JABATAN', 'MISSING_COLUMN'],
      ['UNOR', 'MISSING_COLUMN'],
    ]);
    expect((await importStaff(db().prisma, '', { now: NOW })).errors[0]?.code).toBe('EMPTY_FILE');
  });
});

describe('import-staff command', () => {
  const dir = useTempDir('layanan-import-');

  it('imports a file relative to where pnpm was run, lists rejected rows and exits 3', async () => {
    await writeFile(join(dir(), 'pegawai.csv'), CSV);
    const run = await runCli(['import-staff', 'pegawai.csv'], {
      LAYANAN_DATA_DIR: 'data',
      INIT_CWD: dir(),
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('baris/row 5 NIP 198502302010011004 NIP NIP_INVALID_BIRTH_DATE');
    // An empty database has no units: the unit rows are rejected too, and the summary says so.
    expect(run.stdout).toMatch(/7 baris\/rows: dibuat\/created 0/);
    expect(run.stdout).toContain(`PGlite ${join(dir(), 'data')}`);
  });
});
