import { useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useLayanan } from '../client.ts';
import { graphql, type ResultOf } from '../graphql.ts';
import { type MessageKey, useI18n } from '../i18n.tsx';
import { serviceName } from '../labels.ts';
import { Link } from '../router.tsx';
import { isStaffRole, type Session } from '../session.ts';
import {
  ErrorNote,
  Field,
  FormFailureNote,
  fieldErrors,
  formatIdr,
  Loading,
  mutationFailure,
  Notice,
  useFailure,
  useText,
} from '../ui.tsx';
import {
  FilePicker,
  type SlotFiles,
  SlotPicker,
  type SlotView,
  sendWithFiles,
  slottedFiles,
} from '../uploads.tsx';
import { AnonymousFiled } from './anonymous-complaint.tsx';
import { ServiceFacts } from './catalogue.tsx';
import { PlaceFields, placeOf } from './place-fields.tsx';
import { coordinate, SimilarComplaints } from './similar-complaints.tsx';

const ServiceQuery = graphql(
  `
  query Service($code: String!) {
    service(code: $code) {
      ...ServiceFacts
      published
      pledge
      unit { name }
      currentVersion {
        version
        standard
        attributes { code datatype description required min max format rule values { key name } }
        documentSlots { key name required acceptedTypes maxFiles }
      }
    }
  }
`,
  [ServiceFacts],
);

type Attribute = NonNullable<
  NonNullable<ResultOf<typeof ServiceQuery>['service']>['currentVersion']
>['attributes'][number];

// The 14 components of UU 25/2009 art. 21, in the order the law lists them.
export const STANDARD_ORDER = [
  'LEGAL_BASIS',
  'REQUIREMENTS',
  'PROCEDURE',
  'COMPLETION_TIME',
  'COST',
  'PRODUCT',
  'FACILITIES',
  'STAFF_COMPETENCE',
  'INTERNAL_SUPERVISION',
  'COMPLAINT_HANDLING',
  'STAFF_COUNT',
  'SERVICE_GUARANTEE',
  'SECURITY_SAFETY_GUARANTEE',
  'PERFORMANCE_EVALUATION',
] as const;

function StandardValue({ value, lang }: { value: unknown; lang: 'id' | 'en' }) {
  if (Array.isArray(value))
    return (
      <ol>
        {value.map((v) => (
          <li key={String(v)}>{String(v)}</li>
        ))}
      </ol>
    );
  if (value && typeof value === 'object') {
    const localized = (value as Record<string, unknown>)[lang];
    return <StandardValue value={localized ?? JSON.stringify(value)} lang={lang} />;
  }
  return <p>{String(value ?? '—')}</p>;
}

export function ServicePage({ code, session }: { code: string; session: Session | null }) {
  const { t, lang } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ServiceQuery, variables: { code } });
  if (error) return <ErrorNote error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <Loading />;
  const service = data?.service;
  if (!service) return <Notice kind="warn">{t('serviceNotFound')}</Notice>;
  const standard = (service.currentVersion?.standard ?? {}) as Record<string, unknown>;

  return (
    <article className="service">
      <p className="crumbs">
        <Link to="/">{t('navServices')}</Link> / {service.code}
      </p>
      <h1>{serviceName(service, lang)}</h1>
      <p className="muted">{service.unit.name}</p>
      <p>{service.description}</p>
      {/* On a phone the standard fills several screens before the form: a way straight to it. */}
      <p className="jump-link">
        <a href="#request-form">{t('jumpToRequestForm')}</a>
      </p>
      <div className="columns">
        <section aria-labelledby="standard-title" className="panel">
          <h2 id="standard-title">{t('serviceStandard')}</h2>
          <dl className="standard">
            {STANDARD_ORDER.filter((k) => k in standard).map((key) => (
              <div key={key}>
                <dt>{t(`std_${key}` as MessageKey)}</dt>
                <dd>
                  {key === 'COST' && typeof standard[key] === 'number' ? (
                    <p>{standard[key] === 0 ? t('free') : formatIdr(standard[key] as number, lang)}</p>
                  ) : key === 'COMPLETION_TIME' && typeof standard[key] === 'number' ? (
                    <p data-testid="standard-time">{service.standardTime}</p>
                  ) : (
                    <StandardValue value={standard[key]} lang={lang} />
                  )}
                </dd>
              </div>
            ))}
          </dl>
          <div className="pledge">
            <h3>{t('pledgeTitle')}</h3>
            <p data-testid="pledge">{service.pledge}</p>
          </div>
        </section>
        <section id="request-form" aria-labelledby="form-title" className="panel" tabIndex={-1}>
          <h2 id="form-title">{t('fileRequest')}</h2>
          {!session ? (
            <p>
              <Link to={`/masuk?next=${encodeURIComponent(`/layanan/${service.code}`)}`}>
                {t('signInToFile')}
              </Link>
            </p>
          ) : null}
          {/* A complaint can be filed anonymously without signing in (issue 20). */}
          {session || service.kind === 'COMPLAINT' ? (
            <RequestForm
              serviceCode={service.code}
              attributes={service.currentVersion?.attributes ?? []}
              slots={service.currentVersion?.documentSlots ?? []}
              requirements={standard.REQUIREMENTS}
              counter={session ? isStaffRole(session.account.role) : false}
              complaint={service.kind === 'COMPLAINT'}
              signedIn={session !== null}
            />
          ) : null}
        </section>
      </div>
    </article>
  );
}

/** submitServiceRequest with files (sent as a multipart request, uploads.tsx). */
const SUBMIT_WITH_FILES = `mutation SubmitWithFiles($input: SubmitServiceRequestInput!) {
  submitServiceRequest(input: $input) {
    __typename
    ... on ServiceRequestPayload { request { trackingCode } }
    ... on Failure { message }
    ... on ValidationError { fields { field message } }
  }
}`;

const FileAnonymous = graphql(`
  mutation FileAnonymousComplaint($input: FileAnonymousComplaintInput!) {
    fileAnonymousComplaint(input: $input) {
      __typename
      ... on AnonymousComplaintFiled { trackingCode secret }
      ... on ValidationError { fields { field message } }
      ... on Failure { message }
    }
  }
`);

type Privacy = 'IDENTIFIED' | 'CONFIDENTIAL' | 'ANONYMOUS';
const PRIVACY_CHOICES: readonly Privacy[] = ['IDENTIFIED', 'CONFIDENTIAL', 'ANONYMOUS'];
/** Attribute formats that identify a person: not asked for in an anonymous complaint. */
const IDENTIFYING_FORMATS = new Set(['NIK', 'NIP', 'NPWP', 'PHONE']);

/** How the reporter of a complaint is known: a one-line explanation under each choice. */
function PrivacyChoice({
  value,
  onChange,
  signedIn,
}: {
  value: Privacy;
  onChange: (p: Privacy) => void;
  signedIn: boolean;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="field" data-testid="reporter-privacy">
      <legend>{t('privacyChoice')}</legend>
      {PRIVACY_CHOICES.map((p) => (
        <label key={p} className="check">
          <input
            type="radio"
            name="reporterPrivacy"
            value={p}
            checked={value === p}
            disabled={!signedIn && p !== 'ANONYMOUS'}
            onChange={() => onChange(p)}
          />{' '}
          <strong>{t(`privacy${p}`)}</strong> — <span className="muted">{t(`privacy${p}Hint`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

function RequestForm({
  serviceCode,
  attributes: allAttributes,
  slots,
  requirements,
  counter,
  complaint = false,
  signedIn = true,
}: {
  serviceCode: string;
  attributes: readonly Attribute[];
  /** The requirements as document slots (one upload each), beside the standard's REQUIREMENTS. */
  slots: readonly SlotView[];
  requirements: unknown;
  counter: boolean;
  complaint?: boolean;
  signedIn?: boolean;
}) {
  const [privacy, setPrivacy] = useState<Privacy>(signedIn ? 'IDENTIFIED' : 'ANONYMOUS');
  const anonymous = complaint && privacy === 'ANONYMOUS';
  const attributes = anonymous
    ? allAttributes.filter((a) => !(a.format && IDENTIFYING_FORMATS.has(a.format)))
    : allAttributes;
  const contact = useText();
  const [filedAnonymously, setFiledAnonymously] = useState<{ trackingCode: string; secret: string } | null>(
    null,
  );
  const [, fileAnonymous] = useMutation(FileAnonymous);
  const { t, lang } = useI18n();
  const layanan = useLayanan();
  const [files, setFiles] = useState<File[]>([]);
  const [slotFiles, setSlotFiles] = useState<SlotFiles>({});
  const [progress, setProgress] = useState<number | null>(null);
  // One key per form: a double click or a retry after a lost answer never files twice (the
  // client also reuses it on its own retries).
  const idempotencyKey = useRef(crypto.randomUUID());
  const [values, setValues] = useState<Record<string, string | string[]>>({});
  const text = useText();
  const latitude = useText();
  const longitude = useText();
  const citizenEmail = useText();
  const [local, setLocal] = useState<Record<string, string>>({});
  const { failure, setFailure } = useFailure();
  const [fetching, setFetching] = useState(false);
  const [code, setCode] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const submitting = useRef(false);

  if (filedAnonymously) return <AnonymousFiled {...filedAnonymously} />;
  if (code) {
    return (
      <div className="note success" role="status" data-testid="request-filed">
        <h3>{t('requestFiled')}</h3>
        <p>{t('trackingCodeIs')}</p>
        <p className="tracking">
          <output data-testid="tracking-code">{code}</output>{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              void navigator.clipboard
                ?.writeText(code)
                .then(() => setCopied(true))
                .catch(() => setCopied(false));
            }}
          >
            {copied ? t('copied') : t('copy')}
          </button>
        </p>
        <p>
          <Link to={`/permohonan/${code}`}>{t('followRequest')}</Link>
        </p>
      </div>
    );
  }

  const errors = { ...fieldErrors(failure), ...local };
  const set = (code: string, value: string | string[]) => setValues((v) => ({ ...v, [code]: value }));

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (submitting.current) return;
    const missing: Record<string, string> = {};
    for (const a of attributes) {
      const v = values[a.code];
      if (a.required && (v === undefined || (Array.isArray(v) ? v.length === 0 : v.trim() === '')))
        missing[`attributes.${a.code}`] = t('fieldRequired');
    }
    if (text.value.trim() === '') missing.text = t('fieldRequired');
    setLocal(missing);
    if (Object.keys(missing).length > 0) {
      setFailure(null);
      document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const attributesValue: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) {
      if (Array.isArray(v) ? v.length > 0 : v.trim() !== '') attributesValue[k] = v;
    }
    submitting.current = true;
    setFetching(true);
    try {
      if (anonymous) {
        const r = await fileAnonymous({
          input: {
            serviceCode,
            text: text.value,
            attributes: attributesValue,
            contactEmail: contact.value || null,
            // The place only as the reporter typed or chose to share it (the same checks as below).
            ...placeOf(latitude.value, longitude.value),
            // The reporter's news comes in the language they filed in.
            contactLanguage: lang === 'en' ? 'EN' : 'ID',
          },
        });
        const payload = r.data?.fileAnonymousComplaint;
        if (payload?.__typename === 'AnonymousComplaintFiled') {
          setFailure(null);
          setFiledAnonymously({ trackingCode: payload.trackingCode, secret: payload.secret });
        } else setFailure(mutationFailure(payload, r.error));
        return;
      }
      const input = {
        serviceCode,
        text: text.value,
        attributes: attributesValue,
        idempotencyKey: idempotencyKey.current,
        ...(counter ? { citizenEmail: citizenEmail.value } : {}),
        ...(complaint ? { reporterPrivacy: privacy as 'IDENTIFIED' | 'CONFIDENTIAL' } : {}),
        // Where the complaint is about (both or neither; the gateway checks the range).
        ...(complaint ? placeOf(latitude.value, longitude.value) : {}),
      };
      const upload = slottedFiles(slotFiles, files);
      if (upload.files.length > 0) {
        // With files: the GraphQL multipart request, with upload progress; each file's slot by position.
        setProgress(0);
        const answer = await sendWithFiles(
          lang,
          SUBMIT_WITH_FILES,
          { ...input, attachmentSlots: upload.attachmentSlots },
          upload.files,
          setProgress,
        ).catch(() => null);
        const payload = answer?.data?.submitServiceRequest;
        if (payload?.__typename === 'ServiceRequestPayload') {
          setFailure(null);
          setCode(payload.request?.trackingCode ?? null);
        } else {
          if (payload?.__typename === 'ConflictError') idempotencyKey.current = crypto.randomUUID();
          setFailure({
            __typename: payload?.__typename ?? 'NetworkError',
            message: payload?.message ?? answer?.errors?.[0]?.message ?? t('networkError'),
            ...(payload?.fields ? { fields: payload.fields } : {}),
          });
        }
        return;
      }
      const result = await layanan.submitRequest(input);
      if (result.ok) {
        setFailure(null);
        setCode(result.data.request.trackingCode);
      } else {
        const { error } = result;
        // The key went with other content (an earlier attempt of this form was filed): the
        // message says so, and a deliberate new submission gets a key of its own.
        if (error.kind === 'ConflictError') idempotencyKey.current = crypto.randomUUID();
        setFailure({
          __typename: error.kind,
          message: error.kind === 'NetworkError' ? t('networkError') : error.message,
          ...(error.kind === 'ValidationError' ? { fields: error.fields } : {}),
        });
      }
    } finally {
      submitting.current = false;
      setFetching(false);
      setProgress(null);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby="form-note">
      <p id="form-note" className="hint">
        {t('formNote')}
      </p>
      {complaint && !counter ? (
        <PrivacyChoice value={privacy} onChange={setPrivacy} signedIn={signedIn} />
      ) : null}
      {anonymous ? <p className="hint">{t('anonymousNoIdentity')}</p> : null}
      {anonymous ? (
        <Field label={t('anonymousContact')} error={errors.contactEmail} hint={t('anonymousContactHint')}>
          {(p) => <input {...p} type="email" name="contactEmail" {...contact.bind} />}
        </Field>
      ) : null}
      {counter ? (
        <Field label={t('citizenEmail')} error={errors.citizenEmail} required hint={t('citizenEmailHint')}>
          {(p) => <input {...p} type="email" {...citizenEmail.bind} />}
        </Field>
      ) : null}
      {attributes.map((a) => (
        <AttributeField
          key={a.code}
          attribute={a}
          value={values[a.code]}
          error={errors[`attributes.${a.code}`]}
          onChange={(v) => set(a.code, v)}
        />
      ))}
      <Field label={t('requestText')} error={errors.text} required hint={t('requestTextHint')}>
        {(p) => <textarea {...p} rows={5} {...text.bind} />}
      </Field>
      {complaint ? (
        <>
          <PlaceFields latitude={latitude} longitude={longitude} errors={errors} anonymous={anonymous} />
          <SimilarComplaints
            serviceCode={serviceCode}
            description={text.value}
            latitude={coordinate(latitude.value)}
            longitude={coordinate(longitude.value)}
          />
        </>
      ) : null}
      {anonymous ? null : (
        <>
          {slots.length > 0 ? (
            <section aria-labelledby="requirements-title" data-testid="requirements">
              <h3 id="requirements-title">{t('requirementsTitle')}</h3>
              {requirements ? (
                <>
                  <p className="muted">{t('requirementsOfStandard')}</p>
                  <StandardValue value={requirements} lang={lang} />
                </>
              ) : null}
              <p className="hint">{t('requirementsHint')}</p>
              <SlotPicker
                slots={slots}
                files={slotFiles}
                onChange={setSlotFiles}
                disabled={progress !== null}
              />
            </section>
          ) : null}
          <FilePicker files={files} onChange={setFiles} progress={progress} />
        </>
      )}
      <FormFailureNote
        failure={failure}
        shown={[
          'text',
          ...(complaint ? ['latitude', 'longitude'] : []),
          ...(counter ? ['citizenEmail'] : []),
          ...(anonymous ? ['contactEmail'] : []),
          ...attributes.map((a) => `attributes.${a.code}`),
        ]}
      />
      <button type="submit" disabled={fetching} aria-busy={fetching}>
        {fetching ? t('submitting') : t('submitRequest')}
      </button>
    </form>
  );
}

function AttributeField({
  attribute: a,
  value,
  error,
  onChange,
}: {
  attribute: Attribute;
  value: string | string[] | undefined;
  error: string | undefined;
  onChange: (v: string | string[]) => void;
}) {
  const { t } = useI18n();
  const label = a.description ?? a.code;
  // What the catalogue asks beyond the datatype (NIK format, a pattern, a date range), as the
  // server checks it; the server's field error says which part failed.
  const range =
    a.datatype === 'number' && (a.min !== null || a.max !== null)
      ? t('numberRange', { min: a.min ?? '—', max: a.max ?? '—' })
      : a.rule;
  if (a.datatype === 'multivaluelist') {
    const selected = Array.isArray(value) ? value : [];
    return (
      <fieldset className={`field${error ? ' invalid' : ''}`} aria-invalid={Boolean(error)}>
        <legend>
          {label}
          {a.required ? <span className="required"> ({t('required')})</span> : null}
        </legend>
        {a.values.map((o) => (
          <label key={o.key} className="check">
            <input
              type="checkbox"
              checked={selected.includes(o.key)}
              onChange={(e) =>
                onChange(e.target.checked ? [...selected, o.key] : selected.filter((k) => k !== o.key))
              }
            />{' '}
            {o.name ?? o.key}
          </label>
        ))}
        {error ? <p className="field-error">{error}</p> : null}
      </fieldset>
    );
  }
  const v = typeof value === 'string' ? value : '';
  return (
    <Field label={label} error={error} required={a.required} hint={range}>
      {(p) =>
        a.datatype === 'singlevaluelist' ? (
          <select {...p} value={v} onChange={(e) => onChange(e.target.value)}>
            <option value="">{t('choose')}</option>
            {a.values.map((o) => (
              <option key={o.key} value={o.key}>
                {o.name ?? o.key}
              </option>
            ))}
          </select>
        ) : a.datatype === 'text' ? (
          <textarea {...p} rows={3} value={v} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input
            {...p}
            name={a.code}
            type={a.datatype === 'number' ? 'number' : a.datatype === 'datetime' ? 'date' : 'text'}
            inputMode={
              a.datatype === 'number'
                ? 'decimal'
                : a.format === 'NIK' || a.format === 'NIP' || a.format === 'NPWP'
                  ? 'numeric'
                  : a.format === 'PHONE'
                    ? 'tel'
                    : undefined
            }
            min={a.min ?? undefined}
            max={a.max ?? undefined}
            value={v}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}
