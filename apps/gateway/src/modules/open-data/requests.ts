// The `requests` open dataset (issue 23): every request of the services the catalogue marks open,
// read from the database a page at a time (keyset on submission time and id, never OFFSET) and
// published through the domain's openRequestRecord — no text, no form values but a listed
// kecamatan, no exact times, no ids.
import { Prisma, type PrismaClient } from '@layanan/db';
import {
  isOpenDataService,
  type OpenRequestRecord,
  type OpenRequestSource,
  openRequestRecord,
} from '@layanan/domain';
import { completedWithinStandardSql } from '../services/queries/open-overdue.js';

type Db = Pick<PrismaClient, '$queryRaw' | 'service' | 'district'>;

type SourceRow = OpenRequestSource & { id: string; submittedAt: Date };

/** The published requests, oldest first, in batches of at most `pageSize` (one query each). */
export async function* openRequestBatches(
  prisma: Db,
  { pageSize }: { pageSize: number },
): AsyncGenerator<OpenRequestRecord[]> {
  const services = await prisma.service.findMany({ select: { id: true, openData: true, published: true } });
  const open = services.filter(isOpenDataService).map((s) => Prisma.sql`${s.id}::uuid`);
  if (open.length === 0) return;
  // The city's kecamatan codes: the only values of the `kecamatan` field that are published.
  const kecamatan = new Set((await prisma.district.findMany({ select: { code: true } })).map((d) => d.code));
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const page: SourceRow[] = await prisma.$queryRaw<SourceRow[]>`
      SELECT r.id, r."submittedAt", s.code AS "serviceCode", s.name AS "serviceName", u.code AS "unitCode",
        r."attributeValues"->>'kecamatan' AS kecamatan, r.channel::text AS channel,
        to_char(((r."submittedAt" AT TIME ZONE 'UTC') + interval '7 hours')::date, 'YYYY-MM-DD') AS day,
        r.state::text AS state, r."completeWorkingDays" AS "completeWorkingDays",
        (${completedWithinStandardSql()}) AS "completedWithinStandard"
      FROM service_request r
      JOIN service s ON s.id = r."serviceId"
      JOIN unit u ON u.id = r."unitId"
      WHERE r."serviceId" IN (${Prisma.join(open)})
        ${after ? Prisma.sql`AND (r."submittedAt", r.id) > (${after.at}, ${after.id}::uuid)` : Prisma.empty}
      ORDER BY r."submittedAt", r.id
      LIMIT ${pageSize}`;
    if (page.length > 0) yield page.map((row) => openRequestRecord(row, kecamatan));
    const last = page[page.length - 1];
    if (!last || page.length < pageSize) return;
    after = { at: last.submittedAt, id: last.id };
  }
}
