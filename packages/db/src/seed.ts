// Idempotent demo seed with realistic Kota Sawahlunto data. Every row is upserted by its natural
// key, so running the seed twice changes nothing and never duplicates.
import type { PrismaClient } from './generated/prisma/client.js';
import type { AccountRole, ServiceKind, StaffKind, UnitKind } from './generated/prisma/enums.js';
import { seedFeedback } from './seed-feedback.js';
import { seedForums } from './seed-forums.js';
import { seedServices } from './seed-services.js';
import { seedStaffArea } from './seed-staff.js';

type UnitSeed = { code: string; shortName: string; name: string; kind: UnitKind };
type ServiceSeed = {
  code: string;
  unit: string;
  name: string;
  kind: ServiceKind;
  completionDays: number;
  costIdr: number;
  description: string;
  /** Its requests are published as open data (issue 23); off unless said. */
  openData?: boolean;
  /** A public report (issue 17 item 6): descriptions staff published are shown to everyone. */
  publicReport?: boolean;
  /** The issued document's template (@layanan/domain DocumentTemplate); none: the default one. */
  documentTemplate?: { title: string; lines: string[]; validityMonths: number | null };
};
type StaffSeed = {
  nip: string;
  name: string;
  unit: string;
  position: string;
  rank: string | null;
  kind: StaffKind;
};
type AccountSeed = {
  email: string;
  displayName: string;
  role: AccountRole;
  staffNip?: string;
};

/** The demo and test accounts' addresses count as verified (issue 18): they are fictional, and
 * requests filed for them at the counter are theirs at once. */
export const SEED_EMAIL_VERIFIED_AT = new Date('2026-01-01T00:00:00.000Z');

export const SEED_UNITS: readonly UnitSeed[] = [
  {
    code: 'DPMPTSP',
    shortName: 'DPMPTSP',
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    kind: 'DINAS',
  },
  {
    code: 'DISDUKCAPIL',
    shortName: 'Disdukcapil',
    name: 'Dinas Kependudukan dan Pencatatan Sipil',
    kind: 'DINAS',
  },
  {
    code: 'BKPSDM',
    shortName: 'BKPSDM',
    name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    kind: 'BADAN',
  },
  { code: 'DISKOMINFO', shortName: 'Diskominfo', name: 'Dinas Komunikasi dan Informatika', kind: 'DINAS' },
  {
    code: 'DPUPR',
    shortName: 'DPUPR',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    kind: 'DINAS',
  },
];

/** The four kecamatan of Kota Sawahlunto. */
export const SEED_DISTRICTS: readonly { code: string; name: string }[] = [
  { code: 'BARANGIN', name: 'Barangin' },
  { code: 'LEMBAH_SEGAR', name: 'Lembah Segar' },
  { code: 'SILUNGKANG', name: 'Silungkang' },
  { code: 'TALAWI', name: 'Talawi' },
];

export const SEED_SERVICES: readonly ServiceSeed[] = [
  {
    code: 'PBG',
    unit: 'DPMPTSP',
    name: 'Persetujuan Bangunan Gedung (PBG)',
    kind: 'PERMIT',
    completionDays: 28,
    costIdr: 0,
    description:
      'Perizinan untuk membangun, mengubah, memperluas atau merawat bangunan gedung. Retribusi dihitung menurut Perda dan ditagihkan terpisah.',
    documentTemplate: {
      title: 'PERSETUJUAN BANGUNAN GEDUNG',
      lines: [
        'Berdasarkan permohonan nomor {{trackingCode}} yang diajukan pada {{submittedOn}},',
        'Pemerintah Kota Sawahlunto memberikan Persetujuan Bangunan Gedung kepada:',
        'Nama pemohon: {{applicant}}',
        'NIK: {{attr.nik}}',
        'Lokasi (kecamatan): {{attr.kecamatan}}',
        'Fungsi bangunan: {{attr.fungsi}}',
        'Luas bangunan: {{attr.luas_bangunan}} m²',
        'Persetujuan ini berlaku selama bangunan dimanfaatkan sesuai fungsinya (PP 16/2021).',
      ],
      validityMonths: null,
    },
  },
  {
    code: 'SIP-NAKES',
    unit: 'DPMPTSP',
    name: 'Surat Izin Praktik Tenaga Kesehatan',
    kind: 'PERMIT',
    completionDays: 5,
    costIdr: 0,
    description: 'Izin praktik bagi dokter, bidan, perawat dan tenaga kesehatan lain di Kota Sawahlunto.',
    documentTemplate: {
      title: 'SURAT IZIN PRAKTIK TENAGA KESEHATAN',
      lines: [
        'Berdasarkan permohonan nomor {{trackingCode}}, diberikan izin praktik kepada:',
        'Nama: {{applicant}}',
        'NIK: {{attr.nik}}',
        'Profesi: {{attr.profesi}}',
        'Izin ini berlaku lima tahun sejak tanggal terbit, selama STR yang bersangkutan berlaku.',
      ],
      validityMonths: 60,
    },
  },
  {
    code: 'SIUP-REKLAME',
    unit: 'DPMPTSP',
    name: 'Izin Penyelenggaraan Reklame',
    kind: 'PERMIT',
    completionDays: 7,
    costIdr: 0,
    description: 'Izin memasang reklame tetap atau insidentil; pajak reklame dibayar terpisah.',
  },
  {
    code: 'KTP-EL',
    unit: 'DISDUKCAPIL',
    name: 'Penerbitan KTP Elektronik',
    kind: 'REGISTRATION',
    completionDays: 1,
    costIdr: 0,
    description:
      'Perekaman dan pencetakan KTP-el untuk penduduk berusia 17 tahun atau sudah menikah. Tanpa biaya.',
  },
  {
    code: 'KK',
    unit: 'DISDUKCAPIL',
    name: 'Penerbitan Kartu Keluarga',
    kind: 'REGISTRATION',
    completionDays: 1,
    costIdr: 0,
    description: 'Penerbitan Kartu Keluarga baru atau perubahan data anggota keluarga. Tanpa biaya.',
  },
  {
    code: 'AKTA-LAHIR',
    unit: 'DISDUKCAPIL',
    name: 'Akta Kelahiran',
    kind: 'REGISTRATION',
    completionDays: 1,
    costIdr: 0,
    description: 'Pencatatan kelahiran dan penerbitan kutipan akta kelahiran. Tanpa biaya.',
  },
  {
    code: 'PENGADUAN-JALAN',
    unit: 'DPUPR',
    name: 'Pengaduan Kerusakan Jalan dan Drainase',
    kind: 'COMPLAINT',
    completionDays: 5,
    costIdr: 0,
    // A complaint about a public place (a road, a drain, a street light) concerns no one's
    // private affairs: its requests are open data, and a public report (its descriptions, once
    // staff have checked and published them, and its locations are shown in public GETs).
    openData: true,
    publicReport: true,
    description: 'Laporkan jalan berlubang, drainase tersumbat atau lampu jalan padam di wilayah kota.',
  },
  {
    code: 'PPID-INFORMASI',
    unit: 'DISKOMINFO',
    name: 'Permohonan Informasi Publik (PPID)',
    kind: 'INFORMATION_REQUEST',
    completionDays: 10,
    costIdr: 0,
    description:
      'Permohonan salinan informasi publik menurut UU 14/2008 tentang Keterbukaan Informasi Publik.',
  },
];

// NIPs follow the PNS layout: birth date, TMT CPNS (YYYYMM), gender digit, sequence.
export const SEED_STAFF: readonly StaffSeed[] = [
  {
    nip: '197805142005011002',
    name: 'Hendra Gunawan, S.E., M.M.',
    unit: 'DPMPTSP',
    position: 'Kepala Bidang Pelayanan Perizinan',
    rank: 'IV/a',
    kind: 'PNS',
  },
  {
    nip: '198903222014022001',
    name: 'Yulia Fitri, S.T.',
    unit: 'DPMPTSP',
    position: 'Analis Perizinan Bangunan',
    rank: 'III/c',
    kind: 'PNS',
  },
  {
    nip: '199207082019031004',
    name: 'Rahmat Hidayat, S.Kom.',
    unit: 'DPMPTSP',
    position: 'Pranata Komputer Ahli Pertama',
    rank: 'III/a',
    kind: 'PNS',
  },
  {
    nip: '198511302010012003',
    name: 'Dewi Kartika, S.Sos.',
    unit: 'DISDUKCAPIL',
    position: 'Kepala Seksi Identitas Penduduk',
    rank: 'III/d',
    kind: 'PNS',
  },
  {
    nip: '199510172020121005',
    name: 'Fauzan Akbar',
    unit: 'DISDUKCAPIL',
    position: 'Operator Layanan Administrasi Kependudukan',
    rank: 'II/c',
    kind: 'PNS',
  },
  {
    nip: '198001252006042001',
    name: 'Rina Marlina, S.Psi., M.Si.',
    unit: 'BKPSDM',
    position: 'Analis Pengembangan Kompetensi ASN',
    rank: 'III/d',
    kind: 'PNS',
  },
  {
    nip: '199012152023212011',
    name: 'Andi Saputra, S.T.',
    unit: 'DPUPR',
    position: 'Teknik Jalan dan Jembatan Ahli Pertama',
    rank: null,
    kind: 'PPPK',
  },
];

/** Demo accounts for local development only (sign in with the dev login). */
export const SEED_ACCOUNTS: readonly AccountSeed[] = [
  { email: 'admin@layanan.test', displayName: 'Admin Kota', role: 'ADMIN' },
  {
    email: 'hendra@layanan.test',
    displayName: 'Hendra Gunawan',
    role: 'SUPERVISOR',
    staffNip: '197805142005011002',
  },
  { email: 'yulia@layanan.test', displayName: 'Yulia Fitri', role: 'STAFF', staffNip: '198903222014022001' },
  { email: 'dewi@layanan.test', displayName: 'Dewi Kartika', role: 'STAFF', staffNip: '198511302010012003' },
  // Handling staff at DPUPR, the unit of the road complaints: a complaint transferred there from
  // another unit can be followed and acted on with a demo account.
  { email: 'andi@layanan.test', displayName: 'Andi Saputra', role: 'STAFF', staffNip: '199012152023212011' },
  { email: 'warga@layanan.test', displayName: 'Siti Aminah', role: 'CITIZEN' },
  { email: 'warga2@layanan.test', displayName: 'Budi Santoso', role: 'CITIZEN' },
];

export type SeedResult = { created: Record<string, number> };

/** Inserts what is missing; existing rows (matched by natural key) are left untouched. */
export async function seed(prisma: PrismaClient): Promise<SeedResult> {
  const created: Record<string, number> = { units: 0, districts: 0, services: 0, staff: 0, accounts: 0 };

  const result = await prisma.$transaction(
    async (tx) => {
      const unitIds = new Map<string, string>();
      for (const unit of SEED_UNITS) {
        const existing = await tx.unit.findUnique({ where: { code: unit.code } });
        const row = existing ?? (await tx.unit.create({ data: unit }));
        if (!existing) created.units = (created.units ?? 0) + 1;
        unitIds.set(unit.code, row.id);
      }
      for (const district of SEED_DISTRICTS) {
        const existing = await tx.district.findUnique({ where: { code: district.code } });
        if (!existing) {
          await tx.district.create({ data: district });
          created.districts = (created.districts ?? 0) + 1;
        }
      }
      const unitId = (code: string): string => {
        const id = unitIds.get(code);
        if (!id) throw new Error(`seed: unknown unit ${code}`);
        return id;
      };
      for (const { unit, ...service } of SEED_SERVICES) {
        const existing = await tx.service.findUnique({ where: { code: service.code } });
        if (!existing) {
          await tx.service.create({ data: { ...service, unitId: unitId(unit) } });
          created.services = (created.services ?? 0) + 1;
        }
      }
      const staffIds = new Map<string, string>();
      for (const { unit, ...staff } of SEED_STAFF) {
        const existing = await tx.staff.findUnique({ where: { nip: staff.nip } });
        const row = existing ?? (await tx.staff.create({ data: { ...staff, unitId: unitId(unit) } }));
        if (!existing) created.staff = (created.staff ?? 0) + 1;
        staffIds.set(staff.nip, row.id);
      }
      for (const { staffNip, ...account } of SEED_ACCOUNTS) {
        const existing = await tx.account.findUnique({ where: { email: account.email } });
        if (!existing) {
          await tx.account.create({
            data: {
              ...account,
              emailVerifiedAt: SEED_EMAIL_VERIFIED_AT,
              staffId: staffNip ? (staffIds.get(staffNip) ?? null) : null,
            },
          });
          created.accounts = (created.accounts ?? 0) + 1;
        }
      }
      await seedServices(tx, created);
      await seedForums(tx, created);
      return { created };
      // Demo requests over several months make this more than a few statements.
    },
    { timeout: 120_000 },
  );
  await seedStaffArea(prisma, result.created);
  await seedFeedback(prisma, result.created);
  return result;
}
