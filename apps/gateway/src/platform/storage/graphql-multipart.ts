// The GraphQL multipart request specification (github.com/jaydenseric/graphql-multipart-request-spec):
// a multipart body with an `operations` field (the usual JSON: one operation or a batch), a `map`
// field (`{ "0": ["variables.file"], "1": ["variables.files.0"] }`: which file goes where) and one
// file part per map key. The files were staged on disk by the input guard; here each one is put at
// its paths in the operations' variables, as a StagedUpload (the `Upload` scalar's value).
import { InputRefused, parseJsonBody } from '../input-guard.js';
import type { StagedMultipart, StagedUpload } from './multipart.js';

const invalid = () => new InputRefused({ code: 'MALFORMED_JSON', status: 400 });

/** Sets `value` at a dotted path (`variables.files.0`) inside `root`; only existing containers. */
function place(root: unknown, path: string, value: StagedUpload): void {
  const keys = path.split('.');
  let at: unknown = root;
  for (const [i, key] of keys.entries()) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') throw invalid();
    if (at === null || typeof at !== 'object') throw invalid();
    const container = at as Record<string, unknown>;
    if (i === keys.length - 1) {
      if (!(key in container) || container[key] !== null) throw invalid();
      container[key] = value;
    } else at = container[key];
  }
}

/** The operations of a GraphQL multipart request with its files in place; 400 when malformed. */
export function multipartOperations(staged: StagedMultipart): unknown {
  const field = (name: string) => staged.fields.find(([n]) => n === name)?.[1];
  const operationsText = field('operations');
  const mapText = field('map');
  if (operationsText === undefined || mapText === undefined) throw invalid();
  const operations = parseJsonBody(operationsText);
  const map = parseJsonBody(mapText);
  if (map === null || typeof map !== 'object' || Array.isArray(map)) throw invalid();
  for (const [key, paths] of Object.entries(map as Record<string, unknown>)) {
    const file = staged.files.find(([name]) => name === key)?.[1];
    if (!file || !Array.isArray(paths)) throw invalid();
    for (const path of paths) {
      if (typeof path !== 'string') throw invalid();
      place(operations, path, file);
    }
  }
  return operations;
}
