// The working calendar says where its data ends (issue 16, kind 11): holidays show whether they
// are provisional and carry names that match their Hijri dates, and a deadline in a year whose
// holidays are not loaded is refused with CALENDAR_YEAR_UNKNOWN instead of counted as working days.
import { testDatabaseKinds } from '@layanan/db/testing';
import { jakartaYear } from '@layanan/domain/calendar';
import { describe, expect, it } from 'vitest';
import { PBG_REQUEST, submitRequest } from '../testing/requests.js';
import { useHarness } from '../testing/use-harness.js';

describe.each(testDatabaseKinds())('working calendar coverage on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga'] });

  it('serves 2027 as provisional, with 5 January named Isra Mikraj and Maulid once', async () => {
    const { body } = await h.gql(
      '{ y2027: holidays(year: 2027) { date name provisional } y2026: holidays(year: 2026) { provisional } }',
    );
    expect(body.errors).toBeUndefined();
    const y2027 = body.data.y2027 as { date: string; name: string; provisional: boolean }[];
    expect(y2027.every((d) => d.provisional)).toBe(true);
    expect(body.data.y2026.every((d: { provisional: boolean }) => !d.provisional)).toBe(true);
    expect(y2027.find((d) => d.date === '2027-01-05')?.name).toBe('Isra Mikraj Nabi Muhammad SAW');
    expect(y2027.filter((d) => /maulid/i.test(d.name)).map((d) => d.date)).toEqual(['2027-08-14']);
  });

  it('refuses to compute a deadline in a year whose holidays are not loaded', async () => {
    const year = jakartaYear(new Date());
    const before = await submitRequest(h, PBG_REQUEST, t.warga);
    expect(before.body.data.submitServiceRequest.__typename).toBe('ServiceRequestPayload');

    await h.db.prisma.holiday.deleteMany({
      where: { date: { gte: new Date(`${year}-01-01T00:00:00Z`), lte: new Date(`${year}-12-31T00:00:00Z`) } },
    });
    const refused = await submitRequest(h, { ...PBG_REQUEST, text: `${PBG_REQUEST.text} (kedua)` }, t.warga);
    expect(refused.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('belum tercatat'),
      extensions: {
        code: 'CALENDAR_YEAR_UNKNOWN',
        year,
        messageEn: expect.stringContaining('not in the working calendar'),
      },
    });
    expect(await h.db.prisma.serviceRequest.count({ where: { originalText: { endsWith: '(kedua)' } } })).toBe(
      0,
    );
  });
});
