// The progress update form of forum commitments and improvement actions: a 0–100 value and a note,
// and a public reason when the value goes below the current progress (history moves forward only).
import { useState } from 'react';
import { useI18n } from './i18n.tsx';
import { type Failure, FailureNote, Field, Notice, SubmitButton, useFailure, useText } from './ui.tsx';

/**
 * `submit` sends the update and returns its failure (null when saved); after a save the note is
 * cleared and `onSaved` runs. `confirm` shows a "saved" notice; `failureWithFields` shows the
 * failure's message even when its fields carry their own errors.
 */
export function ProgressForm({
  initial,
  current,
  label,
  fetching,
  submit,
  onSaved,
  confirm = false,
  failureWithFields = false,
}: {
  initial: number;
  /** The progress now: a lower value asks for the public reason of the decrease. */
  current: number;
  label?: string;
  fetching: boolean;
  submit: (progress: string, note: string, decreaseReason: string | null) => Promise<Failure | null>;
  onSaved: () => void;
  confirm?: boolean;
  failureWithFields?: boolean;
}) {
  const { t } = useI18n();
  const progress = useText(String(initial));
  const note = useText();
  const reason = useText();
  const decreasing = progress.value.trim() !== '' && Number(progress.value) < current;
  const { failure, setFailure, errors } = useFailure();
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="subform"
      noValidate
      aria-label={label}
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(false);
        const f = await submit(progress.value, note.value, decreasing ? reason.value : null);
        setFailure(f);
        if (!f) {
          note.set('');
          reason.set('');
          setSaved(true);
          onSaved();
        }
      }}
    >
      <Field label={t('progressPercent')} error={errors.progress ?? errors['input.progress']}>
        {(p) => <input {...p} type="number" min={0} max={100} {...progress.bind} />}
      </Field>
      <Field label={t('progressNote')} error={errors.note ?? errors['input.note']} required>
        {(p) => <input {...p} {...note.bind} />}
      </Field>
      {decreasing || errors.decreaseReason ? (
        <Field
          label={t('decreaseReason', { from: current })}
          error={errors.decreaseReason ?? errors['input.decreaseReason']}
          required
        >
          {(p) => <input {...p} {...reason.bind} />}
        </Field>
      ) : null}
      {failure && (failureWithFields || !failure.fields?.length) ? <FailureNote failure={failure} /> : null}
      {confirm && saved ? <Notice kind="success">{t('progressSaved')}</Notice> : null}
      <SubmitButton busy={fetching}>{t('saveProgress')}</SubmitButton>
    </form>
  );
}
