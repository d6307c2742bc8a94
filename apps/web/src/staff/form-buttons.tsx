// The buttons under the staff register's forms: the action, then closing the form; and the state of
// a "new …" button that opens a creation form in its place.
import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { SubmitButton } from '../ui.tsx';

/** Submit (disabled while `busy`) and a button that closes the form (`closeLabel`, default "Tutup"). */
export function FormButtons({
  busy,
  submit,
  onClose,
  closeLabel,
}: {
  busy: boolean;
  submit: ReactNode;
  onClose: () => void;
  closeLabel?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <SubmitButton busy={busy}>{submit}</SubmitButton>
      <button type="button" className="secondary" onClick={onClose}>
        {closeLabel ?? t('close')}
      </button>
    </div>
  );
}

/**
 * A creation form opened by a "new …" button: `creating` while it is open, `created` what the last
 * one made (for its success notice, cleared when the form opens again); `done` closes the form.
 */
export function useCreation<T>() {
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<T | null>(null);
  return {
    creating,
    created,
    open: () => {
      setCreated(null);
      setCreating(true);
    },
    close: () => setCreating(false),
    /** Dismisses the success notice. */
    clear: () => setCreated(null),
    done: (value: T) => {
      setCreating(false);
      setCreated(value);
    },
  };
}
