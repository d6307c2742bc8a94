// Reliability proof (issue 7): schema-aware fuzzing of EVERY mutation. The mutations are read from
// the running schema by introspection (new ones are covered without touching this file); their
// arguments are generated from the argument types with a seeded PRNG — plausible values (real IDs
// and codes from the seed) mixed with boundary and hostile ones — and sent as anonymous, citizen,
// staff and admin. Any 5xx, masked error (UNEXPECTED_ERROR, "Unexpected error." / INTERNAL_SERVER_ERROR) or answer
// slower than FUZZ_REQUEST_MS is a failure, reported with the seeds and the case to replay it.
//
//   FUZZ_SEED=random FUZZ_CALLS=100000 FUZZ_SECONDS=600 npx vitest run src/fuzz.test.ts
//
// The budget is a number of calls per database, not a time, so a run explores the same on a
// loaded and an idle machine: every mutation × role once, then up to FUZZ_CALLS calls in all from
// the fixed seed FUZZ_SEED (deterministic: a red there is always a regression, never luck), then
// FUZZ_RANDOM_CALLS more from a seed new to each run, printed with the run and any finding
// (replay with FUZZ_RANDOM_SEED=<it>), so CI runs keep exploring new inputs. FUZZ_SECONDS
// (default: no limit) stops a run early. Explore more with FUZZ_SEED=random (or a number) and more
// calls. Open finding, PGlite only: FUZZ_SEED=763933543 FUZZ_CALLS=7000 FUZZ_RANDOM_CALLS=0
// fails around call 6592 with `22021 invalid byte sequence for encoding "UTF8"` from a lookup by a
// code full of 4-byte characters, after earlier traffic (not reproducible alone; PostgreSQL is fine).
import { testDatabaseKinds } from '@layanan/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './testing/harness.js';

const randomSeed = () => Math.floor(Math.random() * 2 ** 31);
const SEED = process.env.FUZZ_SEED === 'random' ? randomSeed() : Number(process.env.FUZZ_SEED || 301037445);
/** Calls from the fixed seed per database, the ordered pass over every mutation × role included. */
const CALLS = Number(process.env.FUZZ_CALLS || 1000);
/** Calls per database from a seed new to each run, after the fixed ones (0: none). */
const RANDOM_CALLS = Number(process.env.FUZZ_RANDOM_CALLS ?? 400);
const RANDOM_SEED = Number(process.env.FUZZ_RANDOM_SEED || randomSeed());
const SECONDS = Number(process.env.FUZZ_SECONDS || Number.POSITIVE_INFINITY);
const REQUEST_MS = Number(process.env.FUZZ_REQUEST_MS || 15_000);

/** mulberry32: small, fast, good enough, and the same sequence for the same seed everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

export const HTML_MARK = 'fuzz-html-7';
const HTML = [
  `<script>alert("${HTML_MARK}")</script>`,
  `<img src=x onerror="alert('${HTML_MARK}')">`,
  `<a href="javascript:alert(1)">${HTML_MARK}</a>`,
  `"><svg onload=alert(1)>${HTML_MARK}`,
];
const HOSTILE = [
  '',
  ' ',
  '\t\n',
  "'; DROP TABLE service_request; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(10)--',
  '\u0000',
  'a\u0000b',
  'مرحبا بالعالم \u202Eabc',
  '👩‍👩‍👧‍👦🇮🇩💥',
  'Ｓｗａｌａｈｕｎｔｏ',
  'e\u0301\u0301\u0301',
  '\uD800',
  '\uFEFF',
  '%s%s%n',
  `\${jndi:ldap://x}`,
  '{{7*7}}',
  '../../etc/passwd',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '9'.repeat(40),
  '1e309',
  'true',
  '[]',
  '{}',
  'SWL-2026-000001',
  'swl-2026-999999',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '2026-06-15T25:61:00Z',
  'VXNlcjox',
  'Rm9ydW06bm90LWEtdXVpZA==',
  'Rm9ydW06',
  ':',
  'bm90IGJhc2U2NA',
  'nobody@layanan.test',
  'warga@layanan.test',
  '+6281234567890',
  '199001012015011001',
  ...HTML,
];
const INTS = [0, 1, -1, 2, 7, 100, 2147483647, -2147483648, 1000, 365, 99999];
const FLOATS = [0, -0.5, 1.5, 1e308, -1e308, 3.14, 100000];

type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
type InputValue = { name: string; type: TypeRef };
type FullType = {
  kind: string;
  name: string;
  fields: { name: string; args: InputValue[]; type: TypeRef }[] | null;
  inputFields: InputValue[] | null;
  enumValues: { name: string }[] | null;
  possibleTypes: { name: string }[] | null;
};

const INTROSPECT = `{ __schema { mutationType { name } types {
  kind name
  fields { name args { name type { ...T } } type { ...T } }
  inputFields { name type { ...T } }
  enumValues { name }
  possibleTypes { name }
} } }
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`;

function typeString(t: TypeRef): string {
  if (t.kind === 'NON_NULL') return `${typeString(t.ofType as TypeRef)}!`;
  if (t.kind === 'LIST') return `[${typeString(t.ofType as TypeRef)}]`;
  return t.name as string;
}
function named(t: TypeRef): TypeRef {
  return t.ofType ? named(t.ofType) : t;
}

type Pools = { ids: string[]; codes: string[]; trackingCodes: string[]; emails: string[]; ints: number[] };

class Generator {
  constructor(
    private readonly rng: Rng,
    private readonly types: Map<string, FullType>,
    private readonly pools: Pools,
  ) {}

  /** A value for `t`; `wild` = how far from plausible (0 mostly valid-looking, 1 anything goes). */
  value(t: TypeRef, name: string, wild: number, depth = 0): unknown {
    const r = this.rng;
    if (t.kind === 'NON_NULL') {
      if (r.chance(0.02 * wild)) return null; // null for a non-null: GraphQL must refuse it
      return this.value(t.ofType as TypeRef, name, wild, depth);
    }
    if (r.chance(0.1)) return null; // nullable: often simply absent
    if (t.kind === 'LIST') {
      const n = r.pick([0, 1, 2, 3, r.chance(0.1 * wild) ? 200 : 1]);
      return Array.from({ length: n }, () => this.value(t.ofType as TypeRef, name, wild, depth + 1));
    }
    if (r.chance(0.03 * wild)) return this.wrongType(); // wrong type at the variable level
    const type = this.types.get(t.name as string);
    switch (type?.kind ?? 'SCALAR') {
      case 'ENUM': {
        const values = (type?.enumValues ?? []).map((v) => v.name);
        return r.chance(0.03 * wild) ? 'NOT_A_VALUE' : r.pick(values);
      }
      case 'INPUT_OBJECT': {
        const out: Record<string, unknown> = {};
        for (const f of type?.inputFields ?? []) {
          if (f.type.kind !== 'NON_NULL' && r.chance(0.35)) continue;
          out[f.name] = this.value(f.type, f.name, wild, depth + 1);
        }
        if (r.chance(0.02 * wild)) out.notAField = 'extra';
        return out;
      }
      default:
        return this.scalar(t.name as string, name, wild, depth);
    }
  }

  private wrongType(): unknown {
    return this.rng.pick([12, 'x', true, { a: 1 }, [1, 2], 1.5, -0]);
  }

  private string(name: string, wild: number): string {
    const r = this.rng;
    const lower = name.toLowerCase();
    if (r.chance(0.4 * wild + 0.05)) {
      const roll = r.next();
      if (roll < 0.08) return 'x'.repeat(100_000);
      if (roll < 0.12) return `${r.pick(HTML)} `.repeat(2000);
      if (roll < 0.2)
        return Array.from({ length: r.int(1, 300) }, () => String.fromCodePoint(r.int(1, 0x2ffff))).join('');
      return r.pick(HOSTILE);
    }
    if (lower.includes('tracking')) return r.pick(this.pools.trackingCodes);
    if (lower.includes('email')) return r.pick(this.pools.emails);
    if (lower.endsWith('on') || lower.includes('date') || lower === 'from' || lower === 'to') {
      return `202${r.int(5, 8)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 31)).padStart(2, '0')}`;
    }
    if (lower.includes('code') || lower.includes('slug')) return r.pick(this.pools.codes);
    if (lower.includes('password')) return r.pick(['rahasia-sekali-123', 'short', 'x'.repeat(80)]);
    if (lower === 'nip')
      return `19${r.int(60, 99)}0${r.int(1, 9)}0${r.int(1, 9)}20${r.int(10, 24)}0${r.int(1, 2)}100${r.int(1, 9)}`;
    if (lower.includes('token') || lower.includes('key')) return `lyn_${r.int(0, 1e9).toString(36)}`;
    return r.pick([
      'Jalan rusak di Kubang Sirakuak',
      'Mohon perbaikan lampu jalan segera.',
      `Catatan ${r.int(0, 1e6)}`,
      ...HTML,
    ]);
  }

  private scalar(type: string, name: string, wild: number, depth: number): unknown {
    const r = this.rng;
    switch (type) {
      case 'ID':
        return r.chance(0.7 - 0.5 * wild) && this.pools.ids.length > 0
          ? r.pick(this.pools.ids)
          : this.string(name, 1);
      case 'Int':
        return r.chance(0.5) ? r.pick(INTS) : r.pick(this.pools.ints.length ? this.pools.ints : INTS);
      case 'Float':
        return r.pick(FLOATS);
      case 'Boolean':
        return r.chance(0.5);
      case 'DateTime':
        return r.pick([
          new Date().toISOString(),
          '2026-02-30T00:00:00Z',
          'yesterday',
          '',
          '+275760-09-13T00:00:00.000Z',
        ]);
      case 'JSON':
        return this.json(depth);
      default:
        return this.string(name, wild);
    }
  }

  private json(depth: number): unknown {
    const r = this.rng;
    if (depth > 3) return r.pick([1, 'a', null, true]);
    return r.pick<unknown>([
      { nik: '1373010101900001', kecamatan: 'LEMBAH_SEGAR', luas_bangunan: '120', fungsi: 'HUNIAN' },
      { nik: r.pick(HOSTILE), luas_bangunan: r.pick(INTS), fungsi: r.pick(HOSTILE) },
      JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}'),
      [1, 2, 3],
      'string',
      42,
      null,
      { deep: this.json(depth + 1) },
    ]);
  }
}

function selectionFor(t: TypeRef, types: Map<string, FullType>): string {
  const type = types.get(named(t).name as string);
  if (!type || type.kind === 'SCALAR' || type.kind === 'ENUM') return '';
  const members = type.kind === 'UNION' ? (type.possibleTypes ?? []).map((p) => p.name) : [type.name];
  const failure = members.some((m) => types.get(m)?.kind === 'OBJECT' && m.endsWith('Error'))
    ? ' ... on Failure { code message }'
    : '';
  return `{ __typename${failure} }`;
}

type Finding = { mutation: string; role: string; iteration: number; problem: string; variables: string };

describe.each(testDatabaseKinds())('fuzzing every mutation on %s', (kind) => {
  let h: Harness;
  const roles: { name: string; token?: string }[] = [{ name: 'anonymous' }];
  let types: Map<string, FullType>;
  let mutations: { name: string; args: InputValue[]; type: TypeRef }[];
  const pools: Pools = { ids: [], codes: [], trackingCodes: [], emails: [], ints: [] };

  beforeAll(async () => {
    h = await createHarness(kind);
    for (const [name, email] of [
      ['citizen', 'warga@layanan.test'],
      ['staff', 'yulia@layanan.test'],
      ['supervisor', 'hendra@layanan.test'],
      ['admin', 'admin@layanan.test'],
    ] as const) {
      roles.push({ name, token: await h.login(email) });
    }
    const admin = roles.at(-1)?.token;
    const schema = await h.gql(INTROSPECT, {}, { token: admin });
    const all = schema.body.data.__schema.types as FullType[];
    types = new Map(all.map((t) => [t.name, t]));
    const mutationType = types.get(schema.body.data.__schema.mutationType.name);
    mutations = (mutationType?.fields ?? []).map((f) => ({ name: f.name, args: f.args, type: f.type }));

    // Real IDs and codes from the seed, so generated inputs get past "not found" into the rules.
    const harvest = [
      '{ forums(first: 20) { edges { node { id slug } } } }',
      '{ submissions(first: 50) { edges { node { id commitment { id } } } } }',
      '{ staffMembers(first: 50) { edges { node { id } } } }',
      '{ units(first: 20) { edges { node { id code } } } }',
      '{ services(first: 30) { edges { node { id code } } } }',
      '{ serviceRequests(first: 50) { edges { node { id trackingCode version } } } }',
      '{ holidays(year: 2026) { id } }',
      '{ notifications(first: 10) { edges { node { id } } } }',
    ];
    const collect = (v: unknown, key = ''): void => {
      if (Array.isArray(v)) for (const x of v) collect(x, key);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, k);
      else if (typeof v === 'string' && key === 'id') pools.ids.push(v);
      else if (typeof v === 'string' && key === 'trackingCode') pools.trackingCodes.push(v);
      else if (typeof v === 'string' && (key === 'code' || key === 'slug')) pools.codes.push(v);
      else if (typeof v === 'number' && key === 'version') pools.ints.push(v);
    };
    for (const q of harvest) collect((await h.gql(q, {}, { token: admin })).body.data);
    pools.emails.push(
      'warga@layanan.test',
      'warga2@layanan.test',
      'yulia@layanan.test',
      'hendra@layanan.test',
      'dewi@layanan.test',
    );
    pools.codes.push('PERIZINAN', 'DPMPTSP', 'DISDUKCAPIL', 'PBG', 'KK', 'KTP');
    if (pools.trackingCodes.length === 0) pools.trackingCodes.push('SWL-2026-000001');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('returns HTML sent as text verbatim, as JSON data', async () => {
    const citizen = roles.find((r) => r.name === 'citizen')?.token;
    const html = HTML[0] as string;
    const created = await h.gql(
      `mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) {
        __typename ... on ServiceRequestPayload { request { trackingCode originalText } } } }`,
      {
        input: {
          serviceCode: 'PBG',
          text: html,
          attributes: {
            nik: '1373010101900001',
            kecamatan: 'LEMBAH_SEGAR',
            luas_bangunan: '120',
            fungsi: 'HUNIAN',
          },
        },
      },
      { token: citizen },
    );
    expect(created.headers.get('content-type')).toMatch(/json/);
    const request = created.body.data.submitServiceRequest.request;
    expect(request.originalText).toBe(html);
    const read = await h.gql(
      '{ serviceRequest(trackingCode: $code) { originalText } }'.replace(
        '$code',
        JSON.stringify(request.trackingCode),
      ),
      {},
      { token: citizen },
    );
    expect(read.body.data.serviceRequest.originalText).toBe(html);
  });

  it('finds no 5xx, no masked error and no hang in any mutation, for any role', async () => {
    expect(mutations.length).toBeGreaterThan(10);
    const seed = kind === 'pglite' ? SEED : SEED + 1;
    const randomSeed = kind === 'pglite' ? RANDOM_SEED : RANDOM_SEED + 1;
    const fixedRng = prng(seed);
    const freshRng = prng(randomSeed);
    const fixedGen = new Generator(fixedRng, types, pools);
    const freshGen = new Generator(freshRng, types, pools);
    const fixedCalls = Math.max(CALLS, mutations.length * roles.length);
    const replay = `FUZZ_SEED=${SEED} FUZZ_CALLS=${CALLS} FUZZ_RANDOM_CALLS=${RANDOM_CALLS} FUZZ_RANDOM_SEED=${RANDOM_SEED}`;
    process.stdout.write(
      `fuzz on ${kind}: ${fixedCalls} calls from seed ${seed} then ${RANDOM_CALLS} from random seed ${randomSeed} (replay: ${replay}), ${mutations.length} mutations × ${roles.length} roles\n`,
    );
    const findings: Finding[] = [];
    const calls = new Map<string, number>();
    const outcomes = new Map<string, number>();
    const deadline = Date.now() + SECONDS * 1000;
    let iteration = 0;
    // Every mutation × role once in order first (full coverage), then random picks: from the fixed
    // seed up to fixedCalls, from this run's random seed for RANDOM_CALLS more (or until FUZZ_SECONDS).
    const order = mutations.flatMap((m) => roles.map((role) => ({ m, role })));
    while (iteration < order.length || (Date.now() < deadline && iteration < fixedCalls + RANDOM_CALLS)) {
      const rng = iteration < fixedCalls ? fixedRng : freshRng;
      const gen = iteration < fixedCalls ? fixedGen : freshGen;
      const { m, role } =
        iteration < order.length
          ? (order[iteration] as (typeof order)[0])
          : {
              m: rng.pick(mutations),
              role: rng.pick(roles),
            };
      iteration++;
      // Half the calls close to valid (to get past validation into the rules), half anything goes.
      const wild = rng.chance(0.5) ? 0 : rng.next();
      const variables: Record<string, unknown> = {};
      for (const a of m.args) {
        const v = gen.value(a.type, a.name, wild);
        if (v !== undefined) variables[a.name] = v;
      }
      const signature = m.args.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ');
      const call = m.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const query = `mutation${signature ? `(${signature})` : ''} { ${m.name}${call ? `(${call})` : ''} ${selectionFor(m.type, types)} }`;
      const started = Date.now();
      let problem: string | undefined;
      try {
        const r = await Promise.race([
          h.gql(query, variables, { token: role.token }),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error(`no answer within ${REQUEST_MS} ms`)), REQUEST_MS).unref(),
          ),
        ]);
        const masked = (r.body.errors ?? []).find(
          (e) =>
            e.message === 'Unexpected error.' ||
            e.extensions?.code === 'INTERNAL_SERVER_ERROR' ||
            e.extensions?.code === 'UNEXPECTED_ERROR',
        );
        if (r.status >= 500) problem = `HTTP ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`;
        else if (masked) problem = `masked error: ${JSON.stringify(masked).slice(0, 300)}`;
        else if (
          !r.headers.get('content-type')?.includes('application/json') &&
          !r.headers.get('content-type')?.includes('application/graphql-response+json')
        )
          problem = `content-type ${r.headers.get('content-type')}`;
        const outcome =
          r.body.data?.[m.name]?.__typename ?? r.body.errors?.[0]?.extensions?.code ?? `HTTP ${r.status}`;
        outcomes.set(`${m.name} → ${outcome}`, (outcomes.get(`${m.name} → ${outcome}`) ?? 0) + 1);
      } catch (error) {
        problem = String(error);
      }
      calls.set(m.name, (calls.get(m.name) ?? 0) + 1);
      if (problem) {
        const shown = JSON.stringify(variables, (_k, v) =>
          typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v,
        );
        findings.push({ mutation: m.name, role: role.name, iteration, problem, variables: shown });
      }
      if (Date.now() - started > REQUEST_MS) break;
    }
    const successes = [...outcomes.entries()].filter(([k]) => k.endsWith('Payload')).length;
    process.stdout.write(
      `fuzz on ${kind}: ${iteration} calls, ${calls.size}/${mutations.length} mutations, ${outcomes.size} distinct outcomes (${successes} mutation×payload), ${findings.length} findings\n`,
    );
    if (process.env.FUZZ_VERBOSE)
      for (const [k, n] of [...outcomes].sort()) process.stdout.write(`    ${k}: ${n}\n`);
    for (const f of findings.slice(0, 25)) {
      process.stdout.write(
        `  ✗ #${f.iteration} ${f.mutation} as ${f.role}: ${f.problem}\n      variables ${f.variables}\n`,
      );
    }
    expect(calls.size).toBe(mutations.length);
    expect(
      findings.map((f) => `${f.mutation} as ${f.role}: ${f.problem.slice(0, 200)}`),
      `replay with ${replay}`,
    ).toEqual([]);
  });

  it('stored every HTML the fuzzer sent as text, verbatim', async () => {
    // Whatever the fuzzer stored: every text holding the marker is one of the exact strings sent.
    const columns = await h.db.prisma.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type = 'text'`,
    );
    let found = 0;
    for (const c of columns) {
      const rows = await h.db.prisma.$queryRawUnsafe<{ v: string }[]>(
        `SELECT "${c.column_name}" AS v FROM "${c.table_name}" WHERE "${c.column_name}" LIKE '%${HTML_MARK}%'`,
      );
      for (const { v } of rows) {
        found++;
        // The outbox's HTML body is an output written for mail readers: what was sent is escaped there.
        if (c.table_name === 'mail_message' && c.column_name === 'htmlBody') {
          expect(
            HTML.some((html) => v.includes(html)),
            `${c.table_name}.${c.column_name} carries raw HTML: ${v.slice(0, 120)}`,
          ).toBe(false);
          continue;
        }
        // Stored as sent (possibly trimmed or repeated, or inside a notification title): never escaped or stripped.
        expect(
          HTML.some((html) => v.includes(html)),
          `${c.table_name}.${c.column_name}: ${v.slice(0, 120)}`,
        ).toBe(true);
      }
    }
    process.stdout.write(`fuzz on ${kind}: ${found} stored texts carry HTML, all verbatim\n`);
  });
});
