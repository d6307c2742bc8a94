// Record (or correct) a published IKM of a past year for a unit; admins (the GraphQL field's
// scope). The domain bounds and grades it; one row per unit and year.
import { jakartaYear } from '@layanan/domain/calendar';
import type { IkmRule } from '@layanan/domain/feedback';
import { validateHistoricIkm } from '@layanan/domain/feedback';
import { NotFoundError } from '../../../graphql/errors.js';
import { invalidFields } from '../../../graphql/failures.js';
import { audited } from '../../../platform/audited.js';
import { accountIdOf } from '../../../platform/authz.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';

export type RecordHistoricIkmInput = {
  unitCode: string;
  year: number;
  score: number;
  index?: number | null;
  rule: IkmRule;
  respondents?: number | null;
  source?: string | null;
};

export async function recordHistoricIkm(deps: CommandDeps, caller: Caller, input: RecordHistoricIkmInput) {
  const code = input.unitCode.trim().toUpperCase();
  const unit = await deps.prisma.unit.findUnique({ where: { code } });
  if (!unit) throw new NotFoundError('Unit', code);
  const valid = validateHistoricIkm(input, { currentYear: jakartaYear(deps.now()) });
  if (!valid.ok) throw invalidFields(valid.error);
  const { year, ...figures } = valid.value;
  const data = { ...figures, recordedByAccountId: accountIdOf(caller) };
  const key = { unitId_year: { unitId: unit.id, year } };
  return audited(
    auditScope(deps, caller),
    { action: 'recordHistoricIkm', entityType: 'HistoricIkm' },
    async (tx) => {
      const before = await tx.historicIkm.findUnique({ where: key });
      const row = await tx.historicIkm.upsert({
        where: key,
        create: { ...data, unitId: unit.id, year },
        update: data,
      });
      return { result: row, entityId: row.id, before: before ?? null, after: row };
    },
  );
}
