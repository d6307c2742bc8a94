// Services-area demo data (issue 4): the working-day calendar, a versioned catalogue with full
// service standards, and the competencies routing needs. Idempotent like seed.ts: rows are
// matched by natural key and only what is missing is created.
import {
  addWorkingDays,
  createWorkingCalendar,
  HOLIDAYS_ID_2026,
  ISLAMIC_HOLIDAYS,
  islamicHolidayName,
  isWorkingDay,
  jakartaDay,
  type WorkingCalendar,
  workingDaysBetween,
} from '@layanan/domain/calendar';
import Holidays from 'date-holidays';
import type { Prisma } from './generated/prisma/client.js';
import type { HolidayKind, ServiceKind } from './generated/prisma/enums.js';
import { seededRandom } from './seed-random.js';

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
 * The package names some Islamic holidays wrongly (27 Rajab as "Maulid"): each one is named
 * from its Hijri date (the domain's Umm al-Qura check), the date kept as the package gives it.
 */
export function packageHolidays(year: number): HolidaySeed[] {
  const byDate = new Map<string, HolidaySeed>();
  for (const h of new Holidays('ID').getHolidays(year, 'id')) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    const islamic = ISLAMIC_HOLIDAYS.some((x) => x.pattern.test(h.name))
      ? islamicHolidayName(date)
      : undefined;
    const name = islamic ?? h.name;
    const existing = byDate.get(date);
    if (existing) {
      if (!existing.name.includes(name)) existing.name = `${existing.name} / ${name}`;
      continue;
    }
    byDate.set(date, {
      date,
      name,
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
export const STAFF_COMPETENCIES: readonly { nip: string; code: string; level: number }[] = [
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
  format?: 'NIK' | 'NIP' | 'NPWP' | 'PHONE';
  pattern?: { regex: string; description: { id: string; en: string } };
  dateRange?: { minDaysFromToday?: number; maxDaysFromToday?: number };
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
  /**
   * The requirements as document slots (issue 19 item 4), in the demo seed only: the test
   * fixture's versions carry none, so that lifecycle tests verify requests without uploads.
   */
  documentSlots?: DocumentSlotSeed[];
};

type DocumentSlotSeed = {
  key: string;
  nameId: string;
  nameEn: string;
  required: boolean;
  acceptedTypes: ('image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf')[];
  maxFiles: number;
};

const PHOTO_OR_PDF: DocumentSlotSeed['acceptedTypes'] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
];

/** A document slot: `[key, Indonesian, English]`, required unless said, one file unless said. */
function slot(
  [key, nameId, nameEn]: readonly [string, string, string],
  options: Partial<Pick<DocumentSlotSeed, 'required' | 'acceptedTypes' | 'maxFiles'>> = {},
): DocumentSlotSeed {
  return { key, nameId, nameEn, required: true, acceptedTypes: PHOTO_OR_PDF, maxFiles: 1, ...options };
}

const KTP_SLOT = slot(['ktp', 'KTP pemohon', "Applicant's identity card (KTP)"]);

type Text = readonly [id: string, en: string];

/** A free-form attribute (Open311 datatype), required unless `required: false`. */
function field(
  code: string,
  datatype: 'string' | 'number' | 'datetime' | 'text',
  [id, en]: Text,
  options: Partial<Pick<AttributeSeed, 'required' | 'min' | 'max' | 'format' | 'pattern' | 'dateRange'>> = {},
): AttributeSeed {
  const { required = true, ...bounds } = options;
  return { code, datatype, required, description: { id, en }, ...bounds };
}

/**
 * A well-formed NIK of Kota Sawahlunto (UU 24/2013 layout: region, DDMMYY with women's day + 40,
 * sequence), from one random draw so the rest of the seed's random sequence is unchanged.
 */
function randomNik(rnd: () => number): string {
  let r = Math.floor(rnd() * 1e10);
  const take = (n: number) => {
    const v = r % n;
    r = Math.floor(r / n);
    return v;
  };
  const two = (n: number) => String(n).padStart(2, '0');
  const day = 1 + take(28) + (take(2) === 1 ? 40 : 0);
  const month = 1 + take(12);
  const year = 60 + take(40);
  return `137301${two(day)}${two(month)}${two(year)}${String(1 + take(9999)).padStart(4, '0')}`;
}

/** A required list attribute; each value is `[key, Indonesian, English]`. */
function choice(
  code: string,
  [id, en]: Text,
  values: readonly (readonly [key: string, id: string, en: string])[],
  datatype: 'singlevaluelist' | 'multivaluelist' = 'singlevaluelist',
): AttributeSeed {
  return {
    code,
    datatype,
    required: true,
    description: { id, en },
    values: values.map(([key, nameId, nameEn]) => ({ key, name: { id: nameId, en: nameEn } })),
  };
}

const NIK = field('nik', 'string', ['NIK pemohon (16 digit)', "Applicant's NIK (16 digits)"], {
  format: 'NIK',
});
const KECAMATAN = choice(
  'kecamatan',
  ['Kecamatan', 'District'],
  (['Barangin', 'Lembah Segar', 'Silungkang', 'Talawi'] as const).map(
    (name) => [name.toUpperCase().replace(' ', '_'), name, name] as const,
  ),
);

export const SEED_CATALOGUE: readonly CatalogueSeed[] = [
  {
    code: 'PBG',
    nameEn: 'Building approval (PBG)',
    competency: 'PERIZINAN',
    level: 3,
    legalBasis: ['UU 25/2009', 'PP 16/2021 tentang Bangunan Gedung'],
    requirements: ['Data pemohon', 'Data tanah', 'Dokumen rencana teknis'],
    product: 'Persetujuan Bangunan Gedung',
    documentSlots: [
      KTP_SLOT,
      slot(['bukti_tanah', 'Bukti kepemilikan tanah (sertifikat)', 'Proof of land title (certificate)'], {
        maxFiles: 3,
      }),
      slot(['gambar_teknis', 'Gambar rencana teknis', 'Technical building drawings'], {
        acceptedTypes: ['application/pdf'],
        maxFiles: 5,
      }),
      slot(['foto_lokasi', 'Foto lokasi', 'Site photos'], {
        required: false,
        acceptedTypes: ['image/jpeg', 'image/png', 'image/webp'],
        maxFiles: 3,
      }),
    ],
    attributes: [
      NIK,
      KECAMATAN,
      field('luas_bangunan', 'number', ['Luas bangunan (m²)', 'Floor area (m²)'], { min: 1, max: 100000 }),
      choice(
        'fungsi',
        ['Fungsi bangunan', 'Building use'],
        [
          ['HUNIAN', 'Hunian', 'Residential'],
          ['USAHA', 'Usaha', 'Business'],
          ['SOSIAL', 'Sosial budaya', 'Social and cultural'],
        ],
      ),
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
    documentSlots: [
      KTP_SLOT,
      slot(['str', 'STR yang masih berlaku', 'Valid registration certificate (STR)']),
      slot(['tempat_praktik', 'Surat keterangan tempat praktik', 'Statement of the practice location']),
      slot(['pas_foto', 'Pas foto', 'Passport photo'], { acceptedTypes: ['image/jpeg', 'image/png'] }),
    ],
    attributes: [
      NIK,
      choice(
        'profesi',
        ['Profesi', 'Profession'],
        [
          ['DOKTER', 'Dokter', 'Physician'],
          ['BIDAN', 'Bidan', 'Midwife'],
          ['PERAWAT', 'Perawat', 'Nurse'],
        ],
      ),
      field('nomor_str', 'string', ['Nomor STR', 'Registration certificate number'], {
        pattern: {
          regex: '[0-9A-Za-z]+(?:[./ -][0-9A-Za-z]+)*',
          description: {
            id: 'Nomor STR: huruf dan angka, boleh dipisah titik, garis miring, spasi atau tanda hubung',
            en: 'STR number: letters and digits, optionally separated by dots, slashes, spaces or dashes',
          },
        },
      }),
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
    documentSlots: [
      KTP_SLOT,
      slot(['desain_reklame', 'Desain reklame', 'Billboard design'], { maxFiles: 3 }),
      slot(['bukti_pajak', 'Bukti pembayaran pajak reklame', 'Proof of billboard tax payment']),
    ],
    attributes: [
      NIK,
      KECAMATAN,
      choice(
        'jenis',
        ['Jenis reklame', 'Billboard type'],
        [
          ['TETAP', 'Tetap', 'Permanent'],
          ['INSIDENTIL', 'Insidentil', 'Temporary'],
        ],
      ),
      field('mulai', 'datetime', ['Tanggal mulai tayang', 'Display start date'], {
        required: false,
        dateRange: { minDaysFromToday: 0 },
      }),
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
      choice(
        'alasan',
        ['Alasan penerbitan', 'Reason for issue'],
        [
          ['BARU', 'Baru', 'New'],
          ['HILANG', 'Hilang', 'Lost'],
          ['RUSAK', 'Rusak', 'Damaged'],
          ['PERUBAHAN', 'Perubahan data', 'Changed data'],
        ],
      ),
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
      choice(
        'perubahan',
        ['Perubahan data', 'Changes'],
        [
          ['TAMBAH_ANGGOTA', 'Tambah anggota', 'Add a member'],
          ['KURANG_ANGGOTA', 'Kurangi anggota', 'Remove a member'],
          ['ALAMAT', 'Alamat', 'Address'],
          ['PENDIDIKAN_PEKERJAAN', 'Pendidikan/pekerjaan', 'Education/occupation'],
        ],
        'multivaluelist',
      ),
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
      field('nama_anak', 'string', ['Nama anak', "Child's name"]),
      field('tanggal_lahir', 'datetime', ['Tanggal lahir', 'Date of birth'], {
        dateRange: { maxDaysFromToday: 0 },
      }),
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
      field('lokasi', 'text', ['Lokasi (alamat atau patokan)', 'Location (address or landmark)']),
      choice(
        'jenis_kerusakan',
        ['Jenis kerusakan', 'Kind of damage'],
        [
          ['JALAN_BERLUBANG', 'Jalan berlubang', 'Pothole'],
          ['DRAINASE', 'Drainase tersumbat', 'Blocked drain'],
          ['LAMPU_JALAN', 'Lampu jalan padam', 'Street light out'],
        ],
      ),
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
      field('rincian', 'text', ['Rincian informasi', 'Information requested']),
      choice(
        'cara_memperoleh',
        ['Cara memperoleh', 'How to receive it'],
        [
          ['EMAIL', 'Surel', 'E-mail'],
          ['AMBIL', 'Ambil langsung', 'Collect in person'],
        ],
      ),
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
        documentSlots: (entry.documentSlots ?? []) as unknown as Prisma.InputJsonValue,
        note: 'Versi awal / initial version',
      },
    });
    await tx.service.update({ where: { id: service.id }, data: { currentVersionId: version.id } });
    created.serviceVersions = (created.serviceVersions ?? 0) + 1;
  }
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
        out[a.code] = a.code === 'nik' ? randomNik(rnd) : 'Contoh isian';
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

  const rnd = seededRandom(20261127);
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
      citizenAttachedAt: submittedAt,
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
