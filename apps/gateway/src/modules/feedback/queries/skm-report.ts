// A unit's SKM report: the IKM, the respondent profile and the suggestions of a period. The one
// query behind the GraphQL `skmReport` field and the CSV download (GET /reports/skm.csv).
import type { PrismaClient } from '@layanan/db';
import type { SkmPeriod, SkmProfileCount } from '@layanan/domain/feedback';
import { forbidden } from '../../../platform/authz.js';
import type { Caller } from '../../../platform/command.js';
import { mayReadSkmReport } from '../access.js';
import { type IkmReportShape, ikmReport, surveyProfile, surveySuggestions } from './ikm-report.js';
import { resolveIkmScope } from './ikm-scope.js';

export type SkmProfileShape = { respondents: number; counts: readonly SkmProfileCount[] };
export type SkmReportShape = { ikm: IkmReportShape; profile: SkmProfileShape; suggestions: string[] };

/** Unit staff, supervisors of the unit's tree and admins read a unit's full SKM report. */
export async function loadSkmReport(
  db: Pick<PrismaClient, '$queryRaw' | 'unit' | 'service'>,
  caller: Caller,
  unitCode: string,
  period: SkmPeriod,
): Promise<SkmReportShape> {
  const scope = await resolveIkmScope(db, unitCode, null);
  if (!scope.unitId || !(await mayReadSkmReport(db, caller, scope.unitId))) throw forbidden();
  const [ikm, counts, suggestions] = await Promise.all([
    ikmReport(db, scope, period),
    surveyProfile(db, scope, period),
    surveySuggestions(db, scope, period),
  ]);
  return { ikm, profile: { respondents: ikm.respondents, counts }, suggestions };
}
