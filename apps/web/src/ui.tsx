// Shared building blocks: loading and error states, typed failures, labelled fields, formats.
import type { CombinedError } from '@urql/core';
import {
  type ChangeEvent,
  type FormEvent,
  type ReactNode,
  type SelectHTMLAttributes,
  type TableHTMLAttributes,
  useId,
  useState,
} from 'react';
import { type Lang, useI18n } from './i18n.tsx';

export type Failure = {
  __typename: string;
  message?: string;
  fields?: readonly { field: string; message: string }[];
};

/** A typed failure from a mutation (`... on Failure`), or null for a success payload. */
export function failureOf(result: { __typename: string } | null | undefined): Failure | null {
  if (!result) return null;
  return 'message' in result && typeof result.message === 'string' ? (result as Failure) : null;
}

/** The failure of a mutation: its typed failure payload, else the transport error, else null. */
export function mutationFailure(
  payload: { __typename: string } | null | undefined,
  error: { message: string } | undefined,
): Failure | null {
  return failureOf(payload) ?? (error ? { __typename: 'Error', message: error.message } : null);
}

export function fieldErrors(failure: Failure | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of failure?.fields ?? []) out[f.field] ??= f.message;
  return out;
}

/**
 * A text control's state: spread `bind` on its `<input>`, `<textarea>` or `<select>`; `value` is the
 * text, `set` replaces it (e.g. to clear the form after a save).
 */
export function useText(initial = '') {
  const [value, set] = useState(initial);
  const onChange = (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
    set(e.target.value);
  return { value, set, bind: { value, onChange } };
}

/** A form's typed failure (null while none) and its field errors by field name. */
export function useFailure() {
  const [failure, setFailure] = useState<Failure | null>(null);
  return { failure, setFailure, errors: fieldErrors(failure) };
}

/**
 * A form's submit handler for one mutation: `send` runs it and returns its failure (see
 * mutationFailure); the failure is shown, and `onDone` runs when there is none.
 */
export function useSubmit(send: () => Promise<Failure | null>, onDone: () => void = () => {}) {
  const { failure, setFailure, errors } = useFailure();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const f = await send();
    setFailure(f);
    if (!f) onDone();
  };
  return { failure, setFailure, errors, onSubmit };
}

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label ?? t('loading')}
    </p>
  );
}

export function ErrorNote({ error, retry }: { error: CombinedError | Error | string; retry?: () => void }) {
  const { t } = useI18n();
  const message =
    typeof error === 'string'
      ? error
      : 'graphQLErrors' in error && error.graphQLErrors.length > 0
        ? error.graphQLErrors.map((e) => e.message).join('; ')
        : 'networkError' in error && error.networkError
          ? t('networkError')
          : error.message;
  return (
    <div className="note error" role="alert">
      <p>{message}</p>
      {retry ? (
        <button type="button" className="secondary" onClick={retry}>
          {t('retry')}
        </button>
      ) : null}
    </div>
  );
}

export function FailureNote({ failure }: { failure: Failure | null }) {
  if (!failure) return null;
  return (
    <div className="note error" role="alert">
      <p>{failure.message}</p>
    </div>
  );
}

/** A form's failure that no field shows (field failures stand under their fields). */
export function FormFailureNote({ failure }: { failure: Failure | null }) {
  return failure && !failure.fields?.length ? <FailureNote failure={failure} /> : null;
}

/** A form's submit button, disabled while its mutation is `busy`. */
export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <button type="submit" disabled={busy}>
      {children}
    </button>
  );
}

export function Notice({
  children,
  kind = 'info',
}: {
  children: ReactNode;
  kind?: 'info' | 'success' | 'warn';
}) {
  return (
    <div className={`note ${kind}`} role="status">
      {children}
    </div>
  );
}

/** A label, the control, an optional hint and the field's error, wired for screen readers. */
export function Field({
  label,
  error,
  hint,
  required,
  children,
}: {
  label: string;
  error?: string | undefined;
  hint?: string | null | undefined;
  required?: boolean;
  children: (props: {
    id: string;
    'aria-invalid': boolean;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}) {
  const id = useId();
  const { t } = useI18n();
  const described =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> ({t('required')})</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': described })}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A `<select>` over fixed `options` (enum values, years), each shown by `label` (the value itself
 * by default); `children` go first, e.g. an `<option value="">` for "all" or "none".
 */
export function Select<T extends string | number>({
  options,
  value,
  onChange,
  label = String,
  children,
  ...props
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  label?: (option: T) => ReactNode;
}) {
  return (
    <select
      {...props}
      value={value}
      // Anything not among the options is the empty first option of `children`.
      onChange={(e) => onChange(options.find((o) => String(o) === e.target.value) ?? ('' as T))}
    >
      {children}
      {options.map((o) => (
        <option key={o} value={o}>
          {label(o)}
        </option>
      ))}
    </select>
  );
}

/**
 * A table that scrolls sideways on narrow screens, with one row of column headers (`columns`,
 * each label used once); `actions` adds a last column for row buttons, named for screen readers
 * only. `children` are the body rows.
 */
export function Table({
  columns,
  actions = false,
  caption,
  children,
  ...props
}: TableHTMLAttributes<HTMLTableElement> & {
  columns: readonly string[];
  actions?: boolean;
  caption?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table {...props}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
            {actions ? (
              <th scope="col">
                <span className="sr-only">{t('actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');

/** A 0–100 progress bar that screen readers announce (commitments, improvement actions). */
export function ProgressBar({ value }: { value: number }) {
  const { t } = useI18n();
  return (
    <div
      className="progress"
      role="progressbar"
      aria-valuenow={value}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-label={t('progress')}
    >
      <span style={{ width: `${value}%` }} />
    </div>
  );
}

export function formatDate(value: string | null | undefined, lang: Lang): string {
  if (!value) return '—';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+07:00`) : new Date(value);
  return date.toLocaleDateString(locale(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Asia/Jakarta',
  });
}

export function formatDateTime(value: string | null | undefined, lang: Lang): string {
  if (!value) return '—';
  return new Date(value).toLocaleString(locale(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Jakarta',
  });
}

export function formatIdr(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), {
    style: 'currency',
    currency: 'IDR',
    maximumFractionDigits: 0,
  }).format(value);
}

export function formatNumber(value: number | null | undefined, lang: Lang, digits = 1): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(value);
}

/** Today in WIB as YYYY-MM-DD. */
export function todayWib(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

export function StateBadge({ state, label }: { state: string; label: string }) {
  return <span className={`badge state-${state.toLowerCase()}`}>{label}</span>;
}
