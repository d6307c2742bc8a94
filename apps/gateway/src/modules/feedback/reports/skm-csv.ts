// The SKM report as CSV in the layout agencies publish (the domain's skmReportTable), quoted by
// csv-stringify with Windows line ends so spreadsheet programs open it as is.
import { type SkmProfileCount, skmReportTable } from '@layanan/domain/feedback';
import { stringify } from 'csv-stringify/sync';
import type { Lang } from '../../../app/context.js';
import type { IkmReportShape } from '../queries/ikm-report.js';

export function skmCsv(report: IkmReportShape, profile: readonly SkmProfileCount[], lang: Lang): string {
  return stringify(skmReportTable(report, profile, lang), { record_delimiter: 'windows' });
}
