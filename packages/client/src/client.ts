// @layanan/client: a small typed client over @urql/core for Node and browsers (no Node built-ins).
// Every call returns a discriminated result: `{ ok: true, data }` or `{ ok: false, error }`, with
// the GraphQL union failures (ValidationError, NotFoundError…) surfaced as typed errors. Only
// idempotent operations are retried: queries, and submission (always sent with an idempotency
// key, the same one on every retry).
import {
  type AnyVariables,
  Client,
  type CombinedError,
  type DocumentInput,
  fetchExchange,
  type OperationResult,
} from '@urql/core';
import type { ResultOf, VariablesOf } from './graphql.js';
import {
  IkmQuery,
  IkmTrendQuery,
  RequestQuery,
  RequestStatisticsQuery,
  RequestStatusQuery,
  RequestUpdatedSubscription,
  ServicesQuery,
  StaffByNipQuery,
  SubmitRequestMutation,
} from './operations.js';

export type LayananClientOptions = {
  /** The gateway's GraphQL endpoint, e.g. https://layanan.example.go.id/graphql */
  url: string;
  /** An API key (`lyn_…`), sent as `x-api-key`. */
  apiKey?: string;
  /** A bearer access token (from `login`), sent as `authorization: Bearer …`. */
  token?: string | (() => string | undefined);
  /** `id` (default) or `en`: the language of messages. */
  language?: 'id' | 'en';
  /** Retries of idempotent operations on network errors, HTTP 429 and 5xx. */
  retry?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  fetch?: typeof fetch;
};

/** A failure as data: a member of the field's result union, or a transport/GraphQL error. */
export type LayananError =
  | {
      kind: 'ValidationError';
      code: string;
      message: string;
      fields: readonly { field: string; code: string; message: string }[];
    }
  | { kind: 'NotFoundError'; code: string; message: string }
  /** The operation conflicts with the stored state, e.g. an idempotency key reused (IDEMPOTENCY_KEY_REUSED). */
  | { kind: 'ConflictError'; code: string; message: string }
  | { kind: 'Forbidden'; code: 'FORBIDDEN'; message: string }
  | { kind: 'Unauthenticated'; code: string; message: string }
  | { kind: 'GraphQLError'; code: string; message: string }
  | { kind: 'NetworkError'; code: 'NETWORK_ERROR'; message: string; status?: number };

export type Result<T> = { ok: true; data: T } | { ok: false; error: LayananError };

type SubmitInput = VariablesOf<typeof SubmitRequestMutation>['input'];
export type SubmitRequestInput = Omit<SubmitInput, 'idempotencyKey'> & { idempotencyKey?: string };
export type SubmittedRequest = Extract<
  ResultOf<typeof SubmitRequestMutation>['submitServiceRequest'],
  { __typename: 'ServiceRequestPayload' }
>['request'];
export type ServiceSummary = NonNullable<ResultOf<typeof ServicesQuery>['services']['edges'][number]>['node'];
export type RequestUpdate = ResultOf<typeof RequestUpdatedSubscription>['requestUpdated'];
export type IkmReport = Extract<ResultOf<typeof IkmQuery>['ikm'], { __typename: 'IkmPayload' }>['data'];
export type IkmTrendPoint = Extract<
  ResultOf<typeof IkmTrendQuery>['ikmTrend'],
  { __typename: 'IkmTrendPayload' }
>['data'][number];
export type RequestStatisticsRow = Extract<
  ResultOf<typeof RequestStatisticsQuery>['requestStatistics'],
  { __typename: 'RequestStatisticsPayload' }
>['data'][number];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A random idempotency key; `crypto.randomUUID` exists in browsers and Node ≥ 19. */
export function newIdempotencyKey(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}

function errorOf(error: CombinedError): LayananError {
  const network = error.networkError;
  const status = (error.response as { status?: number } | undefined)?.status;
  if (network) return { kind: 'NetworkError', code: 'NETWORK_ERROR', message: network.message, status };
  const first = error.graphQLErrors[0];
  const code = String(first?.extensions?.code ?? 'GRAPHQL_ERROR');
  const message = first?.message ?? error.message;
  if (code === 'FORBIDDEN') return { kind: 'Forbidden', code, message };
  if (code === 'INVALID_TOKEN' || code === 'INVALID_API_KEY' || code === 'ACCOUNT_DISABLED')
    return { kind: 'Unauthenticated', code, message };
  return { kind: 'GraphQLError', code, message };
}

/** Network failures, and HTTP 429 / 5xx, may succeed later; everything else will not. */
function retryable(error: LayananError): boolean {
  if (error.kind !== 'NetworkError') return false;
  return error.status === undefined || error.status === 429 || error.status >= 500;
}

type Failure = {
  __typename: string;
  code: string;
  message: string;
  fields?: readonly { field: string; code: string; message: string }[];
};

function failureOf(value: Failure): LayananError {
  if (value.__typename === 'ValidationError')
    return { kind: 'ValidationError', code: value.code, message: value.message, fields: value.fields ?? [] };
  if (value.__typename === 'NotFoundError' || value.__typename === 'ConflictError')
    return { kind: value.__typename, code: value.code, message: value.message };
  return { kind: 'GraphQLError', code: value.code, message: value.message };
}

export type LayananClient = ReturnType<typeof createLayananClient>;

export function createLayananClient(options: LayananClientOptions) {
  const attempts = Math.max(1, options.retry?.attempts ?? 3);
  const baseDelay = options.retry?.baseDelayMs ?? 200;
  const maxDelay = options.retry?.maxDelayMs ?? 5_000;
  const headers = (): Record<string, string> => {
    const h: Record<string, string> = { 'accept-language': options.language ?? 'id' };
    if (options.apiKey) h['x-api-key'] = options.apiKey;
    const token = typeof options.token === 'function' ? options.token() : options.token;
    if (token) h.authorization = `Bearer ${token}`;
    return h;
  };
  const urql = new Client({
    url: options.url,
    exchanges: [fetchExchange],
    // Subscriptions over the same endpoint: Yoga answers `text/event-stream` (SSE).
    fetchSubscriptions: true,
    requestPolicy: 'network-only',
    preferGetMethod: false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    fetchOptions: () => ({ headers: headers() }),
  });

  /** Runs an idempotent operation, retrying with exponential backoff and jitter. */
  async function withRetry<T>(run: () => Promise<OperationResult<T>>): Promise<Result<T>> {
    let last: LayananError | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const result = await run();
      if (!result.error && result.data !== undefined) return { ok: true, data: result.data };
      last = result.error
        ? errorOf(result.error)
        : { kind: 'GraphQLError', code: 'NO_DATA', message: 'No data' };
      if (!retryable(last) || attempt === attempts) break;
      const delay = Math.min(maxDelay, baseDelay * 2 ** (attempt - 1));
      await sleep(delay / 2 + Math.random() * (delay / 2));
    }
    return { ok: false, error: last ?? { kind: 'GraphQLError', code: 'NO_DATA', message: 'No data' } };
  }

  const query = <D, V extends AnyVariables>(doc: DocumentInput<D, V>, variables: V) =>
    withRetry<D>(() => urql.query(doc, variables).toPromise());

  return {
    /** The underlying urql client, for operations this package does not wrap. */
    urql,

    /** A staff member by NIP: null when unknown or not visible to the caller. */
    async staffByNip(nip: string) {
      const r = await query(StaffByNipQuery, { nip });
      return r.ok ? ({ ok: true, data: r.data.staffByNip } as const) : r;
    },

    /** One page of the catalogue. */
    async services(variables: VariablesOf<typeof ServicesQuery> = {}) {
      const r = await query(ServicesQuery, { first: 50, ...variables });
      if (!r.ok) return r;
      const s = r.data.services;
      return {
        ok: true,
        data: {
          totalCount: s.totalCount,
          hasNextPage: s.pageInfo.hasNextPage,
          endCursor: s.pageInfo.endCursor ?? null,
          services: s.edges.flatMap((e) => (e ? [e.node] : [])),
        },
      } as const;
    },

    /** Every published service, following pages. */
    async allServices(variables: Omit<VariablesOf<typeof ServicesQuery>, 'after' | 'first'> = {}) {
      const all: ServiceSummary[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await this.services({ ...variables, first: 100, after });
        if (!page.ok) return page;
        all.push(...page.data.services);
        if (!page.data.hasNextPage || !page.data.endCursor) return { ok: true, data: all } as const;
        after = page.data.endCursor;
      }
    },

    /**
     * Files a request. The idempotency key is generated when not given and reused on every
     * retry, so a lost response never files twice; `data.idempotencyKey` tells which was used.
     */
    async submitRequest(
      input: SubmitRequestInput,
    ): Promise<Result<{ request: SubmittedRequest; idempotencyKey: string }>> {
      const idempotencyKey = input.idempotencyKey ?? newIdempotencyKey();
      const r = await withRetry(() =>
        urql.mutation(SubmitRequestMutation, { input: { ...input, idempotencyKey } }).toPromise(),
      );
      if (!r.ok) return r;
      const value = r.data.submitServiceRequest;
      if (value.__typename === 'ServiceRequestPayload')
        return { ok: true, data: { request: value.request, idempotencyKey } };
      return { ok: false, error: failureOf(value as Failure) };
    },

    /** A request with its trail: the owner's, or one of the caller's unit; null otherwise. */
    async request(trackingCode: string) {
      const r = await query(RequestQuery, { trackingCode });
      return r.ok ? ({ ok: true, data: r.data.serviceRequest } as const) : r;
    },

    /** The public status of any request by tracking code (no personal data). */
    async requestStatus(trackingCode: string) {
      const r = await query(RequestStatusQuery, { trackingCode });
      return r.ok ? ({ ok: true, data: r.data.requestStatus } as const) : r;
    },

    /**
     * Follows a request live (`requestUpdated` over server-sent events). Returns a function
     * that stops following.
     */
    followRequest(
      trackingCode: string,
      handlers: { onUpdate(update: RequestUpdate): void; onError?(error: LayananError): void },
    ): () => void {
      let stopped = false;
      const { unsubscribe } = urql
        .subscription(RequestUpdatedSubscription, { trackingCode })
        .subscribe((r) => {
          if (stopped) return;
          if (r.error) handlers.onError?.(errorOf(r.error));
          else if (r.data) handlers.onUpdate(r.data.requestUpdated);
        });
      // Deferred: aborting the event stream from inside its own read callback (a handler that
      // stops after the first update) would reject the read with an unhandled AbortError.
      return () => {
        stopped = true;
        setTimeout(unsubscribe, 0);
      };
    },

    /**
     * The IKM (community satisfaction index, PermenPANRB 14/2017) of the city, a unit
     * (`unitCode`) or a service (`serviceCode`) for a period. Public: aggregates only.
     */
    async ikm(variables: VariablesOf<typeof IkmQuery>): Promise<Result<IkmReport>> {
      const r = await query(IkmQuery, variables);
      if (!r.ok) return r;
      const value = r.data.ikm;
      if (value.__typename === 'IkmPayload') return { ok: true, data: value.data };
      return { ok: false, error: failureOf(value as Failure) };
    },

    /** The IKM of each month, quarter or semester of a year, for charts. */
    async ikmTrend(variables: VariablesOf<typeof IkmTrendQuery>): Promise<Result<readonly IkmTrendPoint[]>> {
      const r = await query(IkmTrendQuery, variables);
      if (!r.ok) return r;
      const value = r.data.ikmTrend;
      if (value.__typename === 'IkmTrendPayload') return { ok: true, data: value.data };
      return { ok: false, error: failureOf(value as Failure) };
    },

    /**
     * Waiting-time statistics per service or unit over a period of WIB days (`Day`, YYYY-MM-DD,
     * inclusive). A malformed day fails as a GraphQLError (DAY_INVALID_FORMAT, DAY_NOT_A_DATE);
     * a period ending before it starts is a ValidationError.
     */
    async requestStatistics(
      variables: VariablesOf<typeof RequestStatisticsQuery>,
    ): Promise<Result<readonly RequestStatisticsRow[]>> {
      const r = await query(RequestStatisticsQuery, variables);
      if (!r.ok) return r;
      const value = r.data.requestStatistics;
      if (value.__typename === 'RequestStatisticsPayload') return { ok: true, data: value.data };
      return { ok: false, error: failureOf(value as Failure) };
    },
  };
}
