// The crash proof (issue 7): thousands of concurrent submissions with idempotency keys, SIGKILL of
// the gateway mid-run, a restart on the same PostgreSQL database, a retry of everything that was
// not acknowledged with the SAME key, and then a check of the database itself.
import {
  devLogin,
  type GatewayProcess,
  gql,
  pool,
  SUBMIT,
  startGateway,
  submissionInput,
} from './support.js';

export type Submission = {
  key: string;
  n: number;
  /** Which citizen sends it (idempotency keys are per account). */
  account: string;
  /** The tracking code of the acknowledgement the client received (first one kept). */
  acknowledged?: string;
  /** Every tracking code ever acknowledged for it: must all be the same request. */
  codes: string[];
  attempts: number;
};

export type StoredRow = { id: string; trackingCode: string; idempotencyKey: string | null; account: string };
export type AuditRow = { entityId: string | null };

/**
 * The verdict on a run, from what the clients were told and what the database holds. Pure, so a
 * test can feed it fabricated duplicates and losses and see it object.
 */
export function verifyCrashRun(input: {
  n: number;
  submissions: Submission[];
  rows: StoredRow[];
  audits: AuditRow[];
}): string[] {
  const violations: string[] = [];
  const { n, submissions, rows, audits } = input;
  if (rows.length !== n) violations.push(`expected ${n} stored requests, found ${rows.length}`);

  const byKey = new Map<string, StoredRow[]>();
  for (const row of rows) {
    const key = `${row.account}/${row.idempotencyKey ?? '(none)'}`;
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  const byCode = new Map<string, StoredRow[]>();
  for (const row of rows) byCode.set(row.trackingCode, [...(byCode.get(row.trackingCode) ?? []), row]);
  for (const [code, list] of byCode) {
    if (list.length > 1) violations.push(`tracking code ${code} stored ${list.length} times`);
  }

  const sent = new Set<string>();
  for (const s of submissions) {
    const key = `${s.account}/${s.key}`;
    sent.add(key);
    const stored = byKey.get(key) ?? [];
    if (stored.length === 0) {
      violations.push(
        s.acknowledged
          ? `LOST: key ${s.key} was acknowledged as ${s.acknowledged} but is not stored`
          : `key ${s.key} never stored`,
      );
      continue;
    }
    if (stored.length > 1) violations.push(`DUPLICATE: key ${s.key} stored ${stored.length} times`);
    if (!s.acknowledged) violations.push(`key ${s.key} was never acknowledged, even after retries`);
    for (const code of new Set(s.codes)) {
      if (!stored.some((r) => r.trackingCode === code)) {
        violations.push(`key ${s.key} was acknowledged as ${code}, which is not the stored request`);
      }
    }
    if (new Set(s.codes).size > 1) {
      violations.push(
        `key ${s.key} was acknowledged with different codes: ${[...new Set(s.codes)].join(', ')}`,
      );
    }
  }
  for (const key of byKey.keys()) {
    if (!sent.has(key)) violations.push(`stored request with key ${key} that no client sent`);
  }

  const auditsByEntity = new Map<string, number>();
  for (const a of audits) {
    if (!a.entityId) {
      violations.push('submitServiceRequest audit entry without an entity');
      continue;
    }
    auditsByEntity.set(a.entityId, (auditsByEntity.get(a.entityId) ?? 0) + 1);
  }
  const ids = new Set(rows.map((r) => r.id));
  for (const row of rows) {
    const count = auditsByEntity.get(row.id) ?? 0;
    if (count !== 1) violations.push(`request ${row.trackingCode} has ${count} audit entries, expected 1`);
  }
  for (const entityId of auditsByEntity.keys()) {
    if (!ids.has(entityId)) violations.push(`audit entry for request ${entityId} that is not stored`);
  }
  return violations;
}

export type CrashOptions = {
  n: number;
  concurrency: number;
  /** Fraction of n acknowledged before the SIGKILL. */
  killAt: number;
  port: number;
  databaseUrl: string;
  /** false = the retry uses a NEW key (what a client without idempotency would do): must fail. */
  idempotency: boolean;
  log: (line: string) => void;
};

export type CrashReport = {
  n: number;
  /** Requests (and their audit entities) that existed before the run: the seed's. */
  baselineIds: Set<string>;
  acknowledgedBeforeKill: number;
  inFlightAtKill: number;
  retried: number;
  retriedAlreadyStored: number;
  failedResponses: number;
  durationMs: number;
  firstPhaseMs: number;
  restartMs: number;
  submissions: Submission[];
  killExit: { code: number | null; signal: NodeJS.Signals | null };
};

const CITIZENS = ['warga@layanan.test', 'warga2@layanan.test'];
const JWT_SECRET = 'crash-test-secret-crash-test-secret-0123456789';

export async function runCrash(
  options: CrashOptions,
): Promise<{ report: CrashReport; gateway: GatewayProcess }> {
  const started = Date.now();
  const env = {
    DATABASE_URL: options.databaseUrl,
    PORT: String(options.port),
    LAYANAN_JWT_SECRET: JWT_SECRET,
  };
  const first = await startGateway({ ...env, LAYANAN_SEED: 'always' });
  // The seed has requests of its own: the verdict is about the rows this run adds.
  const baseline = await readStored(options.databaseUrl);
  const tokens = new Map<string, string>();
  for (const email of CITIZENS) tokens.set(email, await devLogin(first.url, email));

  const run = `${Date.now().toString(36)}`;
  const submissions: Submission[] = Array.from({ length: options.n }, (_, i) => ({
    key: `crash-${run}-${i}`,
    n: i,
    account: CITIZENS[i % CITIZENS.length] as string,
    codes: [],
    attempts: 0,
  }));

  let acknowledged = 0;
  let failedResponses = 0;
  let killed = false;
  let inFlight = 0;
  let inFlightAtKill = 0;
  let acknowledgedBeforeKill = 0;
  const killThreshold = Math.ceil(options.n * options.killAt);
  const firstPhaseStart = Date.now();

  const send = async (url: string, s: Submission, key: string): Promise<boolean> => {
    s.attempts++;
    try {
      const r = await gql(url, SUBMIT, { input: submissionInput(key, s.n) }, tokens.get(s.account));
      const payload = r.body?.data?.submitServiceRequest;
      if (r.status === 200 && payload?.__typename === 'ServiceRequestPayload') {
        const code = payload.request.trackingCode as string;
        s.codes.push(code);
        s.acknowledged ??= code;
        return true;
      }
      failedResponses++;
      options.log(`  unexpected answer for ${key}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      return false;
    } catch {
      // Connection refused or reset: the gateway is gone. Not acknowledged.
      return false;
    }
  };

  const progress = setInterval(
    () => options.log(`  … ${acknowledged}/${options.n} acknowledged, ${inFlight} in flight`),
    2000,
  );
  try {
    await pool(submissions, options.concurrency, async (s) => {
      if (killed) return;
      inFlight++;
      const ok = await send(first.url, s, s.key);
      inFlight--;
      if (ok && !killed) acknowledged++;
      if (!killed && acknowledged >= killThreshold) {
        killed = true;
        acknowledgedBeforeKill = acknowledged;
        inFlightAtKill = inFlight;
        first.child.kill('SIGKILL');
        options.log(`  SIGKILL after ${acknowledged} acknowledged, ${inFlight} requests in flight`);
      }
    });
  } finally {
    clearInterval(progress);
  }
  const killExit = await first.exited;
  const firstPhaseMs = Date.now() - firstPhaseStart;

  const restartStart = Date.now();
  const second = await startGateway({ ...env, LAYANAN_SEED: 'never' });
  const restartMs = Date.now() - restartStart;
  options.log(`  restarted on the same database in ${restartMs} ms`);

  const pending = submissions.filter((s) => !s.acknowledged);
  const retried = pending.length;
  // Requests cut off by the kill may have been committed: the same key must find them.
  const { rows: before } = await queryStoredKeys(options.databaseUrl);
  const storedKeys = new Set(before);
  const retriedAlreadyStored = pending.filter((s) => storedKeys.has(`${s.account}/${s.key}`)).length;
  options.log(
    `  retrying ${retried} unacknowledged submissions (${retriedAlreadyStored} were already stored)`,
  );
  for (let round = 0; round < 3; round++) {
    const todo = submissions.filter((s) => !s.acknowledged);
    if (todo.length === 0) break;
    await pool(todo, options.concurrency, async (s) => {
      const key = options.idempotency ? s.key : `${s.key}-retry${round}`;
      await send(second.url, s, key);
    });
  }
  // Every acknowledgement, once more through the restarted gateway, with the same key: same request.
  await pool(
    submissions.filter((s) => s.acknowledged),
    options.concurrency,
    async (s) => {
      await send(second.url, s, s.key);
    },
  );

  return {
    gateway: second,
    report: {
      n: options.n,
      baselineIds: new Set(baseline.rows.map((r) => r.id)),
      acknowledgedBeforeKill,
      inFlightAtKill,
      retried,
      retriedAlreadyStored,
      failedResponses,
      durationMs: Date.now() - started,
      firstPhaseMs,
      restartMs,
      submissions,
      killExit,
    },
  };
}

async function queryStoredKeys(databaseUrl: string): Promise<{ rows: string[] }> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ key: string }>(
      `SELECT a.email || '/' || r."idempotencyKey" AS key FROM service_request r
       JOIN account a ON a.id = r."submittedByAccountId" WHERE r."idempotencyKey" IS NOT NULL`,
    );
    return { rows: result.rows.map((r) => r.key) };
  } finally {
    await client.end();
  }
}

/** What the database holds, read directly (not through the gateway). */
export async function readStored(databaseUrl: string): Promise<{ rows: StoredRow[]; audits: AuditRow[] }> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = await client.query<StoredRow>(
      `SELECT r.id, r."trackingCode", r."idempotencyKey", a.email AS account FROM service_request r
       JOIN account a ON a.id = r."submittedByAccountId"`,
    );
    const audits = await client.query<AuditRow>(
      `SELECT "entityId" FROM audit_entry WHERE action = 'submitServiceRequest'`,
    );
    return { rows: rows.rows, audits: audits.rows };
  } finally {
    await client.end();
  }
}

/** Asks the restarted gateway for every acknowledged request, 50 per query (aliases). */
export async function unansweredByGateway(
  url: string,
  submissions: Submission[],
  tokenOf: (account: string) => string,
): Promise<string[]> {
  const missing: string[] = [];
  const byAccount = new Map<string, Submission[]>();
  for (const s of submissions)
    if (s.acknowledged) byAccount.set(s.account, [...(byAccount.get(s.account) ?? []), s]);
  for (const [account, list] of byAccount) {
    for (let i = 0; i < list.length; i += 25) {
      const chunk = list.slice(i, i + 25);
      const query = `{ ${chunk
        .map(
          (s, j) => `r${j}: serviceRequest(trackingCode: "${s.acknowledged}") { trackingCode originalText }`,
        )
        .join(' ')} }`;
      const r = await gql(url, query, undefined, tokenOf(account));
      chunk.forEach((s, j) => {
        const got = r.body?.data?.[`r${j}`];
        if (got?.trackingCode !== s.acknowledged || got?.originalText !== submissionInput(s.key, s.n).text) {
          missing.push(`${s.acknowledged} (key ${s.key})`);
        }
      });
    }
  }
  return missing;
}

export { devLogin };
