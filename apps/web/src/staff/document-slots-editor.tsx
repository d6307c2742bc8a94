// The requirements checklist of a new service version (issue 19 item 4): the document slots a
// citizen uploads into — key, name in both languages, required or optional, accepted file types,
// how many files — added, removed and reordered in the "propose a new version" form, prefilled from
// the current version so that a proposal without edits keeps every slot. The slots are checked
// here by the domain's own rule (validateDocumentSlots), so the messages beside each field are the
// ones the gateway would send, in the app's language. Also the slot changes a proposal makes, for
// the approvals page.
import { type DocumentSlot, validateDocumentSlots } from '@layanan/domain/services';
import type { VariablesOf } from '../graphql.ts';
import { type Lang, type MessageKey, useI18n } from '../i18n.tsx';
import { Checkbox, Field, toggled } from '../ui.tsx';
import type { ProposeChange } from './service-version-form.tsx';

type SlotInput = NonNullable<VariablesOf<typeof ProposeChange>['input']['documentSlots']>[number];

/** The file types a slot may take, as the gateway names them (ATTACHMENT_MEDIA_TYPES). */
export const SLOT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
const TYPE_LABELS: Record<(typeof SLOT_TYPES)[number], string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'application/pdf': 'PDF',
};

/** A slot being edited; the number of files as typed. */
export type SlotRow = {
  key: string;
  nameId: string;
  nameEn: string;
  required: boolean;
  acceptedTypes: string[];
  maxFiles: string;
};

/** A slot of the current version (ServiceVersion.documentSlots) as a row to edit. */
export const slotRowOf = (s: {
  key: string;
  nameId: string;
  nameEn: string;
  required: boolean;
  acceptedTypes: readonly string[];
  maxFiles: number;
}): SlotRow => ({
  key: s.key,
  nameId: s.nameId,
  nameEn: s.nameEn,
  required: s.required,
  acceptedTypes: [...s.acceptedTypes],
  maxFiles: String(s.maxFiles),
});

const emptySlot = (): SlotRow => ({
  key: '',
  nameId: '',
  nameEn: '',
  required: true,
  acceptedTypes: ['application/pdf'],
  maxFiles: '1',
});

/** The rows as DocumentSlotInput, in order; a number of files that is not a number stays one the rule refuses. */
export function slotInputs(rows: readonly SlotRow[]): SlotInput[] {
  return rows.map((r) => ({
    key: r.key.trim(),
    nameId: r.nameId.trim(),
    nameEn: r.nameEn.trim(),
    required: r.required,
    // In the row's order (the stored order, new types appended): unchanged slots compare equal.
    acceptedTypes: r.acceptedTypes.filter((type) => (SLOT_TYPES as readonly string[]).includes(type)),
    maxFiles: r.maxFiles.trim() === '' ? Number.NaN : Number(r.maxFiles.trim()),
  }));
}

/**
 * The slots' problems as field errors (`documentSlots[i].<part>`) in `lang`, by the domain's rule
 * the gateway applies; none when every slot is valid.
 */
export function slotFieldErrors(rows: readonly SlotRow[], lang: Lang): { field: string; message: string }[] {
  const checked = validateDocumentSlots(slotInputs(rows));
  return checked.ok ? [] : checked.error.map((e) => ({ field: e.field, message: e.message[lang] }));
}

/** The field names the slot editor shows errors under, for FormFailureNote. */
export const slotFieldNames = (rows: readonly SlotRow[]) => [
  'documentSlots',
  ...rows.flatMap((_, i) =>
    ['key', 'nameId', 'nameEn', 'required', 'acceptedTypes', 'maxFiles'].map(
      (part) => `documentSlots[${i}].${part}`,
    ),
  ),
];

/** A list editor's props (the slots here, the form fields in service-version-form.tsx). */
export type RowsEditorProps<R> = {
  rows: readonly R[];
  onChange: (rows: R[]) => void;
  /** Field errors by path (`documentSlots[i].key`, `attributes[i].code`). */
  errors: Record<string, string>;
};

/** `rows` with row `i` patched. */
export const patchRow = <R,>(rows: readonly R[], i: number, patch: Partial<R>): R[] =>
  rows.map((r, j) => (j === i ? { ...r, ...patch } : r));

/** The editor: one fieldset per slot, in order, with its errors beside each field. */
export function DocumentSlotsEditor({ rows, onChange, errors }: RowsEditorProps<SlotRow>) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<SlotRow>) => onChange(patchRow(rows, i, patch));
  const move = (i: number, by: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(i, 1);
    if (row) next.splice(i + by, 0, row);
    onChange(next);
  };
  return (
    <fieldset className="field" data-testid="slots-editor">
      <legend>{t('slotsEditor')}</legend>
      <p className="hint">{t('slotsEditorHint')}</p>
      {errors.documentSlots ? <p className="field-error">{errors.documentSlots}</p> : null}
      {rows.length === 0 ? <p className="muted">{t('noSlots')}</p> : null}
      {rows.map((r, i) => {
        const at = `documentSlots[${i}]`;
        const text = (part: 'key' | 'nameId' | 'nameEn', label: MessageKey, hint?: MessageKey) => (
          <Field label={t(label)} hint={hint ? t(hint) : null} error={errors[`${at}.${part}`]} required>
            {(p) => (
              <input
                {...p}
                spellCheck={part !== 'key'}
                value={r[part]}
                onChange={(e) => set(i, { [part]: e.target.value })}
              />
            )}
          </Field>
        );
        const typesError = errors[`${at}.acceptedTypes`];
        return (
          <fieldset key={i} className="subform" data-testid={`slot-row-${i}`}>
            <legend>{t('slotNumber', { n: i + 1 })}</legend>
            {text('key', 'slotKey', 'slotKeyHint')}
            {text('nameId', 'slotNameId')}
            {text('nameEn', 'slotNameEn')}
            <Checkbox checked={r.required} onChange={(required) => set(i, { required })}>
              {t('slotIsRequired')}
            </Checkbox>
            <fieldset
              className={`field${typesError ? ' invalid' : ''}`}
              aria-describedby={typesError ? `${at}-types-error` : undefined}
            >
              <legend>{t('slotTypes')}</legend>
              {SLOT_TYPES.map((type) => (
                <Checkbox
                  key={type}
                  checked={r.acceptedTypes.includes(type)}
                  onChange={(on) => set(i, { acceptedTypes: toggled(r.acceptedTypes, type, on) })}
                >
                  {TYPE_LABELS[type]}
                </Checkbox>
              ))}
              {typesError ? (
                <p className="field-error" id={`${at}-types-error`}>
                  {typesError}
                </p>
              ) : null}
            </fieldset>
            <Field
              label={t('slotMaxFiles')}
              hint={t('slotMaxFilesHint')}
              error={errors[`${at}.maxFiles`]}
              required
            >
              {(p) => (
                <input
                  {...p}
                  inputMode="numeric"
                  value={r.maxFiles}
                  onChange={(e) => set(i, { maxFiles: e.target.value })}
                />
              )}
            </Field>
            <div className="toolbar">
              <button type="button" className="secondary" disabled={i === 0} onClick={() => move(i, -1)}>
                {t('slotMoveUp', { n: i + 1 })}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={i === rows.length - 1}
                onClick={() => move(i, 1)}
              >
                {t('slotMoveDown', { n: i + 1 })}
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                {t('slotRemove', { n: i + 1 })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button type="button" className="secondary" onClick={() => onChange([...rows, emptySlot()])}>
        {t('slotAdd')}
      </button>
    </fieldset>
  );
}

type ShownSlot = Pick<DocumentSlot, 'key' | 'nameId' | 'nameEn' | 'required' | 'maxFiles'> & {
  acceptedTypes: readonly string[];
  name: string;
};

/** What changes between two slot lists, by key: added, removed, changed (any part), and whether the order changed. */
export function slotChanges(
  before: readonly ShownSlot[],
  after: readonly ShownSlot[],
): { added: ShownSlot[]; removed: ShownSlot[]; changed: ShownSlot[]; reordered: boolean } {
  const old = new Map(before.map((s) => [s.key, s]));
  const keys = new Set(after.map((s) => s.key));
  const same = (a: ShownSlot, b: ShownSlot) =>
    a.nameId === b.nameId &&
    a.nameEn === b.nameEn &&
    a.required === b.required &&
    a.maxFiles === b.maxFiles &&
    [...a.acceptedTypes].sort().join() === [...b.acceptedTypes].sort().join();
  const kept = after.filter((s) => old.has(s.key)).map((s) => s.key);
  return {
    added: after.filter((s) => !old.has(s.key)),
    removed: before.filter((s) => !keys.has(s.key)),
    changed: after.filter((s) => {
      const was = old.get(s.key);
      return was !== undefined && !same(was, s);
    }),
    reordered:
      kept.join() !==
      before
        .filter((s) => keys.has(s.key))
        .map((s) => s.key)
        .join(),
  };
}

/** One slot as a line: name, required or optional, types, how many files. */
function SlotLine({ slot }: { slot: ShownSlot }) {
  const { t } = useI18n();
  const types = slot.acceptedTypes.map((x) => TYPE_LABELS[x as keyof typeof TYPE_LABELS] ?? x).join(', ');
  return (
    <>
      {slot.name} <span className="muted">({slot.key})</span> —{' '}
      {slot.required ? t('slotRequired') : t('slotOptional')};{' '}
      {t('slotAccepts', { types, count: slot.maxFiles })}
    </>
  );
}

/** The slot changes of a proposal against its base version, for the approver. */
export function SlotChanges({
  before,
  after,
}: {
  before: readonly ShownSlot[];
  after: readonly ShownSlot[];
}) {
  const { t } = useI18n();
  const c = slotChanges(before, after);
  const groups = [
    ['slotsAdded', c.added],
    ['slotsChanged', c.changed],
    ['slotsRemoved', c.removed],
  ] as const;
  return (
    <div data-testid="slot-changes">
      <h4>{t('slotChangesTitle')}</h4>
      {groups.map(([label, slots]) =>
        slots.length > 0 ? (
          <div key={label}>
            <p>{t(label)}</p>
            <ul>
              {slots.map((s) => (
                <li key={s.key}>
                  <SlotLine slot={s} />
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
      {c.reordered ? <p>{t('slotsReordered')}</p> : null}
    </div>
  );
}
