// Public reports over Open311 (issue 17 item 6). FixMyStreet's import (GetServiceRequests.pm in
// mysociety/fixmystreet, read, not copied) asks `requests.xml?start_date&end_date` without a key
// and skips a request without `lat`/`long`; it takes `description` as the report's text. A
// request of a public-report service (the seed's road, drainage and street-light complaints)
// shows the description staff published — personal data taken out — and its location to
// everyone; before that, and for every personal service, nothing of either.
import { randomUUID } from 'node:crypto';
import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import { fixMyStreetKeys, fixMyStreetRoadReport } from '../../../testing/fixmystreet-client.js';
import { readOpen311Xml } from '../../../testing/open311-xml.js';
import { permitComplaintService } from '../../../testing/requests.js';
import { useHarness } from '../../../testing/use-harness.js';

const PUBLISH = `mutation($input: PublishServiceRequestDescriptionInput!) { publishServiceRequestDescription(input: $input) {
  __typename
  ... on ServiceRequestPayload { request { version publicDescription publicDescriptionAt originalText } }
  ... on ValidationError { code fields { field code } }
  ... on Failure { code } } }`;
const UPDATE_SERVICE = `mutation($input: UpdateServiceInput!) { updateService(input: $input) {
  __typename ... on UpdateServicePayload { service { code publicReport } } } }`;

/** What the FixMyStreet user typed: the kind of text staff redact before publishing. */
const REPORTED = 'Lubang besar di depan pasar, motor saya jatuh. Saya Rudi, hubungi 0812-3456-7890.';

describe.each(testDatabaseKinds())('Open311 public reports on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['admin', 'yulia', 'warga'] });
  const apiKey = fixMyStreetKeys(h, t);
  const get = (path: string) => h.gateway.fetch(`http://layanan.test/open311/v2/${path}`);
  async function filed(serviceCode: string): Promise<string> {
    await permitComplaintService(h);
    const res = await h.gateway.fetch('http://layanan.test/open311/v2/requests.xml', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: fixMyStreetRoadReport(
        await apiKey(),
        [
          ['first_name', 'Rudi'],
          ['last_name', 'Hartono'],
          ['email', `fms-${randomUUID()}@contoh.test`],
        ],
        {
          description: REPORTED,
          serviceCode,
          extra: [['address_string', 'Jl. Soekarno-Hatta, Lembah Segar']],
        },
      ).toString(),
    });
    expect(res.status).toBe(201);
    return readOpen311Xml(await res.text()).value.request[0].service_request_id;
  }
  const publicView = async (code: string) =>
    ((await (await get(`requests.json?service_request_id=${code}`)).json()) as Record<string, unknown>[])[0];
  const publish = (code: string, text: string | null, version: number, token = t.admin) =>
    h.gql(PUBLISH, { input: { trackingCode: code, text, expectedVersion: version } }, { token });

  it('shows a public report’s published description and location to everyone, never before', async () => {
    const code = await filed('PENGADUAN-JALAN');
    // Filed, not yet checked by staff: nothing of the text or the place.
    expect(await publicView(code)).toMatchObject({ description: null, lat: null, long: null, address: null });

    // A text that still holds the phone number is refused; other units' staff may not publish.
    const withPhone = await publish(code, REPORTED, 1);
    expect(withPhone.body.data.publishServiceRequestDescription).toMatchObject({
      __typename: 'ValidationError',
      fields: [{ field: 'publicDescription', code: 'INVALID_FORMAT' }],
    });
    const otherUnit = await publish(code, 'Lubang besar di depan pasar.', 1, t.yulia);
    expect(otherUnit.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const redacted = 'Lubang besar di depan pasar; pengendara motor sudah ada yang jatuh.';
    const done = await publish(code, redacted, 1);
    expect(done.body.data.publishServiceRequestDescription.request).toMatchObject({
      publicDescription: redacted,
      // The reporter's own words stay for staff.
      originalText: REPORTED,
    });

    const view = await publicView(code);
    expect(view).toMatchObject({
      description: redacted,
      lat: -0.68112,
      long: 100.777215,
      address: 'Jl. Soekarno-Hatta, Lembah Segar',
    });
    const body = JSON.stringify(view);
    for (const personal of ['Rudi', 'Hartono', '0812', '@contoh.test']) expect(body).not.toContain(personal);

    // As FixMyStreet's import reads the list in XML: an id, a place and the text.
    const xml = readOpen311Xml(await (await get(`requests.xml?service_request_id=${code}`)).text());
    expect(xml.value.request[0]).toMatchObject({
      service_request_id: code,
      lat: '-0.68112',
      long: '100.777215',
      description: redacted,
    });

    // The catalogue setting off again: private as before.
    const off = await h.gql(
      UPDATE_SERVICE,
      { input: { code: 'PENGADUAN-JALAN', publicReport: false } },
      { token: t.admin },
    );
    expect(off.body.data.updateService.service.publicReport).toBe(false);
    expect(await publicView(code)).toMatchObject({ description: null, lat: null });
    await h.gql(
      UPDATE_SERVICE,
      { input: { code: 'PENGADUAN-JALAN', publicReport: true } },
      { token: t.admin },
    );

    // Withdrawn by staff: private again.
    const version = (await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode: code } }))
      .version;
    const withdrawn = await publish(code, '', version);
    expect(withdrawn.body.data.publishServiceRequestDescription.request.publicDescription).toBeNull();
    expect(await publicView(code)).toMatchObject({ description: null, lat: null });
  });

  it('never publishes a request of a service that is not a public report', async () => {
    const code = await filed('PENGADUAN-PERIZINAN');
    const refused = await publish(code, 'Keluhan tentang izin.', 1);
    expect(refused.body.data.publishServiceRequestDescription).toMatchObject({
      __typename: 'ValidationError',
      fields: [{ field: 'publicDescription', code: 'NOT_ALLOWED' }],
    });
    expect(await publicView(code)).toMatchObject({ description: null, lat: null, long: null });
  });
});
