// `pnpm test:crash`: the crash proof on PostgreSQL (CRASH_N submissions, default 2000), and the
// self-check that its verifier really objects to duplicates, losses and audit mismatches.
import { describe, expect, it } from 'vitest';
import {
  devLogin,
  readStored,
  runCrash,
  type Submission,
  unansweredByGateway,
  verifyCrashRun,
} from './crash.js';
import { createScratchDatabase } from './support.js';

const N = Number(process.env.CRASH_N || 2000);
const CONCURRENCY = Number(process.env.CRASH_CONCURRENCY || 64);
const PORT = Number(process.env.CRASH_PORT || 4301);
// CRASH_NO_IDEMPOTENCY=1 retries with NEW keys, as a client without idempotency would: the run must fail.
const IDEMPOTENCY = !process.env.CRASH_NO_IDEMPOTENCY;

const log = (line: string) => process.stdout.write(`${line}\n`);

describe('crash verifier (self-check: it can fail)', () => {
  const sub = (key: string, acknowledged?: string): Submission => ({
    key,
    n: 0,
    account: 'warga@layanan.test',
    codes: acknowledged ? [acknowledged] : [],
    attempts: 1,
    ...(acknowledged ? { acknowledged } : {}),
  });
  const row = (id: string, code: string, key: string | null) => ({
    id,
    trackingCode: code,
    idempotencyKey: key,
    account: 'warga@layanan.test',
  });
  const good = {
    n: 2,
    submissions: [sub('a', 'SWL-1'), sub('b', 'SWL-2')],
    rows: [row('1', 'SWL-1', 'a'), row('2', 'SWL-2', 'b')],
    audits: [{ entityId: '1' }, { entityId: '2' }],
  };
  /** The clean run plus a third stored request, with its audit entry, under `key`. */
  const withThirdRequest = (key: string) => ({
    ...good,
    rows: [...good.rows, row('3', 'SWL-3', key)],
    audits: [...good.audits, { entityId: '3' }],
  });

  it('accepts a clean run', () => {
    expect(verifyCrashRun(good)).toEqual([]);
  });
  it('detects a duplicate (same key stored twice)', () => {
    const v = verifyCrashRun(withThirdRequest('b'));
    expect(v).toContain('DUPLICATE: key b stored 2 times');
    expect(v).toContain('expected 2 stored requests, found 3');
  });
  it('detects a lost acknowledged submission', () => {
    const v = verifyCrashRun({ ...good, rows: [good.rows[0]!], audits: [good.audits[0]!] });
    expect(v).toContain('LOST: key b was acknowledged as SWL-2 but is not stored');
  });
  it('detects an acknowledgement pointing at another request, and one never acknowledged', () => {
    const v = verifyCrashRun({ ...good, submissions: [sub('a', 'SWL-9'), sub('b')] });
    expect(v).toContain('key a was acknowledged as SWL-9, which is not the stored request');
    expect(v).toContain('key b was never acknowledged, even after retries');
  });
  it('detects audit entries missing, doubled or pointing nowhere', () => {
    const v = verifyCrashRun({ ...good, audits: [{ entityId: '1' }, { entityId: '1' }, { entityId: '7' }] });
    expect(v).toEqual(
      expect.arrayContaining([
        'request SWL-1 has 2 audit entries, expected 1',
        'request SWL-2 has 0 audit entries, expected 1',
        'audit entry for request 7 that is not stored',
      ]),
    );
  });
  it('detects requests stored under keys no client sent (a retry without idempotency)', () => {
    const v = verifyCrashRun(withThirdRequest('b-retry0'));
    expect(v).toContain('stored request with key warga@layanan.test/b-retry0 that no client sent');
  });
});

describe('crash test on PostgreSQL', () => {
  it(`stores every acknowledged submission exactly once across a SIGKILL (N=${N})`, async () => {
    const db = await createScratchDatabase('crash');
    log(
      `crash test: N=${N}, concurrency ${CONCURRENCY}, port ${PORT}, database ${db.name}${IDEMPOTENCY ? '' : ' (NO IDEMPOTENCY: must fail)'}`,
    );
    let gateway: Awaited<ReturnType<typeof runCrash>>['gateway'] | undefined;
    try {
      const run = await runCrash({
        n: N,
        concurrency: CONCURRENCY,
        killAt: 0.4,
        port: PORT,
        databaseUrl: db.url,
        idempotency: IDEMPOTENCY,
        log,
      });
      gateway = run.gateway;
      const { report } = run;
      const all = await readStored(db.url);
      const stored = {
        rows: all.rows.filter((r) => !report.baselineIds.has(r.id)),
        audits: all.audits.filter((a) => !a.entityId || !report.baselineIds.has(a.entityId)),
      };
      const violations = verifyCrashRun({ n: N, submissions: report.submissions, ...stored });
      const tokens = new Map<string, string>();
      for (const s of ['warga@layanan.test', 'warga2@layanan.test'])
        tokens.set(s, await devLogin(gateway.url, s));
      const unanswered = await unansweredByGateway(
        gateway.url,
        report.submissions,
        (a) => tokens.get(a) ?? '',
      );
      for (const u of unanswered.slice(0, 20)) violations.push(`restarted gateway does not answer for ${u}`);
      if (unanswered.length > 20) violations.push(`… and ${unanswered.length - 20} more unanswered`);

      log('');
      log('== crash test summary');
      log(`  submissions (N)               ${report.n}`);
      log(`  acknowledged before SIGKILL   ${report.acknowledgedBeforeKill}`);
      log(
        `  in flight at SIGKILL          ${report.inFlightAtKill} (gateway exit: ${report.killExit.signal ?? report.killExit.code})`,
      );
      log(
        `  retried after restart         ${report.retried} (${report.retriedAlreadyStored} already stored by the killed gateway)`,
      );
      log(`  unexpected (non-payload) answers ${report.failedResponses}`);
      log(`  stored requests / audits      ${stored.rows.length} / ${stored.audits.length}`);
      log(
        `  first phase / restart / total ${report.firstPhaseMs} ms / ${report.restartMs} ms / ${report.durationMs} ms`,
      );
      log(`  violations                    ${violations.length}`);
      for (const v of violations.slice(0, 30)) log(`    - ${v}`);
      const clean = violations.length === 0 && report.failedResponses === 0;
      log(
        IDEMPOTENCY
          ? clean
            ? 'CRASH TEST PASSED'
            : 'CRASH TEST FAILED (violations or unexpected answers)'
          : 'no-idempotency mode: the verifier must report violations',
      );

      expect(report.killExit.signal).toBe('SIGKILL');
      expect(report.acknowledgedBeforeKill).toBeGreaterThan(0);
      expect(report.acknowledgedBeforeKill).toBeLessThan(N);
      if (IDEMPOTENCY) {
        expect(violations).toEqual([]);
        expect(report.failedResponses).toBe(0);
      } else {
        expect(violations.length).toBeGreaterThan(0);
      }
    } finally {
      if (gateway) {
        gateway.child.kill('SIGTERM');
        await gateway.exited;
      }
      await db.drop();
    }
  });
});
