// GraphQL multipart requests (the GraphQL multipart request specification) for the tests of
// uploads: files go to `variables.input.attachments.<i>`.
import type { Harness } from './harness.js';

/** One file of an upload: its name as sent, declared type, bytes. */
export type FilePart = { name: string; type?: string; bytes: Uint8Array };

/** A small PDF (enough for file-type to recognise it); `note` makes its bytes (and hash) differ. */
export const pdfBytes = (note = '') =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n${note ? `% ${note}\n` : ''}%%EOF\n`,
  );

/** The start of a Windows executable (MZ … PE header), which file-type recognises. */
export const EXE = (() => {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
})();

/** The GraphQL multipart request body of `query` with `input` and `files` as `input.attachments`. */
export function multipartBody(
  query: string,
  input: Record<string, unknown>,
  files: readonly FilePart[],
): FormData {
  const form = new FormData();
  form.set(
    'operations',
    JSON.stringify({ query, variables: { input: { ...input, attachments: files.map(() => null) } } }),
  );
  form.set(
    'map',
    JSON.stringify(
      Object.fromEntries(files.map((_, i) => [String(i), [`variables.input.attachments.${i}`]])),
    ),
  );
  for (const [i, f] of files.entries())
    form.set(
      String(i),
      new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/octet-stream' }),
      f.name,
    );
  return form;
}

/** Posts `query` with `input` and `files` as `input.attachments` (multipart), as `token`. */
export async function uploadGql(
  h: Pick<Harness, 'gateway'>,
  query: string,
  input: Record<string, unknown>,
  files: readonly FilePart[],
  token: string,
): Promise<{ status: number; body: any }> {
  const response = await h.gateway.fetch('http://layanan.test/graphql', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-graphql-yoga-csrf': '1' },
    body: multipartBody(query, input, files),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** The demo seed's required document slots of PBG (issue 19 item 4), one PDF each. */
export const PBG_REQUIRED_SLOTS = ['ktp', 'bukti_tanah', 'gambar_teknis'] as const;

/** One small PDF per slot of `slots` (bytes differing by `note`), with the slots in file order. */
export function slotDocuments(
  slots: readonly string[],
  note: string,
): { attachmentSlots: string[]; files: FilePart[] } {
  return {
    attachmentSlots: [...slots],
    files: slots.map((slot) => ({
      name: `${slot}.pdf`,
      type: 'application/pdf',
      bytes: pdfBytes(`${slot} ${note}`),
    })),
  };
}

const UNREVIEWED_DOCUMENTS = `query($code: String!) { serviceRequest(trackingCode: $code) {
  documentChecklist { documents { attachment { id } decision } } } }`;
const ACCEPT_DOCUMENT = `mutation($input: ReviewRequestDocumentInput!) { reviewRequestDocument(input: $input) { __typename } }`;

/**
 * Staff accept every document of a request not reviewed yet, as before verification; `gql` runs an
 * operation as that officer and returns the response body.
 */
export async function acceptEveryDocument(
  gql: (query: string, variables: Record<string, unknown>) => Promise<any>,
  trackingCode: string,
): Promise<void> {
  const body = await gql(UNREVIEWED_DOCUMENTS, { code: trackingCode });
  const entries = body.data?.serviceRequest?.documentChecklist;
  if (!entries) throw new Error(`documentChecklist failed: ${JSON.stringify(body)}`);
  for (const entry of entries)
    for (const d of entry.documents)
      if (d.decision === null) {
        const review = await gql(ACCEPT_DOCUMENT, {
          input: { attachmentId: d.attachment.id, decision: 'ACCEPTED' },
        });
        if (review.data?.reviewRequestDocument?.__typename !== 'ServiceRequestPayload')
          throw new Error(`reviewRequestDocument failed: ${JSON.stringify(review)}`);
      }
}
