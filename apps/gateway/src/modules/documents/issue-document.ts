// The documents area's reaction to a completed request (`services.request-completed`, handled
// after commit in the event's own transaction — platform/events.ts): a permit or registration
// gets its issued document. The PDF is made from the service's template, stored in the blob store
// under its SHA-256, the hash signed, and the row written with its number — all or nothing: a
// failure leaves the event pending and the next sweep tries again (a stored PDF without a row is
// harmless: the blob store keeps each content once). Issuing twice is impossible: one document
// per request (unique), and an existing one ends the handler.
import type { Prisma } from '@layanan/db';
import { jakartaDay, jakartaYear } from '@layanan/domain/calendar';
import {
  checkDocumentTemplate,
  type DocumentTemplate,
  defaultDocumentTemplate,
  documentPlaceholderValues,
  documentValidUntil,
  formatDocumentNumber,
  issuesDocument,
  type ServiceAttribute,
} from '@layanan/domain/services';
import type { TransactionClient } from '../../platform/audited.js';
import { dateOnly } from '../../platform/calendar.js';
import type { EventBus } from '../../platform/events.js';
import type { DocumentSigner } from '../../platform/signing/document-signer.js';
import type { BlobStore } from '../../platform/storage/blob-store.js';
import { issuedDocumentPdf, wibDate } from './document-pdfs.js';

export type DocumentDeps = {
  storage: BlobStore;
  signer: DocumentSigner;
  /** The base of the verification links printed as QR codes (LAYANAN_PUBLIC_URL). */
  publicUrl: string;
};

/** Next number of a unit, service and year; one atomic statement, safe under concurrency. */
async function nextDocumentSequence(tx: TransactionClient, scope: string): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO issued_document_counter (scope, last) VALUES (${scope}, 1)
    ON CONFLICT (scope) DO UPDATE SET last = issued_document_counter.last + 1
    RETURNING last`;
  const last = rows[0]?.last;
  if (last === undefined) throw new Error('document counter returned no row');
  return Number(last);
}

/** The template the catalogue gives the service, else the default from its standard. */
function templateOf(
  stored: Prisma.JsonValue | null,
  product: string,
  attributes: readonly ServiceAttribute[],
): DocumentTemplate {
  if (stored !== null) {
    const checked = checkDocumentTemplate(stored);
    // A broken template is a catalogue bug: the event stays pending and the log says why.
    if (!checked.ok) throw new Error(`${checked.error.code}: ${String(checked.error.details?.problem)}`);
    return checked.value;
  }
  return defaultDocumentTemplate({ product, attributeCodes: attributes.map((a) => a.code) });
}

/**
 * Issues the document of a completed request when its service issues one and none exists yet.
 * Returns the new document's id, or null when nothing was issued.
 */
export async function issueDocument(
  tx: TransactionClient,
  deps: DocumentDeps,
  requestId: string,
): Promise<string | null> {
  const request = await tx.serviceRequest.findUniqueOrThrow({
    where: { id: requestId },
    include: {
      service: { select: { code: true, documentTemplate: true } },
      serviceVersion: { select: { nameId: true, kind: true, standard: true, attributes: true } },
      unit: { select: { code: true, name: true } },
      citizen: { select: { displayName: true } },
      issuedDocument: { select: { id: true } },
    },
  });
  if (
    request.issuedDocument ||
    request.state !== 'COMPLETED' ||
    !issuesDocument(request.serviceVersion.kind)
  ) {
    return null;
  }
  const issuedAt = request.completedAt ?? new Date();
  const completion = await tx.requestEvent.findFirst({
    where: { requestId, toState: 'COMPLETED' },
    orderBy: { sequence: 'desc' },
    select: { actorAccountId: true },
  });
  const officer = completion?.actorAccountId
    ? await tx.account.findUnique({
        where: { id: completion.actorAccountId },
        select: { id: true, displayName: true, staff: { select: { name: true } } },
      })
    : null;
  const attributes = request.serviceVersion.attributes as unknown as ServiceAttribute[];
  const standard = request.serviceVersion.standard as { PRODUCT?: unknown };
  const template = templateOf(
    request.service.documentTemplate,
    typeof standard.PRODUCT === 'string' ? standard.PRODUCT : request.serviceVersion.nameId,
    attributes,
  );
  const year = jakartaYear(issuedAt);
  const scope = `${request.unit.code}/${request.service.code}/${year}`;
  const number = formatDocumentNumber({
    unitCode: request.unit.code,
    serviceCode: request.service.code,
    sequence: await nextDocumentSequence(tx, scope),
    year,
  });
  const validUntil = documentValidUntil(jakartaDay(issuedAt), template.validityMonths);
  const officerName = officer?.staff?.name ?? officer?.displayName ?? request.unit.name;
  const pdf = await issuedDocumentPdf({
    number,
    template,
    values: documentPlaceholderValues({
      facts: {
        trackingCode: request.trackingCode,
        service: request.serviceVersion.nameId,
        applicant: request.citizen.displayName,
        submittedOn: wibDate(request.submittedAt),
        completedOn: wibDate(issuedAt),
      },
      attributes,
      values: request.attributeValues as Record<string, unknown>,
    }),
    trackingCode: request.trackingCode,
    serviceName: request.serviceVersion.nameId,
    unitName: request.unit.name,
    officerName,
    issuedAt,
    validUntil,
    publicUrl: deps.publicUrl,
  });
  const stored = await deps.storage.put(pdf, { contentType: 'application/pdf' });
  const signed = await deps.signer.sign(stored.sha256);
  const row = await tx.issuedDocument.create({
    data: {
      number,
      requestId,
      sha256: stored.sha256,
      size: stored.size,
      signature: signed.signature,
      algorithm: signed.algorithm,
      keyId: signed.keyId,
      publicKey: signed.publicKey,
      issuedByAccountId: officer?.id ?? null,
      issuedByName: officerName,
      issuedAt,
      validUntil: validUntil ? dateOnly(validUntil) : null,
    },
  });
  await tx.auditEntry.create({
    data: {
      actorKind: 'SYSTEM',
      actorId: null,
      action: 'issueDocument',
      entityType: 'IssuedDocument',
      entityId: row.id,
      after: {
        number,
        requestId,
        sha256: stored.sha256,
        keyId: signed.keyId,
        issuedByAccountId: officer?.id ?? null,
      },
    },
  });
  return row.id;
}

export function onRequestCompletedIssueDocument(bus: EventBus, deps: DocumentDeps): void {
  bus.on('services.request-completed', async (tx, event) => {
    await issueDocument(tx, deps, event.requestId);
    return undefined;
  });
}
