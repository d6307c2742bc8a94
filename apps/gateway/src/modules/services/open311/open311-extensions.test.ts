// Open311 GeoReport v2 extensions (issue 20): with `extensions=true` each request carries
// `extended_attributes` — reopen count, the reporter's answer window, the final closing, the
// escalation level and the priority — in JSON and XML; without it the spec's fields only. The
// servicerequestupdates extension carries each update's event and the request's escalation level
// and priority the same way; the priority's reason is never published.
import { testDatabaseKinds } from '@layanan/db/testing';
import { jakartaDay } from '@layanan/domain/calendar';
import { reporterResponseWindowEnd } from '@layanan/domain/services';
import { describe, expect, it } from 'vitest';
import { convert } from 'xmlbuilder2';
import { loadWorkingCalendar } from '../../../platform/calendar.js';
import { ROAD_COMPLAINT, submittedRequest } from '../../../testing/requests.js';
import { useHarness } from '../../../testing/use-harness.js';

describe.each(testDatabaseKinds())('Open311 extended_attributes on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga'] });
  const call = (path: string) => h.gateway.fetch(`http://layanan.test/open311/v2/${path}`);

  it('shows reopen count, answer window, escalation level and priority with extensions=true', async () => {
    const code = (await submittedRequest(h, { ...ROAD_COMPLAINT, idempotencyKey: 'o311-ext' }, t.warga))
      .trackingCode;
    const json = async (path: string) => ((await (await call(path)).json()) as Record<string, unknown>[])[0];

    // Open, never escalated: the defaults.
    expect(await json(`requests/${code}.json?extensions=true`)).toMatchObject({
      service_request_id: code,
      extended_attributes: {
        reopen_count: 0,
        answer_window_ends: null,
        final_closed_datetime: null,
        escalation_level: null,
        priority: 'normal',
      },
    });

    // Completed after one contest, at the head of the agency, urgent.
    const completedAt = new Date();
    await h.db.prisma.serviceRequest.update({
      where: { trackingCode: code },
      data: {
        state: 'COMPLETED',
        completedAt,
        closedAt: completedAt,
        reopenCount: 1,
        escalationLevel: 'AGENCY_HEAD',
        escalationLevelAt: completedAt,
        priority: 'URGENT',
        priorityReason: 'Alasan internal yang tidak boleh terbit.',
      },
    });
    const windowEnds = reporterResponseWindowEnd(
      jakartaDay(completedAt),
      await loadWorkingCalendar(h.db.prisma),
      h.config.complaints.answerWorkingDays,
    );
    const expected = {
      reopen_count: 1,
      answer_window_ends: windowEnds,
      final_closed_datetime: null,
      escalation_level: 'agency_head',
      priority: 'urgent',
      duplicate_of: null,
      // Completed: FixMyStreet's "fixed" (the domain's open311ExtendedStatus).
      extended_status: 'fixed',
    };
    expect((await json(`requests/${code}.json?extensions=true`))?.extended_attributes).toEqual(expected);
    const listed = await json(`requests.json?service_request_id=${code}&extensions=true`);
    expect(listed?.extended_attributes).toEqual(expected);
    // The priority's reason is internal.
    expect(await (await call(`requests/${code}.json?extensions=true`)).text()).not.toContain(
      'Alasan internal',
    );

    // XML: the same values as child elements of <extended_attributes>.
    const xml = await (await call(`requests/${code}.xml?extensions=true`)).text();
    const doc = convert(xml, { format: 'object' }) as {
      service_requests: { request: { extended_attributes: Record<string, string> } };
    };
    expect(doc.service_requests.request.extended_attributes).toMatchObject({
      reopen_count: '1',
      answer_window_ends: windowEnds,
      escalation_level: 'agency_head',
      priority: 'urgent',
    });

    // Finally closed: no window; the closing time in WIB.
    await h.db.prisma.serviceRequest.update({
      where: { trackingCode: code },
      data: { finalClosedAt: new Date('2026-11-30T03:00:00Z') },
    });
    expect((await json(`requests/${code}.json?extensions=true`))?.extended_attributes).toMatchObject({
      answer_window_ends: null,
      final_closed_datetime: '2026-11-30T10:00:00+07:00',
    });

    // Without the parameter: the spec's fields only, in JSON and XML.
    expect(await json(`requests/${code}.json`)).not.toHaveProperty('extended_attributes');
    expect(await (await call(`requests/${code}.xml`)).text()).not.toContain('extended_attributes');
  });

  it('gives each servicerequestupdates entry its event, the escalation level and the priority with extensions=true', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const code = (await submittedRequest(h, { ...ROAD_COMPLAINT, idempotencyKey: 'o311-upd-ext' }, t.warga))
      .trackingCode;
    const updatesOf = async (query: string) => {
      const all = (await (
        await call(`servicerequestupdates.json?start_date=${encodeURIComponent(since)}${query}`)
      ).json()) as { service_request_id: string; extended_attributes?: Record<string, unknown> }[];
      return all.filter((u) => u.service_request_id === code);
    };
    const filed = await updatesOf('&extensions=true');
    expect(filed).toHaveLength(1);
    expect(filed[0]?.extended_attributes).toEqual({
      event: expect.stringMatching(/^[a-z_]+$/),
      escalation_level: null,
      priority: 'normal',
    });

    // Escalated to the city's complaint coordinator, urgent for an internal reason.
    await h.db.prisma.serviceRequest.update({
      where: { trackingCode: code },
      data: {
        escalationLevel: 'COORDINATOR',
        escalationLevelAt: new Date(),
        priority: 'URGENT',
        priorityReason: 'Pelapor lansia, alasan internal yang tidak boleh terbit.',
      },
    });
    const now = await updatesOf('&extensions=true');
    expect(now[0]?.extended_attributes).toMatchObject({
      escalation_level: 'coordinator',
      priority: 'urgent',
    });
    const xml = await (
      await call(`servicerequestupdates.xml?start_date=${encodeURIComponent(since)}&extensions=true`)
    ).text();
    expect(xml).toContain('<priority>urgent</priority>');
    expect(xml).toContain('<escalation_level>coordinator</escalation_level>');
    for (const q of ['&extensions=true', '']) {
      const text = await (
        await call(`servicerequestupdates.json?start_date=${encodeURIComponent(since)}${q}`)
      ).text();
      expect(text).not.toContain('alasan internal');
    }
    // Without the parameter: the extension's fields only.
    expect((await updatesOf(''))[0]).not.toHaveProperty('extended_attributes');
  });
});
