// The SKM report as CSV in the layout agencies publish (the domain's skmReportTable), through the
// gateway's one CSV writer (formula-like cells neutralised, Windows line ends).
import { type SkmProfileCount, skmReportTable } from '@layanan/domain/feedback';
import type { Lang } from '../../../app/context.js';
import { writeCsv } from '../../../platform/csv.js';
import type { IkmReportShape } from '../queries/ikm-report.js';

export function skmCsv(report: IkmReportShape, profile: readonly SkmProfileCount[], lang: Lang): string {
  return writeCsv(skmReportTable(report, profile, lang));
}
