// The small shared test fixture (`@layanan/db/testing`): the reference rows of the demo seed —
// units and sub-units, districts, the service catalogue with its current versions, the working-day
// calendar, the competency, position and course catalogues, the three forums, the seven base staff
// and the six demo accounts — without the generated bulk (demo requests, forum sessions and
// submissions, 36 generated staff with trainings and ratings, a year of survey answers). Same natural keys and values as `seed()`, so a test that
// logs in as `warga@layanan.test` or submits to `PBG` works on either; tests that read the bulk
// opt in to the demo seed. Written in one transaction of about twenty statements.
import type { Prisma, PrismaClient } from './generated/prisma/client.js';
import {
  SEED_ACCOUNTS,
  SEED_DISTRICTS,
  SEED_EMAIL_VERIFIED_AT,
  SEED_SERVICES,
  SEED_STAFF,
  SEED_UNITS,
} from './seed.js';
import { DPMPTSP_IKM_2017, PROCESS_COMPETENCY, SEED_SKM_COMPETENCY_MAPPING } from './seed-feedback.js';
import { SEED_FORUMS } from './seed-forums.js';
import {
  dateOnly,
  SEED_CATALOGUE,
  SERVICE_COMPETENCIES,
  STAFF_COMPETENCIES,
  seedHolidayList,
  seedStandard,
} from './seed-services.js';
import {
  BASE_POSITIONS,
  coverageRows,
  derivedFromNip,
  rankOrderOf,
  requirementRows,
  SEED_COMPETENCIES,
  SEED_COURSES,
  SEED_POSITIONS,
  SEED_SUB_UNITS,
} from './seed-staff.js';

/** Row counts written by `seedTestFixture`, by table. */
export type TestFixtureCounts = Record<string, number>;

/** Ids by natural key; throws on an unknown key (a bug in the fixture's own tables). */
function idsByKey(keys: readonly string[]): (key: string) => string {
  const ids = new Map(keys.map((key) => [key, crypto.randomUUID()]));
  return (key) => {
    const id = ids.get(key);
    if (!id) throw new Error(`test fixture: unknown key ${key}`);
    return id;
  };
}

/**
 * Writes the fixture into an empty, migrated database. Not idempotent: call it once per database
 * (the harness does). Throws when a row already exists.
 */
export async function seedTestFixture(prisma: PrismaClient): Promise<TestFixtureCounts> {
  const unit = idsByKey([...SEED_UNITS, ...SEED_SUB_UNITS].map((u) => u.code));
  const competencies = [
    ...SERVICE_COMPETENCIES.map((c) => ({ ...c, type: 'TEKNIS' as const })),
    ...SEED_COMPETENCIES,
    PROCESS_COMPETENCY,
  ];
  const competency = idsByKey(competencies.map((c) => c.code));
  const position = idsByKey(SEED_POSITIONS.map((p) => p.code));
  const course = idsByKey(SEED_COURSES.map((c) => c.code));
  const staff = idsByKey(SEED_STAFF.map((s) => s.nip));
  const service = idsByKey(SEED_SERVICES.map((s) => s.code));
  const version = idsByKey(SEED_SERVICES.map((s) => s.code));

  const writes = (tx: Prisma.TransactionClient) => ({
    units: () =>
      tx.unit.createMany({
        data: [
          ...SEED_UNITS.map((u) => ({ ...u, id: unit(u.code) })),
          ...SEED_SUB_UNITS.map(({ parent, ...u }) => ({ ...u, id: unit(u.code), parentId: unit(parent) })),
        ],
      }),
    districts: () => tx.district.createMany({ data: [...SEED_DISTRICTS] }),
    competencies: () =>
      tx.competency.createMany({ data: competencies.map((c) => ({ ...c, id: competency(c.code) })) }),
    positions: () =>
      tx.position.createMany({
        data: SEED_POSITIONS.map((p) => ({ id: position(p.code), code: p.code, name: p.name })),
      }),
    positionRequirements: () =>
      tx.positionRequirement.createMany({
        data: SEED_POSITIONS.flatMap((p) =>
          requirementRows(p.requires, competency).map((r) => ({ ...r, positionId: position(p.code) })),
        ),
      }),
    trainingCourses: () =>
      tx.trainingCourse.createMany({
        data: SEED_COURSES.map((c) => ({ id: course(c.code), code: c.code, name: c.name, jp: c.jp })),
      }),
    trainingCourseCompetencies: () =>
      tx.trainingCourseCompetency.createMany({
        data: SEED_COURSES.flatMap((c) =>
          coverageRows(c.covers, competency).map((r) => ({ ...r, courseId: course(c.code) })),
        ),
      }),
    staff: () =>
      tx.staff.createMany({
        data: SEED_STAFF.map(({ unit: unitCode, ...s }) => {
          const positionCode = BASE_POSITIONS[s.nip];
          return {
            ...s,
            ...derivedFromNip(s.nip),
            id: staff(s.nip),
            unitId: unit(unitCode),
            rankOrder: rankOrderOf(s.rank, s.kind),
            positionId: positionCode ? position(positionCode) : null,
          };
        }),
      }),
    staffCompetencies: () =>
      tx.staffCompetency.createMany({
        data: STAFF_COMPETENCIES.map((h) => ({
          staffId: staff(h.nip),
          competencyId: competency(h.code),
          level: h.level,
        })),
      }),
    accounts: () =>
      tx.account.createMany({
        data: SEED_ACCOUNTS.map(({ staffNip, ...a }) => ({
          ...a,
          emailVerifiedAt: SEED_EMAIL_VERIFIED_AT,
          staffId: staffNip ? staff(staffNip) : null,
        })),
      }),
    holidays: () =>
      tx.holiday.createMany({
        data: seedHolidayList().map((h) => ({ ...h, date: dateOnly(h.date) })),
      }),
    services: () =>
      tx.service.createMany({
        data: SEED_SERVICES.map(({ unit: unitCode, ...s }) => ({
          ...s,
          id: service(s.code),
          unitId: unit(unitCode),
        })),
      }),
    serviceVersions: () =>
      tx.serviceVersion.createMany({
        data: SEED_CATALOGUE.flatMap((entry) => {
          const s = SEED_SERVICES.find((x) => x.code === entry.code);
          if (!s) return [];
          return [
            {
              id: version(s.code),
              serviceId: service(s.code),
              version: 1,
              nameId: s.name,
              nameEn: entry.nameEn,
              kind: s.kind,
              unitId: unit(s.unit),
              standard: seedStandard(entry, s) as Prisma.InputJsonValue,
              attributes: entry.attributes as unknown as Prisma.InputJsonValue,
              completionDays: s.completionDays,
              requiredCompetencyId: entry.competency ? competency(entry.competency) : null,
              requiredLevel: entry.level,
              note: 'Versi awal / initial version',
            },
          ];
        }),
      }),
    skmCompetencyMappings: () =>
      tx.skmCompetencyMapping.createMany({
        data: SEED_SKM_COMPETENCY_MAPPING.map((m) => ({
          element: m.element,
          competencyId: competency(m.competency),
        })),
      }),
    forums: () =>
      tx.forum.createMany({
        data: SEED_FORUMS.map(({ unit: unitCode, ...f }) => ({ ...f, unitId: unit(unitCode) })),
      }),
    historicIkm: () => {
      const { unit: unitCode, ...record } = DPMPTSP_IKM_2017;
      return tx.historicIkm.createMany({ data: [{ ...record, unitId: unit(unitCode) }] });
    },
  });

  return prisma.$transaction(async (tx) => {
    const counts: TestFixtureCounts = {};
    // In order: each table's foreign keys point at tables written before it.
    for (const [table, write] of Object.entries(writes(tx))) counts[table] = (await write()).count;
    // The service ↔ current version cycle closes in one statement.
    await tx.$executeRaw`
      UPDATE service SET "currentVersionId" = v.id
      FROM service_version v WHERE v."serviceId" = service.id AND v.version = 1`;
    return counts;
  });
}
