// Smoke run of the whole bench at a tiny size, so `pnpm bench` cannot rot: data, every server,
// every scenario, the CPU profile and the three result files (variants only in the real run).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, writeReport } from './report.js';
import { runBench } from './run.js';

const url = process.env.TEST_DATABASE_URL;
// Six ports from here; set BENCH_BASE_PORT when another copy of the tests may run at once.
const basePort = Number(process.env.BENCH_BASE_PORT ?? 4601);

describe.skipIf(!url)('pnpm bench (tiny smoke run on PostgreSQL)', () => {
  it('measures gateway and baselines and writes JSON, Markdown and SVG', async () => {
    const out = await mkdtemp(join(tmpdir(), 'layanan-bench-'));
    const options = {
      adminUrl: url as string,
      database: `layanan_bench_smoke_${process.pid}`,
      size: { units: 2, staff: 20, requests: 200, surveyAnswers: 900, citizens: 10 },
      sizeName: 'smoke',
      seed: 'smoke',
      durationSec: 1,
      warmupSec: 0,
      connections: 2,
      // N=30 is above the smoke run's gateway page size of 10: read as 3 pages, the same code
      // path as N=1000 in 10 pages of 100 in the real run.
      queueSizes: [10, 30],
      gatewayPageSize: 10,
      basePort,
      variants: [],
      profileDir: join(out, 'profiles'),
      keepDatabase: false,
      log: () => {},
    };
    try {
      const result = await runBench(options);
      const report = await buildReport(options, result, join(import.meta.dirname, '..'));
      const files = await writeReport(report, out);

      const scenarios = (server: string, variant: string) =>
        result.measurements
          .filter((m) => m.server === server && m.variant === variant)
          .map((m) => m.scenario);
      expect(scenarios('gateway', 'default')).toEqual(
        expect.arrayContaining([
          'S0',
          'S1',
          'S2 N=10',
          'S2 N=30',
          'S5 catalogue',
          'S6 1 MB body',
          'S7 form ×1',
          'S7 form ×2',
          'S8 JSON ×1',
          'S8 JSON ×2',
          'S3 submit',
        ]),
      );
      expect(scenarios('raw-pg', 'baseline')).toEqual(['S1', 'S2 N=10', 'S2 N=30']);
      expect(scenarios('postgraphile', 'baseline')).toEqual(['S2 N=10', 'S2 N=30']);
      for (const m of result.measurements) {
        expect(m.rps, `${m.server} ${m.scenario}`).toBeGreaterThan(0);
        expect(m.p99).toBeGreaterThanOrEqual(m.p50);
        expect(m.errors).toBe(0);
      }
      const s2 = result.measurements.find((m) => m.server === 'gateway' && m.scenario === 'S2 N=10');
      // Identity, the page and one batched query per relation: a small constant, never per row.
      expect(s2?.statementsPerRequest).toBeGreaterThan(1);
      expect(s2?.statementsPerRequest).toBeLessThan(10);
      // The paged read: 3 pages, its SQL the sum over them, per page the same as one request.
      const paged = result.measurements.find((m) => m.server === 'gateway' && m.scenario === 'S2 N=30');
      expect(paged?.pages).toBe(3);
      expect(paged?.statementsPerRequest).toBe(3 * (paged?.statementsPerPage ?? 0));
      expect(paged?.statementsPerPage).toBe(s2?.statementsPerRequest);
      expect(paged?.p50).toBeGreaterThan(0);
      expect(report.ratios.some((r) => r.scenario === 'S2 N=30' && r.against === 'postgraphile')).toBe(true);
      expect(report.targets[0]).toMatchObject({ met: true });
      expect(result.data.queueStaffEmail).toMatch(/^kepala\d+@uji\.layanan\.test$/);
      expect(
        result.measurements.find((m) => m.server === 'raw-pg' && m.scenario === 'S1')?.statementsPerRequest,
      ).toBe(1);
      expect(report.ratios.some((r) => r.scenario === 'S1' && r.against === 'raw-pg')).toBe(true);
      expect(report.ratios.some((r) => r.scenario === 'S6 1 MB body' && r.against === 'gateway S0')).toBe(
        true,
      );
      // The parsing-growth targets have a figure (met or not is the real run's business).
      expect(report.targets.filter((c) => c.target.startsWith('doubling')).map((c) => c.value)).toEqual([
        expect.stringMatching(/^\d+\.\d\d×$/),
        expect.stringMatching(/^\d+\.\d\d×$/),
      ]);
      expect(result.profile?.top.length).toBeGreaterThan(0);

      const json = JSON.parse(await readFile(files[0]!, 'utf8'));
      expect(json.measurements.length).toBe(result.measurements.length);
      const md = await readFile(files[1]!, 'utf8');
      expect(md).toContain('| gateway | default | S1 |');
      expect(md).toContain('| gateway | default | S2 N=30 (3 pages) |');
      // The gateway's memory while a 20 MB PDF is uploaded (issue 19): measured (Linux) and printed.
      expect(report.uploadMemory?.outcome).toBe('ServiceRequestPayload');
      expect(md).toContain('## Memory while uploading');
      expect(await readFile(files[2]!, 'utf8')).toMatch(/^<svg [^>]+>[\s\S]*<\/svg>\n$/);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
