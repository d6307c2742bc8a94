// Open data (issue 23) on both databases, over the whole demo seed: every download is anonymous,
// carries no personal value of the seed, streams the open requests page by page without losing or
// repeating one, withholds groups smaller than LAYANAN_OPEN_DATA_MIN_COUNT, and writes every CSV
// cell through the one formula-safe writer.

import { testDatabaseKinds } from '@layanan/db/testing';
import { OPEN_DATA_DATASETS } from '@layanan/domain';
import { parse } from 'csv-parse/sync';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createGateway, type Gateway } from '../../app/gateway.js';
import { TEST_ENV } from '../../testing/harness.js';
import { useHarness } from '../../testing/use-harness.js';

type Row = Record<string, string | number | boolean | null>;

const URLS = [
  '/open-data/index.json',
  ...OPEN_DATA_DATASETS.flatMap((d) => [`/open-data/${d.name}.csv`, `/open-data/${d.name}.json`]),
];

async function download(
  gateway: Gateway,
  path: string,
): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await gateway.fetch(`http://layanan.test${path}`);
  return { status: res.status, text: await res.text(), headers: res.headers };
}

async function csvRows(gateway: Gateway, name: string): Promise<Record<string, string>[]> {
  const { status, text } = await download(gateway, `/open-data/${name}.csv`);
  expect(status).toBe(200);
  expect(text.startsWith('\uFEFF')).toBe(true);
  return parse(text.slice(1), { columns: true });
}

async function jsonRows(gateway: Gateway, name: string): Promise<Row[]> {
  const { status, text } = await download(gateway, `/open-data/${name}.json`);
  expect(status).toBe(200);
  return JSON.parse(text).rows;
}

describe.each(testDatabaseKinds())('open data on %s', (kind) => {
  // A page of 7 rows, so the demo's open requests take several queries.
  const { h, t } = useHarness(kind, {
    seed: 'demo',
    env: { LAYANAN_OPEN_DATA_PAGE_SIZE: '7' },
    login: ['warga', 'yulia', 'dewi', 'admin'],
  });
  const gatewayWith = (env: Record<string, string>): Gateway =>
    createGateway({
      db: h.db,
      config: { ...loadConfig({ ...TEST_ENV, ...env }), jwtSecret: h.config.jwtSecret },
      log: pino({ level: 'silent' }),
    });

  it('serves every dataset anonymously, with no personal value of the seed', async () => {
    const p = h.db.prisma;
    const staff = await p.staff.findMany({ select: { nip: true, name: true, birthDate: true } });
    const accounts = await p.account.findMany({ select: { email: true, phone: true, displayName: true } });
    const requests = await p.serviceRequest.findMany({
      select: { id: true, trackingCode: true, originalText: true, attributeValues: true },
    });
    const surveys = await p.surveyResponse.findMany({ select: { respondentCode: true, suggestion: true } });
    const submissions = await p.submission.findMany({ select: { title: true, text: true } });
    const attributeTexts = requests.flatMap((r) =>
      Object.values(r.attributeValues as Record<string, unknown>).filter(
        // List keys (TALAWI) and the seed's dates (the filing day itself) are not personal.
        (v): v is string =>
          typeof v === 'string' && v.length >= 8 && !/^[A-Z_]+$/.test(v) && !/^\d{4}-\d{2}-\d{2}$/.test(v),
      ),
    );
    const secrets = [
      ...staff.flatMap((s) => [
        s.nip,
        s.name,
        ...(s.birthDate ? [s.birthDate.toISOString().slice(0, 10)] : []),
      ]),
      ...accounts.flatMap((a) => [a.email, a.phone, a.displayName]),
      ...requests.flatMap((r) => [r.id, r.trackingCode, r.originalText]),
      ...attributeTexts,
      ...surveys.flatMap((s) => [s.respondentCode, s.suggestion]),
      ...submissions.flatMap((s) => [s.title, s.text]),
    ].filter((v): v is string => typeof v === 'string' && v.length >= 6);
    expect(requests.length).toBeGreaterThan(100);
    expect(attributeTexts.some((v) => v.startsWith('Jl.'))).toBe(true);
    let scanned = 0;
    for (const url of URLS) {
      const { status, text } = await download(h.gateway, url);
      expect(status, url).toBe(200);
      scanned += text.length;
      for (const secret of secrets) expect(text.includes(secret), `${url} shows ${secret}`).toBe(false);
      // No exact time of day, only days and months.
      if (url !== '/open-data/index.json') expect(text, url).not.toMatch(/\d{2}:\d{2}:\d{2}/);
    }
    expect(scanned).toBeGreaterThan(10_000);
  });

  it('streams every request of the open services page by page, none lost or repeated', async () => {
    const p = h.db.prisma;
    const open = await p.service.findMany({ where: { openData: true, published: true } });
    expect(open.map((s) => s.code)).toEqual(['PENGADUAN-JALAN']);
    const stored = await p.serviceRequest.findMany({
      where: { serviceId: { in: open.map((s) => s.id) } },
      select: { submittedAt: true, state: true },
    });
    expect(stored.length).toBeGreaterThan(7 * 3);
    const rows = await csvRows(h.gateway, 'requests');
    expect(rows).toHaveLength(stored.length);
    expect(Object.keys(rows[0] ?? {})).toEqual(
      OPEN_DATA_DATASETS.find((d) => d.name === 'requests')?.columns.map((c) => c.name),
    );
    expect(new Set(rows.map((r) => r.service))).toEqual(new Set(['PENGADUAN-JALAN']));
    const key = (day: string, state: string) => `${day} ${state}`;
    const wibDay = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    expect(rows.map((r) => key(r.day ?? '', r.state ?? '')).sort()).toEqual(
      stored.map((r) => key(wibDay(r.submittedAt), r.state)).sort(),
    );
    for (const r of rows) {
      expect(['', 'BARANGIN', 'LEMBAH_SEGAR', 'SILUNGKANG', 'TALAWI']).toContain(r.kecamatan);
      if (r.state === 'COMPLETED') expect(['true', 'false']).toContain(r.within_standard);
      else expect(r.within_standard).toBe('');
    }
    expect(rows.some((r) => r.kecamatan !== '')).toBe(true);
    // The JSON file holds the same rows, as typed values.
    const json = await jsonRows(h.gateway, 'requests');
    expect(json).toHaveLength(rows.length);
    expect(
      json.filter((r) => r.state === 'COMPLETED').every((r) => typeof r.within_standard === 'boolean'),
    ).toBe(true);
  });

  it('publishes and withdraws a service’s requests when the catalogue editor sets openData', async () => {
    const p = h.db.prisma;
    const other = await p.service.findFirstOrThrow({
      where: { openData: false, published: true, requests: { some: {} } },
      orderBy: { code: 'asc' },
      include: { _count: { select: { requests: true } } },
    });
    const set = async (openData: boolean, token?: string) =>
      h.gql(
        `mutation($input: UpdateServiceInput!) { updateService(input: $input) {
          __typename ... on UpdateServicePayload { service { code openData } } } }`,
        { input: { code: other.code, openData } },
        { token },
      );
    const before = await csvRows(h.gateway, 'requests');
    expect(before.some((r) => r.service === other.code)).toBe(false);
    // Only those who may edit the entry: a citizen is refused.
    expect((await set(true, t.warga)).body.data?.updateService?.__typename).not.toBe('UpdateServicePayload');
    const on = await set(true, t.admin);
    expect(on.body.data.updateService).toEqual({
      __typename: 'UpdateServicePayload',
      service: { code: other.code, openData: true },
    });
    const published = await csvRows(h.gateway, 'requests');
    expect(published.filter((r) => r.service === other.code)).toHaveLength(other._count.requests);
    expect(published).toHaveLength(before.length + other._count.requests);
    const off = await set(false, t.admin);
    expect(off.body.data.updateService.service.openData).toBe(false);
    expect(await csvRows(h.gateway, 'requests')).toHaveLength(before.length);
  });

  it('withholds every figure of a group smaller than the minimum count', async () => {
    const all = gatewayWith({ LAYANAN_OPEN_DATA_MIN_COUNT: '1' });
    const none = gatewayWith({ LAYANAN_OPEN_DATA_MIN_COUNT: '1000' });
    for (const [name, size, figures] of [
      ['survey', 'respondents', ['respondents', 'ikm', 'grade', 'persyaratan_average', 'sarana_average']],
      ['forum-accountability', 'received', ['received', 'answered_on_time', 'commitments_done']],
    ] as const) {
      const full = await jsonRows(all, name);
      const five = await jsonRows(h.gateway, name);
      const hidden = await jsonRows(none, name);
      expect(full.length, name).toBeGreaterThan(0);
      expect(five).toHaveLength(full.length);
      expect(hidden).toHaveLength(full.length);
      expect(full.every((r) => r.suppressed === false)).toBe(true);
      expect(hidden.every((r) => r.suppressed === true && figures.every((f) => r[f] === null))).toBe(true);
      full.forEach((r, i) => {
        const shown = five[i] as Row;
        const small = Number(r[size]) < 5;
        expect(shown.suppressed, `${name} ${JSON.stringify(r)}`).toBe(small);
        for (const f of figures) expect(shown[f]).toEqual(small ? null : r[f]);
        expect(shown.month).toBe(r.month);
        expect(shown.unit).toBe(r.unit);
      });
      if (name === 'survey') expect(five.some((r) => r.suppressed === false)).toBe(true);
    }
    // The threshold is documented in the index.
    const index = JSON.parse((await download(h.gateway, '/open-data/index.json')).text);
    expect(index.minCount).toBe(5);
    expect(index.licence.name).toBe('CC BY 4.0');
  });

  it('withholds the same small groups in the public IKM queries, but not from the unit’s own staff', async () => {
    const survey = await jsonRows(gatewayWith({ LAYANAN_OPEN_DATA_MIN_COUNT: '1' }), 'survey');
    const unitCode = 'DISDUKCAPIL';
    const months = survey.filter((r) => r.scope === 'UNIT' && r.unit === unitCode);
    const year = Number(String(months[0]?.month).slice(0, 4));
    expect(months.some((r) => Number(r.respondents) < 5)).toBe(true);
    expect(months.some((r) => Number(r.respondents) >= 5)).toBe(true);
    const doc = `query($unit: String!, $year: Int!) { ikmTrend(unitCode: $unit, year: $year, kind: MONTH) {
      ... on IkmTrendPayload { data { from respondents suppressed scoreDisplay grade weakestElements
        elements { total average weighted } online { respondents scoreDisplay } } } } }`;
    type Month = {
      from: string;
      respondents: number;
      suppressed: boolean;
      scoreDisplay: string | null;
      grade: string | null;
      weakestElements: string[];
      elements: { total: number | null; average: number | null; weighted: number | null }[];
      online: { respondents: number; scoreDisplay: string | null };
    };
    const trend = async (token?: string): Promise<Month[]> =>
      (await h.gql(doc, { unit: unitCode, year }, { token })).body.data.ikmTrend.data;
    // Anonymous, a citizen and staff of another unit: withheld exactly where the dataset is.
    for (const token of [undefined, t.warga, t.yulia]) {
      const shown = await trend(token);
      for (const row of months) {
        const m = shown.find((x) => x.from.slice(0, 7) === row.month) as Month;
        const small = m.respondents < 5;
        expect(m.respondents).toBe(row.respondents);
        expect(m.suppressed, `${row.month}`).toBe(small);
        expect(m.scoreDisplay === null).toBe(small);
        expect(m.elements.every((e) => e.total === null && e.average === null) || !small).toBe(true);
        if (small) expect(m.weakestElements).toEqual([]);
        if (m.online.respondents < 5) expect(m.online.scoreDisplay).toBeNull();
      }
    }
    // The unit's own staff read every figure, as in the SKM report.
    const own = await trend(t.dewi);
    expect(own.every((m) => !m.suppressed)).toBe(true);
    for (const row of months) {
      const m = own.find((x) => x.from.slice(0, 7) === row.month) as Month;
      expect(Number(m.scoreDisplay)).toBe(row.ikm);
    }
    // `ikm` applies the same rule as `ikmTrend`.
    const small = months.find((r) => Number(r.respondents) < 5) as Row;
    const [y, mo] = String(small.month).split('-').map(Number);
    const one = await h.gql(
      `query($unit: String!, $p: SkmPeriodInput!) { ikm(unitCode: $unit, period: $p) {
        ... on IkmPayload { data { suppressed score grade } } } }`,
      { unit: unitCode, p: { kind: 'MONTH', year: y, number: mo } },
    );
    expect(one.body.data.ikm.data).toEqual({ suppressed: true, score: null, grade: null });
  });

  it('publishes the catalogue with its standards, every cell formula-safe', async () => {
    const p = h.db.prisma;
    const rows = await csvRows(h.gateway, 'services');
    expect(rows.length).toBe(await p.service.count({ where: { published: true } }));
    const road = rows.find((r) => r.service === 'PENGADUAN-JALAN');
    expect(road).toMatchObject({ open_data: 'true', completion_working_days: '5', unit: 'DPUPR' });
    expect(rows.find((r) => r.service === 'PBG')?.open_data).toBe('false');
    await p.service.update({ where: { code: 'KK' }, data: { name: '=HYPERLINK("http://x","y")' } });
    await p.serviceVersion.updateMany({
      where: { service: { code: 'KK' } },
      data: { nameId: '=HYPERLINK("http://x","y")' },
    });
    const after = await csvRows(h.gateway, 'services');
    expect(after.find((r) => r.service === 'KK')?.name).toBe(`'=HYPERLINK("http://x","y")`);
  });

  it('answers 404 for an unknown dataset and 405 for anything but GET', async () => {
    expect((await download(h.gateway, '/open-data/people.csv')).status).toBe(404);
    expect((await download(h.gateway, '/open-data/requests.xml')).status).toBe(404);
    const post = await h.gateway.fetch('http://layanan.test/open-data/requests.csv', { method: 'POST' });
    expect(post.status).toBe(405);
    const { headers } = await download(h.gateway, '/open-data/survey.csv');
    expect(headers.get('content-type')).toContain('text/csv');
    expect(headers.get('link')).toContain('creativecommons.org/licenses/by/4.0');
  });
});
