// Scans every table of the test database (issue 23): which rows name an id, and where a personal
// value still appears. A row is read whole as text (`SELECT t::text`), so JSON, arrays and every
// column are covered without listing them; tables of migrations are skipped.
import type { PrismaClient } from '@layanan/db';

async function tables(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_prisma%'
      ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

/** Every row of every table, as `{ table, text }` (the row's text form, lower case). */
export async function allRows(prisma: PrismaClient): Promise<{ table: string; text: string }[]> {
  const out: { table: string; text: string }[] = [];
  for (const table of await tables(prisma)) {
    const rows = await prisma.$queryRawUnsafe<{ t: string }[]>(`SELECT t::text AS t FROM "${table}" t`);
    for (const r of rows) out.push({ table, text: r.t.toLowerCase() });
  }
  return out;
}

/** Where any of `values` (case-insensitive; shorter than 4 characters ignored) still appears: `table: value`. */
export async function findPersonalValues(prisma: PrismaClient, values: readonly string[]): Promise<string[]> {
  const needles = [...new Set(values.map((v) => v.trim().toLowerCase()).filter((v) => v.length >= 4))];
  const found: string[] = [];
  for (const { table, text } of await allRows(prisma)) {
    for (const n of needles) if (text.includes(n)) found.push(`${table}: ${n}`);
  }
  return [...new Set(found)];
}

/** The rows (by table, whole text) in which `id` appears, in any column. */
export async function rowsNaming(
  prisma: PrismaClient,
  id: string,
): Promise<{ table: string; text: string }[]> {
  const needle = id.toLowerCase();
  return (await allRows(prisma)).filter((r) => r.text.includes(needle));
}
