// Irreversible actions (reject, complete, cancel, revoke, delete) ask first, in a modal dialog
// that names what they act on; Escape or "Batal" closes it without acting.
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useI18n } from './i18n.tsx';

export type Confirmation = {
  /** The question, e.g. "Tolak permohonan ini?". */
  title: string;
  /** What the action acts on, as the user knows it (code, name, current state). */
  subject: ReactNode;
  /** The confirming button's label: the action itself ("Tolak"), never a bare "OK". */
  confirmLabel: string;
  onConfirm: () => void;
};

/** The confirmation being asked (or null) and `ask` to open one; render `dialog` in the page. */
export function useConfirmation() {
  const [asking, setAsking] = useState<Confirmation | null>(null);
  const dialog = asking ? (
    <ConfirmDialog
      confirmation={asking}
      onClose={() => setAsking(null)}
      onConfirm={() => {
        setAsking(null);
        asking.onConfirm();
      }}
    />
  ) : null;
  return { ask: setAsking, cancel: () => setAsking(null), asking: asking !== null, dialog };
}

function ConfirmDialog({
  confirmation,
  onClose,
  onConfirm,
}: {
  confirmation: Confirmation;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // The safe choice has the focus: Enter does not act by accident.
    cancelRef.current?.focus();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby="confirm-title"
      data-testid="confirm-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="confirm-title">{confirmation.title}</h2>
      <div className="confirm-subject">{confirmation.subject}</div>
      <p className="muted">{t('cannotBeUndone')}</p>
      <div className="actions">
        <button type="button" className="danger" onClick={onConfirm}>
          {confirmation.confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={onClose} ref={cancelRef}>
          {t('cancel')}
        </button>
      </div>
    </dialog>
  );
}
