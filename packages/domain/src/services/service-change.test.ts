import { describe, expect, it } from 'vitest';
import {
  changedServiceParts,
  checkServiceChangeDecision,
  checkServiceChangeProposal,
  SERVICE_CHANGE_REASON_MAX,
  type ServiceVersionContent,
  serviceChangePartLabel,
} from './service-change.js';

const base: ServiceVersionContent = {
  nameId: 'Persetujuan Bangunan Gedung',
  nameEn: 'Building approval',
  standard: { COMPLETION_TIME: 28, COST: 0, REQUIREMENTS: ['KTP', 'Gambar'] },
  attributes: [{ code: 'luas', datatype: 'number', required: true }],
  requiredCompetencyId: null,
  requiredLevel: null,
};

describe('the parts a proposed service change touches', () => {
  it('are labelled as people see them, never by their codes (trial 21 D5)', () => {
    expect(serviceChangePartLabel('REQUIREMENTS')).toEqual({ id: 'Persyaratan', en: 'Requirements' });
    expect(serviceChangePartLabel('DOCUMENT_SLOTS').id).toBe('Dokumen persyaratan (unggahan pemohon)');
    for (const part of ['NAME', 'ATTRIBUTES', 'COMPETENCY', 'COST', 'COMPLETION_TIME']) {
      expect(serviceChangePartLabel(part).id).not.toBe(part);
    }
    expect(serviceChangePartLabel('SOMETHING_NEW')).toEqual({ id: 'SOMETHING_NEW', en: 'SOMETHING_NEW' });
  });

  it('names completion time, cost and requirements when they change', () => {
    const proposed = {
      ...base,
      standard: { COMPLETION_TIME: 14, COST: 50000, REQUIREMENTS: ['KTP'] },
    };
    expect(changedServiceParts(base, proposed)).toEqual(['REQUIREMENTS', 'COMPLETION_TIME', 'COST']);
  });

  it('names the form fields, the name and the competency too', () => {
    const proposed = {
      ...base,
      nameEn: 'Building permit',
      attributes: [],
      requiredCompetencyId: 'c1',
      requiredLevel: 2,
    };
    expect(changedServiceParts(base, proposed)).toEqual(['NAME', 'ATTRIBUTES', 'COMPETENCY']);
  });

  it('ignores the order of keys, as JSONB does', () => {
    const proposed = { ...base, standard: { REQUIREMENTS: ['KTP', 'Gambar'], COST: 0, COMPLETION_TIME: 28 } };
    expect(checkServiceChangeProposal(base, proposed)).toMatchObject({
      ok: false,
      error: { code: 'SERVICE_CHANGE_EMPTY' },
    });
  });

  it('counts everything as new for a service without a version', () => {
    const r = checkServiceChangeProposal(null, base);
    expect(r.ok && r.value.parts).toContain('COMPLETION_TIME');
  });
});

describe('deciding a proposed service change (four eyes)', () => {
  const change = { state: 'PENDING' as const, proposedByAccountId: 'hendra', baseVersionId: 'v1' };
  const head = { accountId: 'rina', role: 'SUPERVISOR' as const, managesUnit: true };
  const decide = (over: Partial<Parameters<typeof checkServiceChangeDecision>[0]> = {}) =>
    checkServiceChangeDecision({
      decider: head,
      change,
      currentVersionId: 'v1',
      approve: true,
      reason: '  sesuai Perwako  ',
      ...over,
    });

  it('lets the head of the unit approve with a trimmed reason', () => {
    expect(decide()).toEqual({ ok: true, value: { state: 'APPROVED', reason: 'sesuai Perwako' } });
    expect(decide({ approve: false })).toMatchObject({ ok: true, value: { state: 'REJECTED' } });
  });

  it('lets an admin decide for any unit', () => {
    const admin = { accountId: 'admin', role: 'ADMIN' as const, managesUnit: false };
    expect(decide({ decider: admin }).ok).toBe(true);
  });

  it('never lets the proposer decide, even as admin', () => {
    for (const role of ['SUPERVISOR', 'ADMIN'] as const) {
      const r = decide({ decider: { accountId: 'hendra', role, managesUnit: true } });
      expect(r).toMatchObject({ ok: false, error: { code: 'SERVICE_CHANGE_OWN_PROPOSAL' } });
      if (!r.ok) expect(r.error.message.en).toMatch(/second person/);
    }
  });

  it('refuses staff, and supervisors of another unit', () => {
    const staff = { accountId: 'yulia', role: 'STAFF' as const, managesUnit: true };
    const other = { accountId: 'budi', role: 'SUPERVISOR' as const, managesUnit: false };
    for (const decider of [staff, other])
      expect(decide({ decider })).toMatchObject({ ok: false, error: { code: 'SERVICE_CHANGE_NOT_DECIDER' } });
  });

  it('needs a reason of at most the limit', () => {
    const empty = decide({ reason: '   ' });
    expect(empty).toMatchObject({
      ok: false,
      error: { code: 'SERVICE_CHANGE_REASON_INVALID', fields: [{ field: 'reason', code: 'REQUIRED' }] },
    });
    const long = decide({ reason: 'x'.repeat(SERVICE_CHANGE_REASON_MAX + 1) });
    expect(long).toMatchObject({ ok: false, error: { fields: [{ code: 'TOO_LONG' }] } });
  });

  it('decides a proposal once', () => {
    for (const state of ['APPROVED', 'REJECTED'] as const)
      expect(decide({ change: { ...change, state } })).toMatchObject({
        ok: false,
        error: { code: 'SERVICE_CHANGE_ALREADY_DECIDED' },
      });
  });

  it('refuses to approve a proposal made on an older version, but lets it be rejected', () => {
    expect(decide({ currentVersionId: 'v2' })).toMatchObject({
      ok: false,
      error: { code: 'SERVICE_CHANGE_STALE', details: { baseVersionId: 'v1', currentVersionId: 'v2' } },
    });
    expect(decide({ currentVersionId: 'v2', approve: false }).ok).toBe(true);
  });
});
