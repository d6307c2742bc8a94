// Filing a service request: one path for the GraphQL mutation (citizens, counter staff) and the
// Open311 GeoReport v2 POST (a system with an API key filing for a registered citizen). Same
// validation, idempotency, routing, status trail and audit entry either way.
import type { Prisma, ServiceRequest } from '@layanan/db';
import { addWorkingDays, jakartaDay } from '@layanan/domain/calendar';
import {
  formatTrackingCode,
  REQUEST_VERIFICATION_WORKING_DAYS,
  type ServiceAttribute,
  validateAttributeValues,
} from '@layanan/domain/services';
import type { GraphQLContext } from '../../../app/context.js';
import { isUniqueViolation, NotFoundError, ValidationError } from '../../../graphql/errors.js';
import { audited, type TransactionClient } from '../../../platform/audited.js';
import { forbidden } from '../../../platform/authz.js';
import { dateOnly, loadWorkingCalendar } from '../../../platform/calendar.js';
import { chooseAssignee, nextTrackingSequence, publishUpdate } from './request-workflow.js';

export const TRACKING_PREFIX = 'SWL';
export const MAX_REQUEST_TEXT = 10_000;
export const MAX_IDEMPOTENCY_KEY = 200;

export type SubmitRequestInput = {
  serviceCode: string;
  text: string;
  attributes?: unknown;
  idempotencyKey?: string | null;
  /** Counter staff and API keys: the citizen account the request is filed for. */
  citizenEmail?: string | null;
};

export const fieldProblem = (field: string, code: string, messageId: string, messageEn: string) => ({
  field,
  code,
  messageId,
  messageEn,
});

/** Who files: the account, or the API key (its id stands in as the submitter for idempotency). */
function submitterOf(ctx: GraphQLContext): { submitterId: string; actorKind: string } {
  const id = ctx.identity;
  if (id.kind === 'account') return { submitterId: id.accountId, actorKind: id.role };
  if (id.kind === 'system' && id.scopes.includes('requests:write'))
    return { submitterId: id.apiKeyId, actorKind: 'SYSTEM' };
  throw forbidden();
}

async function existingByKey(ctx: GraphQLContext, submitterId: string, key: string | null) {
  if (!key) return null;
  return ctx.prisma.serviceRequest.findUnique({
    where: {
      submittedByAccountId_idempotencyKey: { submittedByAccountId: submitterId, idempotencyKey: key },
    },
  });
}

/**
 * Validates and files a request. A retry with the same idempotency key (per submitter) returns
 * the request filed first, also when two retries race. `extra` writes rows that belong to the
 * request (the Open311 location) in the same transaction.
 */
export async function submitRequest(
  ctx: GraphQLContext,
  input: SubmitRequestInput,
  extra?: (tx: TransactionClient, request: ServiceRequest) => Promise<void>,
): Promise<{ request: ServiceRequest; replayed: boolean }> {
  const id = ctx.identity;
  const { submitterId, actorKind } = submitterOf(ctx);
  const key = input.idempotencyKey?.trim() || null;
  if (key && key.length > MAX_IDEMPOTENCY_KEY) {
    throw ValidationError.fromFields([
      fieldProblem(
        'idempotencyKey',
        'TOO_LONG',
        `Kunci idempotensi maksimal ${MAX_IDEMPOTENCY_KEY} karakter`,
        `The idempotency key has at most ${MAX_IDEMPOTENCY_KEY} characters`,
      ),
    ]);
  }
  const previous = await existingByKey(ctx, submitterId, key);
  if (previous) return { request: previous, replayed: true };

  const service = await ctx.prisma.service.findUnique({
    where: { code: input.serviceCode.trim().toUpperCase() },
    include: { currentVersion: { include: { requiredCompetency: true } } },
  });
  if (!service?.published || !service.currentVersion) throw new NotFoundError('Service', input.serviceCode);
  const version = service.currentVersion;

  let citizenAccountId: string;
  let channel: 'ONLINE' | 'COUNTER' = 'ONLINE';
  if (id.kind === 'account' && id.role === 'CITIZEN') {
    citizenAccountId = id.accountId;
  } else {
    // Counter staff file for a citizen of their own unit's service; a system names the citizen.
    if (id.kind === 'account' && id.unitId !== service.unitId) throw forbidden();
    const email = input.citizenEmail?.trim().toLowerCase();
    const citizen = email ? await ctx.prisma.account.findUnique({ where: { email } }) : null;
    if (citizen?.role !== 'CITIZEN' || citizen.disabledAt) {
      throw ValidationError.fromFields([
        fieldProblem(
          'citizenEmail',
          email ? 'NOT_ALLOWED' : 'REQUIRED',
          id.kind === 'account'
            ? 'Sebutkan akun warga yang dilayani di loket'
            : 'Sebutkan email akun warga terdaftar yang mengajukan',
          id.kind === 'account'
            ? 'Name the citizen account served at the counter'
            : 'Give the email of the registered citizen account filing the request',
        ),
      ]);
    }
    citizenAccountId = citizen.id;
    if (id.kind === 'account') channel = 'COUNTER';
  }

  const problems = [];
  const text = input.text;
  if (text.trim() === '')
    problems.push(fieldProblem('text', 'REQUIRED', 'Uraian permohonan wajib diisi', 'Describe your request'));
  else if (text.length > MAX_REQUEST_TEXT)
    problems.push(
      fieldProblem(
        'text',
        'TOO_LONG',
        `Uraian maksimal ${MAX_REQUEST_TEXT} karakter`,
        `At most ${MAX_REQUEST_TEXT} characters`,
      ),
    );
  const raw = input.attributes ?? {};
  const values =
    raw && typeof raw === 'object' && !Array.isArray(raw)
      ? validateAttributeValues(
          version.attributes as unknown as ServiceAttribute[],
          raw as Record<string, unknown>,
        )
      : null;
  if (!values)
    problems.push(
      fieldProblem(
        'attributes',
        'INVALID_TYPE',
        'Isian harus berupa objek per kode',
        'Attributes must be an object by code',
      ),
    );
  else if (!values.ok) {
    for (const f of values.error.fields)
      problems.push(fieldProblem(`attributes.${f.field}`, f.code, f.message.id, f.message.en));
  }
  if (problems.length > 0 || !values?.ok) throw ValidationError.fromFields(problems);

  const now = new Date();
  try {
    const created = await audited(
      ctx,
      { action: 'submitServiceRequest', entityType: 'ServiceRequest' },
      async (tx) => {
        const calendar = await loadWorkingCalendar(tx);
        const today = jakartaDay(now);
        const year = Number(today.slice(0, 4));
        const trackingCode = formatTrackingCode({
          prefix: TRACKING_PREFIX,
          year,
          sequence: await nextTrackingSequence(tx, year),
        });
        const requirement =
          version.requiredCompetency && version.requiredLevel
            ? {
                competencyId: version.requiredCompetency.id,
                code: version.requiredCompetency.code,
                level: version.requiredLevel,
              }
            : null;
        const assigneeStaffId = await chooseAssignee(tx, service.unitId, requirement);
        const request = await tx.serviceRequest.create({
          data: {
            trackingCode,
            serviceId: service.id,
            serviceVersionId: version.id,
            unitId: service.unitId,
            citizenAccountId,
            submittedByAccountId: submitterId,
            channel,
            idempotencyKey: key,
            originalText: text,
            attributeValues: values.value as Prisma.InputJsonValue,
            assigneeStaffId,
            submittedAt: now,
            verificationDueOn: dateOnly(addWorkingDays(today, REQUEST_VERIFICATION_WORKING_DAYS, calendar)),
            events: {
              create: {
                sequence: 1,
                kind: 'SUBMITTED',
                toState: 'SUBMITTED',
                actorKind,
                actorAccountId: id.kind === 'account' ? id.accountId : null,
                internalNote: assigneeStaffId
                  ? null
                  : 'Tidak ada petugas berkompetensi; menunggu penugasan atasan / no competent staff; awaiting assignment',
                assigneeStaffId,
                at: now,
              },
            },
          },
        });
        if (extra) await extra(tx, request);
        return {
          result: request,
          entityId: request.id,
          after: { trackingCode, serviceVersion: version.version, assigneeStaffId, channel },
        };
      },
    );
    publishUpdate(ctx.pubsub, created);
    return { request: created, replayed: false };
  } catch (error) {
    // A concurrent retry with the same key won the insert: answer with its request.
    if (isUniqueViolation(error)) {
      const winner = await existingByKey(ctx, submitterId, key);
      if (winner) return { request: winner, replayed: true };
    }
    throw error;
  }
}
