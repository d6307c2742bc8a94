import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../calendar/working-calendar.js';
import type { ServiceAttribute } from './attributes.js';
import {
  checkSubmission,
  IMPLICIT_RETRY_WINDOW_MINUTES,
  implicitRetryOf,
  keyedRetry,
  MAX_IDEMPOTENCY_KEY,
  MAX_REQUEST_TEXT,
  planSubmission,
  type RequestFiler,
  requestIdempotencyKey,
  requestSubmitter,
  type SubmissionDraft,
  sameSubmission,
} from './request-submission.js';

const citizen: RequestFiler = { kind: 'CITIZEN', accountId: 'c-1' };
const officer: RequestFiler = { kind: 'OFFICER', accountId: 's-1', role: 'STAFF', unitId: 'u-1' };
const system: RequestFiler = { kind: 'SYSTEM', apiKeyId: 'k-1', scopes: ['requests:write'] };
const attributes: ServiceAttribute[] = [{ code: 'luas', datatype: 'number', required: true }];
const draft = (over: Partial<SubmissionDraft> = {}): SubmissionDraft => ({
  filer: citizen,
  serviceUnitId: 'u-1',
  citizenNamed: false,
  citizen: null,
  text: 'Mohon izin',
  attributes,
  values: { luas: 12 },
  today: '2026-11-30',
  ...over,
});

describe('requestSubmitter', () => {
  it('names who files and records the actor', () => {
    expect(requestSubmitter(citizen)).toEqual({
      ok: true,
      value: { submitterId: 'c-1', actorKind: 'CITIZEN', actorAccountId: 'c-1' },
    });
    expect(requestSubmitter(officer).ok && requestSubmitter(officer)).toMatchObject({
      value: { actorKind: 'STAFF' },
    });
    expect(requestSubmitter(system)).toEqual({
      ok: true,
      value: { submitterId: 'k-1', actorKind: 'SYSTEM', actorAccountId: null },
    });
  });

  it('refuses systems without the scope and anonymous callers', () => {
    for (const filer of [{ ...system, scopes: [] }, { kind: 'NONE' } as const])
      expect(requestSubmitter(filer)).toMatchObject({
        ok: false,
        error: { code: 'REQUEST_FILER_NOT_ALLOWED' },
      });
  });
});

describe('requestIdempotencyKey', () => {
  it('trims, treats empty as none, and limits the length', () => {
    expect(requestIdempotencyKey('  k1 ')).toEqual({ ok: true, value: 'k1' });
    expect(requestIdempotencyKey('   ')).toEqual({ ok: true, value: null });
    expect(requestIdempotencyKey('x'.repeat(MAX_IDEMPOTENCY_KEY)).ok).toBe(true);
    expect(requestIdempotencyKey('x'.repeat(MAX_IDEMPOTENCY_KEY + 1))).toMatchObject({
      ok: false,
      error: { code: 'REQUEST_SUBMISSION_INVALID', fields: [{ field: 'idempotencyKey', code: 'TOO_LONG' }] },
    });
  });
});

describe('checkSubmission', () => {
  it('files a citizen online for themselves', () => {
    expect(checkSubmission(draft())).toEqual({
      ok: true,
      value: {
        channel: 'ONLINE',
        citizenAccountId: 'c-1',
        contact: null,
        text: 'Mohon izin',
        attributeValues: { luas: 12 },
      },
    });
  });

  it('files at the counter for an active citizen, only for the officer’s own unit', () => {
    const named = { citizenNamed: true, citizen: { accountId: 'c-2', role: 'CITIZEN', disabled: false } };
    expect(checkSubmission(draft({ filer: officer, ...named }))).toMatchObject({
      ok: true,
      value: { channel: 'COUNTER', citizenAccountId: 'c-2' },
    });
    expect(checkSubmission(draft({ filer: system, ...named }))).toMatchObject({
      ok: true,
      value: { channel: 'ONLINE' },
    });
    expect(checkSubmission(draft({ filer: officer, serviceUnitId: 'u-2', ...named }))).toMatchObject({
      ok: false,
      error: { code: 'REQUEST_FILER_NOT_ALLOWED' },
    });
  });

  it('asks for the citizen alone when none (or no active citizen) is named', () => {
    const r = checkSubmission(draft({ filer: officer, text: '' }));
    expect(r).toMatchObject({ ok: false, error: { fields: [{ field: 'citizenEmail', code: 'REQUIRED' }] } });
    const staffAccount = { accountId: 's-9', role: 'STAFF', disabled: false };
    expect(
      checkSubmission(draft({ filer: system, citizenNamed: true, citizen: staffAccount })),
    ).toMatchObject({
      ok: false,
      error: {
        fields: [{ field: 'citizenEmail', code: 'NOT_ALLOWED', message: { en: /registered citizen/ } }],
      },
    });
    const disabled = { accountId: 'c-3', role: 'CITIZEN', disabled: true };
    expect(checkSubmission(draft({ filer: officer, citizenNamed: true, citizen: disabled })).ok).toBe(false);
  });

  it('reports the text and every attribute problem together', () => {
    const r = checkSubmission(draft({ text: ' ', values: {} }));
    expect(r.ok ? [] : 'fields' in r.error ? r.error.fields.map((f) => [f.field, f.code]) : []).toEqual([
      ['text', 'REQUIRED'],
      ['attributes.luas', 'REQUIRED'],
    ]);
    const long = checkSubmission(draft({ text: 'x'.repeat(MAX_REQUEST_TEXT + 1), values: [1] }));
    expect(
      long.ok ? [] : 'fields' in long.error ? long.error.fields.map((f) => [f.field, f.code]) : [],
    ).toEqual([
      ['text', 'TOO_LONG'],
      ['attributes', 'INVALID_TYPE'],
    ]);
  });
});

describe('planSubmission', () => {
  const calendar = createWorkingCalendar();
  const now = new Date('2026-12-31T18:30:00Z'); // 01:30 WIB on Friday 1 January 2027
  const submitter = { submitterId: 'c-1', actorKind: 'CITIZEN', actorAccountId: 'c-1' };

  it('numbers in the WIB year, sets verification 3 working days out, and routes to the least busy', () => {
    const p = planSubmission({
      submitter,
      now,
      calendar,
      candidates: [
        { staffId: 'b', openRequests: 1, competencies: [{ competency: 'PERIZINAN', level: 3 }] },
        { staffId: 'a', openRequests: 4, competencies: [{ competency: 'PERIZINAN', level: 3 }] },
        { staffId: 'c', openRequests: 0, competencies: [{ competency: 'PERIZINAN', level: 1 }] },
      ],
      requirement: { competency: 'PERIZINAN', level: 2 },
    });
    expect(p).toMatchObject({ trackingYear: 2027, verificationDueOn: '2027-01-06', assigneeStaffId: 'b' });
    expect(p.firstEvent).toEqual({
      sequence: 1,
      kind: 'SUBMITTED',
      toState: 'SUBMITTED',
      actorKind: 'CITIZEN',
      actorAccountId: 'c-1',
      internalNote: null,
      assigneeStaffId: 'b',
      at: now,
    });
  });

  it('leaves the request for the supervisor when nobody qualifies', () => {
    const p = planSubmission({ submitter, now, calendar, candidates: [] });
    expect(p.assigneeStaffId).toBeNull();
    expect(p.firstEvent.internalNote).toMatch(/awaiting assignment/);
  });
});

describe('retries: the same request, or a conflict', () => {
  const content = {
    serviceId: 's1',
    citizenAccountId: 'c1',
    text: 'Jalan berlubang',
    attributeValues: { kecamatan: 'TALAWI', jenis: ['A', 'B'] },
    location: { lat: -0.68, long: 100.77, addressString: null },
    files: ['aa11', 'bb22'],
  };

  it('takes the same content, in any key order, for the same request', () => {
    const reordered = {
      ...content,
      attributeValues: { jenis: ['A', 'B'], kecamatan: 'TALAWI' },
      location: { addressString: null, long: 100.77, lat: -0.68 },
      files: ['bb22', 'aa11'],
    };
    expect(sameSubmission(content, reordered)).toBe(true);
    expect(keyedRetry(content, reordered)).toEqual({ ok: true, value: 'SAME_REQUEST' });
  });

  it.each([
    ['service', { serviceId: 's2' }],
    ['citizen', { citizenAccountId: 'c2' }],
    ['text', { text: 'Jalan berlubang besar' }],
    ['attribute value', { attributeValues: { kecamatan: 'BARANGIN', jenis: ['A', 'B'] } }],
    ['list order', { attributeValues: { kecamatan: 'TALAWI', jenis: ['B', 'A'] } }],
    ['location', { location: { lat: -0.69, long: 100.77, addressString: null } }],
    ['address', { location: { lat: -0.68, long: 100.77, addressString: 'Jl. Sudirman 1' } }],
    ['file', { files: ['aa11', 'cc33'] }],
    ['file fewer', { files: ['aa11'] }],
    ['no file', { files: undefined }],
  ])('refuses a key reused with another %s (IDEMPOTENCY_KEY_REUSED)', (_, change) => {
    const result = keyedRetry(content, { ...content, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(result.error.message.id).toMatch(/idempotensi/);
      expect(result.error.message.en).toMatch(/idempotency key/);
    }
  });

  const now = new Date('2026-11-30T03:00:00Z');
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

  it('takes a keyless repeat for a retry only of an open request of the last minutes', () => {
    const open = { state: 'SUBMITTED' as const, submittedAt: minutesAgo(2), content };
    expect(implicitRetryOf([open], content, now)).toBe(open);
    expect(implicitRetryOf([{ ...open, state: 'REJECTED' as const }], content, now)).toBeNull();
    expect(implicitRetryOf([{ ...open, state: 'COMPLETED' as const }], content, now)).toBeNull();
    expect(
      implicitRetryOf([{ ...open, submittedAt: minutesAgo(IMPLICIT_RETRY_WINDOW_MINUTES) }], content, now),
    ).not.toBeNull();
    expect(
      implicitRetryOf(
        [{ ...open, submittedAt: minutesAgo(IMPLICIT_RETRY_WINDOW_MINUTES + 1) }],
        content,
        now,
      ),
    ).toBeNull();
    expect(implicitRetryOf([open], { ...content, text: 'Lain' }, now)).toBeNull();
  });
});
