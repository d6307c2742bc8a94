// Service-request documents and helpers shared by the gateway tests.
import type { Prisma } from '@layanan/db';
import type { GqlResult, Harness } from './harness.js';

/** submitServiceRequest with every field the tests read, and the failures they check. */
export const SUBMIT_REQUEST = `mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) {
  __typename
  ... on ServiceRequestPayload { request { id trackingCode state version channel originalText attributeValues verificationDueOn completionDueOn assignee { name } serviceVersion { version } } }
  ... on ValidationError { code messageId messageEn fields { field code } }
  ... on NotFoundError { code }
} }`;

/** transitionServiceRequest with the resulting state and the failures the tests check. */
export const TRANSITION_REQUEST = `mutation($input: TransitionServiceRequestInput!) { transitionServiceRequest(input: $input) {
  __typename
  ... on ServiceRequestPayload { request { state version verifiedAt completedAt completionDueOn } }
  ... on ConflictError { code messageId messageEn }
  ... on RequestTransitionError { code from to messageEn }
  ... on NotFoundError { code }
} }`;

/** A valid PBG (building approval, DPMPTSP) application; spread it to change a field. */
export const PBG_REQUEST = {
  serviceCode: 'PBG',
  text: 'Saya ingin membangun rumah dua lantai di Kubang Sirakuak.',
  attributes: { nik: '1373010101900001', kecamatan: 'LEMBAH_SEGAR', luas_bangunan: '120', fungsi: 'HUNIAN' },
};

/** A road-damage complaint (DPUPR). */
export const ROAD_COMPLAINT = {
  serviceCode: 'PENGADUAN-JALAN',
  text: 'Jalan berlubang besar di depan SD 05 Lembah Segar, sudah dua minggu.',
  attributes: { kecamatan: 'LEMBAH_SEGAR', lokasi: 'Depan SD 05', jenis_kerusakan: 'JALAN_BERLUBANG' },
};

/**
 * A published complaint service of the unit `unitCode`, with the road complaint's standard and
 * attributes and 3 working days to complete (created once; later calls do nothing).
 */
export async function complaintServiceAt(
  h: Pick<Harness, 'db'>,
  service: { code: string; unitCode: string; nameId: string; nameEn: string },
): Promise<void> {
  const prisma = h.db.prisma;
  if (await prisma.service.findUnique({ where: { code: service.code } })) return;
  const road = await prisma.service.findUniqueOrThrow({
    where: { code: 'PENGADUAN-JALAN' },
    include: { currentVersion: true },
  });
  const unit = await prisma.unit.findUniqueOrThrow({ where: { code: service.unitCode } });
  const v = road.currentVersion!;
  const created = await prisma.service.create({
    data: {
      code: service.code,
      name: service.nameId,
      description: `${service.nameId}.`,
      kind: 'COMPLAINT',
      unitId: unit.id,
      completionDays: 3,
    },
  });
  const version = await prisma.serviceVersion.create({
    data: {
      serviceId: created.id,
      version: 1,
      nameId: service.nameId,
      nameEn: service.nameEn,
      kind: 'COMPLAINT',
      unitId: unit.id,
      standard: v.standard as object,
      attributes: v.attributes as object,
      completionDays: 3,
    },
  });
  await prisma.service.update({ where: { id: created.id }, data: { currentVersionId: version.id } });
}

/**
 * A PERMIT service of DPMPTSP of the test's own (5 working days, version 1 "Uji"/"Test" with no
 * standard and no attributes; not made current), so that the demo requests do not enter what the
 * test sums. `row(fields)` completes a hand-made request of it, filed by warga@ with the text
 * "uji" and no attribute values, for `prisma.serviceRequest.create`.
 */
type OwnRequestColumns = Pick<
  Prisma.ServiceRequestUncheckedCreateInput,
  | 'serviceId'
  | 'serviceVersionId'
  | 'unitId'
  | 'citizenAccountId'
  | 'submittedByAccountId'
  | 'originalText'
  | 'attributeValues'
>;

export async function ownPermitService(
  h: Pick<Harness, 'db'>,
  service: { code: string; name: string },
): Promise<{
  service: { id: string };
  version: { id: string };
  row(
    fields: Omit<Prisma.ServiceRequestUncheckedCreateInput, keyof OwnRequestColumns>,
  ): Prisma.ServiceRequestUncheckedCreateInput;
}> {
  const p = h.db.prisma;
  const unit = await p.unit.findUniqueOrThrow({ where: { code: 'DPMPTSP' } });
  const base = { kind: 'PERMIT' as const, unitId: unit.id, completionDays: 5 };
  const created = await p.service.create({ data: { ...base, ...service, description: 'Uji' } });
  const version = await p.serviceVersion.create({
    data: {
      ...base,
      serviceId: created.id,
      version: 1,
      nameId: 'Uji',
      nameEn: 'Test',
      standard: {},
      attributes: [],
    },
  });
  const citizen = await p.account.findUniqueOrThrow({ where: { email: 'warga@layanan.test' } });
  return {
    service: created,
    version,
    row: (fields) => ({
      ...fields,
      serviceId: created.id,
      serviceVersionId: version.id,
      unitId: unit.id,
      citizenAccountId: citizen.id,
      submittedByAccountId: citizen.id,
      originalText: 'uji',
      attributeValues: {},
    }),
  };
}

/** A second complaint service, at DPMPTSP (the unit of yulia, hendra and rahmat). */
export const permitComplaintService = (h: Pick<Harness, 'db'>): Promise<void> =>
  complaintServiceAt(h, {
    code: 'PENGADUAN-PERIZINAN',
    unitCode: 'DPMPTSP',
    nameId: 'Pengaduan Layanan Perizinan',
    nameEn: 'Permit service complaint',
  });

type Gql = Pick<Harness, 'gql'>;

export const submitRequest = (
  h: Gql,
  input: Record<string, unknown>,
  token: string,
): Promise<GqlResult<any>> => h.gql(SUBMIT_REQUEST, { input }, { token });

export const transitionRequest = (
  h: Gql,
  input: Record<string, unknown>,
  token: string,
): Promise<GqlResult<any>> => h.gql(TRANSITION_REQUEST, { input }, { token });

/** Submits and returns the new request; throws (failing the test) when it is refused. */
export async function submittedRequest(
  h: Gql,
  input: Record<string, unknown>,
  token: string,
): Promise<{ id: string; trackingCode: string; version: number; state: string }> {
  const result = await submitRequest(h, input, token);
  const request = result.body.data?.submitServiceRequest?.request;
  if (!request) throw new Error(`submitServiceRequest failed: ${JSON.stringify(result.body)}`);
  return request;
}

/** Walks a request through `states` in order as `token`; returns its last version. */
export async function moveRequest(
  h: Gql,
  trackingCode: string,
  states: readonly string[],
  token: string,
  fromVersion = 1,
): Promise<number> {
  let version = fromVersion;
  for (const to of states) {
    const result = await transitionRequest(h, { trackingCode, to, expectedVersion: version }, token);
    const moved = result.body.data?.transitionServiceRequest;
    if (moved?.__typename !== 'ServiceRequestPayload' || moved.request.state !== to) {
      throw new Error(`transition to ${to} failed: ${JSON.stringify(result.body)}`);
    }
    version = moved.request.version;
  }
  return version;
}
