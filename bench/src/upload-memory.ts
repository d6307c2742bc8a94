// A figure, not a timed test (issue 19): the gateway's resident memory (RSS, from
// /proc/<pid>/status) while one 20 MB PDF is uploaded through the GraphQL multipart request. The
// gateway streams file parts to disk, so the peak should stay near the idle figure rather than
// grow by the file's size.
import { readFile } from 'node:fs/promises';

export type UploadMemory = {
  /** Bytes of the PDF sent. */
  fileBytes: number;
  /** RSS in MiB just before the upload, its highest sample during it, and the difference. */
  idleMiB: number;
  peakMiB: number;
  growthMiB: number;
  /** What the gateway answered (the request's __typename, or the HTTP status). */
  outcome: string;
};

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

const SUBMIT = `mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) { __typename } }`;

/** Files one request with a PDF just under 20 MiB as `token`, sampling the gateway's RSS every 10 ms. */
export async function measureUploadMemory(
  port: number,
  pid: number,
  token: string,
  input: Record<string, unknown>,
): Promise<UploadMemory | null> {
  let idle: number;
  try {
    idle = await rssMiB(pid);
  } catch {
    return null; // not Linux: no /proc
  }
  const fileBytes = 20 * 1024 * 1024 - 4096;
  const pdf = Buffer.alloc(fileBytes, 0x20);
  pdf.write('%PDF-1.4\n', 0, 'latin1');
  pdf.write('\n%%EOF\n', fileBytes - 7, 'latin1');
  const form = new FormData();
  form.set(
    'operations',
    JSON.stringify({ query: SUBMIT, variables: { input: { ...input, attachments: [null] } } }),
  );
  form.set('map', JSON.stringify({ 0: ['variables.input.attachments.0'] }));
  form.set('0', new Blob([pdf], { type: 'application/pdf' }), 'gambar-rencana.pdf');
  let peak = idle;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await rssMiB(pid).catch(() => peak));
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-graphql-yoga-csrf': '1' },
    body: form,
  });
  const body = (await response.json().catch(() => null)) as {
    data?: { submitServiceRequest?: { __typename?: string } };
  } | null;
  sampling = false;
  await sampler;
  return {
    fileBytes,
    idleMiB: idle,
    peakMiB: peak,
    growthMiB: Math.round((peak - idle) * 10) / 10,
    outcome: body?.data?.submitServiceRequest?.__typename ?? `HTTP ${response.status}`,
  };
}
