import { describe, expect, it } from 'vitest';
import {
  isOpen311ExtendedStatus,
  OPEN311_EXTENDED_STATUSES,
  open311ExtendedStatus,
  open311ExtendedStatusValue,
} from './open311-status.js';
import { REQUEST_STATES } from './service-request.js';

describe('open311ExtendedStatus (issue 17 item 7)', () => {
  it('maps every state, so that nothing refused or withdrawn looks fixed', () => {
    expect(
      Object.fromEntries(REQUEST_STATES.map((state) => [state, open311ExtendedStatus({ state })])),
    ).toEqual({
      SUBMITTED: 'OPEN',
      VERIFIED: 'ACTION_SCHEDULED',
      IN_PROGRESS: 'IN_PROGRESS',
      COMPLETED: 'FIXED',
      RETURNED_TO_CITIZEN: 'INVESTIGATING',
      REJECTED: 'NO_FURTHER_ACTION',
      ESCALATED: 'INVESTIGATING',
      WITHDRAWN: 'CLOSED',
      DUPLICATE: 'DUPLICATE',
    });
  });

  it('tells a transfer to another unit and a reopen by the reporter while the request is open', () => {
    expect(open311ExtendedStatus({ state: 'SUBMITTED', event: 'TRANSFERRED' })).toBe('INTERNAL_REFERRAL');
    expect(open311ExtendedStatus({ state: 'IN_PROGRESS', event: 'REOPENED' })).toBe('OPEN');
    expect(open311ExtendedStatus({ state: 'VERIFIED', event: 'NOTE' })).toBe('ACTION_SCHEDULED');
  });

  it('keeps the outcome of a complaint closed for good after its answer window', () => {
    expect(open311ExtendedStatus({ state: 'COMPLETED', event: 'FINALLY_CLOSED' })).toBe('FIXED');
    expect(open311ExtendedStatus({ state: 'REJECTED', event: 'FINALLY_CLOSED' })).toBe('NO_FURTHER_ACTION');
    // A closed request is never an internal referral, whatever its latest entry.
    expect(open311ExtendedStatus({ state: 'REJECTED', event: 'TRANSFERRED' })).toBe('NO_FURTHER_ACTION');
  });

  it('writes the value as the updates extension does, and reads a client’s in any case', () => {
    expect(open311ExtendedStatusValue('NOT_COUNCILS_RESPONSIBILITY')).toBe('not_councils_responsibility');
    expect(OPEN311_EXTENDED_STATUSES.every((s) => isOpen311ExtendedStatus(s.toLowerCase()))).toBe(true);
    expect(isOpen311ExtendedStatus('FIXED - USER')).toBe(false);
  });
});
