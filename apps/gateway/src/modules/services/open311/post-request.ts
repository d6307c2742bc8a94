// POST requests.json|xml: a system with an API key (scope requests:write) files a request for a
// registered citizen through the same submission command as GraphQL.
import type { Lang } from '../../../app/context.js';
import type { Caller, CommandDeps } from '../../../platform/command.js';
import { submitRequest } from '../commands/submit-request.js';
import { OPEN311_MESSAGES as M, Open311Error } from './messages.js';
import { serviceNotice } from './views.js';

type Params = Map<string, string | string[]>;

async function readParams(request: Request): Promise<Params> {
  const params: Params = new Map();
  const add = (key: string, value: string) => {
    const multi = key.endsWith('[]');
    const k = multi ? key.slice(0, -2) : key;
    const existing = params.get(k);
    if (multi) params.set(k, [...(Array.isArray(existing) ? existing : []), value]);
    else params.set(k, value);
  };
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return params;
    for (const [key, value] of Object.entries(body)) {
      if (key === 'attribute' && value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [code, v] of Object.entries(value))
          params.set(`attribute[${code}]`, Array.isArray(v) ? v.map(String) : String(v));
      } else if (Array.isArray(value)) params.set(key, value.map(String));
      else if (value !== null && value !== undefined) params.set(key, String(value));
    }
    return params;
  }
  const form = new URLSearchParams(await request.text());
  for (const [key, value] of form) add(key, value);
  return params;
}

const one = (params: Params, key: string) => {
  const v = params.get(key);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
};

function coordinate(params: Params, key: 'lat' | 'long', lang: Lang): number | null {
  const raw = one(params, key);
  if (raw === null) return null;
  const n = Number(raw);
  const limit = key === 'lat' ? 90 : 180;
  if (!Number.isFinite(n) || Math.abs(n) > limit)
    throw Open311Error.of(400, lang, M.coordinateRange(key, limit));
  return n;
}

/** The API key of a POST: the `api_key` parameter or the X-Api-Key header. */
export async function readPost(request: Request): Promise<{ params: Params; apiKey: string | null }> {
  const params = await readParams(request);
  return { params, apiKey: one(params, 'api_key') ?? request.headers.get('x-api-key') };
}

/** Files the request of a POST for `caller` (a system holding requests:write). */
export async function postRequest(
  request: Request,
  params: Params,
  deps: CommandDeps,
  caller: Caller,
  lang: Lang,
) {
  const serviceCode = one(params, 'service_code');
  if (!serviceCode) throw Open311Error.of(400, lang, M.serviceCodeRequired);
  const lat = coordinate(params, 'lat', lang);
  const long = coordinate(params, 'long', lang);
  const addressString = one(params, 'address_string');
  const addressId = one(params, 'address_id');
  if ((lat === null) !== (long === null) || (lat === null && !addressString && !addressId))
    throw Open311Error.of(400, lang, M.locationRequired);
  const attributes: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const m = /^attribute\[([^\]]+)\]$/.exec(k);
    if (m?.[1]) attributes[m[1]] = v;
  }
  const location = {
    lat,
    long,
    addressString,
    addressId,
    deviceId: one(params, 'device_id'),
    mediaUrl: one(params, 'media_url'),
  };
  // GeoReport v2 has no idempotency key: an Idempotency-Key header is one; without it, the same
  // report from the same API key while the first is open, within minutes, is a retry
  // (`implicitRetryOf`), and anything else is a new request.
  const { request: filed, replayed } = await submitRequest(deps, caller, {
    serviceCode,
    text: one(params, 'description') ?? '',
    attributes,
    idempotencyKey: request.headers.get('idempotency-key'),
    citizenEmail: one(params, 'email'),
    implicitRetry: {
      location,
      storedLocation: async (prisma, requestIds) => {
        const rows = await prisma.requestLocation.findMany({ where: { requestId: { in: requestIds } } });
        return new Map(
          rows.map(({ requestId, lat, long, addressString, addressId, deviceId, mediaUrl }) => [
            requestId,
            { lat, long, addressString, addressId, deviceId, mediaUrl },
          ]),
        );
      },
    },
    extra: async (tx, created) => {
      await tx.requestLocation.create({ data: { requestId: created.id, ...location } });
    },
  });
  const version = await deps.prisma.serviceVersion.findUniqueOrThrow({
    where: { id: filed.serviceVersionId },
    select: { completionDays: true },
  });
  return {
    status: replayed ? 200 : 201,
    body: [
      {
        service_request_id: filed.trackingCode,
        token: filed.id,
        service_notice: serviceNotice(version.completionDays, lang),
        account_id: null,
      },
    ],
  };
}
