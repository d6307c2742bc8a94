// `pnpm bench [--size tiny|medium|full] [--duration S] [--connections C]
//             [--variants all|none|graphql-jit,2-workers,…] [--profile] [--keep-database] [--reuse-database]
//             [--database NAME] [--out DIR] [--seed TEXT] [--port FIRST]`
// The servers listen on six ports from --port (default 4601: 4601–4606).
// Needs PostgreSQL: BENCH_DATABASE_URL (or DATABASE_URL), default postgresql://postgres@127.0.0.1:5432/postgres;
// the bench creates and drops its own database (layanan_bench_<size>).
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SIZES, type SizeName } from './generate.js';
import { buildReport, terminalTable, writeReport } from './report.js';
import { runBench, VARIANTS } from './run.js';

const benchDir = resolve(fileURLToPath(new URL('..', import.meta.url)));

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'tiny' },
    duration: { type: 'string' },
    connections: { type: 'string', default: '10' },
    variants: { type: 'string', default: 'all' },
    database: { type: 'string' },
    profile: { type: 'boolean', default: false },
    'keep-database': { type: 'boolean', default: false },
    'reuse-database': { type: 'boolean', default: false },
    out: { type: 'string' },
    seed: { type: 'string', default: 'layanan' },
    port: { type: 'string', default: '4601' },
  },
});

const sizeName = values.size as SizeName;
const size = SIZES[sizeName];
if (!size) {
  process.stderr.write(`bench: --size harus tiny, medium atau full / must be tiny, medium or full\n`);
  process.exit(2);
}
const durationSec = Number(values.duration ?? (sizeName === 'tiny' ? 1 : 5));
const connections = Number(values.connections);
const outDir = resolve(values.out ?? join(benchDir, 'results'));
const adminUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgresql://postgres@127.0.0.1:5432/postgres';

const options = {
  adminUrl,
  database: values.database ?? `layanan_bench_${sizeName}`,
  size,
  sizeName,
  seed: values.seed,
  durationSec,
  connections,
  queueSizes: [10, 100, 1000],
  basePort: Number(values.port),
  variants:
    values.variants === 'all'
      ? VARIANTS.map((v) => v.name)
      : values.variants === 'none'
        ? []
        : values.variants.split(',').map((v) => v.trim()),
  profileDir: values.profile ? join(outDir, 'profiles') : undefined,
  keepDatabase: values['keep-database'],
  reuseDatabase: values['reuse-database'],
  log: (line: string) => process.stdout.write(`${line}\n`),
};

const result = await runBench(options);
const report = await buildReport(options, result, benchDir);
process.stdout.write(`\n${terminalTable(report)}\n\n`);
for (const file of await writeReport(report, outDir)) process.stdout.write(`wrote ${file}\n`);
