// Which scope an IKM is asked for: the city (no codes), a unit or a service, looked up by code.
import type { PrismaClient } from '@layanan/db';
import { ikmScopeProblem } from '@layanan/domain/feedback';
import { NotFoundError } from '../../../graphql/errors.js';
import { invalidFields } from '../../../graphql/failures.js';

export type IkmScope = {
  scope: 'CITY' | 'UNIT' | 'SERVICE';
  key: string | null;
  name: string;
  unitId: string | null;
  unitCode: string | null;
  serviceId: string | null;
  serviceCode: string | null;
};

export const CITY_NAME = 'Kota Sawahlunto';

const CITY: IkmScope = {
  scope: 'CITY',
  key: null,
  name: CITY_NAME,
  unitId: null,
  unitCode: null,
  serviceId: null,
  serviceCode: null,
};

/** The city (no codes), a unit or a service; a service given with a unit must belong to it. */
export async function resolveIkmScope(
  db: Pick<PrismaClient, 'unit' | 'service'>,
  unitCode?: string | null,
  serviceCode?: string | null,
): Promise<IkmScope> {
  const uc = unitCode?.trim().toUpperCase() || null;
  const sc = serviceCode?.trim().toUpperCase() || null;
  if (sc) {
    const service = await db.service.findUnique({ where: { code: sc }, include: { unit: true } });
    if (!service) throw new NotFoundError('Service', sc);
    const problem = ikmScopeProblem({ serviceCode: sc, serviceUnitCode: service.unit.code, unitCode: uc });
    if (problem) throw invalidFields([problem]);
    return {
      scope: 'SERVICE',
      key: service.code,
      name: service.name,
      unitId: service.unitId,
      unitCode: service.unit.code,
      serviceId: service.id,
      serviceCode: service.code,
    };
  }
  if (!uc) return CITY;
  const unit = await db.unit.findUnique({ where: { code: uc } });
  if (!unit) throw new NotFoundError('Unit', uc);
  return {
    scope: 'UNIT',
    key: unit.code,
    name: unit.name,
    unitId: unit.id,
    unitCode: unit.code,
    serviceId: null,
    serviceCode: null,
  };
}
