// Downloads of a request's PDFs, for those who may see the request (its citizen, staff of its
// unit, admins), with a Bearer token like every report route (platform/csv-route.ts):
//   GET /documents/receipt.pdf?code=SWL-2026-000001   the filing receipt (tanda terima), made
//                                                     on demand (the same bytes each time)
//   GET /documents/issued.pdf?number=DPMPTSP/PBG/000001/2026   the issued document as stored
// 401 without a token; 404 for a citizen's foreign request (its existence is not revealed) and for
// what does not exist; 403 for staff outside the unit; 400 for a malformed code or number.
import type { Readable } from 'node:stream';
import { formatTrackingCode, parseDocumentNumber, parseTrackingCode } from '@layanan/domain/services';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../../app/context.js';
import { NotFoundError } from '../../graphql/errors.js';
import { forbidden } from '../../platform/authz.js';
import { dayOf } from '../../platform/calendar.js';
import type { Caller } from '../../platform/command.js';
import { downloadRoute } from '../../platform/csv-route.js';
import { hidesOthersRequests, visibleRequests } from '../services/access.js';
import { receiptPdf } from './document-pdfs.js';

export const RECEIPT_PATH = '/documents/receipt.pdf';
export const ISSUED_PATH = '/documents/issued.pdf';

const PDF = 'application/pdf';

/** The request with this tracking code when the caller may see it; else NotFound or Forbidden as above. */
async function visibleRequest(
  ctx: GraphQLContext,
  caller: Caller,
  where: { trackingCode: string },
  shown: string,
) {
  const request = await ctx.prisma.serviceRequest.findUnique({ where });
  if (!request) throw new NotFoundError('ServiceRequest', shown);
  const visible = await ctx.prisma.serviceRequest.count({
    where: { AND: [{ id: request.id }, visibleRequests(caller)] },
  });
  if (visible === 1) return request;
  if (hidesOthersRequests(caller)) throw new NotFoundError('ServiceRequest', shown);
  throw forbidden();
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export function documentRoutes(contextOf: (request: Request) => Promise<GraphQLContext>): Plugin[] {
  return [
    downloadRoute(RECEIPT_PATH, contextOf, {
      read: (url) => {
        const parsed = parseTrackingCode(url.searchParams.get('code') ?? '');
        return parsed.ok ? { ok: true, value: formatTrackingCode(parsed.value) } : parsed;
      },
      load: async (trackingCode, ctx) => {
        const request = await visibleRequest(ctx, ctx.identity, { trackingCode }, trackingCode);
        const [version, unit] = await Promise.all([
          ctx.prisma.serviceVersion.findUniqueOrThrow({ where: { id: request.serviceVersionId } }),
          ctx.prisma.unit.findUniqueOrThrow({ where: { id: request.unitId } }),
        ]);
        const pdf = await receiptPdf({
          trackingCode,
          serviceName: version.nameId,
          unitName: unit.name,
          submittedAt: request.submittedAt,
          completionDays: version.completionDays,
          verificationDueOn: dayOf(request.verificationDueOn),
          publicUrl: ctx.config.mail.publicUrl,
        });
        return { fileName: `tanda-terima-${trackingCode}.pdf`, body: new Uint8Array(pdf), contentType: PDF };
      },
    }),
    downloadRoute(ISSUED_PATH, contextOf, {
      read: (url) => {
        const parsed = parseDocumentNumber(url.searchParams.get('number') ?? '');
        return parsed.ok ? { ok: true, value: parsed.value.text } : { ok: false, error: parsed.error };
      },
      load: async (number, ctx) => {
        const document = await ctx.prisma.issuedDocument.findUnique({
          where: { number },
          include: { request: { select: { trackingCode: true } } },
        });
        if (!document) throw new NotFoundError('IssuedDocument', number);
        await visibleRequest(ctx, ctx.identity, { trackingCode: document.request.trackingCode }, number);
        const stream = await ctx.storage.get(document.sha256);
        if (!stream)
          throw new Error(`issued document ${number}: blob ${document.sha256} missing from the store`);
        return {
          fileName: `${number.replaceAll('/', '-')}.pdf`,
          body: new Uint8Array(await bytesOf(stream)),
          contentType: PDF,
        };
      },
    }),
  ];
}
