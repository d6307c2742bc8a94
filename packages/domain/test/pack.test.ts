/**
 * The package is publishable as it is: `npm pack` gives a tarball that installs into an empty
 * project and imports in Node (ESM) with types, through every subpath export.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const pkgDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tscBin = join(pkgDir, 'node_modules', 'typescript', 'bin', 'tsc');
const tsupBin = join(pkgDir, 'node_modules', 'tsup', 'dist', 'cli-default.js');
const readme = readFileSync(join(pkgDir, 'README.md'), 'utf8');
const SUBPATHS = ['', '/staff', '/services', '/forums', '/feedback', '/calendar', '/accounts'] as const;

let work: string;
let project: string;
let tarball: string;
let packedFiles: string[];

function newestMtime(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }, 0);
}

function run(cmd: string, args: readonly string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      // no network, no global npm config side effects: a private cache inside the temp dir
      env: { ...process.env, npm_config_cache: join(work, 'npm-cache'), npm_config_update_notifier: 'false' },
    });
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}\n${x.stdout ?? ''}\n${x.stderr ?? x.message}`);
  }
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'layanan-domain-pack-'));
  // Build when dist is missing or older than the sources.
  const built = join(pkgDir, 'dist', 'index.js');
  if (!existsSync(built) || statSync(built).mtimeMs < newestMtime(join(pkgDir, 'src'))) {
    // the same two steps as `pnpm build`: JavaScript by tsup, declarations by tsc
    run(process.execPath, [tsupBin], pkgDir);
    run(process.execPath, [tscBin, '-p', 'tsconfig.build.json'], pkgDir);
  }
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], pkgDir)) as {
    filename: string;
    files: { path: string }[];
  }[];
  const info = packed[0];
  if (!info) throw new Error('npm pack produced nothing');
  tarball = join(work, info.filename);
  packedFiles = info.files.map((f) => f.path).sort();

  project = join(work, 'consumer');
  mkdirSync(project, { recursive: true });
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
  );
  run(
    'npm',
    ['install', tarball, '--no-audit', '--no-fund', '--offline', '--ignore-scripts', '--no-package-lock'],
    project,
  );
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('ships dist, README, LICENSE and package.json only', () => {
    expect(packedFiles).toContain('package.json');
    expect(packedFiles).toContain('README.md');
    expect(packedFiles).toContain('LICENSE');
    for (const sub of SUBPATHS) {
      expect(packedFiles).toContain(`dist${sub}/index.js`);
      expect(packedFiles).toContain(`dist${sub}/index.d.ts`);
    }
    const others = packedFiles.filter((f) => !f.startsWith('dist/'));
    expect(others).toEqual(['LICENSE', 'README.md', 'package.json']);
    expect(packedFiles.some((f) => f.includes('.test.'))).toBe(false);
  });

  it('installs with no dependencies', () => {
    const installed = readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'));
    expect(installed).toEqual(['@layanan']);
    expect(readdirSync(join(project, 'node_modules', '@layanan'))).toEqual(['domain']);
  });
});

describe('the installed package', () => {
  it('imports every subpath in Node ESM and the functions work', () => {
    const script = `
      import * as root from '@layanan/domain';
      import { parseNip, competencyGaps } from '@layanan/domain/staff';
      import { requestTransition, SERVICE_STANDARD_COMPONENTS } from '@layanan/domain/services';
      import { answerTransition } from '@layanan/domain/forums';
      import { computeIkmFromTotals, skmSampleSize, SKM_ELEMENT_CODES } from '@layanan/domain/feedback';
      import { addWorkingDays, indonesianCalendar2026 } from '@layanan/domain/calendar';

      const out = {};
      out.root = root.ok(1).ok && typeof root.staff.parseNip === 'function' && Object.keys(root.ERROR_MESSAGES).length > 40;
      const nip = parseNip('19850312 201001 1 004', { now: '2026-03-25' });
      out.staff = nip.ok && nip.value.birthDate === '1985-03-12' &&
        competencyGaps([{ competency: 'OSS', level: 3 }], [{ competency: 'OSS', level: 1 }])[0].gap === 2;
      out.services = requestTransition('SUBMITTED', 'VERIFIED', { actor: 'STAFF' }).ok &&
        !requestTransition('COMPLETED', 'SUBMITTED', { actor: 'STAFF' }).ok &&
        SERVICE_STANDARD_COMPONENTS.length === 14;
      out.forums = answerTransition('UNDER_REVIEW', 'ACCEPTED', 'Masuk RKPD 2027').ok;
      const sums = [105, 101, 100, 116, 102, 105, 106, 105, 115];
      const ikm = computeIkmFromTotals({
        respondents: 29,
        elements: Object.fromEntries(SKM_ELEMENT_CODES.map((c, i) => [c, { sum: sums[i], answered: 29 }])),
      });
      out.feedback = ikm.ok && ikm.value.scoreDisplay === '91.47' && ikm.value.grade === 'A' && skmSampleSize(1000) === 278;
      out.calendar = addWorkingDays('2026-03-16', 3, indonesianCalendar2026()) === '2026-03-26';
      try {
        await import('@layanan/domain/src/index.ts');
        out.encapsulated = false;
      } catch (e) {
        out.encapsulated = e.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED';
      }
      console.log(JSON.stringify(out));
    `;
    writeFileSync(join(project, 'smoke.mjs'), script);
    const result = JSON.parse(run(process.execPath, ['smoke.mjs'], project).trim()) as Record<
      string,
      boolean
    >;
    expect(result).toEqual({
      root: true,
      staff: true,
      services: true,
      forums: true,
      feedback: true,
      calendar: true,
      encapsulated: true,
    });
  });

  it('resolves types for every subpath with moduleResolution nodenext', () => {
    const check = `
      import { ok, type Result, type DomainError, calendar as cal } from '@layanan/domain';
      import { parseNip, type ParsedNip, type NipErrorCode, competencyGaps } from '@layanan/domain/staff';
      import { requestTransition, type RequestState } from '@layanan/domain/services';
      import { answerTransition, type AnswerStatus } from '@layanan/domain/forums';
      import { computeIkm, type IkmGrade } from '@layanan/domain/feedback';
      import { addWorkingDays, type WorkingCalendar } from '@layanan/domain/calendar';

      const r: Result<ParsedNip, DomainError<NipErrorCode>> = parseNip('198503122010011004', { now: '2026-03-25' });
      if (r.ok) {
        const kind: 'PNS' | 'PPPK' = r.value.kind;
        void kind;
      } else {
        const code: NipErrorCode = r.error.code;
        const id: string = r.error.message.id;
        void code; void id;
      }
      const state: RequestState = 'IN_PROGRESS';
      const t = requestTransition('SUBMITTED', state, { actor: 'STAFF' });
      const a: AnswerStatus = 'ACCEPTED';
      void answerTransition('UNDER_REVIEW', a, 'alasan');
      const ikm = computeIkm([{ PERSYARATAN: 4 }]);
      const grade: IkmGrade | undefined = ikm.ok ? ikm.value.grade : undefined;
      const calendar: WorkingCalendar = { weekendDays: [0, 6], holidays: [] };
      const due: string = addWorkingDays('2026-03-16', 3, calendar);
      const same: string = cal.addWorkingDays(new Date(), 1, calendar);
      const gaps: number = competencyGaps([], []).length;
      void t; void grade; void due; void same; void gaps; void ok(1);

      // The types are real, not \`any\`: each line below must be a type error.
      // @ts-expect-error a NIP is a string
      parseNip(198503122010011004, { now: '2026-03-25' });
      // @ts-expect-error unknown request state
      requestTransition('SUBMITTED', 'ARCHIVED', { actor: 'STAFF' });
      // @ts-expect-error unknown SKM element
      computeIkm([{ KENYAMANAN: 4 }]);
      // @ts-expect-error holidays need a kind
      const bad: WorkingCalendar = { weekendDays: [0, 6], holidays: [{ date: '2026-01-01', name: 'x' }] };
      void bad;
    `;
    writeFileSync(join(project, 'check.ts'), check);
    // Every TypeScript example in the README must compile against the installed package.
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    mkdirSync(join(project, 'readme'), { recursive: true });
    blocks.forEach((code, i) => {
      writeFileSync(join(project, 'readme', `example-${i}.ts`), `${code}\nexport {};\n`);
    });
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2022'],
          types: [],
          skipLibCheck: false, // the shipped .d.ts files must type-check too
        },
        include: ['check.ts', 'readme/*.ts'],
      }),
    );
    run(process.execPath, [tscBin, '-p', 'tsconfig.json'], project);
  });
});
