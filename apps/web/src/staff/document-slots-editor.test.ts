// The slot editor's conversions: a version's slots round-trip unchanged through the rows, the
// client-side errors are the domain's field errors in the app's language, the approver's diff,
// and the return form's preselection taken from the gateway's redoByDefault.
import { describe, expect, it } from 'vitest';
import type { ChecklistView } from '../pages/document-checklist.tsx';
import { slotChanges, slotFieldErrors, slotInputs, slotRowOf } from './document-slots-editor.tsx';
import { chosenRedo } from './redo-slots.tsx';

const SLOTS = [
  {
    key: 'ktp',
    nameId: 'KTP pemohon',
    nameEn: "Applicant's identity card",
    required: true,
    acceptedTypes: ['image/png', 'image/jpeg', 'application/pdf'],
    maxFiles: 1,
  },
  {
    key: 'gambar_teknis',
    nameId: 'Gambar rencana teknis',
    nameEn: 'Technical drawings',
    required: false,
    acceptedTypes: ['application/pdf'],
    maxFiles: 3,
  },
];

describe('document slot rows', () => {
  it('send the current version’s slots back exactly as they were (order of types included)', () => {
    expect(slotInputs(SLOTS.map(slotRowOf))).toEqual(SLOTS);
  });

  it('trim the texts and keep a number of files that is not a number for the rule to refuse', () => {
    const row = { ...slotRowOf(SLOTS[0]!), key: ' ktp ', nameId: ' KTP ', maxFiles: 'dua' };
    expect(slotInputs([row])[0]).toMatchObject({ key: 'ktp', nameId: 'KTP', maxFiles: Number.NaN });
  });

  it('give the domain’s field errors beside each part, in the app’s language', () => {
    const rows = [
      slotRowOf(SLOTS[0]!),
      { ...slotRowOf(SLOTS[1]!), key: 'KTP', nameEn: '', acceptedTypes: [], maxFiles: '11' },
      { ...slotRowOf(SLOTS[0]!) },
    ];
    const id = slotFieldErrors(rows, 'id');
    expect(id.map((e) => e.field)).toEqual([
      'documentSlots[1].key',
      'documentSlots[1].nameEn',
      'documentSlots[1].acceptedTypes',
      'documentSlots[1].maxFiles',
      'documentSlots[2].key',
    ]);
    expect(id[1]?.message).toBe('Wajib diisi.');
    expect(slotFieldErrors(rows, 'en')[1]?.message).toBe('This field is required.');
    expect(slotFieldErrors(SLOTS.map(slotRowOf), 'en')).toEqual([]);
  });
});

describe('slotChanges', () => {
  const shown = SLOTS.map((s) => ({ ...s, name: s.nameId }));
  it('lists added, changed and removed slots by key, and a new order', () => {
    const foto = { ...shown[0]!, key: 'foto', name: 'Foto' };
    const changed = { ...shown[1]!, acceptedTypes: ['application/pdf', 'image/jpeg'] };
    expect(slotChanges(shown, [changed, foto])).toEqual({
      added: [foto],
      removed: [shown[0]],
      changed: [changed],
      reordered: false,
    });
    expect(slotChanges(shown, [shown[1]!, shown[0]!])).toMatchObject({ changed: [], reordered: true });
    expect(slotChanges(shown, shown)).toEqual({ added: [], removed: [], changed: [], reordered: false });
  });
});

describe('chosenRedo', () => {
  const entry = (key: string, redoByDefault: boolean): ChecklistView => ({
    slot: { key, name: key, required: true, acceptedTypes: [], maxFiles: 1 },
    state: redoByDefault ? 'REFUSED' : 'ACCEPTED',
    redo: false,
    redoByDefault,
    documents: [],
    superseded: [],
  });
  const entries = [entry('ktp', false), entry('gambar', true)];
  it('is the gateway’s default until staff change a box, then exactly their choice', () => {
    expect(chosenRedo(entries, null)).toEqual(['gambar']);
    expect(chosenRedo(entries, new Set(['ktp', 'gambar']))).toEqual(['ktp', 'gambar']);
    expect(chosenRedo(entries, new Set())).toEqual([]);
  });
});
