// Streaming multipart bodies (file uploads) for the routes that take them: /graphql (the GraphQL
// multipart request spec) and Open311 `POST requests` (`media`). busboy parses the body as it
// arrives; each file part streams into its own temporary file under the staging directory, never
// held in memory, with a byte cap per file (the hard limit of the largest accepted kind, 20 MiB);
// text fields keep the gateway's general body limit. A file over its cap is cut off and marked
// `truncated` (the domain then refuses it as ATTACHMENT_TOO_LARGE); the rest of the body is read
// and discarded. The staged files are removed when the response has been sent.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { InputRefused } from '../input-guard.js';

/**
 * One uploaded file as staged on disk. Its facts sit in private fields (not enumerable), so code
 * that walks GraphQL variables for text never mistakes a file for input text.
 */
export class StagedUpload {
  readonly #facts: { name: string; declaredType: string; size: number; path: string; truncated: boolean };
  constructor(facts: { name: string; declaredType: string; size: number; path: string; truncated: boolean }) {
    this.#facts = facts;
  }
  /** The file name the client sent (not yet sanitised). */
  get name() {
    return this.#facts.name;
  }
  /** The Content-Type the client declared: informative only, never trusted. */
  get declaredType() {
    return this.#facts.declaredType;
  }
  /** Bytes staged; when `truncated`, the cap plus one (the file was larger). */
  get size() {
    return this.#facts.size;
  }
  get path() {
    return this.#facts.path;
  }
  /** The file was larger than the route's cap; only its first bytes were kept. */
  get truncated() {
    return this.#facts.truncated;
  }
  toJSON() {
    return { name: this.name, size: this.size };
  }
}

export type MultipartLimits = {
  /** Where staged files go (created when missing). */
  dir: string;
  /** Bytes per text field and of all text fields together (the general body limit). */
  maxFieldBytes: number;
  /** Bytes per file. */
  maxFileBytes: number;
  /** Files per request. */
  maxFiles: number;
};

export type StagedMultipart = {
  /** Text fields in order of arrival; a repeated name keeps every value. */
  fields: [string, string][];
  /** Files by their part's field name; a repeated name keeps every file. */
  files: [string, StagedUpload][];
  /** Removes the staged files. */
  cleanup(): Promise<void>;
};

/** A web stream's chunks (Yoga's fetch ponyfill streams are not Node's ReadableStream class). */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

const tooLarge = (limit: number) => new InputRefused({ code: 'PAYLOAD_TOO_LARGE', status: 413, limit });

/**
 * Reads a multipart/form-data body, staging its files. Refuses (InputRefused) a body whose
 * declared length exceeds what the limits allow (413), a text field over `maxFieldBytes` (413),
 * more than `maxFiles` files (413) and a malformed body (400).
 */
export async function stageMultipart(request: Request, limits: MultipartLimits): Promise<StagedMultipart> {
  const declared = Number(request.headers.get('content-length') ?? 'NaN');
  const bodyLimit = limits.maxFieldBytes + limits.maxFiles * (limits.maxFileBytes + 16_384);
  if (Number.isFinite(declared) && declared > bodyLimit) throw tooLarge(bodyLimit);
  const headers = Object.fromEntries(request.headers.entries());
  const fields: [string, string][] = [];
  const files: [string, StagedUpload][] = [];
  const paths: string[] = [];
  const cleanup = async () => {
    await Promise.all(paths.map((path) => rm(path, { force: true })));
  };
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers,
      // File names and other header parameters in UTF-8, as browsers and HTTP clients send them
      // (busboy's default, latin1, turns "Foto jalan ñ.jpg" into mojibake).
      defParamCharset: 'utf8',
      limits: {
        fieldSize: limits.maxFieldBytes,
        fileSize: limits.maxFileBytes,
        files: limits.maxFiles,
        fields: 200,
        parts: 200 + limits.maxFiles,
      },
    });
  } catch {
    throw new InputRefused({ code: 'MALFORMED_ENCODING', status: 400 });
  }
  await mkdir(limits.dir, { recursive: true });
  let fieldBytes = 0;
  let refusal: InputRefused | undefined;
  const writes: Promise<void>[] = [];
  parser.on('field', (name, value, info) => {
    fieldBytes += Buffer.byteLength(value);
    if (info.valueTruncated || fieldBytes > limits.maxFieldBytes) refusal ??= tooLarge(limits.maxFieldBytes);
    else fields.push([name, value]);
  });
  parser.on('filesLimit', () => {
    refusal ??= tooLarge(limits.maxFiles);
  });
  parser.on('file', (name, stream, info) => {
    const path = join(limits.dir, `.incoming-${randomUUID()}`);
    paths.push(path);
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
    });
    writes.push(
      pipeline(stream, createWriteStream(path, { flags: 'wx' })).then(() => {
        const truncated = stream.truncated;
        files.push([
          name,
          new StagedUpload({
            name: info.filename ?? '',
            declaredType: info.mimeType,
            size: truncated ? limits.maxFileBytes + 1 : size,
            path,
            truncated: truncated === true,
          }),
        ]);
      }),
    );
  });
  const body = Readable.from(request.body ? chunksOf(request.body) : []);
  try {
    await pipeline(body, parser);
    await Promise.all(writes);
  } catch (error) {
    await cleanup();
    if (error instanceof InputRefused) throw error;
    throw new InputRefused({ code: 'MALFORMED_ENCODING', status: 400 });
  }
  if (refusal) {
    await cleanup();
    throw refusal;
  }
  return { fields, files, cleanup };
}
