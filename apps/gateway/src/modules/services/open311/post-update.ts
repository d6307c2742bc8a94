// POST servicerequestupdates.{json,xml} (issue 17 item 5): an update from the client that filed
// the request, as FixMyStreet posts one when its user comments on a report or reopens it —
// `service_request_id`, `update_id` (older clients: `update_id_ext`), `updated_datetime`,
// `status` (OPEN/CLOSED: the state of the report on the client's side), `description`, `email`,
// `first_name`, `last_name`, `media_url`. The rule is the domain's `clientUpdate`: status OPEN on a
// request Layanan has decided reopens it through the reporter's contest (`answerOutcome`, with
// its window and reopen limit); anything else is a comment, kept as a staff-visible trail note
// written by the citizen. Idempotent by (API key, update_id): a repeat gets the first answer; the
// record of an update_id is written in the same transaction as its change.
import type { Prisma } from '@layanan/db';
import { clientUpdate, isOpen } from '@layanan/domain/services';
import type { ComplaintPolicy } from '../../../app/config.js';
import type { Lang } from '../../../app/context.js';
import { ConflictError, isUniqueViolation } from '../../../graphql/errors.js';
import { validationFailed } from '../../../graphql/failures.js';
import type { TransactionClient } from '../../../platform/audited.js';
import type { Caller, CommandDeps } from '../../../platform/command.js';
import { changeInTrail, loadForChange } from '../commands/change-request.js';
import { answerOutcome } from '../commands/complaint-handling.js';
import { normalizedCode } from '../queries/tracking-code.js';
import { OPEN311_MESSAGES as M, Open311Error } from './messages.js';

type Params = Map<string, string | string[]>;

const one = (params: Params, key: string) => {
  const v = params.get(key);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
};

/** The answer of one update: GeoReport's `request_update` list with Layanan's id of the change. */
type UpdateAnswer = { update_id: string; service_request_id: string; account_id: null }[];

/**
 * Takes the update of a POST from `caller` (a system holding requests:write). Returns the HTTP
 * status (201 the first time, 200 for a repeat of the same `update_id`) and the answer.
 */
export async function postUpdate(
  params: Params,
  deps: CommandDeps,
  caller: Extract<Caller, { kind: 'system' }>,
  policy: Pick<ComplaintPolicy, 'answerWorkingDays' | 'maxReopens'>,
  lang: Lang,
): Promise<{ status: number; body: UpdateAnswer }> {
  const updateId = one(params, 'update_id') ?? one(params, 'update_id_ext');
  if (updateId) {
    const earlier = await deps.prisma.open311ClientUpdate.findUnique({
      where: { apiKeyId_updateId: { apiKeyId: caller.apiKeyId, updateId } },
    });
    if (earlier) return { status: 200, body: earlier.answer as UpdateAnswer };
  }
  const raw = one(params, 'service_request_id');
  if (!raw) throw Open311Error.of(400, lang, M.requestIdRequired);
  const code = normalizedCode(raw);
  const found = code
    ? await deps.prisma.serviceRequest.findUnique({ where: { trackingCode: code }, select: { id: true } })
    : null;
  if (!code || !found) throw Open311Error.of(404, lang, M.notFound('service_request_id', raw));
  const request = await loadForChange(deps, code);
  const description = one(params, 'description') ?? '';
  const kind = clientUpdate({
    filedByCaller: request.submittedByAccountId === caller.apiKeyId,
    updateId,
    status: one(params, 'status'),
    description,
    requestOpen: isOpen(request.state),
  });
  if (!kind.ok) {
    if ('fields' in kind.error) throw validationFailed(kind.error.fields);
    // Another client's request: the spec's 403, with the catalogue's words.
    throw new Open311Error(403, [kind.error.message[lang]]);
  }
  // The reporter (the client's user) acts: a citizen without an account in Layanan's trail.
  const actor = { actorKind: 'CITIZEN', accountId: null };
  let body: UpdateAnswer = [];
  // The idempotency record is written in the change's own transaction: a concurrent repeat of the
  // same update_id fails on its unique key and rolls its change back, so a change is made once.
  const remember = async (tx: TransactionClient, row: { id: string; version: number }) => {
    const event = await tx.requestEvent.findUniqueOrThrow({
      where: { requestId_sequence: { requestId: row.id, sequence: row.version } },
      select: { id: true },
    });
    body = [{ update_id: event.id, service_request_id: request.trackingCode, account_id: null }];
    await tx.open311ClientUpdate.create({
      data: {
        apiKeyId: caller.apiKeyId,
        updateId: updateId as string,
        requestId: request.id,
        kind: kind.value,
        answer: body as unknown as Prisma.InputJsonValue,
      },
    });
  };
  try {
    if (kind.value === 'REOPEN')
      await answerOutcome(
        deps,
        caller,
        request,
        actor,
        { accept: false, reason: description, expectedVersion: request.version },
        policy,
        remember,
      );
    else
      await changeInTrail(deps, caller, {
        action: 'addServiceRequestNote',
        request,
        expectedVersion: request.version,
        entry: { kind: 'NOTE', actorKind: 'CITIZEN', actorAccountId: null, internalNote: description },
        change: { change: 'CORRECTION', actor: 'CITIZEN', actorAccountId: null, publicNote: null },
        audit: (row) => ({ after: { version: row.version, open311UpdateId: updateId, comment: true } }),
        also: remember,
      });
  } catch (error) {
    // A concurrent repeat got there first — this change lost the version check, or its record the
    // unique key, and was rolled back: the first answer stands. Any other failure is the answer.
    const first = await deps.prisma.open311ClientUpdate.findUnique({
      where: { apiKeyId_updateId: { apiKeyId: caller.apiKeyId, updateId: updateId as string } },
    });
    if (!first || !(isUniqueViolation(error) || error instanceof ConflictError)) throw error;
    return { status: 200, body: first.answer as UpdateAnswer };
  }
  return { status: 201, body };
}
