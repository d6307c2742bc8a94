// The second person's decision (four eyes, issue 15 kind 7): a required reason and the approve and
// reject buttons, shared by the Persetujuan tab's trainings and service-standard changes.
import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { type Failure, FailureNote } from '../ui.tsx';

/** `onDecide(approve, reason)` runs the decision (or asks first); buttons wait for a reason. */
export function DecisionForm({
  id,
  busy,
  failure,
  onDecide,
}: {
  /** Unique per card: names the reason field. */
  id: string;
  busy: boolean;
  failure: Failure | null;
  onDecide: (approve: boolean, reason: string) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const reasonId = `decision-reason-${id}`;
  const blocked = busy || reason.trim() === '';
  return (
    <form
      className="subform"
      onSubmit={(e) => {
        e.preventDefault();
        onDecide(true, reason);
      }}
    >
      <label htmlFor={reasonId}>{t('reviewReason')}</label>
      <input id={reasonId} value={reason} required onChange={(e) => setReason(e.target.value)} />
      <div className="toolbar">
        <button type="submit" disabled={blocked}>
          {t('approve')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={blocked}
          onClick={() => onDecide(false, reason)}
        >
          {t('reject')}
        </button>
      </div>
      <FailureNote failure={failure} />
    </form>
  );
}
