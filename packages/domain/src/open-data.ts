// Open data (issue 23): which records are published, which columns they carry, and when an
// aggregate is too small to publish. PermenPANRB 14/2017 obliges a provider to publish its survey
// results; UU 25/2009 makes service standards and performance public; UU 14/2008 (KIP) makes
// public information available to anyone — but never a person's data (UU 27/2022, PDP).
import type { Message } from './errors.js';
import { SKM_ELEMENTS, type SkmElementCode } from './feedback/skm-elements.js';

/** The `survey` dataset's column of an SKM element's average, e.g. `persyaratan_average`. */
export const openDataElementColumn = (code: SkmElementCode): string => `${code.toLowerCase()}_average`;

/** Cells of an aggregate computed from fewer people than this are withheld, by default. */
export const OPEN_DATA_MIN_COUNT_DEFAULT = 5;

/** The regulations the open data and the public results page rest on, cited on both. */
export const OPEN_DATA_LEGAL_BASIS = [
  {
    code: 'PERMENPANRB_14_2017',
    title: 'Peraturan Menteri PANRB Nomor 14 Tahun 2017',
    about: {
      id: 'Pedoman Survei Kepuasan Masyarakat: hasil SKM (IKM) wajib dipublikasikan',
      en: 'Guidelines for the community satisfaction survey: the results (IKM) must be published',
    },
  },
  {
    code: 'UU_25_2009',
    title: 'Undang-Undang Nomor 25 Tahun 2009',
    about: {
      id: 'Pelayanan Publik: standar pelayanan dan kinerja penyelenggara terbuka untuk umum',
      en: 'Public services: service standards and the provider’s performance are public',
    },
  },
  {
    code: 'UU_14_2008',
    title: 'Undang-Undang Nomor 14 Tahun 2008',
    about: {
      id: 'Keterbukaan Informasi Publik: informasi publik dapat diperoleh setiap orang',
      en: 'Freedom of public information: anyone may obtain public information',
    },
  },
  {
    code: 'UU_27_2022',
    title: 'Undang-Undang Nomor 27 Tahun 2022',
    about: {
      id: 'Pelindungan Data Pribadi: tidak ada data pribadi dalam data terbuka',
      en: 'Personal data protection: no personal data in the open data',
    },
  },
] as const satisfies readonly { code: string; title: string; about: Message }[];

/** The kinds of value a column holds, as the data dictionary names them. */
export type OpenDataColumnType = 'text' | 'integer' | 'decimal' | 'boolean' | 'date' | 'month';

export type OpenDataColumn = {
  readonly name: string;
  readonly type: OpenDataColumnType;
  /** Whether the value may be empty (CSV) / null (JSON), and when that happens is in the description. */
  readonly nullable: boolean;
  readonly description: Message;
};

export type OpenDataDatasetName = 'requests' | 'survey' | 'forum-accountability' | 'services';

export type OpenDataDataset = {
  readonly name: OpenDataDatasetName;
  readonly title: Message;
  readonly description: Message;
  /** The rule that produced the figures (regulation or definition). */
  readonly rule: Message;
  /** Whether rows from fewer people than the minimum count are withheld (suppressOpenDataRow). */
  readonly suppressed: boolean;
  readonly columns: readonly OpenDataColumn[];
};

const col = (
  name: string,
  type: OpenDataColumnType,
  id: string,
  en: string,
  nullable = false,
): OpenDataColumn => ({ name, type, nullable, description: { id, en } });

const SUPPRESSED_COLUMN = col(
  'suppressed',
  'boolean',
  'true bila kelompok berisi kurang dari jumlah minimum orang: semua angka baris itu dikosongkan',
  'true when the group holds fewer people than the minimum count: every figure of the row is left empty',
);

/** Every open dataset with its columns, in the order the files carry them (the data dictionary). */
export const OPEN_DATA_DATASETS: readonly OpenDataDataset[] = [
  {
    name: 'requests',
    title: { id: 'Permohonan layanan publik', en: 'Public service requests' },
    description: {
      id: 'Satu baris per permohonan pada layanan yang ditandai terbuka (mis. pengaduan tempat umum), tanpa teks, isian, waktu persis, atau pengenal orang.',
      en: 'One row per request of the services marked open (e.g. complaints about public places), without text, form values, exact times or anything identifying a person.',
    },
    rule: {
      id: 'Tepat waktu menurut standar pelayanan (UU 25/2009): diverifikasi paling lama 3 hari kerja sejak diajukan dan selesai dalam jangka waktu standar sejak verifikasi.',
      en: 'Within the service standard (UU 25/2009): verified within 3 working days of filing and completed within the standard’s time from verification.',
    },
    suppressed: false,
    columns: [
      col('service', 'text', 'Kode layanan', 'Service code'),
      col('service_name', 'text', 'Nama layanan', 'Service name'),
      col('unit', 'text', 'Kode perangkat daerah yang menangani', 'Code of the handling unit'),
      col(
        'kecamatan',
        'text',
        'Kecamatan yang dipilih dari daftar layanan (kosong bila layanan tidak menanyakannya)',
        'District chosen from the service’s list (empty when the service does not ask for it)',
        true,
      ),
      col('channel', 'text', 'Kanal: ONLINE atau COUNTER (loket)', 'Channel: ONLINE or COUNTER'),
      col('day', 'date', 'Tanggal diajukan (WIB), YYYY-MM-DD', 'Day filed (WIB), YYYY-MM-DD'),
      col(
        'state',
        'text',
        'Status saat ini (SUBMITTED, VERIFIED, IN_PROGRESS, RETURNED, COMPLETED, REJECTED, WITHDRAWN…)',
        'Current state (SUBMITTED, VERIFIED, IN_PROGRESS, RETURNED, COMPLETED, REJECTED, WITHDRAWN…)',
      ),
      col(
        'working_days_taken',
        'integer',
        'Hari kerja dari pengajuan sampai selesai (kosong bila belum selesai)',
        'Working days from filing to completion (empty until completed)',
        true,
      ),
      col(
        'within_standard',
        'boolean',
        'Selesai dalam standar pelayanan (kosong bila belum selesai)',
        'Completed within the service standard (empty until completed)',
        true,
      ),
    ],
  },
  {
    name: 'survey',
    title: {
      id: 'Hasil Survei Kepuasan Masyarakat (IKM)',
      en: 'Community satisfaction survey results (IKM)',
    },
    description: {
      id: 'IKM kota, setiap perangkat daerah dan setiap layanan per bulan.',
      en: 'The IKM of the city, each unit and each service per month.',
    },
    rule: {
      id: 'PermenPANRB 14/2017: IKM = Σ (rata-rata unsur × 1/9) × 25; mutu A ≥ 88,31, B ≥ 76,61, C ≥ 65, D di bawahnya; sampel minimum Krejcie & Morgan.',
      en: 'PermenPANRB 14/2017: IKM = Σ (element average × 1/9) × 25; grade A ≥ 88.31, B ≥ 76.61, C ≥ 65, D below; minimum sample by Krejcie & Morgan.',
    },
    suppressed: true,
    columns: [
      col('month', 'month', 'Bulan (WIB), YYYY-MM', 'Month (WIB), YYYY-MM'),
      col('scope', 'text', 'CITY, UNIT atau SERVICE', 'CITY, UNIT or SERVICE'),
      col(
        'unit',
        'text',
        'Kode perangkat daerah (kosong untuk kota)',
        'Unit code (empty for the city)',
        true,
      ),
      col('service', 'text', 'Kode layanan (hanya untuk SERVICE)', 'Service code (SERVICE only)', true),
      col('name', 'text', 'Nama kota, perangkat daerah atau layanan', 'Name of the city, unit or service'),
      col('respondents', 'integer', 'Jumlah responden', 'Respondents', true),
      col('required_sample', 'integer', 'Sampel minimum', 'Minimum sample', true),
      col('ikm', 'decimal', 'Nilai IKM (25–100), dua desimal', 'IKM score (25–100), two decimals', true),
      col('grade', 'text', 'Mutu pelayanan A–D', 'Service grade A–D', true),
      ...SKM_ELEMENTS.map((e, i) =>
        col(
          openDataElementColumn(e.code),
          'decimal',
          `Rata-rata nilai unsur U${i + 1} ${e.label.id} (1–4)`,
          `Average of element U${i + 1} ${e.label.en} (1–4)`,
          true,
        ),
      ),
      SUPPRESSED_COLUMN,
    ],
  },
  {
    name: 'forum-accountability',
    title: { id: 'Akuntabilitas forum', en: 'Forum accountability' },
    description: {
      id: 'Per perangkat daerah dan bulan: aspirasi diterima, dijawab tepat waktu, tindak lanjut selesai.',
      en: 'Per unit and month: submissions received, answered on time, follow-up commitments done.',
    },
    rule: {
      id: 'Jawaban tepat waktu: paling lama pada tanggal jatuh tempo hari kerja (bawaan 14 hari kerja); komitmen tepat waktu: selesai paling lama pada tanggal yang dijanjikan.',
      en: 'Answered on time: by the working-day due date (14 working days by default); commitment on time: done by its promised day.',
    },
    suppressed: true,
    columns: [
      col('month', 'month', 'Bulan diterima (WIB), YYYY-MM', 'Month received (WIB), YYYY-MM'),
      col('unit', 'text', 'Kode perangkat daerah', 'Unit code'),
      col('unit_name', 'text', 'Nama perangkat daerah', 'Unit name'),
      col('received', 'integer', 'Aspirasi dan kritik diterima', 'Submissions received', true),
      col('answered', 'integer', 'Sudah dijawab', 'Answered', true),
      col('answered_on_time', 'integer', 'Dijawab tepat waktu', 'Answered on time', true),
      col('accepted', 'integer', 'Dijawab diterima', 'Answered accepted', true),
      col(
        'overdue_answers',
        'integer',
        'Belum dijawab melewati tenggat',
        'Unanswered past the due date',
        true,
      ),
      col('commitments', 'integer', 'Komitmen tindak lanjut', 'Follow-up commitments', true),
      col('commitments_done', 'integer', 'Komitmen selesai', 'Commitments done', true),
      col(
        'commitments_done_on_time',
        'integer',
        'Komitmen selesai tepat waktu',
        'Commitments done on time',
        true,
      ),
      SUPPRESSED_COLUMN,
    ],
  },
  {
    name: 'services',
    title: { id: 'Katalog layanan dan standar pelayanan', en: 'Service catalogue and standards' },
    description: {
      id: 'Setiap layanan yang diterbitkan dengan standar pelayanannya yang berlaku (14 komponen UU 25/2009).',
      en: 'Every published service with its current standard (the 14 components of UU 25/2009).',
    },
    rule: {
      id: 'UU 25/2009 pasal 21: komponen standar pelayanan.',
      en: 'UU 25/2009 art. 21: the components of a service standard.',
    },
    suppressed: false,
    columns: [
      col('service', 'text', 'Kode layanan', 'Service code'),
      col('name', 'text', 'Nama layanan', 'Service name'),
      col('name_en', 'text', 'Nama layanan dalam bahasa Inggris', 'Service name in English'),
      col('unit', 'text', 'Kode perangkat daerah', 'Unit code'),
      col('unit_name', 'text', 'Nama perangkat daerah', 'Unit name'),
      col(
        'kind',
        'text',
        'PERMIT, REGISTRATION, COMPLAINT atau INFORMATION_REQUEST',
        'PERMIT, REGISTRATION, COMPLAINT or INFORMATION_REQUEST',
      ),
      col('version', 'integer', 'Versi standar yang berlaku', 'Current version of the standard'),
      col(
        'completion_working_days',
        'integer',
        'Jangka waktu penyelesaian (hari kerja)',
        'Completion time (working days)',
      ),
      col(
        'cost',
        'text',
        'Biaya (rupiah; 0 = gratis) atau keterangan tarif',
        'Cost (rupiah; 0 = free) or tariff note',
      ),
      col(
        'open_data',
        'boolean',
        'Permohonannya diterbitkan sebagai data terbuka',
        'Its requests are published as open data',
      ),
      col('legal_basis', 'text', 'Dasar hukum (dipisah “; ”)', 'Legal basis (separated by “; ”)'),
      col('requirements', 'text', 'Persyaratan (dipisah “; ”)', 'Requirements (separated by “; ”)'),
      col('procedure', 'text', 'Prosedur (dipisah “; ”)', 'Procedure (separated by “; ”)'),
      col('product', 'text', 'Produk pelayanan', 'Service product'),
      col('complaint_handling', 'text', 'Penanganan pengaduan', 'Complaint handling'),
      col('service_guarantee', 'text', 'Jaminan pelayanan', 'Service guarantee'),
    ],
  },
];

/** The dataset of that name (every name is in OPEN_DATA_DATASETS). */
export function openDataDataset(name: OpenDataDatasetName): OpenDataDataset {
  const found = OPEN_DATA_DATASETS.find((d) => d.name === name);
  if (!found) throw new Error(`unknown open dataset ${name}`);
  return found;
}

/**
 * Whether a service's requests are published as open data: the catalogue marks it open (an
 * admin's choice, off by default: e.g. complaints about roads and public places) and it is
 * published. Permits and civil registration concern a person and stay closed.
 */
export function isOpenDataService(service: {
  readonly openData: boolean;
  readonly published: boolean;
}): boolean {
  return service.openData && service.published;
}

/**
 * Whether an aggregate over `groupSize` people is withheld: more than none and fewer than
 * `minCount` (a group of one or two could be recognised by a neighbour or a colleague). An
 * empty group shows its zeros.
 */
export function isSuppressed(groupSize: number, minCount: number): boolean {
  return groupSize > 0 && groupSize < minCount;
}

/**
 * A row of an aggregate as published: when its group is suppressed (isSuppressed), every figure
 * named in `figures` becomes null and `suppressed` is true; otherwise the row as it is with
 * `suppressed` false. The labels (month, unit, name) always stay.
 */
export function suppressOpenDataRow<T extends Record<string, unknown>, K extends keyof T>(
  row: T,
  groupSize: number,
  minCount: number,
  figures: readonly K[],
): { [P in keyof T]: P extends K ? T[P] | null : T[P] } & { suppressed: boolean } {
  const suppressed = isSuppressed(groupSize, minCount);
  const out: Record<string, unknown> = { ...row, suppressed };
  if (suppressed) for (const f of figures) out[f as string] = null;
  return out as { [P in keyof T]: P extends K ? T[P] | null : T[P] } & { suppressed: boolean };
}

/** What the database gives for one request of an open service. */
export type OpenRequestSource = {
  readonly serviceCode: string;
  readonly serviceName: string;
  readonly unitCode: string;
  /** The stored `kecamatan` form value, whatever it is. */
  readonly kecamatan: unknown;
  readonly channel: string;
  /** The WIB day it was filed, YYYY-MM-DD. */
  readonly day: string;
  readonly state: string;
  readonly completeWorkingDays: number | null;
  /** Null until completed. */
  readonly completedWithinStandard: boolean | null;
};

/** One request as published (the `requests` dataset's columns). */
export type OpenRequestRecord = {
  readonly service: string;
  readonly service_name: string;
  readonly unit: string;
  readonly kecamatan: string | null;
  readonly channel: string;
  readonly day: string;
  readonly state: string;
  readonly working_days_taken: number | null;
  readonly within_standard: boolean | null;
};

/**
 * The published record of a request: only the columns of the `requests` dataset. The kecamatan
 * is published only when it is one of `kecamatanKeys` (the city's kecamatan codes, the keys of the
 * catalogue's kecamatan lists), so a free-text value typed into a field of that name never leaves;
 * working days and "within the standard" only once the request is completed.
 */
export function openRequestRecord(
  source: OpenRequestSource,
  kecamatanKeys: ReadonlySet<string>,
): OpenRequestRecord {
  const completed = source.state === 'COMPLETED';
  return {
    service: source.serviceCode,
    service_name: source.serviceName,
    unit: source.unitCode,
    kecamatan:
      typeof source.kecamatan === 'string' && kecamatanKeys.has(source.kecamatan) ? source.kecamatan : null,
    channel: source.channel,
    day: source.day,
    state: source.state,
    working_days_taken: completed ? source.completeWorkingDays : null,
    within_standard: completed ? (source.completedWithinStandard ?? false) : null,
  };
}
