// POST requests.json|xml: a system with an API key (scope requests:write) files a request for a
// registered citizen, or for a person without an account by the contact details it sends
// (`email`, `phone`, `first_name`, `last_name`), through the same submission command as GraphQL.
import { characterProblem, type FieldError } from '@layanan/domain';
import { open311AttributeValues, open311DescriptionProblem } from '@layanan/domain/services';
import type { Lang } from '../../../app/context.js';
import { validationFailed } from '../../../graphql/failures.js';
import type { Caller, CommandDeps } from '../../../platform/command.js';
import { parseForm, readGuardedBody } from '../../../platform/input-guard.js';
import type { StagedUpload } from '../../../platform/storage/multipart.js';
import { submitRequest } from '../commands/submit-request.js';
import { OPEN311_MESSAGES as M, Open311Error } from './messages.js';
import { serviceNotice } from './views.js';

type Params = Map<string, string | string[]>;

const textOf = (value: unknown): string | string[] =>
  Array.isArray(value) ? value.map(String) : String(value);

/**
 * The parameters of a POST, from the body the input guard has read and checked (an urlencoded
 * form, parsed by qs within its limits, JSON, or multipart/form-data with `media` files staged on
 * disk): `attribute[code]` and `attribute[code][]` (or a JSON `attribute` object) become
 * `attribute[code]` entries, `key[]` a list. `media_url` keeps every value given (a repeated
 * parameter), `media` every file.
 */
async function readParams(
  request: Request,
  maxBytes: number,
): Promise<{ params: Params; media: StagedUpload[] }> {
  const body = await readGuardedBody(request, maxBytes);
  const params: Params = new Map();
  if (body.kind === 'multipart') {
    for (const [rawKey, v] of body.value.fields) {
      const key = rawKey.replace(/\[\]$/, '');
      const before = params.get(key);
      params.set(key, before === undefined ? v : [...(Array.isArray(before) ? before : [before]), v]);
    }
    const media = body.value.files
      .filter(([name]) => name === 'media' || name === 'media[]')
      .map(([, f]) => f);
    return { params, media };
  }
  const value = body.kind === 'json' ? body.value : body.kind === 'form' ? body.value : parseForm(body.value);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { params, media: [] };
  for (const [key, v] of Object.entries(value)) {
    if (key === 'attribute' && v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [code, a] of Object.entries(v)) params.set(`attribute[${code}]`, textOf(a));
    } else if (v !== null && v !== undefined) params.set(key, textOf(v));
  }
  // qs keeps the last of a repeated key: every media_url, and every value of each attribute qs
  // found (`attribute[x]=a&attribute[x]=b` as FixMyStreet sends a multi-value list, or
  // `attribute[x][]=a`), is read from the form as sent.
  if (body.kind === 'form') {
    const sent = new URLSearchParams(body.text);
    const urls = sent.getAll('media_url');
    if (urls.length > 1) params.set('media_url', urls);
    const attributes = (value as Record<string, unknown>).attribute;
    for (const code of attributes && typeof attributes === 'object' ? Object.keys(attributes) : []) {
      const listed = sent.getAll(`attribute[${code}][]`);
      const all = [...sent.getAll(`attribute[${code}]`), ...listed];
      if (all.length > 1 || listed.length > 0) params.set(`attribute[${code}]`, all);
    }
  }
  return { params, media: [] };
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

/**
 * The first character no output can carry (the domain's `characterProblem`, the rule of GraphQL
 * text) in any parameter of a POST — its name or any of its values — as a field error naming
 * the parameter (INVALID_CHARACTER), or null. Parameters the route ignores (first_name,
 * account_id, …) are checked too: nothing unreadable is taken. `media` file names are not
 * parameters: like GraphQL uploads, they are kept sanitised (`sanitiseFileName`).
 */
function unsupportedParameter(params: Params): FieldError | null {
  for (const [key, value] of params) {
    const problem = [key, ...[value].flat()].reduce<FieldError | null>(
      (found, text) => found ?? characterProblem(key, text),
      null,
    );
    if (problem) return problem;
  }
  return null;
}

/**
 * The parameters of a POST, every one checked for characters no output can carry (a
 * ValidationError naming the parameter), and its API key: the `api_key` parameter or the
 * X-Api-Key header.
 */
export async function readPost(
  request: Request,
  maxBytes: number,
): Promise<{ params: Params; media: StagedUpload[]; apiKey: string | null }> {
  const { params, media } = await readParams(request, maxBytes);
  const problem = unsupportedParameter(params);
  if (problem) throw validationFailed([problem]);
  return { params, media, apiKey: one(params, 'api_key') ?? request.headers.get('x-api-key') };
}

/** Files the request of a POST for `caller` (a system holding requests:write). */
export async function postRequest(
  request: Request,
  { params, media }: { params: Params; media: StagedUpload[] },
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
  const description = one(params, 'description') ?? '';
  const tooLong = open311DescriptionProblem(description);
  if (tooLong) throw validationFailed([tooLong]);
  const attributes: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const m = /^attribute\[([^\]]+)\]$/.exec(k);
    if (m?.[1]) attributes[m[1]] = v;
  }
  const mediaUrls = [params.get('media_url') ?? []]
    .flat()
    .map((u) => u.trim())
    .filter((u) => u !== '');
  const location = {
    lat,
    long,
    addressString,
    addressId,
    deviceId: one(params, 'device_id'),
    mediaUrl: mediaUrls[0] ?? null,
    mediaUrls,
  };
  // GeoReport v2 has no idempotency key: an Idempotency-Key header is one; without it, the same
  // report from the same API key while the first is open, within minutes, is a retry
  // (`implicitRetryOf`), and anything else is a new request.
  const { request: filed, replayed } = await submitRequest(deps, caller, {
    serviceCode,
    text: description,
    attributes,
    readAttributes: open311AttributeValues,
    idempotencyKey: request.headers.get('idempotency-key'),
    citizenEmail: one(params, 'email'),
    // FixMyStreet's own user: filed for as a reporter without an account when no Layanan account
    // has the e-mail (issue 17); a phone-only reporter too.
    reporter: {
      phone: one(params, 'phone'),
      firstName: one(params, 'first_name'),
      lastName: one(params, 'last_name'),
    },
    reporterLanguage: lang,
    attachments: media,
    attachmentsField: 'media',
    implicitRetry: true,
    location: {
      value: location,
      stored: async (prisma, requestIds) => {
        const rows = await prisma.requestLocation.findMany({ where: { requestId: { in: requestIds } } });
        return new Map(
          rows.map(({ requestId, lat, long, addressString, addressId, deviceId, mediaUrl, mediaUrls }) => [
            requestId,
            { lat, long, addressString, addressId, deviceId, mediaUrl, mediaUrls },
          ]),
        );
      },
    },
    extra: async (tx, created, clientAttributes) => {
      await tx.requestLocation.create({
        data: {
          requestId: created.id,
          ...location,
          clientAttributes: Object.keys(clientAttributes).length > 0 ? clientAttributes : undefined,
        },
      });
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
