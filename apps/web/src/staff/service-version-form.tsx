// Services on the catalogue editor (issue 21 item 7): an admin adds a service with its first version
// (createService: names, kind, unit, the 14 components of UU 25/2009 art. 21 and the form fields);
// admins and supervisors of the owning unit propose a new version — its requirements and form fields
// (Open311 attributes) — which a second person publishes on the approvals page
// (proposeServiceChange, four eyes). Kept apart from catalogue-editor.tsx's entry editing.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql, type VariablesOf } from '../graphql.ts';
import { type MessageKey, useI18n } from '../i18n.tsx';
import { STANDARD_ORDER } from '../pages/service.tsx';
import {
  Field,
  FormFailureNote,
  Loading,
  mutationFailure,
  Notice,
  Select,
  useSubmit,
  useText,
} from '../ui.tsx';
import { FormButtons } from './form-buttons.tsx';
import { UnitSelect } from './staff-form.tsx';

const CreateService = graphql(`
  mutation CreateService($input: CreateServiceInput!) {
    createService(input: $input) {
      __typename
      ... on ServiceVersionPayload { service { id code name } version { id version } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { message }
    }
  }
`);

const ProposeChange = graphql(`
  mutation ProposeServiceChange($input: ProposeServiceChangeInput!) {
    proposeServiceChange(input: $input) {
      __typename
      ... on ServiceChangePayload { serviceChange { id state changedParts } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { message }
    }
  }
`);

const CurrentVersionQuery = graphql(`
  query ServiceCurrentVersion($code: String!) {
    service(code: $code) {
      id
      currentVersion {
        id version standard
        attributes { code datatype description required min max rule values { key name } }
      }
    }
  }
`);

type AttributeInput = NonNullable<VariablesOf<typeof CreateService>['input']['attributes']>[number];

const SERVICE_KINDS = ['PERMIT', 'REGISTRATION', 'COMPLAINT', 'INFORMATION_REQUEST'] as const;
const DATATYPES = ['string', 'text', 'number', 'datetime', 'singlevaluelist', 'multivaluelist'] as const;
type Datatype = (typeof DATATYPES)[number];
/** Components given as a list, one item a line; the numeric ones as numbers; the rest as text. */
const LIST_COMPONENTS: readonly string[] = ['LEGAL_BASIS', 'REQUIREMENTS', 'PROCEDURE'];
const NUMERIC_COMPONENTS: readonly string[] = ['COMPLETION_TIME', 'STAFF_COUNT'];

/** A form field being edited: the list values as lines of `KEY = Nama | English name`. */
type AttributeRow = {
  code: string;
  datatype: Datatype;
  descriptionId: string;
  descriptionEn: string;
  required: boolean;
  min: string;
  max: string;
  values: string;
};

const emptyRow = (): AttributeRow => ({
  code: '',
  datatype: 'string',
  descriptionId: '',
  descriptionEn: '',
  required: false,
  min: '',
  max: '',
  values: '',
});

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const isList = (d: Datatype) => d === 'singlevaluelist' || d === 'multivaluelist';

/** The rows as ServiceAttributeInput: blanks left out, list values parsed, numbers as numbers. */
export function attributeInputs(rows: readonly AttributeRow[]): AttributeInput[] {
  return rows.map((r) => {
    const input: AttributeInput = {
      code: r.code.trim(),
      datatype: r.datatype,
      required: r.required,
      ...(r.descriptionId.trim() ? { descriptionId: r.descriptionId.trim() } : {}),
      ...(r.descriptionEn.trim() ? { descriptionEn: r.descriptionEn.trim() } : {}),
    };
    if (r.datatype === 'number') {
      if (r.min.trim() !== '') input.min = Number(r.min.replace(',', '.'));
      if (r.max.trim() !== '') input.max = Number(r.max.replace(',', '.'));
    }
    if (isList(r.datatype))
      input.values = lines(r.values).map((line) => {
        const [key = '', names = ''] = line.split('=').map((p) => p.trim());
        const [nameId = '', nameEn = ''] = names.split('|').map((p) => p.trim());
        return { key, ...(nameId ? { nameId } : {}), ...(nameEn ? { nameEn } : {}) };
      });
    return input;
  });
}

/** The 14 components from the form's texts: lists by line, numbers as numbers, the cost a number when it is one. */
export function standardFromTexts(texts: Readonly<Record<string, string>>): Record<string, unknown> {
  const standard: Record<string, unknown> = {};
  for (const code of STANDARD_ORDER) {
    const text = (texts[code] ?? '').trim();
    if (LIST_COMPONENTS.includes(code)) standard[code] = lines(text);
    else if (NUMERIC_COMPONENTS.includes(code)) standard[code] = text === '' ? null : Number(text);
    else if (code === 'COST')
      standard[code] = /^\d+$/.test(text.replace(/\./g, '')) ? Number(text.replace(/\./g, '')) : text;
    else standard[code] = text;
  }
  return standard;
}

/** The form-field editor: one fieldset per field, with its errors (`attributes[i].x`) beside it. */
function AttributesEditor({
  rows,
  onChange,
  errors,
}: {
  rows: readonly AttributeRow[];
  onChange: (rows: AttributeRow[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<AttributeRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="field" data-testid="attributes-editor">
      <legend>{t('formFields')}</legend>
      <p className="hint">{t('formFieldsHint')}</p>
      {errors.attributes ? <p className="field-error">{errors.attributes}</p> : null}
      {rows.map((r, i) => {
        const at = `attributes[${i}]`;
        return (
          <fieldset key={i} className="subform">
            <legend>{t('formFieldNumber', { n: i + 1 })}</legend>
            <Field
              label={t('formFieldCode')}
              hint={t('formFieldCodeHint')}
              error={errors[`${at}.code`]}
              required
            >
              {(p) => <input {...p} value={r.code} onChange={(e) => set(i, { code: e.target.value })} />}
            </Field>
            <Field label={t('formFieldType')} error={errors[`${at}.datatype`]} required>
              {(p) => (
                <Select
                  {...p}
                  options={DATATYPES}
                  value={r.datatype}
                  label={(d) => t(`datatype_${d}` as MessageKey)}
                  onChange={(datatype) => set(i, { datatype })}
                />
              )}
            </Field>
            <Field label={t('formFieldLabelId')} error={errors[`${at}.descriptionId`]} required>
              {(p) => (
                <input
                  {...p}
                  value={r.descriptionId}
                  onChange={(e) => set(i, { descriptionId: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('formFieldLabelEn')} error={errors[`${at}.descriptionEn`]}>
              {(p) => (
                <input
                  {...p}
                  value={r.descriptionEn}
                  onChange={(e) => set(i, { descriptionEn: e.target.value })}
                />
              )}
            </Field>
            {r.datatype === 'number' ? (
              <>
                <Field label={t('formFieldMin')} error={errors[`${at}.min`]}>
                  {(p) => (
                    <input
                      {...p}
                      inputMode="decimal"
                      value={r.min}
                      onChange={(e) => set(i, { min: e.target.value })}
                    />
                  )}
                </Field>
                <Field label={t('formFieldMax')} error={errors[`${at}.max`]}>
                  {(p) => (
                    <input
                      {...p}
                      inputMode="decimal"
                      value={r.max}
                      onChange={(e) => set(i, { max: e.target.value })}
                    />
                  )}
                </Field>
              </>
            ) : null}
            {isList(r.datatype) ? (
              <Field
                label={t('formFieldChoices')}
                hint={t('formFieldChoicesHint')}
                error={errors[`${at}.values`]}
                required
              >
                {(p) => (
                  <textarea
                    {...p}
                    rows={3}
                    value={r.values}
                    onChange={(e) => set(i, { values: e.target.value })}
                  />
                )}
              </Field>
            ) : null}
            <label className="check">
              <input
                type="checkbox"
                checked={r.required}
                onChange={(e) => set(i, { required: e.target.checked })}
              />{' '}
              {t('formFieldRequired')}
            </label>
            <button
              type="button"
              className="secondary"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              {t('removeFormField', { n: i + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="secondary" onClick={() => onChange([...rows, emptyRow()])}>
        {t('addFormField')}
      </button>
    </fieldset>
  );
}

/** The field names a version form shows errors under, for FormFailureNote. */
const attributeFieldNames = (rows: readonly AttributeRow[]) =>
  rows.flatMap((_, i) =>
    ['code', 'datatype', 'descriptionId', 'descriptionEn', 'min', 'max', 'values'].map(
      (f) => `attributes[${i}].${f}`,
    ),
  );

/** A new service with its first version (admins). */
export function CreateServiceForm({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (code: string) => void;
}) {
  const { t } = useI18n();
  const code = useText();
  const nameId = useText();
  const nameEn = useText();
  const description = useText();
  const [kind, setKind] = useState<(typeof SERVICE_KINDS)[number]>('PERMIT');
  const [unitCode, setUnitCode] = useState('');
  const [published, setPublished] = useState(false);
  const [standard, setStandard] = useState<Record<string, string>>({});
  const [rows, setRows] = useState<AttributeRow[]>([]);
  const [{ fetching }, create] = useMutation(CreateService);
  const { failure, errors, onSubmit } = useSubmit(
    async () => {
      const r = await create({
        input: {
          code: code.value,
          nameId: nameId.value,
          nameEn: nameEn.value,
          description: description.value,
          kind,
          unitCode,
          published,
          standard: standardFromTexts(standard),
          attributes: attributeInputs(rows),
        },
      });
      return mutationFailure(r.data?.createService, r.error);
    },
    () => onCreated(code.value.trim().toUpperCase()),
  );
  const shown = [
    'code',
    'nameId',
    'nameEn',
    'description',
    'kind',
    'unitCode',
    'attributes',
    ...STANDARD_ORDER.map((c) => `standard.${c}`),
    ...attributeFieldNames(rows),
  ];
  return (
    <form className="subform" noValidate onSubmit={onSubmit} aria-label={t('newService')}>
      <h3>{t('newService')}</h3>
      <Field label={t('serviceCode')} hint={t('serviceCodeHint')} error={errors.code} required>
        {(p) => <input {...p} {...code.bind} />}
      </Field>
      <Field label={t('serviceNameId')} error={errors.nameId} required>
        {(p) => <input {...p} {...nameId.bind} />}
      </Field>
      <Field label={t('serviceNameEn')} error={errors.nameEn} required>
        {(p) => <input {...p} {...nameEn.bind} />}
      </Field>
      <Field label={t('description')} error={errors.description} required>
        {(p) => <textarea {...p} rows={2} {...description.bind} />}
      </Field>
      <Field label={t('serviceKind')} error={errors.kind} required>
        {(p) => (
          <Select
            {...p}
            options={SERVICE_KINDS}
            value={kind}
            label={(k) => t(`kind_${k}`)}
            onChange={setKind}
          />
        )}
      </Field>
      <Field label={t('unit')} error={errors.unitCode} required>
        {(p) => <UnitSelect {...p} ownUnit={null} value={unitCode} onChange={setUnitCode} />}
      </Field>
      <fieldset className="field">
        <legend>{t('serviceStandard')}</legend>
        <p className="hint">{t('serviceStandardHint')}</p>
        {STANDARD_ORDER.map((c) => (
          <Field
            key={c}
            label={t(`std_${c}` as MessageKey)}
            hint={LIST_COMPONENTS.includes(c) ? t('onePerLine') : c === 'COST' ? t('costHint') : null}
            error={errors[`standard.${c}`]}
            required
          >
            {(p) =>
              NUMERIC_COMPONENTS.includes(c) ? (
                <input
                  {...p}
                  type="number"
                  min={1}
                  value={standard[c] ?? ''}
                  onChange={(e) => setStandard((s) => ({ ...s, [c]: e.target.value }))}
                />
              ) : (
                <textarea
                  {...p}
                  rows={LIST_COMPONENTS.includes(c) ? 3 : 1}
                  value={standard[c] ?? ''}
                  onChange={(e) => setStandard((s) => ({ ...s, [c]: e.target.value }))}
                />
              )
            }
          </Field>
        ))}
      </fieldset>
      <AttributesEditor rows={rows} onChange={setRows} errors={errors} />
      <label className="check">
        <input type="checkbox" checked={published} onChange={(e) => setPublished(e.target.checked)} />{' '}
        {t('publishedNow')}
      </label>
      <FormFailureNote failure={failure} shown={shown} />
      <FormButtons busy={fetching} submit={t('createService')} onClose={onClose} />
    </form>
  );
}

type CurrentAttribute = {
  code: string;
  datatype: string;
  description?: string | null;
  required: boolean;
  min?: number | null;
  max?: number | null;
  rule?: string | null;
  values: readonly { key: string; name?: string | null }[];
};

/** A current form field as a row to edit; its label in the app's language fills that language's box. */
function rowOf(a: CurrentAttribute, lang: 'id' | 'en'): AttributeRow {
  const datatype = (DATATYPES as readonly string[]).includes(a.datatype)
    ? (a.datatype as Datatype)
    : 'string';
  return {
    code: a.code,
    datatype,
    descriptionId: lang === 'id' ? (a.description ?? '') : '',
    descriptionEn: lang === 'en' ? (a.description ?? '') : '',
    required: a.required,
    min: a.min == null ? '' : String(a.min),
    max: a.max == null ? '' : String(a.max),
    values: a.values.map((v) => (v.name ? `${v.key} = ${v.name}` : v.key)).join('\n'),
  };
}

/** The current version's requirements as lines. */
function requirementLines(standard: unknown): string {
  const value = (standard && typeof standard === 'object' ? (standard as Record<string, unknown>) : {})
    .REQUIREMENTS;
  return Array.isArray(value) ? value.join('\n') : typeof value === 'string' ? value : '';
}

/** Proposes a new version of `code`: requirements, and optionally the form fields, with a note. */
export function NewVersionForm({
  code,
  onClose,
  onProposed,
}: {
  code: string;
  onClose: () => void;
  onProposed: () => void;
}) {
  const [{ data, fetching: loading }] = useQuery({
    query: CurrentVersionQuery,
    variables: { code },
    requestPolicy: 'network-only',
  });
  const current = data?.service?.currentVersion;
  if (loading && !data) return <Loading />;
  return <VersionFields code={code} current={current ?? null} onClose={onClose} onProposed={onProposed} />;
}

function VersionFields({
  code,
  current,
  onClose,
  onProposed,
}: {
  code: string;
  current: { version: number; standard: unknown; attributes: readonly CurrentAttribute[] } | null;
  onClose: () => void;
  onProposed: () => void;
}) {
  const { t, lang } = useI18n();
  const requirements = useText(requirementLines(current?.standard));
  const note = useText();
  // The form fields are sent only when changed here: the API does not return every rule of a
  // field (identity-number formats, patterns, date ranges), which a resent list would lose.
  const [editFields, setEditFields] = useState(false);
  const [rows, setRows] = useState<AttributeRow[]>(() =>
    (current?.attributes ?? []).map((a) => rowOf(a, lang)),
  );
  const [{ fetching }, propose] = useMutation(ProposeChange);
  const { failure, errors, onSubmit } = useSubmit(async () => {
    const base = (
      current?.standard && typeof current.standard === 'object' ? current.standard : {}
    ) as Record<string, unknown>;
    const r = await propose({
      input: {
        code,
        note: note.value,
        standard: { ...base, REQUIREMENTS: lines(requirements.value) },
        ...(editFields ? { attributes: attributeInputs(rows) } : {}),
      },
    });
    return mutationFailure(r.data?.proposeServiceChange, r.error);
  }, onProposed);
  const withRules = (current?.attributes ?? []).filter((a) => a.rule);
  const shown = ['note', 'standard.REQUIREMENTS', 'attributes', ...attributeFieldNames(rows)];
  return (
    <form className="subform" noValidate onSubmit={onSubmit} aria-label={t('newServiceVersion')}>
      <h3>{t('newServiceVersionOf', { code, version: (current?.version ?? 0) + 1 })}</h3>
      <p className="muted">{t('newVersionFourEyes')}</p>
      <Field
        label={t('std_REQUIREMENTS')}
        hint={t('onePerLine')}
        error={errors['standard.REQUIREMENTS']}
        required
      >
        {(p) => <textarea {...p} rows={4} {...requirements.bind} />}
      </Field>
      <label className="check">
        <input type="checkbox" checked={editFields} onChange={(e) => setEditFields(e.target.checked)} />{' '}
        {t('changeFormFields')}
      </label>
      {editFields ? (
        <>
          {withRules.length > 0 ? (
            <Notice kind="warn">
              {t('formFieldRulesDropped', {
                fields: withRules.map((a) => a.description ?? a.code).join(', '),
              })}
            </Notice>
          ) : null}
          <AttributesEditor rows={rows} onChange={setRows} errors={errors} />
        </>
      ) : null}
      <Field label={t('versionNote')} hint={t('versionNoteHint')} error={errors.note} required>
        {(p) => <textarea {...p} rows={2} {...note.bind} />}
      </Field>
      <FormFailureNote failure={failure} shown={shown} />
      <FormButtons busy={fetching} submit={t('proposeVersion')} onClose={onClose} />
    </form>
  );
}
