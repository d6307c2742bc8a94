import { describe, expect, it } from 'vitest';
import {
  CLAIM_CODE_MAX_ATTEMPTS,
  CLAIM_CODES_MAX,
  checkClaimCode,
  checkReporterContact,
  claimCode,
  claimCodeIssue,
  claimCodeSpelling,
  clientUpdate,
  reporterOfFiling,
} from './reporter-contact.js';
import { checkSubmission } from './request-submission.js';

const NOW = new Date('2026-12-02T03:00:00Z');

describe('checkReporterContact', () => {
  it('normalizes an e-mail and an Indonesian mobile number; one of them is enough', () => {
    expect(
      checkReporterContact({
        email: ' Rudi@Contoh.Test ',
        phone: '0812 3456 7890',
        firstName: ' Rudi ',
        lastName: '',
      }),
    ).toEqual({
      ok: true,
      value: { email: 'rudi@contoh.test', phone: '+6281234567890', firstName: 'Rudi', lastName: null },
    });
    expect(checkReporterContact({ phone: '+62 813-1111-2222' })).toMatchObject({
      ok: true,
      value: { email: null, phone: '+6281311112222' },
    });
  });

  it('refuses no address, bad addresses and long names, naming the fields', () => {
    expect(checkReporterContact({ firstName: 'Sari' })).toMatchObject({
      ok: false,
      error: [{ field: 'reporter.email', code: 'REQUIRED' }],
    });
    const bad = checkReporterContact({ email: 'bukan-email', phone: '12345', lastName: 'x'.repeat(101) });
    expect(bad.ok ? [] : bad.error.map((e) => [e.field, e.code])).toEqual([
      ['reporter.email', 'INVALID_FORMAT'],
      ['reporter.phone', 'INVALID_FORMAT'],
      ['reporter.lastName', 'TOO_LONG'],
    ]);
  });
});

describe('who a filing is for', () => {
  it('files for a named account; only a system files for a person by contact details', () => {
    expect(reporterOfFiling({ filerKind: 'SYSTEM', accountFound: true, contactGiven: true })).toBe('account');
    expect(reporterOfFiling({ filerKind: 'SYSTEM', accountFound: false, contactGiven: true })).toBe(
      'contact',
    );
    expect(reporterOfFiling({ filerKind: 'OFFICER', accountFound: false, contactGiven: true })).toBe(
      'account',
    );
  });

  it('checkSubmission files a system’s contact filing for the placeholder account', () => {
    const contact = { email: 'rudi@contoh.test', phone: null, firstName: null, lastName: null };
    const draft = {
      filer: { kind: 'SYSTEM', apiKeyId: 'k1', scopes: ['requests:write'] } as const,
      serviceUnitId: 'u1',
      citizenNamed: true,
      citizen: null,
      contact: { details: contact, placeholderAccountId: 'placeholder' },
      text: 'Jalan rusak',
      attributes: [],
      values: {},
      today: '2026-12-02',
    };
    expect(checkSubmission(draft)).toMatchObject({
      ok: true,
      value: { citizenAccountId: 'placeholder', contact },
    });
    // Counter staff must name an account.
    const counter = checkSubmission({
      ...draft,
      filer: { kind: 'OFFICER', accountId: 'a1', role: 'STAFF', unitId: 'u1' } as never,
    });
    expect(counter).toMatchObject({ ok: false });
  });
});

describe('claim codes', () => {
  const contact = { email: 'rudi@contoh.test', phone: '+6281234567890', codesSent: 0 };

  it('sends to the e-mail, else by SMS when there is one, at most CLAIM_CODES_MAX times', () => {
    expect(claimCodeIssue({ contact, callerIsCitizen: true, smsAvailable: false, now: NOW })).toMatchObject({
      ok: true,
      value: { channel: 'email', address: 'rudi@contoh.test', expiresAt: new Date('2026-12-02T03:30:00Z') },
    });
    const phoneOnly = { ...contact, email: null };
    expect(
      claimCodeIssue({ contact: phoneOnly, callerIsCitizen: true, smsAvailable: true, now: NOW }),
    ).toMatchObject({
      ok: true,
      value: { channel: 'sms' },
    });
    expect(
      claimCodeIssue({ contact: phoneOnly, callerIsCitizen: true, smsAvailable: false, now: NOW }),
    ).toMatchObject({
      error: { code: 'REQUEST_CLAIM_NO_CHANNEL' },
    });
    expect(
      claimCodeIssue({
        contact: { ...contact, codesSent: CLAIM_CODES_MAX },
        callerIsCitizen: true,
        smsAvailable: false,
        now: NOW,
      }),
    ).toMatchObject({ error: { code: 'REQUEST_CLAIM_CODES_EXHAUSTED' } });
    for (const c of [null, contact])
      expect(
        claimCodeIssue({ contact: c, callerIsCitizen: c === null, smsAvailable: false, now: NOW }),
      ).toMatchObject({
        error: { code: 'REQUEST_CLAIM_NOT_POSSIBLE' },
      });
  });

  it('makes 8-digit codes and reads them typed with spaces or dashes', () => {
    expect(claimCode(new Uint8Array([0, 1, 2, 3, 14, 25, 36, 255]))).toBe('01234565');
    expect(claimCodeSpelling('0123 4565')).toBe('01234565');
    expect(claimCodeSpelling('0123-456')).toBeNull();
  });

  it('takes the right code of the account it was sent to, before expiry and the try limit', () => {
    const stored = { codeAccountId: 'a1', expiresAt: new Date('2026-12-02T03:30:00Z'), attempts: 0 };
    expect(checkClaimCode({ contact: stored, accountId: 'a1', matches: true, now: NOW })).toEqual({
      ok: true,
      value: true,
    });
    expect(checkClaimCode({ contact: stored, accountId: 'a1', matches: false, now: NOW })).toMatchObject({
      error: { code: 'REQUEST_CLAIM_CODE_WRONG', attempts: 1 },
    });
    for (const [contact, accountId, now] of [
      [stored, 'a2', NOW],
      [stored, 'a1', new Date('2026-12-02T03:30:00Z')],
      [{ ...stored, attempts: CLAIM_CODE_MAX_ATTEMPTS }, 'a1', NOW],
    ] as const)
      expect(checkClaimCode({ contact, accountId, matches: true, now })).toMatchObject({
        error: { code: 'REQUEST_CLAIM_CODE_EXPIRED' },
      });
    expect(checkClaimCode({ contact: null, accountId: 'a1', matches: true, now: NOW })).toMatchObject({
      error: { code: 'REQUEST_CLAIM_NOT_POSSIBLE' },
    });
  });
});

describe('clientUpdate (Open311 POST servicerequestupdates)', () => {
  const base = {
    filedByCaller: true,
    updateId: 'u1',
    status: 'OPEN',
    description: 'Masih rusak',
    requestOpen: true,
  };
  it('reopens a decided request on status OPEN; anything else is a comment', () => {
    expect(clientUpdate(base)).toEqual({ ok: true, value: 'COMMENT' });
    expect(clientUpdate({ ...base, requestOpen: false })).toEqual({ ok: true, value: 'REOPEN' });
    expect(clientUpdate({ ...base, status: 'closed', requestOpen: false })).toEqual({
      ok: true,
      value: 'COMMENT',
    });
  });
  it('takes FixMyStreet’s extended statuses: REOPEN reopens, a state such as FIXED is a comment', () => {
    expect(clientUpdate({ ...base, status: 'REOPEN', requestOpen: false })).toEqual({
      ok: true,
      value: 'REOPEN',
    });
    for (const status of ['FIXED', 'in_progress', 'NOT_COUNCILS_RESPONSIBILITY', 'ACTION_SCHEDULED'])
      expect(clientUpdate({ ...base, status, requestOpen: false })).toEqual({ ok: true, value: 'COMMENT' });
  });
  it('needs the update id, a known status, a comment’s text, and the filing client', () => {
    const r = clientUpdate({ ...base, updateId: ' ', status: 'FIXED - USER', description: '' });
    expect(r.ok ? [] : 'fields' in r.error ? r.error.fields.map((f) => [f.field, f.code]) : []).toEqual([
      ['update_id', 'REQUIRED'],
      ['status', 'INVALID_FORMAT'],
      ['description', 'REQUIRED'],
    ]);
    expect(clientUpdate({ ...base, filedByCaller: false })).toMatchObject({
      error: { code: 'OPEN311_UPDATE_NOT_ALLOWED' },
    });
  });
});
