// Raw HTTP calls to a gateway, for tests that read the status, the headers and bodies that are
// not GraphQL results (429s, batches, form posts, Open311).
import type { Gateway } from '../app/gateway.js';

export type HttpAnswer = { status: number; headers: Headers; body: any };

async function answer(response: Response): Promise<HttpAnswer> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (XML, plain text)
  }
  return { status: response.status, headers: response.headers, body };
}

/** POSTs a GraphQL request (or a batch) as JSON; a string body is sent as it is. */
export async function postGraphQL(
  gateway: Gateway,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  return answer(
    await gateway.fetch('http://layanan.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

/** POSTs an HTML form (application/x-www-form-urlencoded) to a path of the gateway. */
export async function postForm(
  gateway: Gateway,
  path: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  return answer(
    await gateway.fetch(`http://layanan.test${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    }),
  );
}
