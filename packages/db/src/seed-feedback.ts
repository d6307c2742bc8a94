// Feedback-area demo data (issue 6): survey answers for most completed demo requests plus
// counter (walk-in) responses through the year, so the IKM figures per service, unit and city
// look like a real year's survey. DPMPTSP's completion time (WAKTU) is its weak element, the
// finding the closed loop should act on. Also the SKM element → competency mapping, and
// DPMPTSP's published 2017 result (80.2, grade B, from an average of 3.21).
// Idempotent: responses are only generated into an empty survey table; the mapping and the
// historic record are matched by their keys. Bulk inserts (createMany) keep the seed fast.
import { jakartaDay } from '@layanan/domain/calendar';
import {
  SKM_ELEMENT_CODES,
  SURVEY_EDUCATIONS,
  SURVEY_OCCUPATIONS,
  surveyAgeBand,
} from '@layanan/domain/feedback';
import type { Prisma, PrismaClient } from './generated/prisma/client.js';
import type { SkmElementCode } from './generated/prisma/enums.js';
import { seededRandom } from './seed-random.js';

/** Mean answer per element by unit (1–4); unlisted elements use the unit's `base`. */
const UNIT_PROFILES: Record<string, { base: number } & Partial<Record<SkmElementCode, number>>> = {
  DPMPTSP: { base: 3.35, WAKTU: 2.35, PERSYARATAN: 3.0, BIAYA: 3.8 },
  DISDUKCAPIL: { base: 3.55, SARANA: 3.2, BIAYA: 3.9 },
  DPUPR: { base: 3.05, PENGADUAN: 2.6, WAKTU: 2.8 },
  DISKOMINFO: { base: 3.4 },
};

/** The competency the feedback area adds: what the completion-time element depends on. */
export const PROCESS_COMPETENCY = {
  code: 'MANAJEMEN_PROSES_LAYANAN',
  name: 'Manajemen Proses dan Waktu Layanan',
  type: 'TEKNIS',
  description: 'Merancang alur layanan, memantau antrean dan menyelesaikan permohonan tepat waktu.',
} as const;

/** SKM element → competencies (PermenPANRB 38/2017 types); admins edit it later. */
export const SEED_SKM_COMPETENCY_MAPPING: readonly { element: SkmElementCode; competency: string }[] = [
  { element: 'PERSYARATAN', competency: 'PELAYANAN_PUBLIK' },
  { element: 'PROSEDUR', competency: 'PELAYANAN_PUBLIK' },
  { element: 'PROSEDUR', competency: 'TIK' },
  { element: 'WAKTU', competency: PROCESS_COMPETENCY.code },
  { element: 'WAKTU', competency: 'PELAYANAN_PUBLIK' },
  { element: 'PRODUK', competency: 'PELAYANAN_PUBLIK' },
  { element: 'KOMPETENSI', competency: 'PELAYANAN_PUBLIK' },
  { element: 'KOMPETENSI', competency: 'PERIZINAN_OSS' },
  { element: 'KOMPETENSI', competency: 'ADMINDUK_SIAK' },
  { element: 'PERILAKU', competency: 'PEREKAT_BANGSA' },
  { element: 'PENGADUAN', competency: 'PELAYANAN_PUBLIK' },
  { element: 'SARANA', competency: 'TIK' },
];

/**
 * DPMPTSP's published 2017 IKM: 3.21 × 25 = 80.25, published as 80.2, grade B under the rule in
 * force that year (PermenPANRB 14/2017; the 2004 bands would also give B).
 */
export const DPMPTSP_IKM_2017 = {
  unit: 'DPMPTSP',
  year: 2017,
  score: 80.2,
  index: 3.21,
  grade: 'B',
  rule: 'PERMENPANRB_14_2017',
  source: 'Laporan SKM DPMPTSP Kota Sawahlunto 2017',
} as const;

const SUGGESTIONS = [
  'Mohon waktu penyelesaian dipercepat, saya menunggu lebih lama dari yang dijanjikan.',
  'Petugas ramah dan membantu, terima kasih.',
  'Ruang tunggu perlu kursi tambahan dan kipas angin.',
  'Informasi persyaratan di situs web sebaiknya lebih jelas.',
  'Status permohonan sebaiknya dikabari lewat WhatsApp.',
  'Antrean pagi sangat panjang; tambahkan loket.',
] as const;

/** Counter responses per service in the year (walk-in visitors who filled in the paper form). */
const COUNTER_RESPONSES_PER_SERVICE = 36;

export async function seedFeedback(
  prisma: PrismaClient,
  created: Record<string, number>,
  now: Date = new Date(),
): Promise<void> {
  const bump = (key: string, n: number) => {
    if (n > 0) created[key] = (created[key] ?? 0) + n;
  };
  await prisma.$transaction(
    async (tx) => {
      // Competency and mapping.
      const process = await tx.competency.findUnique({ where: { code: PROCESS_COMPETENCY.code } });
      if (!process) {
        await tx.competency.create({ data: PROCESS_COMPETENCY });
        bump('competencies', 1);
      }
      const competencies = new Map(
        (await tx.competency.findMany({ select: { id: true, code: true } })).map((c) => [c.code, c.id]),
      );
      const mapping = SEED_SKM_COMPETENCY_MAPPING.flatMap((m) => {
        const competencyId = competencies.get(m.competency);
        return competencyId ? [{ element: m.element, competencyId }] : [];
      });
      const mapped = await tx.skmCompetencyMapping.createMany({ data: mapping, skipDuplicates: true });
      bump('skmCompetencyMappings', mapped.count);

      const dpmptsp = await tx.unit.findUnique({ where: { code: DPMPTSP_IKM_2017.unit } });
      if (dpmptsp) {
        const { unit: _, ...record } = DPMPTSP_IKM_2017;
        const historic = await tx.historicIkm.createMany({
          data: [{ ...record, unitId: dpmptsp.id }],
          skipDuplicates: true,
        });
        bump('historicIkm', historic.count);
      }

      if ((await tx.surveyResponse.count()) > 0) return;
      const units = new Map(
        (await tx.unit.findMany({ select: { id: true, code: true } })).map((u) => [u.id, u.code]),
      );
      const rnd = seededRandom(6_2026);
      const score = (unitCode: string, element: SkmElementCode): number => {
        const profile = UNIT_PROFILES[unitCode] ?? { base: 3.3 };
        const mean = profile[element] ?? profile.base;
        // A discrete spread around the mean: mostly the nearest scores.
        const v = Math.round(mean + (rnd() + rnd() + rnd() - 1.5) * 0.9);
        return Math.min(4, Math.max(1, v));
      };
      const responses: Prisma.SurveyResponseCreateManyInput[] = [];
      const answers: Prisma.SurveyAnswerCreateManyInput[] = [];
      const ratings: Prisma.StaffCitizenRatingCreateManyInput[] = [];
      const respond = (
        base: Omit<Prisma.SurveyResponseCreateManyInput, 'id' | 'respondentCode' | 'date'>,
        day: string,
        unitCode: string,
        assignee: string | null,
      ) => {
        const id = crypto.randomUUID();
        const r = rnd();
        const age = 17 + Math.floor(rnd() * 54);
        responses.push({
          ...base,
          id,
          date: day,
          respondentCode: `R-${id.slice(0, 8).toUpperCase()}${id.slice(9, 13).toUpperCase()}`,
          gender: r < 0.5 ? 'M' : 'F',
          // The options of the SKM form (PermenPANRB 14/2017): age in years, education, occupation.
          age,
          ageBand: surveyAgeBand(age),
          education: SURVEY_EDUCATIONS[Math.floor(rnd() * SURVEY_EDUCATIONS.length)] ?? null,
          occupation: SURVEY_OCCUPATIONS[Math.floor(rnd() * SURVEY_OCCUPATIONS.length)] ?? null,
          suggestion: rnd() < 0.25 ? (SUGGESTIONS[Math.floor(rnd() * SUGGESTIONS.length)] ?? null) : null,
          // 16:00 WIB on the day of the service.
          createdAt: `${day}T09:00:00.000Z`,
        });
        for (const element of SKM_ELEMENT_CODES) {
          // A few respondents skip the cost question, as on paper forms.
          if (element === 'BIAYA' && rnd() < 0.05) continue;
          answers.push({ responseId: id, element, score: score(unitCode, element) });
        }
        if (assignee) {
          ratings.push({
            responseId: id,
            staffId: assignee,
            competence: score(unitCode, 'KOMPETENSI'),
            behaviour: score(unitCode, 'PERILAKU'),
            comment: null,
            date: day,
          });
        }
      };

      // Online: about three in four completed demo requests were answered.
      const completed = await tx.serviceRequest.findMany({
        where: { state: 'COMPLETED', completedAt: { not: null } },
        select: {
          id: true,
          serviceId: true,
          serviceVersionId: true,
          unitId: true,
          completedAt: true,
          assigneeStaffId: true,
        },
        orderBy: { trackingCode: 'asc' },
      });
      for (const request of completed) {
        if (rnd() >= 0.75 || !request.completedAt) continue;
        const unitCode = units.get(request.unitId) ?? '';
        respond(
          {
            requestId: request.id,
            channel: 'ONLINE',
            serviceId: request.serviceId,
            serviceVersionId: request.serviceVersionId,
            unitId: request.unitId,
          },
          jakartaDay(request.completedAt),
          unitCode,
          request.assigneeStaffId,
        );
      }

      // Counter: spread over the current year up to today.
      const services = await tx.service.findMany({
        where: { published: true },
        select: { id: true, unitId: true, currentVersionId: true },
        orderBy: { code: 'asc' },
      });
      const today = jakartaDay(now);
      const yearStart = Date.parse(`${today.slice(0, 4)}-01-01T00:00:00Z`);
      const span = Math.max(1, Date.parse(`${today}T00:00:00Z`) - yearStart);
      for (const service of services) {
        const unitCode = units.get(service.unitId) ?? '';
        for (let i = 0; i < COUNTER_RESPONSES_PER_SERVICE; i += 1) {
          const day = new Date(yearStart + Math.floor(rnd() * span)).toISOString().slice(0, 10);
          respond(
            {
              channel: 'COUNTER',
              serviceId: service.id,
              serviceVersionId: service.currentVersionId,
              unitId: service.unitId,
            },
            day,
            unitCode,
            null,
          );
        }
      }
      // Bulk inserts through unnest(): one statement and a few array parameters per table,
      // much faster than createMany's one parameter per value (the seed runs in every gateway test).
      const col = <T>(rows: readonly T[], pick: (row: T) => unknown) => rows.map(pick);
      const r = responses;
      await tx.$executeRaw`
        INSERT INTO survey_response (id, "requestId", channel, "serviceId", "serviceVersionId", "unitId", date,
          "respondentCode", gender, age, "ageBand", education, occupation, suggestion, "createdAt")
        SELECT * FROM unnest(
          ${col(r, (x) => x.id)}::uuid[], ${col(r, (x) => x.requestId ?? null)}::uuid[],
          ${col(r, (x) => x.channel)}::text[]::skm_channel[], ${col(r, (x) => x.serviceId)}::uuid[],
          ${col(r, (x) => x.serviceVersionId ?? null)}::uuid[], ${col(r, (x) => x.unitId)}::uuid[],
          ${col(r, (x) => x.date)}::text[]::date[], ${col(r, (x) => x.respondentCode)}::text[],
          ${col(r, (x) => x.gender ?? null)}::text[]::gender[], ${col(r, (x) => x.age ?? null)}::int[],
          ${col(r, (x) => x.ageBand ?? null)}::text[]::survey_age_band[],
          ${col(r, (x) => x.education ?? null)}::text[]::survey_education[],
          ${col(r, (x) => x.occupation ?? null)}::text[]::survey_occupation[],
          ${col(r, (x) => x.suggestion ?? null)}::text[], ${col(r, (x) => x.createdAt)}::timestamptz[])`;
      await tx.$executeRaw`
        INSERT INTO survey_answer ("responseId", element, score)
        SELECT * FROM unnest(${col(answers, (a) => a.responseId)}::uuid[],
          ${col(answers, (a) => a.element)}::text[]::skm_element_code[], ${col(answers, (a) => a.score)}::int[])`;
      await tx.$executeRaw`
        INSERT INTO staff_citizen_rating (id, "responseId", "staffId", competence, behaviour, comment, date)
        SELECT gen_random_uuid(), * FROM unnest(${col(ratings, (x) => x.responseId)}::uuid[],
          ${col(ratings, (x) => x.staffId)}::uuid[], ${col(ratings, (x) => x.competence)}::int[],
          ${col(ratings, (x) => x.behaviour)}::int[], ${col(ratings, (x) => x.comment ?? null)}::text[],
          ${col(ratings, (x) => x.date)}::text[]::date[])`;
      bump('surveyResponses', responses.length);
      bump('surveyAnswers', answers.length);
      bump('staffCitizenRatings', ratings.length);
    },
    { timeout: 120_000 },
  );
}
