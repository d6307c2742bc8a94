// Forums demo data: a standing forum per answering unit, a musrenbang session in each kecamatan,
// and submissions in every state (answered on time, late, overdue, hidden, with commitments
// planned, in progress, done and cancelled) so the accountability report has real shapes.
// Idempotent: nothing is added when the forums already exist.

import { createWorkingCalendar } from '@layanan/domain/calendar';
import { answerDueDate } from '@layanan/domain/forums';
import type { PrismaClient } from './generated/prisma/client.js';

type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export const SEED_FORUMS = [
  {
    slug: 'pelayanan-perizinan',
    title: 'Forum Konsultasi Publik Pelayanan Perizinan',
    description: 'Masukan warga dan pelaku usaha tentang pelayanan perizinan di Mal Pelayanan Publik.',
    unit: 'DPMPTSP',
  },
  {
    slug: 'adminduk',
    title: 'Forum Warga Administrasi Kependudukan',
    description: 'Aspirasi dan kritik tentang KTP-el, KK, akta dan layanan jemput bola Disdukcapil.',
    unit: 'DISDUKCAPIL',
  },
  {
    slug: 'infrastruktur-kota',
    title: 'Forum Infrastruktur Kota',
    description: 'Jalan, drainase, penerangan jalan dan ruang publik di empat kecamatan.',
    unit: 'DPUPR',
  },
] as const;

type SubmissionSeed = {
  forum: (typeof SEED_FORUMS)[number]['slug'];
  district?: string;
  author: string;
  kind: 'ASPIRATION' | 'CRITIQUE';
  title: string;
  text: string;
  hideAuthorName?: boolean;
  service?: string;
  on: string;
  answer?: { status: 'ACCEPTED' | 'REJECTED' | 'ALREADY_PLANNED'; on: string; reason: string };
  hidden?: string;
  supporters?: string[];
  followers?: string[];
  commitment?: {
    staffNip: string;
    description: string;
    dueOn: string;
    updates: { on: string; progress: number; note: string }[];
    cancel?: string;
  };
};

const SUBMISSIONS: SubmissionSeed[] = [
  {
    forum: 'pelayanan-perizinan',
    author: 'warga@layanan.test',
    kind: 'CRITIQUE',
    title: 'Antrean PBG terlalu lama',
    text: 'Pengurusan PBG rumah saya sudah lewat sebulan dan belum ada kabar. Mohon ada informasi status yang jelas.',
    service: 'PBG',
    on: '2026-08-03',
    answer: {
      status: 'ACCEPTED',
      on: '2026-08-12',
      reason:
        'Benar, status berkas belum terlihat oleh pemohon. Kami akan menampilkan status PBG secara daring.',
    },
    supporters: ['warga2@layanan.test'],
    followers: ['warga2@layanan.test'],
    commitment: {
      staffNip: '199207082019031004',
      description: 'Menampilkan status berkas PBG secara daring untuk setiap pemohon.',
      dueOn: '2026-10-30',
      updates: [
        { on: '2026-09-01', progress: 40, note: 'Rancangan halaman status selesai diuji internal.' },
        { on: '2026-10-20', progress: 100, note: 'Status PBG kini tampil di portal layanan.' },
      ],
    },
  },
  {
    forum: 'pelayanan-perizinan',
    author: 'warga2@layanan.test',
    kind: 'ASPIRATION',
    title: 'Layanan perizinan hari Sabtu',
    text: 'Usul agar loket perizinan buka setengah hari pada hari Sabtu untuk pekerja.',
    on: '2026-09-07',
    answer: {
      status: 'REJECTED',
      on: '2026-09-30',
      reason:
        'Belum dapat dilaksanakan karena jumlah petugas; permohonan daring tetap dapat diajukan kapan saja.',
    },
    supporters: ['warga@layanan.test'],
  },
  {
    forum: 'adminduk',
    district: 'TALAWI',
    author: 'warga@layanan.test',
    kind: 'ASPIRATION',
    title: 'Jemput bola KTP-el untuk lansia di Talawi',
    text: 'Banyak lansia di Talawi sulit datang ke kantor Disdukcapil. Mohon layanan jemput bola perekaman KTP-el.',
    service: 'KTP-EL',
    on: '2026-09-14',
    hideAuthorName: true,
    answer: {
      status: 'ACCEPTED',
      on: '2026-09-22',
      reason: 'Kami jadwalkan perekaman keliling di setiap desa di Kecamatan Talawi.',
    },
    supporters: ['warga2@layanan.test'],
    followers: ['warga2@layanan.test'],
    commitment: {
      staffNip: '199510172020121005',
      description: 'Perekaman KTP-el keliling di seluruh desa Kecamatan Talawi.',
      dueOn: '2026-11-20',
      updates: [{ on: '2026-10-15', progress: 50, note: 'Lima desa sudah dikunjungi.' }],
    },
  },
  {
    forum: 'adminduk',
    author: 'warga2@layanan.test',
    kind: 'CRITIQUE',
    title: 'Blanko KTP-el sering habis',
    text: 'Sudah tiga kali datang tetapi blanko KTP-el habis. Mohon informasi stok di situs.',
    service: 'KTP-EL',
    on: '2026-10-05',
    answer: {
      status: 'ALREADY_PLANNED',
      on: '2026-10-08',
      reason:
        'Informasi stok blanko harian sudah direncanakan tampil di papan informasi dan situs mulai November.',
    },
  },
  {
    forum: 'infrastruktur-kota',
    district: 'SILUNGKANG',
    author: 'warga@layanan.test',
    kind: 'CRITIQUE',
    title: 'Drainase tersumbat di Silungkang',
    text: 'Saluran air di depan pasar Silungkang tersumbat dan meluap setiap hujan.',
    service: 'PENGADUAN-JALAN',
    on: '2026-10-12',
    supporters: ['warga2@layanan.test'],
    followers: ['warga2@layanan.test'],
  },
  {
    forum: 'infrastruktur-kota',
    district: 'BARANGIN',
    author: 'warga2@layanan.test',
    kind: 'ASPIRATION',
    title: 'Lampu jalan di Barangin',
    text: 'Mohon penambahan lampu penerangan jalan di jalur menuju Museum Goedang Ransoem.',
    on: '2026-08-24',
    answer: {
      status: 'ACCEPTED',
      on: '2026-09-25',
      reason: 'Penambahan lima titik lampu masuk rencana kerja tahun ini.',
    },
    commitment: {
      staffNip: '199012152023212011',
      description: 'Memasang lima titik lampu jalan menuju Museum Goedang Ransoem.',
      dueOn: '2026-12-15',
      updates: [{ on: '2026-10-01', progress: 10, note: 'Survei lokasi selesai.' }],
      cancel: 'Anggaran dialihkan ke perbaikan jembatan darurat; diusulkan kembali tahun depan.',
    },
  },
  {
    forum: 'infrastruktur-kota',
    district: 'LEMBAH_SEGAR',
    author: 'warga@layanan.test',
    kind: 'CRITIQUE',
    title: 'Komentar kasar',
    text: 'Isi yang melanggar aturan forum (contoh moderasi).',
    on: '2026-11-02',
    hidden: 'Mengandung kata-kata kasar dan menyerang pribadi petugas.',
  },
  {
    forum: 'pelayanan-perizinan',
    author: 'warga@layanan.test',
    kind: 'ASPIRATION',
    title: 'Panduan izin reklame',
    text: 'Mohon panduan singkat bergambar untuk izin reklame insidentil.',
    service: 'SIUP-REKLAME',
    on: '2026-11-16',
  },
];

const SESSIONS = [
  {
    district: 'BARANGIN',
    title: 'Musrenbang Kecamatan Barangin 2027',
    on: '2026-02-10T09:00:00+07:00',
    forum: 'infrastruktur-kota',
  },
  {
    district: 'LEMBAH_SEGAR',
    title: 'Musrenbang Kecamatan Lembah Segar 2027',
    on: '2026-02-11T09:00:00+07:00',
    forum: 'infrastruktur-kota',
  },
  {
    district: 'SILUNGKANG',
    title: 'Musrenbang Kecamatan Silungkang 2027',
    on: '2026-02-12T09:00:00+07:00',
    forum: 'infrastruktur-kota',
  },
  {
    district: 'TALAWI',
    title: 'Forum Konsultasi Publik Adminduk Talawi',
    on: '2026-09-10T13:30:00+07:00',
    forum: 'adminduk',
  },
] as const;

const dateOnly = (day: string) => new Date(`${day}T00:00:00Z`);
const noonWib = (day: string) => new Date(`${day}T12:00:00+07:00`);

export async function seedForums(tx: Tx, created: Record<string, number>): Promise<void> {
  // Forums may exist already (the test fixture writes them); the demo content goes in once.
  if ((await tx.forumSession.count()) > 0 || (await tx.submission.count()) > 0) return;
  // Due dates from the calendar as stored (seeded by the services area just before).
  const calendar = createWorkingCalendar({
    holidays: (await tx.holiday.findMany()).map((h) => ({
      date: h.date.toISOString().slice(0, 10),
      name: h.name,
      kind: h.kind,
    })),
  });
  const units = new Map((await tx.unit.findMany()).map((u) => [u.code, u.id]));
  const districts = new Map((await tx.district.findMany()).map((d) => [d.code, d.id]));
  const accounts = new Map((await tx.account.findMany()).map((a) => [a.email ?? '', a.id]));
  const staff = new Map((await tx.staff.findMany()).map((s) => [s.nip, s]));
  const services = new Map((await tx.service.findMany()).map((s) => [s.code, s]));
  const must = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`seed: unknown ${what}`);
    return value;
  };

  const forums = new Map<string, { id: string; unitId: string }>();
  for (const { unit, ...forum } of SEED_FORUMS) {
    const existing = await tx.forum.findUnique({ where: { slug: forum.slug } });
    const row =
      existing ?? (await tx.forum.create({ data: { ...forum, unitId: must(units.get(unit), unit) } }));
    if (!existing) created.forums = (created.forums ?? 0) + 1;
    forums.set(forum.slug, row);
  }

  const sessionByDistrict = new Map<string, string>();
  for (const session of SESSIONS) {
    const forum = must(forums.get(session.forum), session.forum);
    const unitStaff = [...staff.values()].filter((s) => s.unitId === forum.unitId).slice(0, 2);
    const row = await tx.forumSession.create({
      data: {
        forumId: forum.id,
        title: session.title,
        agenda:
          'Pemaparan rencana kerja, penyampaian aspirasi warga, tanya jawab, dan kesepakatan prioritas.',
        startsAt: new Date(session.on),
        districtId: must(districts.get(session.district), session.district),
        place: `Aula Kantor Camat ${session.district
          .replace('_', ' ')
          .toLowerCase()
          .replace(/\b\w/g, (c) => c.toUpperCase())}`,
        minutes: 'Notulen: aspirasi warga dicatat dan dijawab di forum daring ini.',
        minutesPublishedAt: new Date(new Date(session.on).getTime() + 3 * 86_400_000),
        representatives: { create: unitStaff.map((s) => ({ staffId: s.id })) },
      },
    });
    sessionByDistrict.set(session.district, row.id);
  }
  created.forumSessions = SESSIONS.length;

  const moderator = must(accounts.get('admin@layanan.test'), 'admin account');
  let count = 0;
  for (const s of SUBMISSIONS) {
    const forum = must(forums.get(s.forum), s.forum);
    const service = s.service ? must(services.get(s.service), s.service) : undefined;
    const unitId = service?.unitId ?? forum.unitId;
    const answerer = [...staff.values()].find((m) => m.unitId === unitId);
    const answeredBy = answerer
      ? ((await tx.account.findFirst({ where: { staffId: answerer.id } }))?.id ?? moderator)
      : moderator;
    const submission = await tx.submission.create({
      data: {
        forumId: forum.id,
        sessionId: s.district ? (sessionByDistrict.get(s.district) ?? null) : null,
        authorId: must(accounts.get(s.author), s.author),
        kind: s.kind,
        title: s.title,
        text: s.text,
        hideAuthorName: s.hideAuthorName ?? false,
        serviceId: service?.id ?? null,
        unitId,
        createdAt: noonWib(s.on),
        answerDueOn: dateOnly(answerDueDate(s.on, calendar)),
        ...(s.answer
          ? {
              status: s.answer.status,
              answerReason: s.answer.reason,
              answeredAt: noonWib(s.answer.on),
              answeredById: answeredBy,
            }
          : {}),
        ...(s.hidden
          ? {
              hiddenAt: noonWib(s.on),
              hiddenReason: s.hidden,
              hiddenById: moderator,
              moderationHistory: {
                create: {
                  action: 'HIDE',
                  reason: s.hidden,
                  moderatorAccountId: moderator,
                  createdAt: noonWib(s.on),
                },
              },
            }
          : {}),
        supports: {
          create: (s.supporters ?? []).map((email) => ({ accountId: must(accounts.get(email), email) })),
        },
        followers: {
          create: (s.followers ?? []).map((email) => ({ accountId: must(accounts.get(email), email) })),
        },
      },
    });
    count++;
    if (s.answer) {
      await tx.notification.createMany({
        data: [s.author, ...(s.followers ?? [])].map((email) => ({
          accountId: must(accounts.get(email), email),
          kind: 'SUBMISSION_ANSWERED' as const,
          submissionId: submission.id,
          titleId: `Usulan "${s.title}" telah dijawab`,
          titleEn: `"${s.title}" has been answered`,
          createdAt: noonWib(s.answer?.on ?? s.on),
          readAt: email === s.author ? noonWib(s.answer?.on ?? s.on) : null,
        })),
      });
    }
    if (s.commitment) {
      const c = s.commitment;
      const responsible = must(staff.get(c.staffNip), c.staffNip);
      const last = c.updates.at(-1);
      const progress = last?.progress ?? 0;
      const status = c.cancel
        ? 'CANCELLED'
        : progress === 100
          ? 'DONE'
          : progress > 0
            ? 'IN_PROGRESS'
            : 'PLANNED';
      await tx.commitment.create({
        data: {
          submissionId: submission.id,
          unitId: responsible.unitId,
          responsibleStaffId: responsible.id,
          description: c.description,
          dueOn: dateOnly(c.dueOn),
          status,
          progress,
          cancelReason: c.cancel ?? null,
          doneOn: status === 'DONE' && last ? dateOnly(last.on) : null,
          createdAt: noonWib(s.answer?.on ?? s.on),
          updates: {
            create: c.updates.map((u) => ({
              progress: u.progress,
              note: u.note,
              date: dateOnly(u.on),
              authorId: answeredBy,
              createdAt: noonWib(u.on),
            })),
          },
        },
      });
    }
  }
  created.submissions = count;
}
