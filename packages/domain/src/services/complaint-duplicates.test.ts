import { describe, expect, it } from 'vitest';
import {
  FOLLOWED_CHANGE_LABELS,
  followerNotice,
  mergedNotice,
  notificationContent,
} from '../notifications/index.js';
import {
  checkCoordinates,
  checkDuplicateReason,
  checkFollow,
  DEFAULT_SIMILAR_COMPLAINT_SETTINGS,
  duplicateTrailNote,
  haversineMetres,
  rankSimilarComplaints,
  shownDistanceMetres,
  similarMatch,
  similarSettingAllowed,
} from './complaint-duplicates.js';
import { isOpen, open311Status, requestTransition } from './service-request.js';

describe('coordinates', () => {
  it('takes both or neither, in range', () => {
    expect(checkCoordinates(null, undefined)).toEqual({ ok: true, value: null });
    expect(checkCoordinates(-0.68, 100.78)).toEqual({
      ok: true,
      value: { latitude: -0.68, longitude: 100.78 },
    });
    expect(checkCoordinates(90, -180)).toMatchObject({ ok: true });
    expect(checkCoordinates(-0.68, null)).toMatchObject({ error: { code: 'COORDINATES_INCOMPLETE' } });
    expect(checkCoordinates(undefined, 100)).toMatchObject({ error: { code: 'COORDINATES_INCOMPLETE' } });
    expect(checkCoordinates(90.01, 0)).toMatchObject({ error: { code: 'COORDINATES_OUT_OF_RANGE' } });
    expect(checkCoordinates(0, -180.5)).toMatchObject({ error: { code: 'COORDINATES_OUT_OF_RANGE' } });
    expect(checkCoordinates(Number.NaN, 0)).toMatchObject({ error: { code: 'COORDINATES_OUT_OF_RANGE' } });
  });
});

describe('haversineMetres', () => {
  it('measures great-circle metres', () => {
    const a = { latitude: -0.6833, longitude: 100.7833 };
    expect(haversineMetres(a, a)).toBe(0);
    // 0.001° of latitude is about 111 m anywhere.
    expect(haversineMetres(a, { ...a, latitude: a.latitude + 0.001 })).toBeCloseTo(111.2, 0);
    // Sawahlunto to Padang: about 57 km as the crow flies.
    const padang = { latitude: -0.95, longitude: 100.35 };
    expect(haversineMetres(a, padang) / 1000).toBeGreaterThan(50);
    expect(haversineMetres(a, padang) / 1000).toBeLessThan(60);
  });

  it('rounds a shown distance to 10 m, at least 10', () => {
    expect(shownDistanceMetres(0)).toBe(10);
    expect(shownDistanceMetres(44)).toBe(40);
    expect(shownDistanceMetres(146)).toBe(150);
  });
});

describe('similar complaints', () => {
  const s = DEFAULT_SIMILAR_COMPLAINT_SETTINGS;

  it('matches near the place or alike in text', () => {
    expect(similarMatch({ distanceMetres: 20, similarity: 0.9 }, s)).toBe('BOTH');
    expect(similarMatch({ distanceMetres: s.radiusMetres, similarity: null }, s)).toBe('NEARBY');
    expect(similarMatch({ distanceMetres: null, similarity: s.textThreshold }, s)).toBe('TEXT');
    expect(similarMatch({ distanceMetres: s.radiusMetres + 1, similarity: 0.1 }, s)).toBeNull();
    expect(similarMatch({ distanceMetres: null, similarity: null }, s)).toBeNull();
  });

  it('ranks both first, then by similarity, then by distance, and keeps the limit', () => {
    const ranked = rankSimilarComplaints(
      [
        { id: 'far', distanceMetres: 5000, similarity: 0.1 },
        { id: 'text', distanceMetres: null, similarity: 0.8 },
        { id: 'near', distanceMetres: 30, similarity: 0.1 },
        { id: 'both', distanceMetres: 100, similarity: 0.5 },
        { id: 'nearer', distanceMetres: 10, similarity: 0.1 },
      ],
      { ...s, limit: 3 },
    );
    expect(ranked.map((r) => [r.id, r.match])).toEqual([
      ['both', 'BOTH'],
      ['text', 'TEXT'],
      ['nearer', 'NEARBY'],
    ]);
  });
});

describe('following', () => {
  it('allows open complaints of others only', () => {
    const complaint = { serviceKind: 'COMPLAINT', state: 'IN_PROGRESS' as const, isReporter: false };
    expect(checkFollow(complaint)).toEqual({ ok: true, value: true });
    expect(checkFollow({ ...complaint, serviceKind: 'PERMIT' })).toMatchObject({
      error: { code: 'FOLLOW_NOT_PUBLIC' },
    });
    expect(checkFollow({ ...complaint, state: 'COMPLETED' })).toMatchObject({
      error: { code: 'FOLLOW_REQUEST_CLOSED' },
    });
    expect(checkFollow({ ...complaint, state: 'DUPLICATE' })).toMatchObject({
      error: { code: 'FOLLOW_REQUEST_CLOSED' },
    });
    expect(checkFollow({ ...complaint, isReporter: true })).toMatchObject({
      error: { code: 'FOLLOW_OWN_REQUEST' },
    });
  });
});

describe('the DUPLICATE state', () => {
  it('is closed, final, and reached by no ordinary transition', () => {
    expect(isOpen('DUPLICATE')).toBe(false);
    expect(open311Status('DUPLICATE')).toBe('closed');
    expect(requestTransition('DUPLICATE', 'IN_PROGRESS', { actor: 'SUPERVISOR' })).toMatchObject({
      error: { code: 'REQUEST_ALREADY_CLOSED' },
    });
    expect(requestTransition('SUBMITTED', 'DUPLICATE', { actor: 'SUPERVISOR' })).toMatchObject({
      error: { code: 'REQUEST_TRANSITION_NOT_ALLOWED' },
    });
  });

  it('needs a reason and links the original in the trail', () => {
    expect(checkDuplicateReason('  same pothole  ')).toEqual({ ok: true, value: 'same pothole' });
    expect(checkDuplicateReason('dup')).toMatchObject({ error: { code: 'DUPLICATE_REASON_REQUIRED' } });
    expect(checkDuplicateReason(null)).toMatchObject({ error: { code: 'DUPLICATE_REASON_REQUIRED' } });
    expect(duplicateTrailNote('SWL-2026-000001', 'Lubang yang sama')).toContain('SWL-2026-000001');
  });
});

describe('what followers are told', () => {
  const base = {
    trackingCode: 'SWL-2026-000001',
    fromState: 'VERIFIED' as const,
    toState: 'IN_PROGRESS' as const,
    actor: 'STAFF' as const,
    actorStaffId: 's1',
    publicNote: null,
    assigneeBefore: 's1',
    assigneeAfter: 's1',
    verificationDueOn: '2026-01-05',
    completionDueBefore: null,
    completionDueAfter: null,
  };

  it('public changes only', () => {
    expect(followerNotice({ ...base, change: 'TRANSITION' })).toEqual({
      kind: 'REQUEST_FOLLOWED_UPDATE',
      trackingCode: base.trackingCode,
      state: 'IN_PROGRESS',
      note: null,
    });
    expect(
      followerNotice({ ...base, change: 'TRANSITION', fromState: 'IN_PROGRESS', toState: 'COMPLETED' }),
    ).toMatchObject({ state: 'COMPLETED' });
    expect(followerNotice({ ...base, change: 'CORRECTION', publicNote: 'Petugas ke lokasi' })).toMatchObject({
      note: 'Petugas ke lokasi',
      change: 'NOTE',
    });
    // A transfer or a reopening says what happened, not only the state it leaves the request in.
    for (const what of ['TRANSFERRED', 'REOPENED'] as const) {
      const notice = followerNotice({ ...base, change: what, toState: 'SUBMITTED', publicNote: 'Alasan' });
      expect(notice).toMatchObject({ change: what, state: 'SUBMITTED' });
      const content = notificationContent(notice as NonNullable<typeof notice>);
      expect(content.title.en).toContain(FOLLOWED_CHANGE_LABELS[what].en);
      expect(content.title.id).toContain(FOLLOWED_CHANGE_LABELS[what].id);
      expect(content.title.en).not.toContain('Submitted');
    }
    expect(followerNotice({ ...base, change: 'CORRECTION', actor: 'CITIZEN', publicNote: 'x' })).toBeNull();
    expect(followerNotice({ ...base, change: 'REASSIGNED' })).toBeNull();
    expect(followerNotice({ ...base, change: 'PRIORITY' })).toBeNull();
    expect(followerNotice({ ...base, change: 'SUBMITTED' })).toBeNull();
  });

  it('link to the public trail, never to a personal page', () => {
    const followed = notificationContent({
      kind: 'REQUEST_FOLLOWED_UPDATE',
      trackingCode: 'SWL-2026-000001',
      state: 'COMPLETED',
    });
    expect(followed.linkPath).toBe('/lacak?kode=SWL-2026-000001');
    expect(followed.title.en).toContain('Completed');
    const merged = notificationContent(
      mergedNotice('SWL-2026-000002', 'SWL-2026-000001', 'Lubang yang sama'),
    );
    expect(merged.linkPath).toBe('/lacak?kode=SWL-2026-000001');
    expect(merged.body.id).toContain('SWL-2026-000001');
    expect(merged.body.en).toContain('You now follow SWL-2026-000001');
  });
});

describe('similarSettingAllowed', () => {
  it('allows a whole-metre radius of 10–5000 m and a similarity of 0.1–1, nothing else', () => {
    expect(similarSettingAllowed('radiusMetres', 10)).toBe(true);
    expect(similarSettingAllowed('radiusMetres', 5000)).toBe(true);
    expect(similarSettingAllowed('radiusMetres', 9)).toBe(false);
    expect(similarSettingAllowed('radiusMetres', 150.5)).toBe(false);
    expect(similarSettingAllowed('radiusMetres', Number.NaN)).toBe(false);
    expect(similarSettingAllowed('textThreshold', 0.1)).toBe(true);
    expect(similarSettingAllowed('textThreshold', 0.35)).toBe(true);
    expect(similarSettingAllowed('textThreshold', 1)).toBe(true);
    expect(similarSettingAllowed('textThreshold', 0)).toBe(false);
    expect(similarSettingAllowed('textThreshold', 1.01)).toBe(false);
    expect(similarSettingAllowed('textThreshold', Number.POSITIVE_INFINITY)).toBe(false);
    // The defaults are allowed values.
    expect(similarSettingAllowed('radiusMetres', DEFAULT_SIMILAR_COMPLAINT_SETTINGS.radiusMetres)).toBe(true);
    expect(similarSettingAllowed('textThreshold', DEFAULT_SIMILAR_COMPLAINT_SETTINGS.textThreshold)).toBe(
      true,
    );
  });
});
