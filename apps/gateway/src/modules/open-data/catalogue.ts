// The `services` open dataset (issue 23): every published service with its current standard, the
// components UU 25/2009 art. 21 makes public, lists joined with "; ".
import type { PrismaClient } from '@layanan/db';
import type { OpenAggregateRow } from './aggregates.js';

type Db = Pick<PrismaClient, 'service'>;

/** A standard component as one cell: a list joined with "; ", text as it is, absent as empty. */
function cell(value: unknown): string | number {
  if (Array.isArray(value)) return value.map(String).join('; ');
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? value : '';
}

/** The published catalogue by service code, in one batch (a city has tens of services). */
export async function* serviceCatalogueBatches(prisma: Db): AsyncGenerator<OpenAggregateRow[]> {
  const services = await prisma.service.findMany({
    where: { published: true },
    include: { unit: true, currentVersion: true },
    orderBy: { code: 'asc' },
  });
  yield services.map((s) => {
    const standard = (s.currentVersion?.standard ?? {}) as Record<string, unknown>;
    return {
      service: s.code,
      name: s.currentVersion?.nameId ?? s.name,
      name_en: s.currentVersion?.nameEn ?? s.name,
      unit: s.unit.code,
      unit_name: s.unit.name,
      kind: s.kind,
      version: s.currentVersion?.version ?? null,
      completion_working_days: s.currentVersion?.completionDays ?? s.completionDays,
      cost: String(cell(standard.COST ?? s.costIdr)),
      open_data: s.openData,
      legal_basis: cell(standard.LEGAL_BASIS),
      requirements: cell(standard.REQUIREMENTS),
      procedure: cell(standard.PROCEDURE),
      product: cell(standard.PRODUCT),
      complaint_handling: cell(standard.COMPLAINT_HANDLING),
      service_guarantee: cell(standard.SERVICE_GUARANTEE),
    };
  });
}
