import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../error-catalog.js';
import {
  blockingSlots,
  checkDocumentReview,
  checkDocumentsComplete,
  checkRedoneBeforeResubmit,
  checkSlotUploads,
  type DocumentSlot,
  documentChecklist,
  documentSlotsOf,
  documentsCheckApplies,
  isDefaultRedo,
  redoSlotsFor,
  type SlotDocument,
  validateDocumentSlots,
} from './document-slots.js';
import { changedServiceParts } from './service-change.js';

const KTP: DocumentSlot = {
  key: 'ktp',
  nameId: 'KTP pemohon',
  nameEn: "Applicant's identity card",
  required: true,
  acceptedTypes: ['image/jpeg', 'application/pdf'],
  maxFiles: 1,
};
const GAMBAR: DocumentSlot = {
  key: 'gambar_teknis',
  nameId: 'Gambar rencana teknis',
  nameEn: 'Technical drawings',
  required: true,
  acceptedTypes: ['application/pdf'],
  maxFiles: 3,
};
const FOTO: DocumentSlot = {
  key: 'foto_lokasi',
  nameId: 'Foto lokasi',
  nameEn: 'Site photo',
  required: false,
  acceptedTypes: ['image/jpeg'],
  maxFiles: 2,
};
const SLOTS = [KTP, GAMBAR, FOTO];

const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 3, minute));
const doc = (
  id: string,
  slot: string | null,
  upload: string,
  minute: number,
  position = 0,
): SlotDocument => ({
  id,
  slot,
  upload,
  uploadedAt: at(minute),
  position,
});

describe('validateDocumentSlots', () => {
  it('takes slots with defaults (required, every type, one file)', () => {
    const r = validateDocumentSlots([{ key: 'ktp', nameId: 'KTP', nameEn: 'ID card' }]);
    expect(r).toEqual({
      ok: true,
      value: [
        {
          key: 'ktp',
          nameId: 'KTP',
          nameEn: 'ID card',
          required: true,
          acceptedTypes: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
          maxFiles: 1,
        },
      ],
    });
    expect(validateDocumentSlots(null)).toEqual({ ok: true, value: [] });
  });

  it('names every problem by its field', () => {
    const r = validateDocumentSlots([
      { key: 'KTP!', nameId: '', nameEn: 'x', acceptedTypes: ['text/html'], maxFiles: 11 },
      { key: 'ktp', nameId: 'a', nameEn: 'b' },
      { key: 'ktp', nameId: 'a'.repeat(201), nameEn: 'b', required: 'yes' },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((f) => `${f.field}:${f.code}`)).toEqual([
      'documentSlots[0].key:INVALID_FORMAT',
      'documentSlots[0].nameId:REQUIRED',
      'documentSlots[0].acceptedTypes:NOT_ALLOWED',
      'documentSlots[0].maxFiles:OUT_OF_RANGE',
      'documentSlots[2].key:DUPLICATE',
      'documentSlots[2].nameId:TOO_LONG',
      'documentSlots[2].required:INVALID_TYPE',
    ]);
    expect(validateDocumentSlots({})).toMatchObject({ ok: false });
  });

  it('reads stored slots leniently and a changed slot list is a change of its own part', () => {
    expect(documentSlotsOf([KTP, { key: 1 }, GAMBAR])).toEqual([KTP, GAMBAR]);
    expect(documentSlotsOf(null)).toEqual([]);
    const base = {
      nameId: 'PBG',
      nameEn: 'PBG',
      standard: {},
      attributes: [],
      requiredCompetencyId: null,
      requiredLevel: null,
    };
    expect(changedServiceParts({ ...base, documentSlots: [KTP] }, { ...base, documentSlots: [KTP] })).toEqual(
      [],
    );
    expect(changedServiceParts(base, { ...base, documentSlots: [KTP] })).toEqual(['DOCUMENT_SLOTS']);
  });
});

describe('checkSlotUploads', () => {
  it('refuses unknown slots, types the slot does not take and files past its maximum', () => {
    const problems = checkSlotUploads(SLOTS, [
      { slot: 'ktp', type: 'image/jpeg' },
      { slot: 'npwp', type: 'application/pdf' },
      { slot: 'gambar_teknis', type: 'image/png' },
      { slot: null, type: 'image/png' },
      { slot: 'ktp', type: 'application/pdf' },
    ]);
    expect(problems.map((p) => [p.index, p.error.code])).toEqual([
      [1, 'DOCUMENT_SLOT_UNKNOWN'],
      [2, 'DOCUMENT_SLOT_TYPE_NOT_ACCEPTED'],
      [4, 'DOCUMENT_SLOT_TOO_MANY'],
    ]);
    expect(checkSlotUploads([], [{ slot: 'ktp', type: 'image/jpeg' }])[0]?.error.details).toMatchObject({
      slot: 'ktp',
      known: [],
    });
  });
});

describe('documentChecklist and verification', () => {
  const filing = [doc('a1', 'ktp', 'filing', 0), doc('a2', 'gambar_teknis', 'filing', 0, 1)];

  it('marks empty, unreviewed, accepted and refused slots; a missing required slot blocks', () => {
    const list = documentChecklist(SLOTS, [filing[0] as SlotDocument], [], null);
    expect(list.map((e) => e.state)).toEqual(['UNREVIEWED', 'EMPTY', 'EMPTY']);
    const blocked = checkDocumentsComplete(list, { from: 'SUBMITTED', to: 'VERIFIED' });
    expect(blocked.ok).toBe(false);
    if (blocked.ok) return;
    expect(blocked.error.code).toBe('DOCUMENTS_INCOMPLETE');
    expect(blocked.error.details).toMatchObject({
      slots: ['ktp', 'gambar_teknis'],
      states: { ktp: 'UNREVIEWED', gambar_teknis: 'EMPTY' },
      from: 'SUBMITTED',
      to: 'VERIFIED',
    });
    expect(blocked.error.message.id).toContain('Gambar rencana teknis (belum diunggah)');
    expect(blocked.error.message.en).toContain('Technical drawings (not uploaded)');
    expect(ERROR_MESSAGES.DOCUMENTS_INCOMPLETE.id).not.toBe('');
  });

  it('walks refusal, return, new upload and acceptance; the old file stays superseded', () => {
    const refused = [
      { attachmentId: 'a1', decision: 'ACCEPTED' as const, reason: null, at: at(5) },
      { attachmentId: 'a2', decision: 'REFUSED' as const, reason: 'Tidak terbaca', at: at(6) },
    ];
    const before = documentChecklist(SLOTS, filing, refused, null);
    expect(before.map((e) => e.state)).toEqual(['ACCEPTED', 'REFUSED', 'EMPTY']);
    expect(blockingSlots(before).map((e) => e.slot.key)).toEqual(['gambar_teknis']);
    // A return without named slots names the refused ones.
    expect(redoSlotsFor('RETURNED_TO_CITIZEN', before, null)).toEqual({ ok: true, value: ['gambar_teknis'] });
    const returned = { at: at(7), slots: ['gambar_teknis'] };
    expect(documentChecklist(SLOTS, filing, refused, returned)[1]).toMatchObject({
      redo: true,
      current: [{ documentId: 'a2', decision: 'REFUSED', reason: 'Tidak terbaca' }],
    });
    const corrected = [...filing, doc('a3', 'gambar_teknis', 'event-9', 10)];
    const after = documentChecklist(SLOTS, corrected, refused, returned);
    expect(after[1]).toMatchObject({ state: 'UNREVIEWED', superseded: ['a2'], redo: false });
    expect(checkDocumentsComplete(after, { from: 'SUBMITTED', to: 'VERIFIED' }).ok).toBe(false);
    const accepted = [
      ...refused,
      { attachmentId: 'a3', decision: 'ACCEPTED' as const, reason: null, at: at(11) },
    ];
    const done = documentChecklist(SLOTS, corrected, accepted, returned);
    // The optional photo slot stays empty and does not block.
    expect(done.map((e) => e.state)).toEqual(['ACCEPTED', 'ACCEPTED', 'EMPTY']);
    expect(checkDocumentsComplete(done, { from: 'SUBMITTED', to: 'VERIFIED' })).toEqual({
      ok: true,
      value: true,
    });
  });

  it('a returned request goes back only with the named slots uploaded again (trial 21 D1)', () => {
    const refused = [
      { attachmentId: 'a2', decision: 'REFUSED' as const, reason: 'Tidak terbaca', at: at(6) },
    ];
    const returned = { at: at(7), slots: ['gambar_teknis'] };
    const back = { from: 'RETURNED_TO_CITIZEN', to: 'SUBMITTED' } as const;
    const pending = documentChecklist(SLOTS, filing, refused, returned);
    const blocked = checkRedoneBeforeResubmit(pending, back);
    if (blocked.ok) throw new Error('expected REDO_DOCUMENTS_MISSING');
    expect(blocked.error.code).toBe('REDO_DOCUMENTS_MISSING');
    expect(blocked.error.details).toMatchObject({ slots: ['gambar_teknis'], ...back });
    expect(blocked.error.message.id).toContain('Gambar rencana teknis');
    // Other transitions are not this rule's business.
    expect(checkRedoneBeforeResubmit(pending, { from: 'SUBMITTED', to: 'WITHDRAWN' }).ok).toBe(true);
    // A new upload into the slot lets it go back.
    const corrected = [...filing, doc('a3', 'gambar_teknis', 'event-9', 10)];
    expect(checkRedoneBeforeResubmit(documentChecklist(SLOTS, corrected, refused, returned), back).ok).toBe(
      true,
    );
  });

  it('a named slot staff accept after the return is no longer to redo (the latest decision)', () => {
    const returned = { at: at(7), slots: ['gambar_teknis'] };
    const reviews = [
      { attachmentId: 'a2', decision: 'REFUSED' as const, reason: 'Tidak terbaca', at: at(6) },
      { attachmentId: 'a2', decision: 'ACCEPTED' as const, reason: null, at: at(8) },
    ];
    expect(documentChecklist(SLOTS, filing, reviews, returned)[1]).toMatchObject({
      state: 'ACCEPTED',
      redo: false,
    });
    // Accepted before the return and still named by it: to redo.
    const acceptedBefore = [{ attachmentId: 'a2', decision: 'ACCEPTED' as const, reason: null, at: at(6) }];
    expect(documentChecklist(SLOTS, filing, acceptedBefore, returned)[1]).toMatchObject({ redo: true });
  });

  it('the latest review counts', () => {
    const list = documentChecklist(
      [KTP],
      [doc('a1', 'ktp', 'filing', 0)],
      [
        { attachmentId: 'a1', decision: 'ACCEPTED', reason: null, at: at(3) },
        { attachmentId: 'a1', decision: 'REFUSED', reason: 'Buram', at: at(4) },
      ],
      null,
    );
    expect(list[0]?.state).toBe('REFUSED');
  });

  it('applies when verifying, or when skipping verification from an escalation', () => {
    expect(documentsCheckApplies('VERIFIED', false)).toBe(true);
    expect(documentsCheckApplies('IN_PROGRESS', false)).toBe(true);
    expect(documentsCheckApplies('COMPLETED', true)).toBe(false);
    expect(documentsCheckApplies('RETURNED_TO_CITIZEN', false)).toBe(false);
  });

  it('preselects for a return the refused slots and the required empty ones, as a return naming none does', () => {
    const optional = { ...KTP, key: 'foto', required: false };
    expect(isDefaultRedo({ slot: KTP, state: 'EMPTY' })).toBe(true);
    expect(isDefaultRedo({ slot: optional, state: 'EMPTY' })).toBe(false);
    expect(isDefaultRedo({ slot: optional, state: 'REFUSED' })).toBe(true);
    expect(isDefaultRedo({ slot: KTP, state: 'UNREVIEWED' })).toBe(false);
    expect(isDefaultRedo({ slot: KTP, state: 'ACCEPTED' })).toBe(false);
  });

  it('checks the slots a return names', () => {
    const list = documentChecklist(SLOTS, filing, [], null);
    expect(redoSlotsFor('RETURNED_TO_CITIZEN', list, ['ktp', 'ktp'])).toEqual({ ok: true, value: ['ktp'] });
    expect(redoSlotsFor('RETURNED_TO_CITIZEN', list, ['ktp', 'npwp'])).toMatchObject({
      ok: false,
      error: { code: 'DOCUMENT_SLOT_UNKNOWN', field: 'redoSlots[1]' },
    });
    expect(redoSlotsFor('VERIFIED', list, ['ktp'])).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED', field: 'redoSlots' },
    });
    expect(redoSlotsFor('VERIFIED', list, undefined)).toEqual({ ok: true, value: [] });
    // Left out: the default; an empty list: none.
    const missing = documentChecklist(SLOTS, [filing[0] as SlotDocument], [], null);
    expect(redoSlotsFor('RETURNED_TO_CITIZEN', missing, null)).toEqual({
      ok: true,
      value: ['gambar_teknis'],
    });
    expect(redoSlotsFor('RETURNED_TO_CITIZEN', missing, [])).toEqual({ ok: true, value: [] });
  });
});

describe('checkDocumentReview', () => {
  const docs = [doc('a1', 'ktp', 'filing', 0), doc('a2', 'ktp', 'event-3', 5), doc('p', null, 'filing', 0)];
  const checklist = documentChecklist(SLOTS, docs, [], null);
  const context = (
    id: string,
    slot: string | null,
    requestState: 'SUBMITTED' | 'COMPLETED' = 'SUBMITTED',
  ) => ({
    requestState,
    document: { id, slot },
    checklist,
  });

  it('accepts a current document and needs a reason to refuse', () => {
    expect(checkDocumentReview({ decision: 'ACCEPTED', reason: '  ' }, context('a2', 'ktp'))).toEqual({
      ok: true,
      value: { decision: 'ACCEPTED', reason: null },
    });
    expect(checkDocumentReview({ decision: 'REFUSED' }, context('a2', 'ktp'))).toMatchObject({
      ok: false,
      error: { code: 'REQUIRED', field: 'reason' },
    });
    expect(
      checkDocumentReview({ decision: 'REFUSED', reason: 'x'.repeat(1001) }, context('a2', 'ktp')),
    ).toMatchObject({ ok: false, error: { code: 'TOO_LONG', field: 'reason' } });
  });

  it('refuses replaced documents, files outside slots and closed requests', () => {
    const code = (r: ReturnType<typeof checkDocumentReview>) => (r.ok ? 'ok' : r.error.code);
    expect(code(checkDocumentReview({ decision: 'ACCEPTED' }, context('a1', 'ktp')))).toBe(
      'DOCUMENT_SUPERSEDED',
    );
    expect(code(checkDocumentReview({ decision: 'ACCEPTED' }, context('p', null)))).toBe(
      'DOCUMENT_NOT_IN_SLOT',
    );
    expect(code(checkDocumentReview({ decision: 'ACCEPTED' }, context('a2', 'ktp', 'COMPLETED')))).toBe(
      'DOCUMENT_REVIEW_REQUEST_CLOSED',
    );
  });
});
