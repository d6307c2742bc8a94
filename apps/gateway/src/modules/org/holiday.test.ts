import { testDatabaseKinds } from '@layanan/db/testing';
import { addWorkingDays, jakartaDay } from '@layanan/domain/calendar';
import { describe, expect, it } from 'vitest';
import { loadWorkingCalendar } from '../../platform/calendar.js';
import { useHarness } from '../../testing/use-harness.js';

const ADD = `mutation($input: AddHolidayInput!) { addHoliday(input: $input) {
  __typename
  ... on HolidayPayload { holiday { id date name kind provisional } }
  ... on ValidationError { code messageId messageEn fields { field code } }
  ... on ConflictError { code messageId messageEn }
} }`;

describe.each(testDatabaseKinds())('holidays on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['admin'] });

  it('lists the seeded official 2026 calendar and the provisional 2027 national holidays', async () => {
    const { body } = await h.gql(
      '{ y26: holidays(year: 2026) { date kind provisional } y27: holidays(year: 2027) { date kind provisional } }',
    );
    expect(body.data.y26).toHaveLength(25);
    expect(body.data.y26.filter((x: any) => x.kind === 'CUTI_BERSAMA')).toHaveLength(8);
    expect(body.data.y26.every((x: any) => !x.provisional)).toBe(true);
    expect(body.data.y27.length).toBeGreaterThan(10);
    expect(body.data.y27.every((x: any) => x.provisional && x.kind === 'NATIONAL')).toBe(true);
  });

  it('lets an admin add, confirm and remove holidays, audited; refuses others and bad input', async () => {
    const citizen = await h.login('warga@layanan.test');
    const denied = await h.gql(
      ADD,
      { input: { date: '2027-02-05', name: 'Cuti bersama Imlek', kind: 'CUTI_BERSAMA' } },
      { token: citizen },
    );
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // date is a Day: 30 February is refused before the mutation runs, naming the input field, in
    // both languages (it was a ValidationError field when date was a String).
    const notADay = await h.gql(
      ADD,
      { input: { date: '2027-02-30', name: 'Libur', kind: 'LOCAL' } },
      { token: t.admin },
    );
    expect(notADay.body.data).toBeUndefined();
    expect(notADay.body.errors?.[0]?.extensions?.code).toBe('DAY_NOT_A_DATE');
    expect(notADay.body.errors?.[0]?.message).toMatch(
      /date.*tidak ada di kalender.* \/ The date does not exist/,
    );
    const bad = await h.gql(
      ADD,
      { input: { date: '2027-02-04', name: ' ', kind: 'LOCAL' } },
      { token: t.admin },
    );
    expect(bad.body.data.addHoliday.__typename).toBe('ValidationError');
    expect(bad.body.data.addHoliday.fields).toEqual([{ field: 'name', code: 'REQUIRED' }]);
    expect(bad.body.data.addHoliday.messageId).toMatch(/tidak valid/);

    const added = await h.gql(
      ADD,
      { input: { date: '2027-02-05', name: 'Cuti bersama Imlek', kind: 'CUTI_BERSAMA' } },
      { token: t.admin },
    );
    expect(added.body.data.addHoliday.holiday).toMatchObject({
      date: '2027-02-05',
      kind: 'CUTI_BERSAMA',
      provisional: false,
    });

    const again = await h.gql(
      ADD,
      { input: { date: '2027-02-05', name: 'Lagi', kind: 'CUTI_BERSAMA' } },
      { token: t.admin },
    );
    expect(again.body.data.addHoliday).toMatchObject({
      __typename: 'ConflictError',
      code: 'HOLIDAY_DUPLICATE',
    });

    const list = await h.gql('{ holidays(year: 2027) { id date provisional } }');
    const provisional = list.body.data.holidays.find((x: any) => x.date === '2027-08-17');
    const confirmed = await h.gql(
      'mutation($id: ID!) { confirmHoliday(id: $id) { __typename ... on HolidayPayload { holiday { provisional } } } }',
      { id: provisional.id },
      { token: t.admin },
    );
    expect(confirmed.body.data.confirmHoliday.holiday.provisional).toBe(false);

    const removed = await h.gql(
      'mutation($id: ID!) { removeHoliday(id: $id) { __typename ... on RemoveHolidayPayload { date } } }',
      { id: added.body.data.addHoliday.holiday.id },
      { token: t.admin },
    );
    expect(removed.body.data.removeHoliday.date).toBe('2027-02-05');
    const missing = await h.gql(
      'mutation($id: ID!) { removeHoliday(id: $id) { __typename ... on NotFoundError { code messageEn } } }',
      { id: 'not-a-uuid' },
      { token: t.admin },
    );
    expect(missing.body.data.removeHoliday.__typename).toBe('NotFoundError');

    const audit = await h.db.prisma.auditEntry.findMany({
      where: { entityType: 'Holiday' },
      orderBy: { createdAt: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['addHoliday', 'confirmHoliday', 'removeHoliday']);
  });

  it('keeps deadlines computed before a holiday was added; new requests use the new calendar', async () => {
    const citizen = await h.login('warga@layanan.test');
    const SUBMIT = `mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) {
      ... on ServiceRequestPayload { request { trackingCode verificationDueOn } } } }`;
    const input = {
      serviceCode: 'KTP-EL',
      text: 'KTP saya rusak',
      attributes: { nik: '1373010101900001', alasan: 'RUSAK' },
    };
    const before = (await h.gql(SUBMIT, { input }, { token: citizen })).body.data.submitServiceRequest
      .request;
    // The next working day after today falls inside the 3-working-day verification window.
    const calendar = await loadWorkingCalendar(h.db.prisma);
    const nextWorkingDay = addWorkingDays(jakartaDay(new Date()), 1, calendar);
    const added = await h.gql(
      ADD,
      { input: { date: nextWorkingDay, name: 'Hari jadi kota (uji)', kind: 'LOCAL' } },
      { token: t.admin },
    );
    expect(added.body.data.addHoliday.__typename).toBe('HolidayPayload');

    const after = (await h.gql(SUBMIT, { input }, { token: citizen })).body.data.submitServiceRequest.request;
    expect(after.verificationDueOn).toBe(
      addWorkingDays(before.verificationDueOn, 1, await loadWorkingCalendar(h.db.prisma)),
    );
    expect(after.verificationDueOn > before.verificationDueOn).toBe(true);
    const again = await h.gql(
      'query($c: String!) { serviceRequest(trackingCode: $c) { verificationDueOn } }',
      { c: before.trackingCode },
      { token: citizen },
    );
    expect(again.body.data.serviceRequest.verificationDueOn).toBe(before.verificationDueOn);
  });
});
