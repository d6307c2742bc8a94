// The staff register and the training (JP) list as CSV downloads, for supervisors (their unit
// tree) and admins, through the gateway's one CSV writer:
//   GET /reports/staff.csv?unit=CODE&q=TEXT — active staff as staffMembers lists them (`q` is the
//     filter's `search`: part of the name, or NIP digits), by name;
//   GET /reports/training.csv?unit=CODE&year=2026 — each person's confirmed JP in the year against
//     the 20 JP right, as trainingComplianceReport gives them (fewest JP first).
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext, Lang } from '../../../app/context.js';
import { writeCsv } from '../../../platform/csv.js';
import { csvDownloadRoute } from '../../../platform/csv-route.js';
import { forbidden, managedUnits, unitTree } from '../access.js';
import { complianceReport } from '../queries/reports.js';
import { staffOrderBy, staffWhere } from '../queries/staff-search.js';

export const STAFF_CSV_PATH = '/reports/staff.csv';
export const TRAINING_CSV_PATH = '/reports/training.csv';

const HEADINGS = {
  staff: {
    id: ['NIP', 'Nama', 'Jenis', 'Jabatan', 'Pangkat/golongan', 'Kode unit', 'Unit'],
    en: ['NIP', 'Name', 'Kind', 'Position', 'Rank', 'Unit code', 'Unit'],
  },
  training: {
    id: ['NIP', 'Nama', 'Kode unit', 'Tahun', 'JP', 'Kekurangan JP', 'Memenuhi hak 20 JP'],
    en: ['NIP', 'Name', 'Unit code', 'Year', 'JP', 'JP short', 'Meets the 20 JP right'],
  },
} as const;

const YES_NO = { id: ['Ya', 'Tidak'], en: ['Yes', 'No'] } as const;

/** The file-name part naming the unit asked for, or `semua`/`all`. */
function unitPart(unit: string | null, lang: Lang): string {
  return unit
    ? unit
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, '')
    : lang === 'id'
      ? 'semua'
      : 'all';
}

/** The staff register rows the caller manages, filtered as staffMembers filters them. */
async function staffCsv(url: URL, ctx: GraphQLContext) {
  const unit = url.searchParams.get('unit');
  const managed = await managedUnits(ctx);
  if (!managed) throw forbidden();
  const where = await staffWhere({ unitCode: unit, search: url.searchParams.get('q') }, null, ctx);
  const rows = await ctx.prisma.staff.findMany({
    where: managed === 'ALL' ? where : { AND: [where, { unitId: { in: [...managed] } }] },
    orderBy: staffOrderBy(null),
    select: { nip: true, name: true, kind: true, position: true, rank: true, unitId: true },
  });
  const tree = await unitTree(ctx);
  const csv = writeCsv([
    HEADINGS.staff[ctx.lang],
    ...rows.map((r) => {
      const u = tree.byId.get(r.unitId);
      return [r.nip, r.name, r.kind, r.position, r.rank ?? '', u?.code ?? '', u?.name ?? ''];
    }),
  ]);
  return { fileName: `staff-${unitPart(unit, ctx.lang)}.csv`, csv };
}

/** Each person's JP in the year, as the compliance report computes it. */
async function trainingCsv(url: URL, ctx: GraphQLContext) {
  const unit = url.searchParams.get('unit');
  const year = url.searchParams.get('year');
  const report = await complianceReport(ctx, { unitCode: unit, year: year ? Number(year) : null });
  const nips = new Map(
    (
      await ctx.prisma.staff.findMany({
        where: { id: { in: report.staff.map((s) => s.staff.id) } },
        select: { id: true, nip: true },
      })
    ).map((s) => [s.id, s.nip]),
  );
  const [yes, no] = YES_NO[ctx.lang];
  const csv = writeCsv([
    HEADINGS.training[ctx.lang],
    ...report.staff.map((s) => [
      nips.get(s.staff.id) ?? '',
      s.staff.name,
      s.unitCode,
      report.year,
      s.jp,
      s.shortfallJp,
      s.compliant ? yes : no,
    ]),
  ]);
  const fileName = `training-jp-${unitPart(unit, ctx.lang)}-${report.year}.csv`;
  return { fileName, csv };
}

/** The URL itself: these routes read their parameters where they authorize and load. */
const urlQuery = (url: URL) => ({ ok: true as const, value: url });

/** Both downloads as gateway routes. */
export function staffCsvRoutes(contextOf: (request: Request) => Promise<GraphQLContext>): Plugin[] {
  return [
    csvDownloadRoute(STAFF_CSV_PATH, contextOf, { read: urlQuery, load: staffCsv }),
    csvDownloadRoute(TRAINING_CSV_PATH, contextOf, { read: urlQuery, load: trainingCsv }),
  ];
}
