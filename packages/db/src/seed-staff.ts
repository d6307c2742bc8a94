// Demo data of the staff area (issue 3): sub-units, competencies, positions with requirements,
// tens of staff with derived NIP fields, rank history, training courses and records, and SKP
// ratings — enough that every report (gaps, training compliance, plans, quota) shows something.
// Idempotent like seed.ts: rows are matched by natural key and only missing ones are created.
import { parsePnsRank, parsePppkGrade, pnsRankOrder, pppkGradeOrder } from '@layanan/domain/staff';
import type { PrismaClient } from './generated/prisma/client.js';
import type { CompetencyType, Expectation, Predikat, StaffKind, UnitKind } from './generated/prisma/enums.js';

type SubUnitSeed = { code: string; parent: string; shortName: string; name: string; kind: UnitKind };

export const SEED_SUB_UNITS: readonly SubUnitSeed[] = [
  {
    code: 'DPMPTSP-PERIZINAN',
    parent: 'DPMPTSP',
    shortName: 'Bid. Perizinan',
    name: 'Bidang Pelayanan Perizinan',
    kind: 'BIDANG',
  },
  {
    code: 'DPMPTSP-PM',
    parent: 'DPMPTSP',
    shortName: 'Bid. Penanaman Modal',
    name: 'Bidang Penanaman Modal',
    kind: 'BIDANG',
  },
  {
    code: 'DISDUKCAPIL-DAFDUK',
    parent: 'DISDUKCAPIL',
    shortName: 'Bid. Dafduk',
    name: 'Bidang Pelayanan Pendaftaran Penduduk',
    kind: 'BIDANG',
  },
  {
    code: 'BKPSDM-PKA',
    parent: 'BKPSDM',
    shortName: 'Bid. PKA',
    name: 'Bidang Pengembangan Kompetensi Aparatur',
    kind: 'BIDANG',
  },
];

export const SEED_COMPETENCIES: readonly { code: string; name: string; type: CompetencyType }[] = [
  { code: 'PELAYANAN_PUBLIK', name: 'Pelayanan Publik', type: 'TEKNIS' },
  { code: 'PERIZINAN_OSS', name: 'Perizinan Berusaha Berbasis Risiko (OSS-RBA)', type: 'TEKNIS' },
  { code: 'ADMINDUK_SIAK', name: 'Administrasi Kependudukan (SIAK)', type: 'TEKNIS' },
  { code: 'TIK', name: 'Teknologi Informasi dan Komunikasi', type: 'TEKNIS' },
  { code: 'MANAJEMEN_ASN', name: 'Manajemen ASN', type: 'TEKNIS' },
  { code: 'KEPEMIMPINAN', name: 'Kepemimpinan', type: 'MANAJERIAL' },
  { code: 'PERENCANAAN', name: 'Perencanaan', type: 'MANAJERIAL' },
  { code: 'PEREKAT_BANGSA', name: 'Perekat Bangsa', type: 'SOSIAL_KULTURAL' },
];

type PositionSeed = { code: string; name: string; requires: Record<string, number> };

export const SEED_POSITIONS: readonly PositionSeed[] = [
  {
    code: 'KABID',
    name: 'Kepala Bidang',
    requires: { KEPEMIMPINAN: 4, PERENCANAAN: 3, PELAYANAN_PUBLIK: 3, PEREKAT_BANGSA: 3 },
  },
  {
    code: 'ANALIS_PERIZINAN',
    name: 'Analis Perizinan',
    requires: { PERIZINAN_OSS: 3, PELAYANAN_PUBLIK: 3, TIK: 2, PEREKAT_BANGSA: 2 },
  },
  {
    code: 'PRANATA_KOMPUTER',
    name: 'Pranata Komputer Ahli Pertama',
    requires: { TIK: 4, PELAYANAN_PUBLIK: 2, PEREKAT_BANGSA: 2 },
  },
  {
    code: 'OPERATOR_ADMINDUK',
    name: 'Operator Layanan Administrasi Kependudukan',
    requires: { ADMINDUK_SIAK: 3, PELAYANAN_PUBLIK: 3, TIK: 2, PEREKAT_BANGSA: 2 },
  },
  {
    code: 'KASI',
    name: 'Kepala Seksi',
    requires: { KEPEMIMPINAN: 3, PERENCANAAN: 2, PELAYANAN_PUBLIK: 3, PEREKAT_BANGSA: 3 },
  },
  {
    code: 'ANALIS_SDM',
    name: 'Analis Sumber Daya Manusia Aparatur',
    requires: { MANAJEMEN_ASN: 4, TIK: 2, PEREKAT_BANGSA: 2 },
  },
  {
    code: 'PENGADMINISTRASI',
    name: 'Pengadministrasi Umum',
    requires: { PELAYANAN_PUBLIK: 2, TIK: 1, PEREKAT_BANGSA: 1 },
  },
];

export const SEED_COURSES: readonly {
  code: string;
  name: string;
  jp: number;
  covers: Record<string, number>;
}[] = [
  {
    code: 'PKA',
    name: 'Pelatihan Kepemimpinan Administrator',
    jp: 40,
    covers: { KEPEMIMPINAN: 4, PERENCANAAN: 3 },
  },
  {
    code: 'PKP',
    name: 'Pelatihan Kepemimpinan Pengawas',
    jp: 30,
    covers: { KEPEMIMPINAN: 3, PERENCANAAN: 2 },
  },
  { code: 'OSS-RBA', name: 'Bimtek Perizinan OSS-RBA', jp: 16, covers: { PERIZINAN_OSS: 3 } },
  { code: 'SIAK-TERPUSAT', name: 'Bimtek SIAK Terpusat', jp: 12, covers: { ADMINDUK_SIAK: 3 } },
  { code: 'PRIMA', name: 'Pelayanan Prima', jp: 8, covers: { PELAYANAN_PUBLIK: 3, PEREKAT_BANGSA: 2 } },
  { code: 'TIK-DASAR', name: 'Literasi Digital ASN', jp: 6, covers: { TIK: 2 } },
  { code: 'TIK-LANJUT', name: 'Pengembangan Aplikasi Layanan Publik', jp: 24, covers: { TIK: 4 } },
  { code: 'MANAJEMEN-ASN', name: 'Manajemen ASN dan Sistem Merit', jp: 20, covers: { MANAJEMEN_ASN: 4 } },
  { code: 'WAWASAN-KEBANGSAAN', name: 'Wawasan Kebangsaan', jp: 4, covers: { PEREKAT_BANGSA: 3 } },
];

/** A position's required levels (`requires`) as requirement rows; `competencyId` maps a code to its id. */
export function requirementRows(requires: Record<string, number>, competencyId: (code: string) => string) {
  return Object.entries(requires).map(([code, level]) => ({ competencyId: competencyId(code), level }));
}

/** A course's covered levels (`covers`) as coverage rows; `competencyId` maps a code to its id. */
export function coverageRows(covers: Record<string, number>, competencyId: (code: string) => string) {
  return Object.entries(covers).map(([code, upToLevel]) => ({ competencyId: competencyId(code), upToLevel }));
}

const FIRST_NAMES = [
  'Ahmad',
  'Siti',
  'Budi',
  'Nurul',
  'Irfan',
  'Putri',
  'Rizky',
  'Wulan',
  'Fadli',
  'Mega',
  'Arif',
  'Lestari',
  'Yoga',
  'Intan',
  'Dedi',
  'Sri',
  'Hadi',
  'Ratna',
  'Eko',
  'Fitri',
  'Joko',
  'Maya',
  'Taufik',
  'Novi',
  'Agus',
  'Ayu',
  'Zulkifli',
  'Desi',
  'Rudi',
  'Anisa',
  'Syahrul',
  'Vivi',
  'Ilham',
  'Rahma',
  'Bayu',
  'Sari',
];
const LAST_NAMES = [
  'Putra',
  'Rahmawati',
  'Saputra',
  'Hasanah',
  'Pratama',
  'Wahyuni',
  'Siregar',
  'Chaniago',
  'Piliang',
  'Koto',
  'Tanjung',
  'Sikumbang',
];
const UNITS_CYCLE = [
  'DPMPTSP-PERIZINAN',
  'DPMPTSP-PM',
  'DISDUKCAPIL-DAFDUK',
  'DISDUKCAPIL',
  'BKPSDM-PKA',
  'DPMPTSP',
  'DISKOMINFO',
  'BKPSDM',
  'DPUPR',
];
const POSITION_BY_UNIT: Record<string, readonly string[]> = {
  'DPMPTSP-PERIZINAN': ['ANALIS_PERIZINAN', 'PENGADMINISTRASI', 'ANALIS_PERIZINAN'],
  'DPMPTSP-PM': ['ANALIS_PERIZINAN', 'KASI', 'PENGADMINISTRASI'],
  'DISDUKCAPIL-DAFDUK': ['OPERATOR_ADMINDUK', 'OPERATOR_ADMINDUK', 'KASI'],
  DISDUKCAPIL: ['OPERATOR_ADMINDUK', 'PENGADMINISTRASI', 'PRANATA_KOMPUTER'],
  'BKPSDM-PKA': ['ANALIS_SDM', 'ANALIS_SDM', 'KASI'],
  DPMPTSP: ['PRANATA_KOMPUTER', 'PENGADMINISTRASI', 'KABID'],
  DISKOMINFO: ['PRANATA_KOMPUTER', 'PRANATA_KOMPUTER', 'KASI'],
  BKPSDM: ['ANALIS_SDM', 'PENGADMINISTRASI', 'KABID'],
  DPUPR: ['PENGADMINISTRASI', 'KASI', 'PRANATA_KOMPUTER'],
};
const PNS_LADDER = ['II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b'];
const PNS_LADDER_ORDER = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
const EXPECTATIONS: readonly Expectation[] = ['ABOVE', 'AS_EXPECTED', 'AS_EXPECTED', 'AS_EXPECTED', 'BELOW'];
const SKP: Record<Expectation, Record<Expectation, Predikat>> = {
  ABOVE: { ABOVE: 'SANGAT_BAIK', AS_EXPECTED: 'BAIK', BELOW: 'KURANG_MISCONDUCT' },
  AS_EXPECTED: { ABOVE: 'BAIK', AS_EXPECTED: 'BAIK', BELOW: 'KURANG_MISCONDUCT' },
  BELOW: { ABOVE: 'BUTUH_PERBAIKAN', AS_EXPECTED: 'BUTUH_PERBAIKAN', BELOW: 'SANGAT_KURANG' },
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export type GeneratedStaff = {
  nip: string;
  name: string;
  unit: string;
  positionCode: string;
  kind: StaffKind;
  rank: string;
  rankOrder: number;
  birthDate: string;
  appointment: string;
  gender: 'M' | 'F';
  index: number;
};

/** 36 deterministic staff with valid PNS (and some PPPK) NIPs across the seeded units. */
export function generatedStaff(): GeneratedStaff[] {
  return FIRST_NAMES.map((first, i) => {
    const by = 1968 + ((i * 7) % 27);
    const bm = 1 + ((i * 5) % 12);
    const bd = 1 + ((i * 11) % 28);
    const gender: 'M' | 'F' = i % 2 === 0 ? 'M' : 'F';
    const unit = UNITS_CYCLE[i % UNITS_CYCLE.length] as string;
    const positions = POSITION_BY_UNIT[unit] ?? ['PENGADMINISTRASI'];
    const positionCode = positions[Math.floor(i / UNITS_CYCLE.length) % positions.length] as string;
    const birthDate = `${by}-${pad(bm)}-${pad(bd)}`;
    const name = `${first} ${LAST_NAMES[i % LAST_NAMES.length]}`;
    if (i % 9 === 8) {
      // PPPK: birth date, appointment year, type digit 2x, gender, sequence.
      const year = 2022 + (i % 3);
      const grade = 7 + (i % 5);
      return {
        nip: `${by}${pad(bm)}${pad(bd)}${year}21${gender === 'M' ? 1 : 2}${pad(200 + i, 3)}`,
        name,
        unit,
        positionCode,
        kind: 'PPPK',
        rank: ['VII', 'VIII', 'IX', 'X', 'XI'][grade - 7] as string,
        rankOrder: grade,
        birthDate,
        appointment: String(year),
        gender,
        index: i,
      };
    }
    const ay = by + 22 + (i % 6);
    const am = 1 + ((i * 3) % 12);
    const step = Math.min(PNS_LADDER.length - 1, Math.floor((2026 - ay) / 4) + (i % 3));
    return {
      nip: `${by}${pad(bm)}${pad(bd)}${ay}${pad(am)}${gender === 'M' ? 1 : 2}${pad(100 + i, 3)}`,
      name,
      unit,
      positionCode,
      kind: 'PNS',
      rank: PNS_LADDER[step] as string,
      rankOrder: PNS_LADDER_ORDER[step] as number,
      birthDate,
      appointment: `${ay}-${pad(am)}`,
      gender,
      index: i,
    };
  });
}

// The original seed's staff: their position in the catalogue (for requirements).
export const BASE_POSITIONS: Record<string, string> = {
  '197805142005011002': 'KABID',
  '198903222014022001': 'ANALIS_PERIZINAN',
  '199207082019031004': 'PRANATA_KOMPUTER',
  '198511302010012003': 'KASI',
  '199510172020121005': 'OPERATOR_ADMINDUK',
  '198001252006042001': 'ANALIS_SDM',
  '199012152023212011': 'PENGADMINISTRASI',
};

const dateOf = (day: string) => new Date(`${day}T00:00:00.000Z`);

export function derivedFromNip(nip: string): { birthDate: Date; appointment: string; gender: 'M' | 'F' } {
  const pppk = nip[12] === '2';
  return {
    birthDate: dateOf(`${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`),
    appointment: pppk ? nip.slice(8, 12) : `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
    gender: nip[14] === '1' ? 'M' : 'F',
  };
}

/** Rank order (1–17) from the domain's rank tables, as the import and the gateway store it. */
export function rankOrderOf(rank: string | null, kind: StaffKind): number | null {
  if (!rank) return null;
  if (kind === 'PPPK') {
    const grade = parsePppkGrade(rank);
    return grade.ok ? pppkGradeOrder(grade.value) : null;
  }
  const pns = parsePnsRank(rank);
  return pns.ok ? pnsRankOrder(pns.value.code) : null;
}

/** Adds the staff area's demo rows; called by `seed()` after the base rows exist. */
export async function seedStaffArea(prisma: PrismaClient, created: Record<string, number>): Promise<void> {
  const bump = (key: string, n: number) => {
    created[key] = (created[key] ?? 0) + n;
  };
  await prisma.$transaction(
    async (tx) => {
      const units = new Map((await tx.unit.findMany()).map((u) => [u.code, u.id]));
      const unitId = (code: string) => {
        const id = units.get(code);
        if (!id) throw new Error(`seed: unknown unit ${code}`);
        return id;
      };
      for (const { parent, ...sub } of SEED_SUB_UNITS) {
        if (units.has(sub.code)) continue;
        const row = await tx.unit.create({ data: { ...sub, parentId: unitId(parent) } });
        units.set(row.code, row.id);
        bump('units', 1);
      }

      const existingCompetencies = new Set(
        (await tx.competency.findMany({ select: { code: true } })).map((c) => c.code),
      );
      const newCompetencies = SEED_COMPETENCIES.filter((c) => !existingCompetencies.has(c.code));
      await tx.competency.createMany({ data: newCompetencies });
      bump('competencies', newCompetencies.length);
      const competencyId = new Map((await tx.competency.findMany()).map((c) => [c.code, c.id]));
      const cid = (code: string) => {
        const id = competencyId.get(code);
        if (!id) throw new Error(`seed: unknown competency ${code}`);
        return id;
      };

      const positionId = new Map<string, string>();
      for (const { requires, ...position } of SEED_POSITIONS) {
        const existing = await tx.position.findUnique({ where: { code: position.code } });
        const requirements = requirementRows(requires, cid);
        const row =
          existing ??
          (await tx.position.create({ data: { ...position, requirements: { create: requirements } } }));
        if (!existing) bump('positions', 1);
        positionId.set(position.code, row.id);
      }

      const courseId = new Map<string, string>();
      for (const { covers, ...course } of SEED_COURSES) {
        const existing = await tx.trainingCourse.findUnique({ where: { code: course.code } });
        const covered = coverageRows(covers, cid);
        const row =
          existing ?? (await tx.trainingCourse.create({ data: { ...course, covers: { create: covered } } }));
        if (!existing) bump('trainingCourses', 1);
        courseId.set(course.code, row.id);
      }

      // The base staff get their derived NIP fields and catalogue position once.
      for (const s of await tx.staff.findMany({ where: { birthDate: null } })) {
        const code = BASE_POSITIONS[s.nip];
        await tx.staff.update({
          where: { id: s.id },
          data: {
            ...derivedFromNip(s.nip),
            rankOrder: rankOrderOf(s.rank, s.kind),
            ...(code ? { positionId: positionId.get(code) ?? null } : {}),
          },
        });
      }

      const generated = generatedStaff();
      const known = new Set(
        (
          await tx.staff.findMany({
            where: { nip: { in: generated.map((g) => g.nip) } },
            select: { nip: true },
          })
        ).map((s) => s.nip),
      );
      const missing = generated.filter((g) => !known.has(g.nip));
      await tx.staff.createMany({
        data: missing.map((g) => ({
          nip: g.nip,
          name: g.name,
          kind: g.kind,
          rank: g.rank,
          rankOrder: g.rankOrder,
          position: SEED_POSITIONS.find((p) => p.code === g.positionCode)?.name ?? g.positionCode,
          positionId: positionId.get(g.positionCode) ?? null,
          unitId: unitId(g.unit),
          birthDate: dateOf(g.birthDate),
          appointment: g.appointment,
          gender: g.gender,
        })),
      });
      bump('staff', missing.length);
      if (missing.length === 0) return;

      // Holdings, rank history, trainings and ratings only for staff created now: re-running
      // the seed changes nothing.
      const rows = await tx.staff.findMany({
        where: { nip: { in: [...missing.map((g) => g.nip), ...Object.keys(BASE_POSITIONS)] } },
        include: { positionRef: { include: { requirements: true } }, competencies: true },
      });
      const byNip = new Map(generated.map((g) => [g.nip, g]));
      const holdings: { staffId: string; competencyId: string; level: number }[] = [];
      const ranks: { staffId: string; rank: string; rankOrder: number; effectiveOn: Date }[] = [];
      const trainings: {
        staffId: string;
        courseId: string;
        title: string;
        completedOn: Date;
        minutes: number;
        /** Seeded history was checked when it was recorded: it counts (four eyes, issue 15). */
        status: 'CONFIRMED';
      }[] = [];
      const ratings: { staffId: string; unitId: string; results: Expectation; behaviour: Expectation }[] = [];
      rows.forEach((s, i) => {
        const g = byNip.get(s.nip);
        const k = g?.index ?? 40 + i;
        if (s.competencies.length === 0) {
          // Held levels spread around the required ones, so some people meet them and some fall short.
          for (const [j, r] of (s.positionRef?.requirements ?? []).entries()) {
            const level = Math.max(1, Math.min(5, r.level + ((k + j) % 4) - 2));
            holdings.push({ staffId: s.id, competencyId: r.competencyId, level });
          }
        }
        if (g && g.kind === 'PNS') {
          const top = PNS_LADDER.indexOf(g.rank);
          for (let step = Math.max(0, top - 2); step <= top; step += 1) {
            ranks.push({
              staffId: s.id,
              rank: PNS_LADDER[step] as string,
              rankOrder: PNS_LADDER_ORDER[step] as number,
              effectiveOn: dateOf(`${2026 - (top - step) * 4 - (k % 3)}-04-01`),
            });
          }
        }
        const courses = [...SEED_COURSES].sort(
          (a, b) => ((a.code.length * 7 + k) % 5) - ((b.code.length * 7 + k) % 5),
        );
        // 2025: most are compliant; 2026: about half are still below the 20 JP right.
        const plan: [number, number][] = [
          [2025, 3],
          [2026, k % 4],
        ];
        for (const [year, count] of plan) {
          for (const c of courses.slice(0, count)) {
            const month = 1 + ((k + c.jp) % 10);
            trainings.push({
              staffId: s.id,
              courseId: courseId.get(c.code) as string,
              title: c.name,
              completedOn: dateOf(`${year}-${pad(month)}-${pad(1 + (k % 27))}`),
              minutes: c.jp * 45,
              status: 'CONFIRMED',
            });
          }
        }
        ratings.push({
          staffId: s.id,
          unitId: s.unitId,
          results: EXPECTATIONS[k % EXPECTATIONS.length] as Expectation,
          behaviour: EXPECTATIONS[(k * 2 + 1) % EXPECTATIONS.length] as Expectation,
        });
      });
      await tx.staffCompetency.createMany({ data: holdings, skipDuplicates: true });
      await tx.rankHistory.createMany({ data: ranks, skipDuplicates: true });
      await tx.trainingRecord.createMany({ data: trainings, skipDuplicates: true });
      bump('trainingRecords', trainings.length);

      // 2025 SKP ratings, one open period per unit (finalising is a supervisor's act).
      const periodId = new Map<string, string>();
      for (const unit of new Set(ratings.map((r) => r.unitId))) {
        const period = await tx.performancePeriod.upsert({
          where: { unitId_year: { unitId: unit, year: 2025 } },
          create: { unitId: unit, year: 2025 },
          update: {},
        });
        periodId.set(unit, period.id);
      }
      await tx.performanceRating.createMany({
        data: ratings.map((r) => ({
          periodId: periodId.get(r.unitId) as string,
          staffId: r.staffId,
          results: r.results,
          behaviour: r.behaviour,
          predikat: SKP[r.results][r.behaviour],
        })),
        skipDuplicates: true,
      });
      bump('ratings', ratings.length);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
