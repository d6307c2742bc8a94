// The buttons under the staff register's forms: the action, then closing the form.
import type { ReactNode } from 'react';
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
