// FixMyStreet as the tests play it (its client, perllib/Open311.pm, read, not copied): a
// `requests:write` API key of its own, and a road complaint posted with the parameters it sends.
import type { Harness } from './harness.js';

const CREATE_KEY =
  'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { ... on CreateApiKeyPayload { key } } }';

/**
 * The key of a FixMyStreet instance named `name`: created by the admin (`t.admin`, read when first
 * needed, after sign-in) on first use, the same key afterwards.
 */
export function fixMyStreetKeys(h: Pick<Harness, 'gql'>, t: { readonly admin: string }) {
  const keys = new Map<string, string>();
  return async (name = 'FixMyStreet Sawahlunto'): Promise<string> => {
    const known = keys.get(name);
    if (known) return known;
    const r = await h.gql(CREATE_KEY, { input: { name, scopes: ['requests:write'] } }, { token: t.admin });
    const key: string = r.body.data.createApiKey.key;
    keys.set(name, key);
    return key;
  };
}

/**
 * A road complaint at Pasar Sawahlunto (service PENGADUAN-PERIZINAN, the demo complaint service
 * that `permitComplaintService` opens) as FixMyStreet posts it: its parameters in its order, the
 * reporter's (`first_name`, `last_name`, `email`, `phone`) given by `user`, then `extra`.
 */
export function fixMyStreetRoadReport(
  apiKey: string,
  user: readonly [string, string][],
  options: { description?: string; serviceCode?: string; extra?: readonly [string, string][] } = {},
): URLSearchParams {
  return new URLSearchParams([
    ['jurisdiction_id', 'sawahlunto.go.id'],
    ['api_key', apiKey],
    [
      'description',
      options.description ??
        'Lubang besar\n\nJalan berlubang di depan pasar.\n\nhttps://fms.contoh.test/report/77\n',
    ],
    ['service_code', options.serviceCode ?? 'PENGADUAN-PERIZINAN'],
    ...user,
    ['lat', '-0.68112'],
    ['long', '100.777215'],
    ['attribute[kecamatan]', 'LEMBAH_SEGAR'],
    ['attribute[lokasi]', 'Depan Pasar'],
    ['attribute[jenis_kerusakan]', 'JALAN_BERLUBANG'],
    ...(options.extra ?? []),
  ]);
}
