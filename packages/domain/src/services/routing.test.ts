import { describe, expect, it } from 'vitest';
import { pickAssignee } from './routing.js';

const staff = [
  { staffId: 's3', competencies: [{ competency: 'OSS', level: 3 }], openRequests: 2 },
  { staffId: 's1', competencies: [{ competency: 'OSS', level: 2 }], openRequests: 0 },
  { staffId: 's2', competencies: [{ competency: 'OSS', level: 4 }], openRequests: 2 },
  { staffId: 's4', competencies: [{ competency: 'OSS', level: 5 }], openRequests: 1, available: false },
  { staffId: 's5', competencies: [{ competency: 'SIAK', level: 3 }], openRequests: 0 },
];

describe('pickAssignee', () => {
  it('picks the least busy competent staff member, ties by id', () => {
    expect(pickAssignee(staff, { competency: 'OSS', level: 3 })).toEqual({
      ok: true,
      value: { staffId: 's2', openRequests: 2 },
    });
    expect(pickAssignee(staff, { competency: 'OSS', level: 2 })).toEqual({
      ok: true,
      value: { staffId: 's1', openRequests: 0 },
    });
  });

  it('skips unavailable staff and works without a requirement', () => {
    expect(pickAssignee(staff, { competency: 'OSS', level: 5 }).ok).toBe(false);
    const any = pickAssignee(staff);
    expect(any.ok && any.value.staffId).toBe('s1');
  });

  it('returns a typed error when nobody qualifies', () => {
    const r = pickAssignee(staff, { competency: 'GIS', level: 1 });
    expect(r.ok ? null : r.error.code).toBe('REQUEST_NO_COMPETENT_STAFF');
    expect(pickAssignee([]).ok).toBe(false);
  });
});
