// The staff's choice of the document slots to redo when returning a request to the citizen
// (issue 19 item 4, TransitionServiceRequestInput.redoSlots): one checkbox per slot of the
// checklist, preselected with what the gateway names when none are given (redoByDefault: the
// refused slots and the required ones still missing), so the default is the gateway's own rule.

import { type MessageKey, useI18n } from '../i18n.tsx';
import type { ChecklistView } from '../pages/document-checklist.tsx';

/** The keys chosen: the staff's own choice, or the gateway's default while they have not changed it. */
export const chosenRedo = (entries: readonly ChecklistView[], choice: ReadonlySet<string> | null): string[] =>
  entries.filter((e) => (choice ? choice.has(e.slot.key) : e.redoByDefault)).map((e) => e.slot.key);

/** The redo checkboxes, with the gateway's errors on `redoSlots` / `redoSlots[i]` below them. */
export function RedoSlotsPicker({
  entries,
  choice,
  onChange,
  errors,
}: {
  entries: readonly ChecklistView[];
  choice: ReadonlySet<string> | null;
  onChange: (choice: Set<string>) => void;
  errors: Record<string, string>;
}) {
  const { t } = useI18n();
  const chosen = new Set(chosenRedo(entries, choice));
  const error = [errors.redoSlots, ...entries.map((_, i) => errors[`redoSlots[${i}]`])].find(Boolean);
  return (
    <fieldset
      className={`field${error ? ' invalid' : ''}`}
      data-testid="redo-picker"
      aria-describedby="redo-picker-hint"
    >
      <legend>{t('redoSlotsLegend')}</legend>
      <p className="hint" id="redo-picker-hint">
        {t('redoSlotsHint')}
      </p>
      {entries.map((e) => (
        <label key={e.slot.key} className="check">
          <input
            type="checkbox"
            checked={chosen.has(e.slot.key)}
            onChange={(ev) => {
              const next = new Set(chosen);
              if (ev.target.checked) next.add(e.slot.key);
              else next.delete(e.slot.key);
              onChange(next);
            }}
          />{' '}
          {e.slot.name} ({t(`slotState_${e.state}` as MessageKey)})
        </label>
      ))}
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}

/** The field names the picker shows errors under, for FormFailureNote. */
export const redoFieldNames = (entries: readonly ChecklistView[]) => [
  'redoSlots',
  ...entries.map((_, i) => `redoSlots[${i}]`),
];
