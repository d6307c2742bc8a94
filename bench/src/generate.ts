// Deterministic bench data: the migrated and seeded schema plus generated units, staff, accounts,
// services and requests (and survey answers once the feedback area exists), made in SQL with
// INSERT … SELECT generate_series so 100,000 requests take seconds. "Random" values come from a
// seeded hash of the row number (md5(seed || kind || i)), so the same seed gives the same rows.
import { createDatabase, seed as seedDemo } from '@layanan/db';
import pg from 'pg';

export type DataSize = {
  readonly units: number;
  readonly staff: number;
  readonly requests: number;
  readonly surveyAnswers: number;
  readonly citizens: number;
};

export const SIZES = {
  tiny: { units: 2, staff: 20, requests: 200, surveyAnswers: 2_000, citizens: 20 },
  medium: { units: 30, staff: 300, requests: 20_000, surveyAnswers: 200_000, citizens: 500 },
  full: { units: 30, staff: 300, requests: 100_000, surveyAnswers: 1_000_000, citizens: 2_000 },
} as const satisfies Record<string, DataSize>;

export type SizeName = keyof typeof SIZES;

/** Everything the scenarios need to address the generated rows. */
export type BenchData = {
  readonly unitCodes: readonly string[];
  /** Email of one SUPERVISOR account per generated unit, same order as unitCodes. */
  readonly staffEmails: readonly string[];
  /** A sample of tracking codes (S1), spread over every unit. */
  readonly trackingCodes: readonly string[];
  /** A service with no required attributes (S3). */
  readonly submitServiceCode: string;
  /** The unit with the longest queue: S2 reads its first N requests. */
  readonly queueUnitCode: string;
  readonly queueStaffEmail: string;
  readonly queueLength: number;
  readonly survey: { readonly unitCode: string; readonly year: number } | null;
  readonly counts: Record<string, number>;
};

const RANKS = [
  ['II/c', 7],
  ['III/a', 9],
  ['III/b', 10],
  ['III/c', 11],
  ['III/d', 12],
  ['IV/a', 13],
] as const;

/** Creates (or reuses) the database, migrates, seeds the demo data and adds the generated rows. */
export async function prepareDatabase(options: {
  adminUrl: string;
  database: string;
  size: DataSize;
  seed: string;
  /** Keep a database this generator already filled (same size and seed) instead of remaking it. */
  reuse?: boolean;
  log: (line: string) => void;
}): Promise<{ url: string; data: BenchData }> {
  const { adminUrl, database, size, seed, log } = options;
  if (!/^[a-z0-9_]+$/.test(database)) throw new Error(`bench database name must be [a-z0-9_]+: ${database}`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    if (options.reuse) {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (exists.rowCount) {
        const url = withDatabase(adminUrl, database);
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          const units = await client.query(`SELECT count(*)::int AS n FROM unit WHERE code LIKE 'UJI-%'`);
          if (units.rows[0]?.n === size.units) {
            const surveys = await client.query<{ t: string | null }>(
              `SELECT to_regclass('survey_answer')::text AS t`,
            );
            log(`reusing database ${database}`);
            return { url, data: await describeData(client, seed, Boolean(surveys.rows[0]?.t)) };
          }
        } finally {
          await client.end();
        }
      }
    }
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, database);

  let started = performance.now();
  const db = await createDatabase({ url, migrate: true });
  try {
    await seedDemo(db.prisma);
  } finally {
    await db.close();
  }
  log(`schema migrated and demo data seeded in ${seconds(started)}`);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SET synchronous_commit = off');
    const step = async (label: string, sql: string, params: unknown[] = []) => {
      started = performance.now();
      const result = await client.query(sql, params);
      log(`  ${label}: ${result.rowCount ?? 0} rows in ${seconds(started)}`);
    };
    log(`generating ${size.units} units, ${size.staff} staff, ${size.requests} requests (seed "${seed}") …`);
    await client.query('BEGIN');
    await step(
      'units',
      `INSERT INTO unit (id, code, name, "shortName", kind, "updatedAt")
       SELECT md5($1 || ':unit:' || u)::uuid, 'UJI-' || lpad(u::text, 2, '0'), 'Dinas Uji ' || u, 'DU' || u,
              'DINAS', now()
       FROM generate_series(1, $2::int) AS u`,
      [seed, size.units],
    );
    const ranks = RANKS.map(([r]) => r);
    const orders = RANKS.map(([, o]) => o);
    await step(
      'staff',
      `INSERT INTO staff (id, nip, name, kind, rank, "rankOrder", position, "unitId", "updatedAt")
       SELECT md5($1 || ':staff:' || k)::uuid,
              '19800101200501' || '9' || lpad(k::text, 3, '0'),
              'Pegawai Uji ' || k, 'PNS',
              ($3::text[])[1 + k % array_length($3::text[], 1)],
              ($4::int[])[1 + k % array_length($4::int[], 1)],
              'Pelaksana', md5($1 || ':unit:' || (1 + (k - 1) % $2::int))::uuid, now()
       FROM generate_series(1, $5::int) AS k`,
      [seed, size.units, ranks, orders, size.staff],
    );
    // One supervisor account per unit: S2 is the supervisor's view of the queue, which shows the
    // assignees' ranks (personal data a plain STAFF caller sees as null).
    await step(
      'supervisor accounts (one per unit)',
      `INSERT INTO account (id, email, "displayName", role, "staffId", "updatedAt")
       SELECT md5($1 || ':staff-account:' || u)::uuid, 'kepala' || u || '@uji.layanan.test', 'Pegawai Uji ' || u,
              'SUPERVISOR', md5($1 || ':staff:' || u)::uuid, now()
       FROM generate_series(1, $2::int) AS u`,
      [seed, size.units],
    );
    await step(
      'citizen accounts',
      `INSERT INTO account (id, email, "displayName", role, "updatedAt")
       SELECT md5($1 || ':citizen:' || c)::uuid, 'warga' || c || '@uji.layanan.test', 'Warga Uji ' || c,
              'CITIZEN', now()
       FROM generate_series(1, $2::int) AS c`,
      [seed, size.citizens],
    );
    // Two services per unit, each with one published version (no attributes, no competency).
    await step(
      'services',
      `INSERT INTO service (id, code, name, description, kind, "unitId", "completionDays",
                            "updatedAt")
       SELECT md5($1 || ':service:' || s)::uuid, 'UJI-' || lpad(s::text, 3, '0'), 'Layanan Uji ' || s,
              'Layanan untuk uji kinerja', 'PERMIT', md5($1 || ':unit:' || (1 + (s - 1) % $2::int))::uuid, 5,
              now()
       FROM generate_series(1, 2 * $2::int) AS s`,
      [seed, size.units],
    );
    await step(
      'service versions',
      `INSERT INTO service_version (id, "serviceId", version, "nameId", "nameEn", kind, "unitId", standard,
                                    attributes, "completionDays")
       SELECT md5($1 || ':version:' || s)::uuid, md5($1 || ':service:' || s)::uuid, 1,
              'Layanan Uji ' || s, 'Test service ' || s, 'PERMIT',
              md5($1 || ':unit:' || (1 + (s - 1) % $2::int))::uuid,
              coalesce((SELECT standard FROM service_version ORDER BY "createdAt" LIMIT 1), '{}'::jsonb),
              '[]'::jsonb, 5
       FROM generate_series(1, 2 * $2::int) AS s`,
      [seed, size.units],
    );
    await step(
      'current versions',
      `UPDATE service SET "currentVersionId" = md5($1 || ':version:' || substr(code, 5)::int)::uuid
       WHERE code LIKE 'UJI-%'`,
      [seed],
    );
    // Requests: submitted in order over 2025-01-02 … 2026-10-31; state from a seeded hash
    // (older requests are mostly completed), assignee a staff member of the unit.
    await step(
      'requests',
      `WITH r AS (
         SELECT i,
                1 + (('x' || substr(md5($1 || ':r-unit:' || i), 1, 8))::bit(32)::int & 2147483647) % $2::int AS u,
                (('x' || substr(md5($1 || ':r-state:' || i), 1, 8))::bit(32)::int & 2147483647) % 100 AS h,
                timestamptz '2025-01-02 01:00:00+00' + (i - 1) * (interval '667 days' / $3::int) AS at
         FROM generate_series(1, $3::int) AS i
       ), s AS (
         SELECT r.*, 1 + (h % 2) * $2::int + (u - 1) AS svc,
                CASE WHEN h < 55 THEN 'COMPLETED' WHEN h < 65 THEN 'IN_PROGRESS' WHEN h < 75 THEN 'VERIFIED'
                     WHEN h < 88 THEN 'SUBMITTED' WHEN h < 93 THEN 'REJECTED' WHEN h < 96 THEN 'ESCALATED'
                     ELSE 'RETURNED_TO_CITIZEN' END AS state,
                row_number() OVER (PARTITION BY extract(year FROM at AT TIME ZONE 'Asia/Jakarta') ORDER BY i)
                  + coalesce(o.last, 0) AS seq
         FROM r
         -- Codes already used (the demo seed's requests), per year: generated ones come after.
         LEFT JOIN (SELECT substr("trackingCode", 5, 4)::int AS year, max(substr("trackingCode", 10)::int) AS last
                    FROM service_request GROUP BY 1) o
           ON o.year = extract(year FROM r.at AT TIME ZONE 'Asia/Jakarta')
       )
       INSERT INTO service_request (id, "trackingCode", "serviceId", "serviceVersionId", "unitId", "citizenAccountId",
         "submittedByAccountId", "originalText", "attributeValues", state, version, "assigneeStaffId", "submittedAt",
         "verificationDueOn", "completionDueOn", "verifiedAt", "completedAt", "closedAt", "createdAt", "updatedAt",
         "citizenAttachedAt")
       SELECT md5($1 || ':request:' || i)::uuid,
              'SWL-' || extract(year FROM at AT TIME ZONE 'Asia/Jakarta') || '-' || lpad(seq::text, 6, '0'),
              md5($1 || ':service:' || svc)::uuid, md5($1 || ':version:' || svc)::uuid,
              md5($1 || ':unit:' || u)::uuid,
              md5($1 || ':citizen:' || (1 + i % $4::int))::uuid, md5($1 || ':citizen:' || (1 + i % $4::int))::uuid,
              'Permohonan uji nomor ' || i, '{}'::jsonb, state::request_state,
              CASE state WHEN 'SUBMITTED' THEN 1 WHEN 'VERIFIED' THEN 2 WHEN 'IN_PROGRESS' THEN 3
                         WHEN 'COMPLETED' THEN 4 ELSE 2 END,
              md5($1 || ':staff:' || (u + $2::int * (h % ($5::int / $2::int))))::uuid,
              at, (at + interval '3 days')::date,
              CASE WHEN state IN ('SUBMITTED', 'REJECTED', 'RETURNED_TO_CITIZEN') THEN NULL
                   ELSE (at + interval '9 days')::date END,
              CASE WHEN state IN ('SUBMITTED', 'REJECTED', 'RETURNED_TO_CITIZEN') THEN NULL
                   ELSE at + interval '1 day' END,
              CASE WHEN state = 'COMPLETED' THEN at + interval '6 days' END,
              CASE WHEN state IN ('COMPLETED', 'REJECTED') THEN at + interval '6 days' END,
              at, at, at
       FROM s`,
      [seed, size.units, size.requests, size.citizens, size.staff],
    );
    // One event per version: SUBMITTED, then VERIFIED, IN_PROGRESS, COMPLETED (or the side state).
    await step(
      'request events',
      `INSERT INTO request_event (id, "requestId", sequence, kind, "fromState", "toState", "actorKind",
                                  "publicNote", at)
       SELECT md5($1 || ':event:' || r.id || ':' || e)::uuid, r.id, e,
              CASE WHEN e = 1 THEN 'SUBMITTED' ELSE 'TRANSITION' END,
              CASE e WHEN 1 THEN NULL WHEN 2 THEN 'SUBMITTED' WHEN 3 THEN 'VERIFIED' ELSE 'IN_PROGRESS' END::request_state,
              CASE WHEN e = r.version THEN r.state ELSE
                (ARRAY['SUBMITTED', 'VERIFIED', 'IN_PROGRESS', 'COMPLETED'])[e]::request_state END,
              CASE WHEN e = 1 THEN 'CITIZEN' ELSE 'STAFF' END,
              CASE WHEN e = r.version AND e > 1 THEN 'Diproses sesuai standar pelayanan' END,
              r."submittedAt" + (e - 1) * interval '1 day'
       FROM service_request r CROSS JOIN LATERAL generate_series(1, r.version) AS e
       WHERE r."unitId" IN (SELECT md5($1 || ':unit:' || u)::uuid FROM generate_series(1, $2::int) AS u)`,
      [seed, size.units],
    );
    await step(
      'tracking counters',
      `INSERT INTO tracking_counter (year, last)
       SELECT substr("trackingCode", 5, 4)::int, max(substr("trackingCode", 10)::int)
       FROM service_request WHERE "trackingCode" LIKE 'SWL-____-%' GROUP BY 1
       ON CONFLICT (year) DO UPDATE SET last = greatest(tracking_counter.last, excluded.last)`,
    );
    const surveys = await client.query<{ t: string | null }>(
      `SELECT to_regclass('survey_answer')::text AS t`,
    );
    const hasSurvey = Boolean(surveys.rows[0]?.t);
    if (hasSurvey) {
      // Counter responses (no request), nine answers each (SKM elements), dated over 2025–2026;
      // scores lean to 3 ("baik") as real SKM results do.
      const responses = Math.max(1, Math.round(size.surveyAnswers / 9));
      await step(
        'survey responses',
        `INSERT INTO survey_response (id, channel, "serviceId", "unitId", date, "respondentCode")
         SELECT md5($1 || ':response:' || i)::uuid, 'COUNTER',
                md5($1 || ':service:' || (1 + (i % (2 * $2::int))))::uuid,
                md5($1 || ':unit:' || (1 + (i % (2 * $2::int)) % $2::int))::uuid,
                date '2025-01-01' + (i * 7919 % 730),
                'UJI-' || lpad(i::text, 7, '0')
         FROM generate_series(1, $3::int) AS i`,
        [seed, size.units, responses],
      );
      await step(
        'survey answers',
        `INSERT INTO survey_answer ("responseId", element, score)
         SELECT r.id, e.element,
                (ARRAY[1, 2, 2, 3, 3, 3, 3, 3, 4, 4])[1 + (('x' || substr(md5(r.id::text || e.element::text), 1, 8))::bit(32)::int & 2147483647) % 10]
         FROM survey_response r
         CROSS JOIN unnest(enum_range(NULL::skm_element_code)) AS e(element)
         WHERE r."respondentCode" LIKE 'UJI-%'`,
      );
    }
    await client.query('COMMIT');
    started = performance.now();
    await client.query('ANALYZE');
    log(`  analyze: ${seconds(started)}`);

    const data = await describeData(client, seed, hasSurvey);
    return { url, data };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** Reads back what the scenarios address; deterministic for a seed. */
async function describeData(client: pg.Client, seed: string, hasSurvey: boolean): Promise<BenchData> {
  const units = await client.query<{ code: string; email: string; n: string }>(
    `SELECT u.code, a.email, (SELECT count(*) FROM service_request r WHERE r."unitId" = u.id) AS n
     FROM unit u JOIN account a ON a.id = md5($1 || ':staff-account:' || substr(u.code, 5)::int)::uuid
     WHERE u.code LIKE 'UJI-%' ORDER BY u.code`,
    [seed],
  );
  const codes = await client.query<{ trackingCode: string }>(
    `SELECT "trackingCode" FROM service_request WHERE "originalText" LIKE 'Permohonan uji %'
     ORDER BY md5($1 || "trackingCode") LIMIT 200`,
    [seed],
  );
  const longest = [...units.rows].sort(
    (a, b) => Number(b.n) - Number(a.n) || a.code.localeCompare(b.code),
  )[0];
  if (!longest) throw new Error('no generated units');
  const counts: Record<string, number> = {};
  const tables = ['unit', 'staff', 'account', 'service', 'service_request', 'request_event'];
  if (hasSurvey) tables.push('survey_response', 'survey_answer');
  for (const table of tables) {
    const row = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    counts[table] = Number(row.rows[0]?.n ?? 0);
  }
  // S3 files into a unit other than the S2 queue's, so submissions do not change the queue.
  const submit = await client.query<{ code: string }>(
    `SELECT s.code FROM service s JOIN unit u ON u.id = s."unitId"
     WHERE s.code LIKE 'UJI-%' AND u.code <> $1 ORDER BY s.code LIMIT 1`,
    [longest.code],
  );
  return {
    unitCodes: units.rows.map((r) => r.code),
    staffEmails: units.rows.map((r) => r.email),
    trackingCodes: codes.rows.map((r) => r.trackingCode),
    submitServiceCode: submit.rows[0]?.code ?? 'UJI-001',
    queueUnitCode: longest.code,
    queueStaffEmail: longest.email,
    queueLength: Number(longest.n),
    survey: hasSurvey ? { unitCode: longest.code, year: 2026 } : null,
    counts,
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
