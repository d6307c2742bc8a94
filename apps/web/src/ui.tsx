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
import { type Lang, type MessageKey, useI18n } from './i18n.tsx';

// The formats live in format.ts; pages import them from here with the other building blocks.
export { formatDate, formatDateTime, formatIdr, formatNumber, formatPercent } from './format.ts';

export type Failure = {
  __typename: string;
  message?: string;
  /** The gateway's error code of a request-level error (extensions.code), e.g. FORBIDDEN. */
  code?: string;
  fields?: readonly { field: string; message: string }[];
};

type TransportError = {
  message: string;
  graphQLErrors?: readonly { message: string; extensions?: Record<string, unknown> }[];
};

/** A typed failure from a mutation (`... on Failure`), or null for a success payload. */
export function failureOf(result: { __typename: string } | null | undefined): Failure | null {
  if (!result) return null;
  return 'message' in result && typeof result.message === 'string' ? (result as Failure) : null;
}

/** The failure of a mutation: its typed failure payload, else the transport error, else null. */
export function mutationFailure(
  payload: { __typename: string } | null | undefined,
  error: TransportError | undefined,
): Failure | null {
  const first = error?.graphQLErrors?.[0];
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : undefined;
  return (
    failureOf(payload) ??
    (error
      ? { __typename: 'Error', message: first?.message ?? error.message, ...(code ? { code } : {}) }
      : null)
  );
}

/** A field path as the form's fields are named: `input.reason` → `reason`. */
const fieldName = (path: string) => path.replace(/^input\./, '');

export function fieldErrors(failure: Failure | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of failure?.fields ?? []) out[fieldName(f.field)] ??= f.message;
  return out;
}

// Request-level errors the app words itself, in the user's language, by the gateway's code.
const LOCAL_ERRORS: Readonly<Record<string, MessageKey>> = {
  FORBIDDEN: 'error_FORBIDDEN',
  // Not signed in (an operation that needs an account); an expired token is a session that ended.
  UNAUTHENTICATED: 'error_SIGN_IN',
  INVALID_TOKEN: 'error_UNAUTHENTICATED',
  RATE_LIMITED: 'error_RATE_LIMITED',
};

/**
 * A gateway message in the user's language: a known code in the app's own words; else the message
 * without urql's "[GraphQL] " prefix, and of a two-language "Indonesian / English" text the half
 * in `lang`.
 */
export function localMessage(
  message: string | undefined,
  code: string | undefined,
  lang: Lang,
  t: (key: MessageKey) => string,
): string {
  const known = code ? LOCAL_ERRORS[code] : undefined;
  if (known) return t(known);
  const text = (message ?? '').replace(/^\[(GraphQL|Network)\] /, '');
  const halves = text.split(' / ');
  return halves.length === 2 ? (lang === 'id' ? halves[0]! : halves[1]!) : text;
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
  const { t, lang } = useI18n();
  const message =
    typeof error === 'string'
      ? error
      : 'graphQLErrors' in error && error.graphQLErrors.length > 0
        ? error.graphQLErrors
            .map((e) =>
              localMessage(
                e.message,
                typeof e.extensions?.code === 'string' ? e.extensions.code : undefined,
                lang,
                t,
              ),
            )
            .join('; ')
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

/** A failure's message at the top of a form; `also` lists field messages no field of the form shows. */
export function FailureNote({ failure, also = [] }: { failure: Failure | null; also?: readonly string[] }) {
  const { t, lang } = useI18n();
  if (!failure) return null;
  return (
    <div className="note error" role="alert">
      <p>{localMessage(failure.message, failure.code, lang, t)}</p>
      {also.length > 0 ? (
        <ul>
          {also.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * A form's failure, shown at its top unless every problem stands under a field: `shown` names
 * the form's fields with an error slot (`errors[name]`); field errors for anything else (a field
 * the form has no slot for, or the whole `input`) are listed here, so no failure goes unseen.
 */
export function FormFailureNote({ failure, shown }: { failure: Failure | null; shown: readonly string[] }) {
  if (!failure) return null;
  const fields = failure.fields ?? [];
  const unshown = fields.filter((f) => !shown.includes(fieldName(f.field)));
  if (fields.length > 0 && unshown.length === 0) return null;
  const also = [...new Set(unshown.map((f) => f.message))].filter((m) => m !== failure.message);
  return <FailureNote failure={failure} also={also} />;
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

/** A checkbox inside its label (`label.check`); `onChange` gets the new checked state. */
export function Checkbox({
  checked,
  onChange,
  testId,
  children,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        data-testid={testId}
      />{' '}
      {children}
    </label>
  );
}

/** A checkbox list's new choice: `list` with `item` added at the end when `on`, removed when not. */
export const toggled = <T,>(list: readonly T[], item: T, on: boolean): T[] =>
  on ? [...list, item] : list.filter((x) => x !== item);

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
    // Focusable, so a keyboard can scroll a table wider than a phone (WCAG 2.1.1).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region needs keyboard access
    <section className="table-wrap" aria-label={caption ?? columns.join(', ')} tabIndex={0}>
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
    </section>
  );
}

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

/** Today in WIB as YYYY-MM-DD. */
export function todayWib(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

export function StateBadge({ state, label }: { state: string; label: string }) {
  return <span className={`badge state-${state.toLowerCase()}`}>{label}</span>;
}
