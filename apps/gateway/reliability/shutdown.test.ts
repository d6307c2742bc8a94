// Graceful shutdown under load (issue 7): a steady stream of queries and idempotent submissions
// over keep-alive connections, SIGTERM in the middle → every request sent before the signal gets a
// complete answer, every acknowledged submission is stored, and the process exits 0 in time.
import { describe, expect, it } from 'vitest';
import { createScratchDatabase, devLogin, gql, SUBMIT, startGateway, submissionInput } from './support.js';

const PORT = Number(process.env.SHUTDOWN_PORT || 4302);
const WORKERS = Number(process.env.SHUTDOWN_WORKERS || 24);
const SHUTDOWN_TIMEOUT_MS = 10_000;

type Sent = {
  kind: 'query' | 'submit';
  key?: string;
  sentAt: number;
  outcome: 'ok' | 'error';
  detail?: string;
};

describe('graceful shutdown under load', () => {
  it('answers every request sent before SIGTERM, stores what it acknowledged, exits 0 in time', async () => {
    const db = await createScratchDatabase('shutdown');
    try {
      const gateway = await startGateway({
        DATABASE_URL: db.url,
        PORT: String(PORT),
        LAYANAN_SEED: 'always',
        LAYANAN_SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
        LAYANAN_JWT_SECRET: 'shutdown-test-secret-shutdown-test-secret-01',
      });
      const token = await devLogin(gateway.url, 'warga@layanan.test');
      const sent: Sent[] = [];
      let sigtermAt = Number.POSITIVE_INFINITY;
      let counter = 0;
      let stop = false;

      const worker = async (w: number) => {
        while (!stop) {
          const n = counter++;
          const kind = n % 2 === 0 ? 'submit' : 'query';
          const key = `shutdown-${w}-${n}`;
          const entry: Sent = {
            kind,
            sentAt: performance.now(),
            outcome: 'error',
            ...(kind === 'submit' ? { key } : {}),
          };
          sent.push(entry);
          try {
            const r =
              kind === 'submit'
                ? await gql(gateway.url, SUBMIT, { input: submissionInput(key, n) }, token)
                : await gql(gateway.url, '{ units(first: 20) { totalCount edges { node { code name } } } }');
            const ok =
              r.status === 200 &&
              (kind === 'submit'
                ? r.body?.data?.submitServiceRequest?.__typename === 'ServiceRequestPayload'
                : typeof r.body?.data?.units?.totalCount === 'number');
            entry.outcome = ok ? 'ok' : 'error';
            if (!ok) entry.detail = `HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`;
          } catch (error) {
            entry.detail = String((error as Error & { cause?: unknown }).cause ?? error);
            // The server is gone or going: stop this worker once the signal was sent.
            if (entry.sentAt >= sigtermAt) return;
          }
        }
      };

      const workers = Array.from({ length: WORKERS }, (_, w) => worker(w));
      await new Promise((r) => setTimeout(r, 3000));
      const inFlightAtSignal = sent.filter((s) => s.outcome === 'error' && !s.detail).length;
      sigtermAt = performance.now();
      gateway.child.kill('SIGTERM');
      const exit = await gateway.exited;
      const exitedAfterMs = performance.now() - sigtermAt;
      stop = true;
      await Promise.all(workers);

      const before = sent.filter((s) => s.sentAt < sigtermAt);
      const lost = before.filter((s) => s.outcome !== 'ok');
      const acknowledged = before.filter((s) => s.kind === 'submit' && s.outcome === 'ok').map((s) => s.key);
      const stored = await db.client.query<{ key: string }>(
        `SELECT "idempotencyKey" AS key FROM service_request WHERE "idempotencyKey" LIKE 'shutdown-%'`,
      );
      const storedKeys = new Set(stored.rows.map((r) => r.key));
      const missing = acknowledged.filter((k) => !storedKeys.has(k as string));
      process.stdout.write(
        `shutdown: ${before.length} requests sent before SIGTERM (${inFlightAtSignal} in flight at the signal), ` +
          `${lost.length} without a complete answer, ${acknowledged.length} submissions acknowledged, ` +
          `${missing.length} of them missing; exit ${exit.code ?? exit.signal} after ${Math.round(exitedAfterMs)} ms\n`,
      );
      for (const l of lost.slice(0, 10)) process.stdout.write(`  ✗ ${l.kind} ${l.key ?? ''}: ${l.detail}\n`);

      expect(inFlightAtSignal).toBeGreaterThan(0);
      expect(lost.map((l) => `${l.kind} ${l.key ?? ''}: ${l.detail}`)).toEqual([]);
      expect(missing).toEqual([]);
      expect(exit).toEqual({ code: 0, signal: null });
      expect(exitedAfterMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    } finally {
      await db.drop();
    }
  });
});
