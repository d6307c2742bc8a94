// Open311 GeoReport v2 output: the same value as JSON or as the spec's XML. In XML a list is an
// element whose children are named for one item (`<services><service>…`), as in the spec's
// examples; the root element is preceded by the XML declaration with encoding UTF-8.
import { withSupportedCharacters } from '@layanan/domain';
import { create } from 'xmlbuilder2';

type XMLBuilder = ReturnType<typeof create>;

export type Format = 'json' | 'xml';
type Value = string | number | boolean | null | undefined | readonly Value[] | { [key: string]: Value };

/** Element names of one item of each list the spec defines. */
const ITEM: Record<string, string> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  service_requests: 'request',
  service_request_updates: 'request_update',
  errors: 'error',
};

function write(parent: XMLBuilder, name: string, value: Value): void {
  const el = parent.ele(name);
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    const item = ITEM[name] ?? 'item';
    for (const v of value as readonly Value[]) write(el, item, v);
    return;
  }
  if (typeof value === 'object') {
    for (const [key, v] of Object.entries(value as Record<string, Value>)) write(el, key, v);
    return;
  }
  // Text stored before the character rule (or written by a future path) cannot break the
  // document: characters XML 1.0 cannot carry become U+FFFD.
  el.txt(withSupportedCharacters(String(value)));
}

export function toXml(root: string, value: Value): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  if (Array.isArray(value)) {
    const el = doc.ele(root);
    const item = ITEM[root] ?? 'item';
    for (const v of value as readonly Value[]) write(el, item, v);
  } else if (value && typeof value === 'object') {
    const el = doc.ele(root);
    for (const [key, v] of Object.entries(value as Record<string, Value>)) write(el, key, v);
  }
  return doc.end({ prettyPrint: true });
}

export const CONTENT_TYPE: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

export function respond(
  format: Format,
  status: number,
  root: string,
  value: Value,
  headers: Readonly<Record<string, string>> = {},
): Response {
  const body = format === 'xml' ? toXml(root, value) : JSON.stringify(value);
  return new Response(body, { status, headers: { ...headers, 'content-type': CONTENT_TYPE[format] } });
}

/** The spec's error format: a list of `{ code, description }`, `code` being the HTTP status. */
export function errorResponse(
  format: Format,
  status: number,
  descriptions: readonly string[],
  headers: Readonly<Record<string, string>> = {},
): Response {
  return respond(
    format,
    status,
    'errors',
    descriptions.map((description) => ({ code: status, description })),
    headers,
  );
}
