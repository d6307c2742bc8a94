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

/** Posts `query` with `input` and `files` as `input.attachments` (multipart), as `token`. */
export async function uploadGql(
  h: Pick<Harness, 'gateway'>,
  query: string,
  input: Record<string, unknown>,
  files: readonly FilePart[],
  token: string,
): Promise<{ status: number; body: any }> {
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
  const response = await h.gateway.fetch('http://layanan.test/graphql', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-graphql-yoga-csrf': '1' },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as any };
}
