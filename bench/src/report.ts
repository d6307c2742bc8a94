// Ratios, targets, and the three outputs: terminal table, JSON + Markdown, SVG chart.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Measurement } from './load.js';
import type { BenchOptions, BenchResult } from './run.js';

export type Ratio = { scenario: string; of: string; against: string; rpsRatio: number };
export type TargetCheck = { target: string; value: string; met: boolean | null };

export type Report = {
  date: string;
  machine: { cpus: string; cores: number; memoryGiB: number; loadavgAtEnd: number[]; note: string };
  versions: Record<string, string>;
  size: { name: string; units: number; staff: number; requests: number; surveyAnswers: number };
  settings: { durationSec: number; connections: number; seed: string };
  data: BenchResult['data'];
  measurements: readonly Measurement[];
  ratios: Ratio[];
  targets: TargetCheck[];
  profile: BenchResult['profile'];
  uploadMemory: BenchResult['uploadMemory'];
};

/** The upload's RSS growth as a share of the file's size, e.g. "5 %". */
const growthShare = (u: NonNullable<Report['uploadMemory']>) =>
  `${Math.round((u.growthMiB / (u.fileBytes / 2 ** 20)) * 100)} %`;

/** SQL statements per page: per request, or a paged read's total over its pages. */
const perPage = (m: Measurement) => (m.pages ? (m.statementsPerPage ?? null) : m.statementsPerRequest);
/** The scenario as shown: a paged read says how many sequential requests it is. */
const label = (m: Measurement) => (m.pages ? `${m.scenario} (${m.pages} pages)` : m.scenario);

function find(ms: readonly Measurement[], server: string, variant: string, scenario: string) {
  return ms.find((m) => m.server === server && m.variant === variant && m.scenario === scenario);
}

export function ratiosOf(ms: readonly Measurement[]): Ratio[] {
  const ratios: Ratio[] = [];
  for (const g of ms.filter((m) => m.server === 'gateway' && m.variant === 'default')) {
    for (const baseline of ['raw-pg', 'postgraphile', 'bare-sql']) {
      const b = find(ms, baseline, 'baseline', g.scenario);
      if (b && b.rps > 0)
        ratios.push({ scenario: g.scenario, of: 'gateway', against: baseline, rpsRatio: g.rps / b.rps });
    }
  }
  // The 1 MB body against the trivial query with an empty body: what reading 1 MB costs.
  const body = find(ms, 'gateway', 'default', 'S6 1 MB body');
  const empty = find(ms, 'gateway', 'default', 'S0');
  if (body && empty && empty.rps > 0)
    ratios.push({
      scenario: body.scenario,
      of: 'gateway',
      against: 'gateway S0',
      rpsRatio: body.rps / empty.rps,
    });
  for (const v of ms.filter((m) => m.server === 'gateway' && !['default', 'profiled'].includes(m.variant))) {
    const d = find(ms, 'gateway', 'default', v.scenario);
    if (d && d.rps > 0)
      ratios.push({
        scenario: v.scenario,
        of: `gateway ${v.variant}`,
        against: 'gateway default',
        rpsRatio: v.rps / d.rps,
      });
  }
  return ratios;
}

export function targetsOf(ms: readonly Measurement[], ratios: readonly Ratio[]): TargetCheck[] {
  const ratio = (scenario: string, against: string) =>
    ratios.find((r) => r.scenario === scenario && r.of === 'gateway' && r.against === against);
  const checks: TargetCheck[] = [];
  const s2 = ms.filter(
    (m) => m.server === 'gateway' && m.variant === 'default' && m.scenario.startsWith('S2'),
  );
  // Per page: a read of N > 100 items is N / 100 requests, each with its own identity check, page
  // query and batched relation loads; constant per page (never per item) is what shows no N+1.
  const sql = s2.map((m) => perPage(m));
  checks.push({
    target: 'S2 SQL statements per page constant as N grows (no N+1)',
    value: s2
      .map((m) =>
        m.pages
          ? `${m.scenario}: ${fmt(m.statementsPerPage ?? null, 1)} (${fmt(m.statementsPerRequest, 1)} over ${m.pages} pages)`
          : `${m.scenario}: ${m.statementsPerRequest ?? 'n/a'}`,
      )
      .join(', '),
    met: sql.length > 1 && sql.every((n) => n !== null) ? sql.every((n) => n === sql[0]) : null,
  });
  const s1 = ratio('S1', 'raw-pg');
  checks.push({
    target: 'gateway S1 ≥ 0.6× raw pg',
    value: s1 ? `${s1.rpsRatio.toFixed(2)}×` : 'n/a',
    met: s1 ? s1.rpsRatio >= 0.6 : null,
  });
  const s2raw = ratio('S2 N=100', 'raw-pg');
  checks.push({
    target: 'gateway S2 (N=100) ≥ 0.4× raw pg',
    value: s2raw ? `${s2raw.rpsRatio.toFixed(2)}×` : 'n/a',
    met: s2raw ? s2raw.rpsRatio >= 0.4 : null,
  });
  const s2pg = ratios.filter(
    (r) => r.of === 'gateway' && r.against === 'postgraphile' && r.scenario.startsWith('S2'),
  );
  checks.push({
    target: 'gateway at or ahead of PostGraphile on S2',
    value: s2pg.map((r) => `${r.scenario}: ${r.rpsRatio.toFixed(2)}×`).join(', ') || 'n/a',
    met: s2pg.length ? s2pg.every((r) => r.rpsRatio >= 1) : null,
  });
  const tails = ms.filter(
    (m) => (m.variant === 'default' || m.variant === 'baseline') && !(m.fixedRps === 0 && m.p50 === 0),
  );
  const over = tails.filter((m) => m.p99 > 4 * Math.max(m.p50, 1));
  checks.push({
    target: 'p99 ≤ 4× p50 at 80 % load',
    value: over.length
      ? `missed by ${over.map((m) => `${m.server} ${m.scenario} (${m.p50}/${m.p99} ms)`).join(', ')}`
      : 'all met',
    met: tails.length ? over.length === 0 : null,
  });
  for (const [name, what] of [
    ['S7 form', 'a form of repeated fields'],
    ['S8 JSON', 'a JSON body of repeated values'],
  ] as const) {
    const once = find(ms, 'gateway', 'default', `${name} ×1`);
    const twice = find(ms, 'gateway', 'default', `${name} ×2`);
    // Time per request is 1/rps at the same concurrency: doubling the body multiplies it by this.
    const growth = once && twice && twice.rps > 0 ? once.rps / twice.rps : null;
    checks.push({
      target: `doubling ${what} less than triples its handling time (linear parsing)`,
      value: growth === null ? 'n/a' : `${growth.toFixed(2)}×`,
      met: growth === null ? null : growth < 3,
    });
  }
  const s4 = ratio('S4 IKM', 'bare-sql');
  checks.push({
    target: 'S4 within 1.5× of its bare SQL',
    value: s4 ? `${(1 / s4.rpsRatio).toFixed(2)}× slower` : 'n/a (not measured)',
    met: s4 ? 1 / s4.rpsRatio <= 1.5 : null,
  });
  return checks;
}

async function version(pkg: string, from: string): Promise<string> {
  try {
    const text = await readFile(join(from, 'node_modules', pkg, 'package.json'), 'utf8');
    return (JSON.parse(text) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function postgresVersion(): string {
  try {
    return execFileSync('psql', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export async function buildReport(
  options: BenchOptions,
  result: BenchResult,
  benchDir: string,
): Promise<Report> {
  const ratios = ratiosOf(result.measurements);
  const versions: Record<string, string> = { node: process.version };
  for (const pkg of [
    'graphql',
    'graphql-yoga',
    'postgraphile',
    'autocannon',
    'pg',
    '@envelop/graphql-jit',
    '@graphql-yoga/plugin-response-cache',
  ]) {
    versions[pkg] = await version(pkg, benchDir);
  }
  versions['@prisma/client'] = await version('@prisma/client', join(benchDir, '../packages/db'));
  versions['@pothos/core'] = await version('@pothos/core', join(benchDir, '../apps/gateway'));
  versions.psql = postgresVersion();
  return {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      loadavgAtEnd: loadavg().map((n) => Math.round(n * 100) / 100),
      note: process.env.BENCH_NOTE ?? '',
    },
    versions,
    size: { name: options.sizeName, ...options.size },
    settings: { durationSec: options.durationSec, connections: options.connections, seed: options.seed },
    data: result.data,
    measurements: result.measurements,
    ratios,
    targets: targetsOf(result.measurements, ratios),
    profile: result.profile,
    uploadMemory: result.uploadMemory,
  };
}

const fmt = (n: number | null, digits = 0) => (n === null ? 'n/a' : n.toFixed(digits));
/** A latency, or n/a when no request completed within the fixed-rate run (overloaded). */
const lat = (m: Measurement, value: number) => (m.fixedRps === 0 && m.p50 === 0 ? 'n/a' : String(value));

export function terminalTable(report: Report): string {
  const lines = [
    `${'server'.padEnd(13)}${'variant'.padEnd(16)}${'scenario'.padEnd(24)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'SQL/req'.padStart(9)}`,
  ];
  for (const m of report.measurements) {
    lines.push(
      `${m.server.padEnd(13)}${m.variant.padEnd(16)}${label(m).padEnd(24)}${fmt(m.rps).padStart(8)}${lat(m, m.p50).padStart(8)}${lat(m, m.p99).padStart(8)}${fmt(m.statementsPerRequest, 1).padStart(9)}`,
    );
  }
  lines.push('', 'ratios (requests/s):');
  for (const r of report.ratios)
    lines.push(`  ${r.scenario.padEnd(14)} ${r.of} / ${r.against}: ${r.rpsRatio.toFixed(2)}×`);
  lines.push('', 'targets:');
  for (const t of report.targets)
    lines.push(`  [${t.met === null ? ' ? ' : t.met ? 'met' : 'MISSED'}] ${t.target}: ${t.value}`);
  if (report.measurements.some((m) => m.pages))
    lines.push(
      '',
      'paged: one operation = the pages read in sequence (after: endCursor); req/s = whole reads/s, latency = whole read, SQL = sum over its pages',
    );
  if (report.uploadMemory) {
    const u = report.uploadMemory;
    lines.push(
      '',
      `gateway memory while a ${(u.fileBytes / 2 ** 20).toFixed(1)} MiB PDF is uploaded: RSS ${u.idleMiB} MiB before, peak ${u.peakMiB} MiB (+${u.growthMiB} MiB, ${growthShare(u)} of the file); ${u.outcome}`,
    );
  }
  if (report.profile) {
    lines.push('', `gateway CPU under ${report.profile.scenario} (self time by package):`);
    for (const p of report.profile.packages)
      lines.push(`  ${p.selfPercent.toFixed(1).padStart(5)} %  ${p.name}`);
    lines.push(`  profile: ${report.profile.file}`);
  }
  return lines.join('\n');
}

export function markdown(report: Report): string {
  const out = [
    `# Layanan bench results (${report.size.name})`,
    '',
    `- date: ${report.date}`,
    `- machine: ${report.machine.cpus}, ${report.machine.cores} cores, ${report.machine.memoryGiB} GiB; load average at the end ${report.machine.loadavgAtEnd.join(' / ')}${report.machine.note ? `; ${report.machine.note}` : ''}`,
    `- versions: ${Object.entries(report.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `- data: ${report.size.units} generated units, ${report.size.staff} staff, ${report.size.requests} requests (database totals: ${Object.entries(
      report.data.counts,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}); S2 reads unit ${report.data.queueUnitCode} (${report.data.queueLength} requests)`,
    `- load: autocannon, closed loop, ${report.settings.connections} connections, no pipelining, ${report.settings.durationSec} s per run; latency at a fixed rate of 80 % of the measured maximum`,
    '',
    '| server | variant | scenario | req/s | p50 ms | p99 ms | rate for latency | SQL/request |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...report.measurements.map(
      (m) =>
        `| ${m.server} | ${m.variant} | ${label(m)} | ${fmt(m.rps)} | ${lat(m, m.p50)} | ${lat(m, m.p99)} | ${m.fixedRate} | ${fmt(m.statementsPerRequest, 1)} |`,
    ),
    ...(report.measurements.some((m) => m.pages)
      ? [
          '',
          `Rows marked "(k pages)" are the gateway reading N items as a client must (its connections return at most 100 edges): k sequential requests of \`first: N/k\` with \`after: endCursor\`, counted as one operation — req/s are completed N-item reads per second, latency is the whole sequence, SQL/request is the sum over its pages (${report.measurements
            .filter((m) => m.pages)
            .map((m) => `${m.scenario}: ${fmt(m.statementsPerPage ?? null, 1)} per page`)
            .join(', ')}).`,
        ]
      : []),
    '',
    '## Ratios (requests/s)',
    '',
    '| scenario | of | against | ratio |',
    '| --- | --- | --- | ---: |',
    ...report.ratios.map((r) => `| ${r.scenario} | ${r.of} | ${r.against} | ${r.rpsRatio.toFixed(2)}× |`),
    '',
    '## Targets',
    '',
    ...report.targets.map(
      (t) =>
        `- ${t.met === null ? '(not measured)' : t.met ? 'met' : '**missed**'} — ${t.target}: ${t.value}`,
    ),
  ];
  if (report.uploadMemory) {
    const u = report.uploadMemory;
    out.push(
      '',
      '## Memory while uploading',
      '',
      `The gateway's resident memory (RSS) while one ${(u.fileBytes / 2 ** 20).toFixed(1)} MiB PDF is uploaded through the GraphQL multipart request (file parts stream to disk): ${u.idleMiB} MiB before, peak ${u.peakMiB} MiB (+${u.growthMiB} MiB, ${growthShare(u)} of the file's size; a gateway holding the file whole would grow by at least its size); answer ${u.outcome}. Sampled every 10 ms from /proc. A figure, not a target.`,
    );
  }
  if (report.profile) {
    out.push(
      '',
      `## CPU profile of the gateway under ${report.profile.scenario} (node --cpu-prof, self time, % of busy samples)`,
      '',
      '| self % | package |',
      '| ---: | --- |',
      ...report.profile.packages.map((p) => `| ${p.selfPercent.toFixed(1)} | ${p.name} |`),
      '',
      '| self % | function | where |',
      '| ---: | --- | --- |',
      ...report.profile.top.map((f) => `| ${f.selfPercent.toFixed(1)} | ${f.name} | ${f.url} |`),
    );
  }
  return `${out.join('\n')}\n`;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Two horizontal bar charts (req/s and p99) per scenario and server, as plain SVG. */
export function svgChart(report: Report): string {
  const rows = report.measurements.filter((m) => m.variant === 'default' || m.variant === 'baseline');
  const colors: Record<string, string> = {
    gateway: '#1f77b4',
    'raw-pg': '#2ca02c',
    postgraphile: '#ff7f0e',
    'bare-sql': '#9467bd',
  };
  const barH = 16;
  const labelW = 190;
  const chartW = 330;
  const top = 50;
  const height = top + rows.length * (barH + 6) + 40;
  const width = labelW + 2 * chartW + 80;
  const maxRps = Math.max(1, ...rows.map((m) => m.rps));
  const maxP99 = Math.max(1, ...rows.map((m) => m.p99));
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(`Layanan bench (${report.size.name}): requests/s and p99 per scenario and server`)}</title>`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="18" font-size="14" font-weight="bold">${escapeXml(`Layanan bench (${report.size.name}, ${report.date.slice(0, 16)}Z)`)}</text>`,
    `<text x="${labelW}" y="40" font-weight="bold">requests/s (closed loop)</text>`,
    `<text x="${labelW + chartW + 40}" y="40" font-weight="bold">p99 ms at 80 % of max</text>`,
  ];
  rows.forEach((m, i) => {
    const y = top + i * (barH + 6);
    const color = colors[m.server] ?? '#888';
    const w1 = (m.rps / maxRps) * (chartW - 50);
    const w2 = (m.p99 / maxP99) * (chartW - 50);
    parts.push(
      `<text x="${labelW - 6}" y="${y + 12}" text-anchor="end">${escapeXml(`${label(m)} · ${m.server}`)}</text>`,
      `<rect x="${labelW}" y="${y}" width="${w1.toFixed(1)}" height="${barH}" fill="${color}"/>`,
      `<text x="${(labelW + w1 + 4).toFixed(1)}" y="${y + 12}">${m.rps.toFixed(0)}</text>`,
      `<rect x="${labelW + chartW + 40}" y="${y}" width="${w2.toFixed(1)}" height="${barH}" fill="${color}" opacity="0.7"/>`,
      `<text x="${(labelW + chartW + 44 + w2).toFixed(1)}" y="${y + 12}">${m.p99}</text>`,
    );
  });
  let x = 10;
  for (const [server, color] of Object.entries(colors)) {
    parts.push(
      `<rect x="${x}" y="${height - 22}" width="12" height="12" fill="${color}"/>`,
      `<text x="${x + 16}" y="${height - 12}">${server}</text>`,
    );
    x += 110;
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

export async function writeReport(report: Report, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const base = `bench-${report.size.name}`;
  const files = [join(dir, `${base}.json`), join(dir, `${base}.md`), join(dir, `${base}.svg`)];
  await writeFile(files[0]!, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(files[1]!, markdown(report));
  await writeFile(files[2]!, svgChart(report));
  return files;
}
