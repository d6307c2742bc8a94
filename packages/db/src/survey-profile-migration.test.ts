// The migration that gave the SKM respondent profile the form's options (issue 16 kind 4) maps the
// free text stored before exactly as the domain's mapLegacyProfile does: legacy rows are inserted
// on the schema before it, the migration runs, and every row is compared with the domain function.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import {
  LEGACY_EDUCATION_SYNONYMS,
  LEGACY_OCCUPATION_SYNONYMS,
  mapLegacyProfile,
  SURVEY_EDUCATIONS,
  SURVEY_OCCUPATIONS,
} from '@layanan/domain/feedback';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { type MigrationConnection, pgConnection, pgliteConnection } from './migrate/connection.js';
import { migrate } from './migrate/runner.js';
import { defaultMigrationsDir } from './paths.js';
import { PGLITE_EXTENSIONS } from './pglite-extensions.js';
import { migrationsFixture } from './test-support/fixtures.js';
import { createScratchPostgresDatabase } from './test-support/postgres.js';
import { testDatabaseKinds } from './testing.js';

const MIGRATION = '20261201013245_survey_profile_options';

/** What respondents typed, with the case, spacing and wording variants found in old exports. */
const variants = (keys: readonly string[]) =>
  keys.flatMap((k) => [k, ` ${k.toUpperCase()} `, k.replace(/ /g, '  ')]);
const EDUCATION_TEXTS = [
  ...variants(Object.keys(LEGACY_EDUCATION_SYNONYMS)),
  ...SURVEY_EDUCATIONS,
  'S.1',
  'Sarjana\t(S1)',
  'S1 dan S2',
  'Petani',
  '@SUM(A1)',
  '',
  '   ',
  null,
];
const OCCUPATION_TEXTS = [
  ...variants(Object.keys(LEGACY_OCCUPATION_SYNONYMS)),
  ...SURVEY_OCCUPATIONS,
  'Pegawai\r\nNegeri',
  'Petani',
  'Ibu rumah tangga',
  '=HYPERLINK("http://x","y")',
  '\tcmd',
  null,
];
const AGE_TEXTS = [
  '35',
  ' 35 Tahun ',
  '35 thn',
  '10',
  '120',
  '9',
  '121',
  '0',
  '20-29',
  '20 - 29',
  '20–29',
  '20 — 29 th',
  '40 s/d 49',
  '40 s.d. 49',
  '50 sampai 59',
  '30 hingga 39 tahun',
  '17-25',
  '29-20',
  '0-19',
  '<20',
  '< 20 tahun',
  'di bawah 18',
  'kurang dari 25',
  '60+',
  '60 +',
  '65 ke atas',
  '≥ 60',
  '>= 59',
  'di atas 70',
  '50+',
  '>60',
  '+1',
  "-2+3+cmd|' /C calc'!A0",
  'dewasa',
  '',
  null,
];

type Legacy = { ageBand: string | null; education: string | null; occupation: string | null };

/** One legacy row per text of the longest list; the other fields cycle through theirs. */
function legacyRows(): Legacy[] {
  const n = Math.max(EDUCATION_TEXTS.length, OCCUPATION_TEXTS.length, AGE_TEXTS.length);
  return Array.from({ length: n }, (_, i) => ({
    ageBand: AGE_TEXTS[i % AGE_TEXTS.length] ?? null,
    education: EDUCATION_TEXTS[i % EDUCATION_TEXTS.length] ?? null,
    occupation: OCCUPATION_TEXTS[(i * 7) % OCCUPATION_TEXTS.length] ?? null,
  }));
}

async function openConnection(
  kind: 'pglite' | 'postgresql',
): Promise<{ conn: MigrationConnection; close(): Promise<void> }> {
  if (kind === 'pglite') {
    const db = await PGlite.create('memory://', { extensions: PGLITE_EXTENSIONS });
    return { conn: pgliteConnection(db), close: () => db.close() };
  }
  const scratch = await createScratchPostgresDatabase(process.env.TEST_DATABASE_URL!);
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  return {
    conn: pgConnection(client),
    async close() {
      await client.end();
      await scratch.drop();
    },
  };
}

describe.each(testDatabaseKinds())('survey profile options migration (%s)', (kind) => {
  it('maps stored free text as mapLegacyProfile does and keeps what did not map', async () => {
    const names = (await readdir(defaultMigrationsDir, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(names).toContain(MIGRATION);
    const before: Record<string, string> = {};
    for (const name of names.filter((n) => n < MIGRATION))
      before[name] = await readFile(join(defaultMigrationsDir, name, 'migration.sql'), 'utf8');
    const fixture = await migrationsFixture(before);
    const { conn, close } = await openConnection(kind);
    try {
      await migrate(conn, { migrationsDir: fixture.dir });
      await conn.query(`INSERT INTO unit (id, code, name, "shortName", "updatedAt")
        VALUES ('00000000-0000-4000-8000-000000000001', 'U', 'Unit', 'U', now())`);
      await conn.query(`INSERT INTO service (id, code, name, description, kind, "unitId", "completionDays", "updatedAt")
        VALUES ('00000000-0000-4000-8000-000000000002', 'S', 'Service', '', 'PERMIT',
                '00000000-0000-4000-8000-000000000001', 5, now())`);
      const rows = legacyRows();
      await conn.query(
        `INSERT INTO survey_response (id, channel, "serviceId", "unitId", date, "respondentCode",
           "ageBand", education, occupation)
         SELECT gen_random_uuid(), 'COUNTER', '00000000-0000-4000-8000-000000000002',
           '00000000-0000-4000-8000-000000000001', '2026-11-30', 'R-' || lpad(n::text, 12, '0'), a, e, o
         FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS t(a, e, o, n)`,
        [rows.map((r) => r.ageBand), rows.map((r) => r.education), rows.map((r) => r.occupation)],
      );

      await fixture.write({
        [MIGRATION]: await readFile(join(defaultMigrationsDir, MIGRATION, 'migration.sql'), 'utf8'),
      });
      expect((await migrate(conn, { migrationsDir: fixture.dir })).applied.map((m) => m.name)).toEqual([
        MIGRATION,
      ]);

      const migrated = await conn.query<{
        age: number | null;
        ageBand: string | null;
        education: string | null;
        occupation: string | null;
        profileLegacyText: unknown;
      }>(`SELECT age, "ageBand"::text, education::text, occupation::text, "profileLegacyText"
          FROM survey_response ORDER BY "respondentCode"`);
      const expected = rows.map((r) => {
        const m = mapLegacyProfile(r);
        return {
          age: m.age,
          ageBand: m.ageBand,
          education: m.education,
          occupation: m.occupation,
          profileLegacyText: m.unmapped,
        };
      });
      expect(migrated).toEqual(expected);
      // The sample reaches every outcome: options, bands, exact ages and kept texts.
      expect(new Set(migrated.map((m) => m.education))).toEqual(new Set([...SURVEY_EDUCATIONS, null]));
      expect(migrated.filter((m) => m.age !== null).length).toBeGreaterThan(3);
      expect(migrated).toContainEqual(
        expect.objectContaining({
          profileLegacyText: expect.objectContaining({ occupation: '=HYPERLINK("http://x","y")' }),
        }),
      );
      await expect(conn.query(`UPDATE survey_response SET age = 121`)).rejects.toThrow();
    } finally {
      await close();
      await fixture.remove();
    }
  }, 120_000);
});
