// Issued documents in GraphQL: the document of a completed permit or registration on its request
// (for those who may see the request), the public verification by number (anyone, no personal
// data), and the revocation (a supervisor of the issuing unit or an admin).
import { jakartaDay } from '@layanan/domain/calendar';
import {
  documentHashMatches,
  issuedDocumentStatus,
  parseDocumentNumber,
  publicVerification,
} from '@layanan/domain/services';
import { builder } from '../../../graphql/builder.js';
import { commandInput } from '../../../graphql/command-fields.js';
import { entityPayload } from '../../../graphql/entity-payload.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../graphql/errors.js';
import { dayOf } from '../../../platform/calendar.js';
import { verifyDocumentSignature } from '../../../platform/signing/document-signer.js';
import { verificationUrl } from '../document-pdfs.js';
import { ISSUED_PATH } from '../document-routes.js';
import { revokeDocument } from '../revoke-document.js';

export const IssuedDocumentStatusEnum = builder.enumType('IssuedDocumentStatus', {
  description: 'Whether an issued document is in force.',
  values: {
    CURRENT: { description: 'Issued, not revoked, within its validity.' },
    EXPIRED: { description: 'Past its last valid day (WIB).' },
    REVOKED: { description: 'Revoked by the issuing unit (see revokedAt and revocationReason).' },
  },
});

const SIGNATURE_NOTE =
  'The city’s own Ed25519 signature, not a certified electronic signature (TTE under PP 71/2019).';

builder.prismaObject('IssuedDocument', {
  description:
    'The document a unit issued when a permit or registration was completed: a PDF whose SHA-256 is signed with the city’s key. ' +
    SIGNATURE_NOTE,
  fields: (t) => ({
    number: t.exposeString('number', {
      description:
        'Document number `<unit code>/<service code>/<sequence>/<year>`, e.g. DPMPTSP/PBG/000001/2026.',
    }),
    status: t.field({
      type: IssuedDocumentStatusEnum,
      description: 'CURRENT, EXPIRED or REVOKED, as of today (WIB).',
      select: { revokedAt: true, validUntil: true },
      resolve: (d) =>
        issuedDocumentStatus(
          { revokedAt: d.revokedAt, validUntil: d.validUntil ? dayOf(d.validUntil) : null },
          jakartaDay(new Date()),
        ),
    }),
    sha256: t.exposeString('sha256', {
      description: 'SHA-256 (hex) of the PDF as issued: the signed content hash.',
    }),
    size: t.exposeInt('size', { description: 'Size of the PDF in bytes.' }),
    algorithm: t.exposeString('algorithm', {
      description: `Signature algorithm (Ed25519). ${SIGNATURE_NOTE}`,
    }),
    keyId: t.exposeString('keyId', {
      description: 'Fingerprint of the signing key: SHA-256 (hex) of its public key (DER, SPKI).',
    }),
    signature: t.exposeString('signature', {
      description: 'The signature of the SHA-256’s 32 bytes, base64.',
    }),
    issuedAt: t.expose('issuedAt', { type: 'DateTime', description: 'When it was issued (the completion).' }),
    validUntil: t.expose('validUntil', {
      type: 'Day',
      nullable: true,
      description: 'Last valid day (WIB); null: valid without end.',
    }),
    issuedByName: t.exposeString('issuedByName', { description: 'The officer printed on the document.' }),
    revokedAt: t.expose('revokedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was revoked; null if not.',
    }),
    revocationReason: t.exposeString('revocationReason', {
      nullable: true,
      description: 'Why it was revoked (public on the verification page); null if not revoked.',
    }),
    downloadPath: t.string({
      description:
        'Path of the PDF on the gateway (GET with the Bearer token of someone who may see the request): /documents/issued.pdf?number=…',
      select: { number: true },
      resolve: (d) => `${ISSUED_PATH}?number=${encodeURIComponent(d.number)}`,
    }),
    verificationUrl: t.string({
      description:
        'The public verification page the QR code on the document links to (LAYANAN_PUBLIC_URL/verifikasi/<number>).',
      select: { number: true },
      resolve: (d, _args, ctx) => verificationUrl(ctx.config.mail.publicUrl, d.number),
    }),
  }),
});

builder.prismaObjectField('ServiceRequest', 'issuedDocument', (t) =>
  t.relation('issuedDocument', {
    nullable: true,
    description:
      'The document issued when this permit or registration was completed; null before, and always for complaints and information requests.',
  }),
);

const DocumentVerificationRef = builder
  .objectRef<
    ReturnType<typeof publicVerification> & { fileMatches: boolean | null; signatureValid: boolean }
  >('DocumentVerification')
  .implement({
    description:
      'The public verification of an issued document (anyone, no sign-in): its status, signed content hash, key, issuing unit, service and dates — no personal data. ' +
      SIGNATURE_NOTE,
    fields: (t) => ({
      number: t.exposeString('number', { description: 'The document number.' }),
      status: t.expose('status', {
        type: IssuedDocumentStatusEnum,
        description: 'CURRENT, EXPIRED or REVOKED today (WIB).',
      }),
      serviceCode: t.exposeString('serviceCode', {
        description: 'Code of the service the document was issued for.',
      }),
      serviceName: t.exposeString('serviceName', { description: 'Name of that service (Indonesian).' }),
      unitCode: t.exposeString('unitCode', { description: 'Code of the issuing unit.' }),
      unitName: t.exposeString('unitName', { description: 'Name of the issuing unit.' }),
      issuedOn: t.expose('issuedOn', { type: 'Day', description: 'Day of issue (WIB).' }),
      validUntil: t.expose('validUntil', {
        type: 'Day',
        nullable: true,
        description: 'Last valid day; null: no end.',
      }),
      revokedOn: t.expose('revokedOn', {
        type: 'Day',
        nullable: true,
        description: 'Day of revocation; null if not revoked.',
      }),
      revocationReason: t.exposeString('revocationReason', {
        nullable: true,
        description: 'Why it was revoked.',
      }),
      sha256: t.exposeString('sha256', {
        description: 'SHA-256 (hex) of the PDF as issued: the signed content hash.',
      }),
      signature: t.exposeString('signature', { description: 'Signature of the hash’s 32 bytes, base64.' }),
      algorithm: t.exposeString('algorithm', { description: 'Signature algorithm (Ed25519).' }),
      keyId: t.exposeString('keyId', {
        description: 'Fingerprint of the signing key (SHA-256 of its public key, hex).',
      }),
      publicKey: t.exposeString('publicKey', {
        description: 'The signing key’s public key (PEM, SPKI), to check the signature yourself.',
      }),
      signatureValid: t.exposeBoolean('signatureValid', {
        description: 'Whether the stored signature verifies with the public key (the record is intact).',
      }),
      fileMatches: t.exposeBoolean('fileMatches', {
        nullable: true,
        description:
          'Given the SHA-256 of a file someone holds: whether it is exactly this document (a changed PDF does not match); null when no sha256 was given.',
      }),
    }),
  });

builder.queryFields((t) => ({
  verifyIssuedDocument: t.field({
    type: DocumentVerificationRef,
    nullable: true,
    description:
      'Public verification of an issued document by its number (what the QR code on the document links to): anyone, no personal data; null for an unknown or malformed number. Pass the SHA-256 of the PDF you hold (computed in your browser) to learn whether it matches. ' +
      SIGNATURE_NOTE,
    args: {
      number: t.arg.string({
        required: true,
        description: 'The document number (case-insensitive), e.g. DPMPTSP/PBG/000001/2026.',
      }),
      sha256: t.arg.string({ description: 'SHA-256 (hex) of the PDF you hold; optional.' }),
    },
    resolve: async (_root, args, ctx) => {
      const parsed = parseDocumentNumber(args.number);
      if (!parsed.ok) return null;
      const d = await ctx.prisma.issuedDocument.findUnique({
        where: { number: parsed.value.text },
        include: {
          request: {
            select: {
              service: { select: { code: true } },
              serviceVersion: { select: { nameId: true } },
              unit: { select: { code: true, name: true } },
            },
          },
        },
      });
      if (!d) return null;
      const view = publicVerification(
        {
          number: d.number,
          serviceCode: d.request.service.code,
          serviceName: d.request.serviceVersion.nameId,
          unitCode: d.request.unit.code,
          unitName: d.request.unit.name,
          issuedAt: d.issuedAt,
          validUntil: d.validUntil ? dayOf(d.validUntil) : null,
          sha256: d.sha256,
          signature: d.signature,
          algorithm: d.algorithm,
          keyId: d.keyId,
          publicKey: d.publicKey,
          revokedAt: d.revokedAt,
          revocationReason: d.revocationReason,
        },
        jakartaDay(new Date()),
      );
      return {
        ...view,
        signatureValid: verifyDocumentSignature(d),
        fileMatches: args.sha256 ? documentHashMatches(d.sha256, args.sha256.trim()) : null,
      };
    },
  }),
}));

const RevokeInput = builder.inputType('RevokeIssuedDocumentInput', {
  description: 'Revoke an issued document, with a reason shown publicly on its verification page.',
  fields: (t) => ({
    number: t.string({ required: true, description: 'The document number (case-insensitive).' }),
    reason: t.string({
      required: true,
      description: 'Why, 5–1000 characters; shown publicly on the verification page, so no personal data.',
    }),
  }),
});

const DocumentPayload = entityPayload('IssuedDocumentPayload', 'The document after the change.', {
  document: { type: 'IssuedDocument', id: 'documentId', description: 'The document as now stored.' },
});

builder.mutationFields((t) => ({
  revokeIssuedDocument: t.field({
    type: DocumentPayload,
    description:
      'Revoke an issued document (a supervisor of the issuing unit or an admin; others get an access error). Audited; the first revocation is kept. Errors: ValidationError (reason TOO_SHORT/TOO_LONG), NotFoundError, ConflictError DOCUMENT_ALREADY_REVOKED.',
    authScopes: { supervisor: true, admin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    ...commandInput(t, RevokeInput, 'Which document, and why.', async (deps, caller, input) => ({
      documentId: await revokeDocument(deps, caller, input),
    })),
  }),
}));
