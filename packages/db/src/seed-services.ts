// Services-area demo data (issue 4): the working-day calendar, a versioned catalogue with full
// service standards, and the competencies routing needs. Idempotent like seed.ts: rows are
// matched by natural key and only what is missing is created.
import {
  addWorkingDays,
  createWorkingCalendar,
  HOLIDAYS_ID_2026,
  isWorkingDay,
  jakartaDay,
  type WorkingCalendar,
  workingDaysBetween,
} from '@layanan/domain/calendar';
import Holidays from 'date-holidays';
import type { Prisma } from './generated/prisma/client.js';
import type { HolidayKind, ServiceKind } from './generated/prisma/enums.js';

type Tx = Prisma.TransactionClient;

export type HolidaySeed = {
  date: string;
  name: string;
  kind: HolidayKind;
  provisional: boolean;
  source: string;
};

export const HOLIDAY_SOURCE_2026 = 'SKB 3 Menteri 2026 (official)';
export const HOLIDAY_SOURCE_PACKAGE = 'date-holidays (provisional)';

/**
 * Indonesia's national holidays for a year from the maintained `date-holidays` package. They are
 * provisional: Islamic dates depend on the sighting of the moon and the joint decree (SKB) fixes
 * the list and the cuti bersama, so an administrator confirms them when the decree appears.
 */
export function packageHolidays(year: number): HolidaySeed[] {
  const byDate = new Map<string, HolidaySeed>();
  for (const h of new Holidays('ID').getHolidays(year, 'id')) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    const existing = byDate.get(date);
    if (existing) {
      if (!existing.name.includes(h.name)) existing.name = `${existing.name} / ${h.name}`;
      continue;
    }
    byDate.set(date, {
      date,
      name: h.name,
      kind: 'NATIONAL',
      provisional: true,
      source: HOLIDAY_SOURCE_PACKAGE,
    });
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** 2026 from the official decree (domain package); 2027 national holidays from the package. */
export function seedHolidayList(): HolidaySeed[] {
  const official = HOLIDAYS_ID_2026.holidays.map((h) => ({
    date: h.date,
    name: h.name,
    kind: h.kind,
    provisional: false,
    source: HOLIDAY_SOURCE_2026,
  }));
  return [...official, ...packageHolidays(2027)];
}

export const dateOnly = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

async function seedHolidays(tx: Tx, created: Record<string, number>): Promise<void> {
  // One statement: rows already there (same date and kind) are left as they are.
  const { count } = await tx.holiday.createMany({
    data: seedHolidayList().map((h) => ({ ...h, date: dateOnly(h.date) })),
    skipDuplicates: true,
  });
  if (count > 0) created.holidays = (created.holidays ?? 0) + count;
}

type CompetencySeed = { code: string; name: string };

export const SERVICE_COMPETENCIES: readonly CompetencySeed[] = [
  { code: 'PERIZINAN', name: 'Pelayanan perizinan berusaha dan non-berusaha' },
  { code: 'ADMINDUK', name: 'Administrasi kependudukan' },
  { code: 'INFRASTRUKTUR_JALAN', name: 'Pemeliharaan jalan dan drainase' },
  { code: 'PELAYANAN_INFORMASI', name: 'Pengelolaan informasi dan dokumentasi (PPID)' },
];

/** Staff (by NIP) who hold the competencies above; levels 1–5. */
const STAFF_COMPETENCIES: readonly { nip: string; code: string; level: number }[] = [
  { nip: '197805142005011002', code: 'PERIZINAN', level: 4 },
  { nip: '198903222014022001', code: 'PERIZINAN', level: 3 },
  { nip: '199207082019031004', code: 'PERIZINAN', level: 2 },
  { nip: '198511302010012003', code: 'ADMINDUK', level: 4 },
  { nip: '199510172020121005', code: 'ADMINDUK', level: 3 },
  { nip: '199012152023212011', code: 'INFRASTRUKTUR_JALAN', level: 3 },
];

type AttributeSeed = {
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  description: { id: string; en: string };
  values?: { key: string; name: { id: string; en: string } }[];
  min?: number;
  max?: number;
};

type CatalogueSeed = {
  code: string;
  nameEn: string;
  competency: string | null;
  level: number | null;
  legalBasis: string[];
  requirements: string[];
  product: string;
  attributes: AttributeSeed[];
};

const NIK: AttributeSeed = {
  code: 'nik',
  datatype: 'string',
  required: true,
  description: { id: 'NIK pemohon (16 digit)', en: "Applicant's NIK (16 digits)" },
};
const KECAMATAN: AttributeSeed = {
  code: 'kecamatan',
  datatype: 'singlevaluelist',
  required: true,
  description: { id: 'Kecamatan', en: 'District' },
  values: [
    { key: 'BARANGIN', name: { id: 'Barangin', en: 'Barangin' } },
    { key: 'LEMBAH_SEGAR', name: { id: 'Lembah Segar', en: 'Lembah Segar' } },
    { key: 'SILUNGKANG', name: { id: 'Silungkang', en: 'Silungkang' } },
    { key: 'TALAWI', name: { id: 'Talawi', en: 'Talawi' } },
  ],
};

export const SEED_CATALOGUE: readonly CatalogueSeed[] = [
  {
    code: 'PBG',
    nameEn: 'Building approval (PBG)',
    competency: 'PERIZINAN',
    level: 3,
    legalBasis: ['UU 25/2009', 'PP 16/2021 tentang Bangunan Gedung'],
    requirements: ['Data pemohon', 'Data tanah', 'Dokumen rencana teknis'],
    product: 'Persetujuan Bangunan Gedung',
    attributes: [
      NIK,
      KECAMATAN,
      {
        code: 'luas_bangunan',
        datatype: 'number',
        required: true,
        description: { id: 'Luas bangunan (m²)', en: 'Floor area (m²)' },
        min: 1,
        max: 100000,
      },
      {
        code: 'fungsi',
        datatype: 'singlevaluelist',
        required: true,
        description: { id: 'Fungsi bangunan', en: 'Building use' },
        values: [
          { key: 'HUNIAN', name: { id: 'Hunian', en: 'Residential' } },
          { key: 'USAHA', name: { id: 'Usaha', en: 'Business' } },
          { key: 'SOSIAL', name: { id: 'Sosial budaya', en: 'Social and cultural' } },
        ],
      },
    ],
  },
  {
    code: 'SIP-NAKES',
    nameEn: 'Practice licence for health workers',
    competency: 'PERIZINAN',
    level: 2,
    legalBasis: ['UU 17/2023 tentang Kesehatan'],
    requirements: ['STR yang masih berlaku', 'Surat keterangan tempat praktik', 'Pas foto'],
    product: 'Surat Izin Praktik',
    attributes: [
      NIK,
      {
        code: 'profesi',
        datatype: 'singlevaluelist',
        required: true,
        description: { id: 'Profesi', en: 'Profession' },
        values: [
          { key: 'DOKTER', name: { id: 'Dokter', en: 'Physician' } },
          { key: 'BIDAN', name: { id: 'Bidan', en: 'Midwife' } },
          { key: 'PERAWAT', name: { id: 'Perawat', en: 'Nurse' } },
        ],
      },
      {
        code: 'nomor_str',
        datatype: 'string',
        required: true,
        description: { id: 'Nomor STR', en: 'Registration certificate number' },
      },
    ],
  },
  {
    code: 'SIUP-REKLAME',
    nameEn: 'Billboard permit',
    competency: 'PERIZINAN',
    level: 2,
    legalBasis: ['Perda Kota Sawahlunto tentang Pajak Daerah'],
    requirements: ['Desain reklame', 'Lokasi pemasangan', 'Bukti pembayaran pajak reklame'],
    product: 'Izin Penyelenggaraan Reklame',
    attributes: [
      NIK,
      KECAMATAN,
      {
        code: 'jenis',
        datatype: 'singlevaluelist',
        required: true,
        description: { id: 'Jenis reklame', en: 'Billboard type' },
        values: [
          { key: 'TETAP', name: { id: 'Tetap', en: 'Permanent' } },
          { key: 'INSIDENTIL', name: { id: 'Insidentil', en: 'Temporary' } },
        ],
      },
      {
        code: 'mulai',
        datatype: 'datetime',
        required: false,
        description: { id: 'Tanggal mulai tayang', en: 'Display start date' },
      },
    ],
  },
  {
    code: 'KTP-EL',
    nameEn: 'Electronic identity card (KTP-el)',
    competency: 'ADMINDUK',
    level: 2,
    legalBasis: ['UU 24/2013 tentang Administrasi Kependudukan'],
    requirements: ['Kartu Keluarga', 'Berusia 17 tahun atau sudah menikah'],
    product: 'KTP elektronik',
    attributes: [
      NIK,
      {
        code: 'alasan',
        datatype: 'singlevaluelist',
        required: true,
        description: { id: 'Alasan penerbitan', en: 'Reason for issue' },
        values: [
          { key: 'BARU', name: { id: 'Baru', en: 'New' } },
          { key: 'HILANG', name: { id: 'Hilang', en: 'Lost' } },
          { key: 'RUSAK', name: { id: 'Rusak', en: 'Damaged' } },
          { key: 'PERUBAHAN', name: { id: 'Perubahan data', en: 'Changed data' } },
        ],
      },
    ],
  },
  {
    code: 'KK',
    nameEn: 'Family card',
    competency: 'ADMINDUK',
    level: 2,
    legalBasis: ['UU 24/2013 tentang Administrasi Kependudukan'],
    requirements: ['Kartu Keluarga lama', 'Dokumen perubahan (akta, surat pindah)'],
    product: 'Kartu Keluarga',
    attributes: [
      NIK,
      {
        code: 'perubahan',
        datatype: 'multivaluelist',
        required: true,
        description: { id: 'Perubahan data', en: 'Changes' },
        values: [
          { key: 'TAMBAH_ANGGOTA', name: { id: 'Tambah anggota', en: 'Add a member' } },
          { key: 'KURANG_ANGGOTA', name: { id: 'Kurangi anggota', en: 'Remove a member' } },
          { key: 'ALAMAT', name: { id: 'Alamat', en: 'Address' } },
          { key: 'PENDIDIKAN_PEKERJAAN', name: { id: 'Pendidikan/pekerjaan', en: 'Education/occupation' } },
        ],
      },
    ],
  },
  {
    code: 'AKTA-LAHIR',
    nameEn: 'Birth certificate',
    competency: 'ADMINDUK',
    level: 2,
    legalBasis: ['UU 24/2013 tentang Administrasi Kependudukan'],
    requirements: ['Surat keterangan lahir', 'Kartu Keluarga', 'Buku nikah orang tua'],
    product: 'Kutipan akta kelahiran',
    attributes: [
      NIK,
      {
        code: 'nama_anak',
        datatype: 'string',
        required: true,
        description: { id: 'Nama anak', en: "Child's name" },
      },
      {
        code: 'tanggal_lahir',
        datatype: 'datetime',
        required: true,
        description: { id: 'Tanggal lahir', en: 'Date of birth' },
      },
    ],
  },
  {
    code: 'PENGADUAN-JALAN',
    nameEn: 'Road and drainage complaint',
    competency: 'INFRASTRUKTUR_JALAN',
    level: 2,
    legalBasis: ['UU 25/2009 pasal 36', 'Perpres 76/2013 tentang Pengelolaan Pengaduan Pelayanan Publik'],
    requirements: ['Uraian dan lokasi kerusakan'],
    product: 'Tindak lanjut pengaduan',
    attributes: [
      KECAMATAN,
      {
        code: 'lokasi',
        datatype: 'text',
        required: true,
        description: { id: 'Lokasi (alamat atau patokan)', en: 'Location (address or landmark)' },
      },
      {
        code: 'jenis_kerusakan',
        datatype: 'singlevaluelist',
        required: true,
        description: { id: 'Jenis kerusakan', en: 'Kind of damage' },
        values: [
          { key: 'JALAN_BERLUBANG', name: { id: 'Jalan berlubang', en: 'Pothole' } },
          { key: 'DRAINASE', name: { id: 'Drainase tersumbat', en: 'Blocked drain' } },
          { key: 'LAMPU_JALAN', name: { id: 'Lampu jalan padam', en: 'Street light out' } },
        ],
      },
    ],
  },
  {
    code: 'PPID-INFORMASI',
    nameEn: 'Public information request (PPID)',
    competency: null,
    level: null,
    legalBasis: ['UU 14/2008 tentang Keterbukaan Informasi Publik'],
    requirements: ['Identitas pemohon', 'Rincian informasi yang diminta'],
    product: 'Salinan informasi publik atau pemberitahuan tertulis',
    attributes: [
      NIK,
      {
        code: 'rincian',
        datatype: 'text',
        required: true,
        description: { id: 'Rincian informasi', en: 'Information requested' },
      },
      {
        code: 'cara_memperoleh',
        datatype: 'singlevaluelist',
        required: true,
        description: { id: 'Cara memperoleh', en: 'How to receive it' },
        values: [
          { key: 'EMAIL', name: { id: 'Surel', en: 'E-mail' } },
          { key: 'AMBIL', name: { id: 'Ambil langsung', en: 'Collect in person' } },
        ],
      },
    ],
  },
];

/** The 14 components of UU 25/2009 art. 21 for a seeded service. */
export function seedStandard(
  entry: CatalogueSeed,
  service: { completionDays: number; costIdr: number; kind: ServiceKind },
): Record<string, unknown> {
  return {
    LEGAL_BASIS: entry.legalBasis,
    REQUIREMENTS: entry.requirements,
    PROCEDURE: [
      'Pemohon mengajukan permohonan daring atau di loket',
      'Petugas memverifikasi persyaratan (paling lama 3 hari kerja)',
      'Petugas memproses permohonan',
      'Produk layanan diserahkan kepada pemohon',
    ],
    COMPLETION_TIME: service.completionDays,
    COST: service.costIdr,
    PRODUCT: entry.product,
    FACILITIES: 'Ruang tunggu, loket pelayanan, layanan daring Layanan Sawahlunto',
    STAFF_COMPETENCE: entry.competency
      ? `Kompetensi ${entry.competency} tingkat ${entry.level} atau lebih`
      : 'Petugas pelayanan informasi',
    INTERNAL_SUPERVISION: 'Atasan langsung dan Inspektorat Kota Sawahlunto',
    COMPLAINT_HANDLING: 'SP4N-LAPOR!, loket pengaduan, dan kanal Layanan',
    STAFF_COUNT: 2,
    SERVICE_GUARANTEE: 'Maklumat pelayanan unit',
    SECURITY_SAFETY_GUARANTEE: 'Data pemohon dilindungi dan hanya dipakai untuk layanan ini',
    PERFORMANCE_EVALUATION: 'Survei Kepuasan Masyarakat (PermenPANRB 14/2017) setiap tahun',
  };
}

async function seedCatalogue(tx: Tx, created: Record<string, number>): Promise<void> {
  const competencyIds = new Map<string, string>();
  for (const c of SERVICE_COMPETENCIES) {
    const existing = await tx.competency.findUnique({ where: { code: c.code } });
    const row = existing ?? (await tx.competency.create({ data: { ...c, type: 'TEKNIS' } }));
    if (!existing) created.competencies = (created.competencies ?? 0) + 1;
    competencyIds.set(c.code, row.id);
  }
  for (const h of STAFF_COMPETENCIES) {
    const staff = await tx.staff.findUnique({ where: { nip: h.nip } });
    const competencyId = competencyIds.get(h.code);
    if (!staff || !competencyId) continue;
    const key = { staffId_competencyId: { staffId: staff.id, competencyId } };
    if (await tx.staffCompetency.findUnique({ where: key })) continue;
    await tx.staffCompetency.create({ data: { staffId: staff.id, competencyId, level: h.level } });
    created.staffCompetencies = (created.staffCompetencies ?? 0) + 1;
  }
  for (const entry of SEED_CATALOGUE) {
    const service = await tx.service.findUnique({ where: { code: entry.code } });
    if (!service || service.currentVersionId) continue;
    const version = await tx.serviceVersion.create({
      data: {
        serviceId: service.id,
        version: 1,
        nameId: service.name,
        nameEn: entry.nameEn,
        kind: service.kind,
        unitId: service.unitId,
        standard: seedStandard(entry, service) as Prisma.InputJsonValue,
        attributes: entry.attributes as unknown as Prisma.InputJsonValue,
        completionDays: service.completionDays,
        requiredCompetencyId: entry.competency ? (competencyIds.get(entry.competency) ?? null) : null,
        requiredLevel: entry.level,
        note: 'Versi awal / initial version',
      },
    });
    await tx.service.update({ where: { id: service.id }, data: { currentVersionId: version.id } });
    created.serviceVersions = (created.serviceVersions ?? 0) + 1;
  }
}

/** Deterministic pseudo-random numbers (mulberry32), so every seeded database looks alike. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXTS: Record<string, readonly string[]> = {
  PERMIT: [
    'Mohon diproses permohonan izin saya, berkas sudah saya unggah lengkap.',
    'Saya mengajukan izin untuk usaha keluarga kami di dekat pasar.',
    'Permohonan perpanjangan izin yang akan habis masa berlakunya bulan depan.',
  ],
  REGISTRATION: [
    'Mohon dicetakkan dokumen kependudukan saya, data sudah benar.',
    'Ada perubahan data keluarga setelah kelahiran anak kedua kami.',
    'Dokumen saya hilang saat pindah rumah, mohon diterbitkan kembali.',
  ],
  COMPLAINT: [
    'Jalan di depan SD berlubang besar dan membahayakan pengendara motor.',
    'Drainase tersumbat sehingga air meluap ke rumah warga setiap hujan.',
    'Lampu jalan di tikungan sudah padam lebih dari seminggu.',
  ],
  INFORMATION_REQUEST: [
    'Saya meminta salinan realisasi anggaran perbaikan jalan tahun lalu.',
    'Mohon informasi daftar penerima bantuan UMKM di kecamatan kami.',
  ],
};

function sampleValues(
  attributes: readonly AttributeSeed[],
  rnd: () => number,
  day: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of attributes) {
    const keys = (a.values ?? []).map((v) => v.key);
    const pickKey = () => keys[Math.floor(rnd() * keys.length)] ?? '';
    switch (a.datatype) {
      case 'string':
        out[a.code] =
          a.code === 'nik' ? `137301${String(Math.floor(rnd() * 1e10)).padStart(10, '0')}` : 'Contoh isian';
        break;
      case 'text':
        out[a.code] = `Jl. Soekarno-Hatta No. ${1 + Math.floor(rnd() * 120)}, dekat masjid`;
        break;
      case 'number':
        out[a.code] = Math.max(a.min ?? 1, 36 + Math.floor(rnd() * 300));
        break;
      case 'datetime':
        out[a.code] = day;
        break;
      case 'singlevaluelist':
        out[a.code] = pickKey();
        break;
      case 'multivaluelist':
        out[a.code] = [pickKey()];
        break;
    }
  }
  return out;
}

/** An instant on a WIB day at a WIB hour (fractional hours allowed). */
const wibInstant = (day: string, hour: number): Date =>
  new Date(new Date(`${day}T00:00:00+07:00`).getTime() + Math.round(hour * 3_600_000));

export const SEED_REQUEST_COUNT = 320;

/**
 * A few hundred requests over the six months before `now`, so statistics and overdue lists have
 * real shapes: most verified in 1–2 working days, completion spread around each standard, some
 * late, some rejected or withdrawn, and recent ones still open (a few overdue).
 */
async function seedRequests(tx: Tx, created: Record<string, number>, now: Date): Promise<void> {
  if ((await tx.serviceRequest.count({ where: { idempotencyKey: { startsWith: 'seed-' } } })) > 0) return;
  const holidays = await tx.holiday.findMany();
  const calendar: WorkingCalendar = createWorkingCalendar({
    holidays: holidays.map((h) => ({ date: h.date.toISOString().slice(0, 10), name: h.name, kind: h.kind })),
  });
  const services = await tx.service.findMany({
    where: { currentVersionId: { not: null } },
    include: { currentVersion: { include: { requiredCompetency: true } } },
    orderBy: { code: 'asc' },
  });
  const citizens = await tx.account.findMany({ where: { role: 'CITIZEN' }, orderBy: { email: 'asc' } });
  const holders = await tx.staffCompetency.findMany({ include: { competency: true } });
  if (services.length === 0 || citizens.length === 0) return;

  const rnd = random(20261127);
  const today = jakartaDay(now);
  const firstDay = jakartaDay(new Date(now.getTime() - 183 * 86_400_000));
  const days: string[] = [];
  for (let d = firstDay; d < today; d = addWorkingDays(d, 1, calendar))
    if (isWorkingDay(d, calendar)) days.push(d);
  // Busier services get more requests (KTP-el and KK dominate civil registration).
  const weights: Record<string, number> = {
    'KTP-EL': 5,
    KK: 4,
    'AKTA-LAHIR': 3,
    PBG: 2,
    'PENGADUAN-JALAN': 3,
  };
  const pool = services.flatMap((s) => Array.from({ length: weights[s.code] ?? 1 }, () => s));
  const sequences = new Map<number, number>();
  const requests: Prisma.ServiceRequestCreateManyInput[] = [];
  const events: Prisma.RequestEventCreateManyInput[] = [];

  for (let i = 0; i < SEED_REQUEST_COUNT; i++) {
    const service = pool[Math.floor(rnd() * pool.length)];
    const version = service?.currentVersion;
    const citizen = citizens[Math.floor(rnd() * citizens.length)];
    if (!service || !version || !citizen) continue;
    const entry = SEED_CATALOGUE.find((c) => c.code === service.code);
    const day = days[Math.floor(rnd() * days.length)] ?? firstDay;
    const submittedAt = wibInstant(day, 8 + rnd() * 7);
    const year = Number(day.slice(0, 4));
    const sequence = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, sequence);
    const id = crypto.randomUUID();
    const requirement = version.requiredCompetency;
    const qualified = holders.filter(
      (h) => requirement && h.competencyId === requirement.id && h.level >= (version.requiredLevel ?? 1),
    );
    const assignee = qualified[Math.floor(rnd() * qualified.length)]?.staffId ?? null;
    const verificationDueOn = addWorkingDays(day, 3, calendar);
    // Verification mostly within 1–2 working days, sometimes late (4–6).
    const verifyDays = rnd() < 0.85 ? Math.floor(rnd() * 3) : 4 + Math.floor(rnd() * 3);
    const verifyDay = addWorkingDays(day, verifyDays, calendar);
    const verifiedAt = wibInstant(
      verifyDay,
      verifyDays === 0 ? Math.min(15.9, 8 + rnd() * 8) : 8 + rnd() * 8,
    );
    const completionDueOn = addWorkingDays(verifyDay, version.completionDays, calendar);
    // Completion spread around the standard: ~80 % in time.
    const span = Math.max(0, Math.round(version.completionDays * (rnd() < 0.8 ? rnd() : 1 + rnd() * 0.8)));
    const completeDay = addWorkingDays(verifyDay, span, calendar);
    const completedAt = wibInstant(completeDay, span === 0 ? 15.95 : 8 + rnd() * 8);
    const texts = TEXTS[service.kind] ?? TEXTS.PERMIT ?? [''];
    const fate = rnd();
    const base = {
      id,
      trackingCode: `SWL-${year}-${String(sequence).padStart(6, '0')}`,
      serviceId: service.id,
      serviceVersionId: version.id,
      unitId: service.unitId,
      citizenAccountId: citizen.id,
      submittedByAccountId: citizen.id,
      channel: rnd() < 0.3 ? ('COUNTER' as const) : ('ONLINE' as const),
      idempotencyKey: `seed-${i + 1}`,
      originalText: texts[Math.floor(rnd() * texts.length)] ?? '',
      attributeValues: sampleValues(entry?.attributes ?? [], rnd, day) as Prisma.InputJsonValue,
      assigneeStaffId: assignee,
      submittedAt,
      createdAt: submittedAt,
      verificationDueOn: dateOnly(verificationDueOn),
    };
    const event = (
      sequence: number,
      toState: Prisma.RequestEventCreateManyInput['toState'],
      at: Date,
      extra: Partial<Prisma.RequestEventCreateManyInput> = {},
    ) =>
      events.push({
        requestId: id,
        sequence,
        kind: sequence === 1 ? 'SUBMITTED' : 'TRANSITION',
        toState,
        actorKind: sequence === 1 ? 'CITIZEN' : 'STAFF',
        at,
        ...extra,
      });
    event(1, 'SUBMITTED', submittedAt, { assigneeStaffId: assignee });

    if (verifiedAt > now) {
      requests.push({ ...base, state: 'SUBMITTED', version: 1 });
      continue;
    }
    if (fate < 0.05) {
      requests.push({ ...base, state: 'WITHDRAWN', version: 2, closedAt: verifiedAt });
      event(2, 'WITHDRAWN', verifiedAt, { fromState: 'SUBMITTED', actorKind: 'CITIZEN' });
      continue;
    }
    if (fate < 0.12) {
      const reason = 'Persyaratan tidak memenuhi ketentuan / requirements not met';
      requests.push({ ...base, state: 'REJECTED', version: 2, closedAt: verifiedAt });
      event(2, 'REJECTED', verifiedAt, { fromState: 'SUBMITTED', publicNote: reason });
      continue;
    }
    const verified = {
      ...base,
      verifiedAt,
      verifyWorkingDays: workingDaysBetween(day, verifyDay, calendar),
      completionDueOn: dateOnly(completionDueOn),
    };
    event(2, 'VERIFIED', verifiedAt, { fromState: 'SUBMITTED' });
    const startedAt = new Date(verifiedAt.getTime() + 60_000);
    event(3, 'IN_PROGRESS', startedAt, { fromState: 'VERIFIED' });
    if (completedAt > now) {
      requests.push({ ...verified, state: 'IN_PROGRESS', version: 3 });
      continue;
    }
    event(4, 'COMPLETED', completedAt, { fromState: 'IN_PROGRESS', publicNote: 'Selesai / completed' });
    requests.push({
      ...verified,
      state: 'COMPLETED',
      version: 4,
      completedAt,
      closedAt: completedAt,
      completeWorkingDays: workingDaysBetween(day, completeDay, calendar),
    });
  }
  await tx.serviceRequest.createMany({ data: requests });
  await tx.requestEvent.createMany({ data: events });
  for (const [year, last] of sequences) {
    await tx.$executeRaw`
      INSERT INTO tracking_counter (year, last) VALUES (${year}, ${last})
      ON CONFLICT (year) DO UPDATE SET last = GREATEST(tracking_counter.last, EXCLUDED.last)`;
  }
  created.serviceRequests = (created.serviceRequests ?? 0) + requests.length;
}

/** Called from seed() inside its transaction, after units, services, staff and accounts exist. */
export async function seedServices(
  tx: Tx,
  created: Record<string, number>,
  now: Date = new Date(),
): Promise<void> {
  await seedHolidays(tx, created);
  await seedCatalogue(tx, created);
  await seedRequests(tx, created, now);
}
