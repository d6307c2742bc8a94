// What counts as "the same complaint" before filing is configuration (issue 20 item 5):
// LAYANAN_SIMILAR_RADIUS_METRES and LAYANAN_SIMILAR_TEXT_THRESHOLD, checked at start-up against
// the domain's ranges; similarComplaints applies the configured values with the domain's rule.
import { testDatabaseKinds } from '@layanan/db/testing';
import { DEFAULT_SIMILAR_COMPLAINT_SETTINGS } from '@layanan/domain/services';
import { describe, expect, it } from 'vitest';
import { complaintPolicy } from '../../app/config.js';
import { permitComplaintService, ROAD_COMPLAINT, submittedRequest } from '../../testing/requests.js';
import { useHarness } from '../../testing/use-harness.js';

const SERVICE = 'PENGADUAN-PERIZINAN';
const HERE = { latitude: -0.6825, longitude: 100.7786 };
// About 55 m north.
const NEAR = { latitude: -0.682, longitude: 100.7786 };
const TEXT = 'Reklame roboh menutup trotoar di depan Balai Kota Sawahlunto, membahayakan pejalan kaki.';
const SIMILAR = `query($s: String!, $d: String, $lat: Float, $long: Float) {
  similarComplaints(serviceCode: $s, description: $d, latitude: $lat, longitude: $long) { trackingCode match }
}`;

describe('similar complaint settings', () => {
  it('default to the domain’s values and read LAYANAN_SIMILAR_* within their ranges', () => {
    expect(complaintPolicy({}).similar).toEqual(DEFAULT_SIMILAR_COMPLAINT_SETTINGS);
    expect(
      complaintPolicy({ LAYANAN_SIMILAR_RADIUS_METRES: '300', LAYANAN_SIMILAR_TEXT_THRESHOLD: '0.5' })
        .similar,
    ).toEqual({ ...DEFAULT_SIMILAR_COMPLAINT_SETTINGS, radiusMetres: 300, textThreshold: 0.5 });
    for (const [name, value] of [
      ['LAYANAN_SIMILAR_RADIUS_METRES', '5'],
      ['LAYANAN_SIMILAR_RADIUS_METRES', '5001'],
      ['LAYANAN_SIMILAR_RADIUS_METRES', '150.5'],
      ['LAYANAN_SIMILAR_RADIUS_METRES', 'dekat'],
      ['LAYANAN_SIMILAR_TEXT_THRESHOLD', '0'],
      ['LAYANAN_SIMILAR_TEXT_THRESHOLD', '1.5'],
      ['LAYANAN_SIMILAR_TEXT_THRESHOLD', '0,5'],
    ] as const) {
      expect(() => complaintPolicy({ [name]: value }), `${name}=${value}`).toThrow(new RegExp(name));
    }
  });
});

describe.each(testDatabaseKinds())('configured similar complaints on %s', (kind) => {
  const { h, t } = useHarness(kind, {
    login: ['warga'],
    env: { LAYANAN_SIMILAR_RADIUS_METRES: '30', LAYANAN_SIMILAR_TEXT_THRESHOLD: '0.95' },
  });

  it('uses the configured radius and threshold instead of the defaults', async () => {
    await permitComplaintService(h);
    const filed = await submittedRequest(
      h,
      { ...ROAD_COMPLAINT, serviceCode: SERVICE, text: TEXT, idempotencyKey: 'cfg-1', ...HERE },
      t.warga,
    );
    // 55 m is beyond 30 m; a text alike by the default 0.35 is not alike by 0.95.
    const near = await h.gql(SIMILAR, { s: SERVICE, lat: NEAR.latitude, long: NEAR.longitude });
    expect(near.body.data.similarComplaints).toEqual([]);
    const alike = await h.gql(SIMILAR, {
      s: SERVICE,
      d: 'reklame roboh di depan balai kota menutup trotoar',
    });
    expect(alike.body.data.similarComplaints).toEqual([]);
    // Within 30 m and with the very same text: found on both.
    const same = await h.gql(SIMILAR, { s: SERVICE, d: TEXT, lat: HERE.latitude, long: HERE.longitude });
    expect(same.body.data.similarComplaints).toEqual([{ trackingCode: filed.trackingCode, match: 'BOTH' }]);
  });
});
