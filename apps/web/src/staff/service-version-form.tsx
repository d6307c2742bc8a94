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
import { useEveryCompetency } from '../reference-lists.ts';
import {
  Checkbox,
  Field,
  FormFailureNote,
  Loading,
  mutationFailure,
  Select,
  useSubmit,
  useText,
} from '../ui.tsx';
import {
  DocumentSlotsEditor,
  patchRow,
  type RowsEditorProps,
  type SlotRow,
  slotFieldErrors,
  slotFieldNames,
  slotInputs,
  slotRowOf,
} from './document-slots-editor.tsx';
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

export const ProposeChange = graphql(`
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
        id version standard attributeInputs
        documentSlots { key nameId nameEn required acceptedTypes maxFiles }
      }
    }
  }
`);

/** Levels 1–5 of a required competency (PermenPANRB 38/2017). */
const LEVELS = [1, 2, 3, 4, 5] as const;

type AttributeInput = NonNullable<VariablesOf<typeof CreateService>['input']['attributes']>[number];

const SERVICE_KINDS = ['PERMIT', 'REGISTRATION', 'COMPLAINT', 'INFORMATION_REQUEST'] as const;
const DATATYPES = ['string', 'text', 'number', 'datetime', 'singlevaluelist', 'multivaluelist'] as const;
type Datatype = (typeof DATATYPES)[number];
/** Identity-number formats a short-text field may require (ServiceAttributeInput.format). */
const FORMATS = ['NIK', 'NIP', 'NPWP', 'PHONE'] as const;
type Format = (typeof FORMATS)[number];
/** Components given as a list, one item a line; the numeric ones as numbers; the rest as text. */
const LIST_COMPONENTS: readonly string[] = ['LEGAL_BASIS', 'REQUIREMENTS', 'PROCEDURE'];
const NUMERIC_COMPONENTS: readonly string[] = ['COMPLETION_TIME', 'STAFF_COUNT'];

/**
 * A form field being edited, every rule of ServiceAttributeInput as text: the list values as
 * lines of `KEY = Nama | English name`, the pattern with its explanation in both languages, the
 * date range in days from the filing day.
 */
export type AttributeRow = {
  code: string;
  datatype: Datatype;
  descriptionId: string;
  descriptionEn: string;
  required: boolean;
  min: string;
  max: string;
  values: string;
  maxLength: string;
  format: Format | '';
  pattern: string;
  patternId: string;
  patternEn: string;
  minDays: string;
  maxDays: string;
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
  maxLength: '',
  format: '',
  pattern: '',
  patternId: '',
  patternEn: '',
  minDays: '',
  maxDays: '',
});

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const isList = (d: Datatype) => d === 'singlevaluelist' || d === 'multivaluelist';

/** `text` split at the first `separator`, both parts trimmed (the second empty without one). */
function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text.trim(), ''] : [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}

/** A number typed with a decimal comma or point; a whole number for the integer rules. */
const decimal = (text: string) => Number(text.trim().replace(',', '.'));

/**
 * The rows as ServiceAttributeInput, every rule its datatype takes: blanks left out, list values
 * parsed, numbers as numbers (a wrong one reaches the server, which says so beside the field).
 */
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
      if (r.min.trim() !== '') input.min = decimal(r.min);
      if (r.max.trim() !== '') input.max = decimal(r.max);
    }
    if ((r.datatype === 'string' || r.datatype === 'text') && r.maxLength.trim() !== '')
      // (A rule sent to the gateway, not an HTML attribute: the box itself never cuts input.)
      Object.assign(input, { maxLength: decimal(r.maxLength) });
    if (r.datatype === 'string') {
      if (r.format) input.format = r.format;
      if (r.pattern.trim() !== '')
        input.pattern = {
          regex: r.pattern.trim(),
          ...(r.patternId.trim() ? { descriptionId: r.patternId.trim() } : {}),
          ...(r.patternEn.trim() ? { descriptionEn: r.patternEn.trim() } : {}),
        };
    }
    if (r.datatype === 'datetime' && (r.minDays.trim() !== '' || r.maxDays.trim() !== ''))
      input.dateRange = {
        ...(r.minDays.trim() !== '' ? { minDaysFromToday: decimal(r.minDays) } : {}),
        ...(r.maxDays.trim() !== '' ? { maxDaysFromToday: decimal(r.maxDays) } : {}),
      };
    if (isList(r.datatype))
      input.values = lines(r.values).map((line) => {
        const [key, names] = splitOnce(line, '=');
        const [nameId, nameEn] = splitOnce(names, '|');
        return { key, ...(nameId ? { nameId } : {}), ...(nameEn ? { nameEn } : {}) };
      });
    return input;
  });
}

/** A number as typed in the app's language (decimal comma in Indonesian); blank when absent. */
const numberText = (n: number | null | undefined, lang: 'id' | 'en') =>
  n == null ? '' : lang === 'id' ? String(n).replace('.', ',') : String(n);

/**
 * A field as the gateway gives it (ServiceVersion.attributeInputs: ServiceAttributeInput's shape,
 * both languages, every rule) as a row to edit; `attributeInputs` turns it back unchanged.
 */
export function rowOf(a: AttributeInput, lang: 'id' | 'en'): AttributeRow {
  const datatype = (DATATYPES as readonly string[]).includes(a.datatype)
    ? (a.datatype as Datatype)
    : 'string';
  return {
    code: a.code,
    datatype,
    descriptionId: a.descriptionId ?? '',
    descriptionEn: a.descriptionEn ?? '',
    required: a.required,
    min: numberText(a.min, lang),
    max: numberText(a.max, lang),
    values: (a.values ?? [])
      .map((v) =>
        v.nameId || v.nameEn ? `${v.key} = ${v.nameId ?? ''}${v.nameEn ? ` | ${v.nameEn}` : ''}` : v.key,
      )
      .join('\n'),
    maxLength: numberText(a.maxLength, 'en'),
    format: a.format ?? '',
    pattern: a.pattern?.regex ?? '',
    patternId: a.pattern?.descriptionId ?? '',
    patternEn: a.pattern?.descriptionEn ?? '',
    minDays: numberText(a.dateRange?.minDaysFromToday, 'en'),
    maxDays: numberText(a.dateRange?.maxDaysFromToday, 'en'),
  };
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

/** A row's text box, in a Field with its label, hint and error. */
function RowText({
  row,
  name,
  onChange,
  inputMode,
  spellCheck,
  ...field
}: {
  row: AttributeRow;
  name: Exclude<keyof AttributeRow, 'datatype' | 'required' | 'format' | 'values'>;
  onChange: (patch: Partial<AttributeRow>) => void;
  label: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  inputMode?: 'decimal' | 'numeric';
  spellCheck?: boolean;
}) {
  return (
    <Field {...field}>
      {(p) => (
        <input
          {...p}
          inputMode={inputMode}
          spellCheck={spellCheck}
          value={row[name]}
          onChange={(e) => onChange({ [name]: e.target.value })}
        />
      )}
    </Field>
  );
}

/** The form-field editor: one fieldset per field, with its errors (`attributes[i].x`) beside it. */
function AttributesEditor({ rows, onChange, errors }: RowsEditorProps<AttributeRow>) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<AttributeRow>) => onChange(patchRow(rows, i, patch));
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
            <RowText
              row={r}
              name="code"
              onChange={(patch) => set(i, patch)}
              label={t('formFieldCode')}
              hint={t('formFieldCodeHint')}
              error={errors[`${at}.code`]}
              required
            />
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
            <RowText
              row={r}
              name="descriptionId"
              onChange={(patch) => set(i, patch)}
              label={t('formFieldLabelId')}
              error={errors[`${at}.descriptionId`]}
              required
            />
            <RowText
              row={r}
              name="descriptionEn"
              onChange={(patch) => set(i, patch)}
              label={t('formFieldLabelEn')}
              error={errors[`${at}.descriptionEn`]}
            />
            {r.datatype === 'number' ? (
              <>
                <RowText
                  row={r}
                  name="min"
                  onChange={(patch) => set(i, patch)}
                  label={t('formFieldMin')}
                  error={errors[`${at}.min`]}
                  inputMode="decimal"
                />
                <RowText
                  row={r}
                  name="max"
                  onChange={(patch) => set(i, patch)}
                  label={t('formFieldMax')}
                  error={errors[`${at}.max`]}
                  inputMode="decimal"
                />
              </>
            ) : null}
            {r.datatype === 'string' || r.datatype === 'text' ? (
              <RowText
                row={r}
                name="maxLength"
                onChange={(patch) => set(i, patch)}
                label={t('formFieldMaxLength')}
                error={errors[`${at}.maxLength`]}
                inputMode="numeric"
              />
            ) : null}
            {r.datatype === 'string' ? (
              <>
                <Field label={t('formFieldFormat')} error={errors[`${at}.format`]}>
                  {(p) => (
                    <Select
                      {...p}
                      options={FORMATS}
                      value={r.format}
                      label={(f) => t(`attributeFormat_${f}` as MessageKey)}
                      onChange={(format) => set(i, { format })}
                    >
                      <option value="">{t('formFieldNoFormat')}</option>
                    </Select>
                  )}
                </Field>
                <RowText
                  row={r}
                  name="pattern"
                  onChange={(patch) => set(i, patch)}
                  label={t('formFieldPattern')}
                  hint={t('formFieldPatternHint')}
                  error={errors[`${at}.pattern`]}
                  spellCheck={false}
                />
                {r.pattern.trim() !== '' ? (
                  <>
                    <RowText
                      row={r}
                      name="patternId"
                      onChange={(patch) => set(i, patch)}
                      label={t('formFieldPatternId')}
                      required
                    />
                    <RowText
                      row={r}
                      name="patternEn"
                      onChange={(patch) => set(i, patch)}
                      label={t('formFieldPatternEn')}
                    />
                  </>
                ) : null}
              </>
            ) : null}
            {r.datatype === 'datetime' ? (
              <>
                <RowText
                  row={r}
                  name="minDays"
                  onChange={(patch) => set(i, patch)}
                  label={t('formFieldMinDays')}
                  hint={t('formFieldDaysHint')}
                  error={errors[`${at}.dateRange`]}
                  inputMode="numeric"
                />
                <RowText
                  row={r}
                  name="maxDays"
                  onChange={(patch) => set(i, patch)}
                  label={t('formFieldMaxDays')}
                  hint={t('formFieldDaysHint')}
                  inputMode="numeric"
                />
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
            <Checkbox checked={r.required} onChange={(required) => set(i, { required })}>
              {t('formFieldRequired')}
            </Checkbox>
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
    [
      'code',
      'datatype',
      'descriptionId',
      'descriptionEn',
      'min',
      'max',
      'values',
      'maxLength',
      'format',
      'pattern',
      'dateRange',
    ].map((f) => `attributes[${i}].${f}`),
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
  const [competency, setCompetency] = useState('');
  const [level, setLevel] = useState<(typeof LEVELS)[number]>(2);
  const competencies = useEveryCompetency().nodes ?? [];
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
          ...(competency ? { requiredCompetencyCode: competency, requiredLevel: level } : {}),
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
    'requiredCompetencyCode',
    'requiredLevel',
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
      <Field
        label={t('requiredCompetency')}
        hint={t('requiredCompetencyHint')}
        error={errors.requiredCompetencyCode}
      >
        {(p) => (
          <Select
            {...p}
            options={competencies.map((c) => c.code)}
            value={competency}
            label={(code) => competencies.find((c) => c.code === code)?.name ?? code}
            onChange={setCompetency}
          >
            <option value="">{t('noRequiredCompetency')}</option>
          </Select>
        )}
      </Field>
      {competency ? (
        <Field label={t('competencyLevel')} error={errors.requiredLevel} required>
          {(p) => <Select {...p} options={LEVELS} value={level} onChange={setLevel} />}
        </Field>
      ) : null}
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
      <Checkbox checked={published} onChange={setPublished}>
        {t('publishedNow')}
      </Checkbox>
      <FormFailureNote failure={failure} shown={shown} />
      <FormButtons busy={fetching} submit={t('createService')} onClose={onClose} />
    </form>
  );
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
  current: {
    version: number;
    standard: unknown;
    attributeInputs: readonly unknown[];
    documentSlots: readonly Parameters<typeof slotRowOf>[0][];
  } | null;
  onClose: () => void;
  onProposed: () => void;
}) {
  const { t, lang } = useI18n();
  const requirements = useText(requirementLines(current?.standard));
  const note = useText();
  // The fields come with both languages and every rule (ServiceVersion.attributeInputs) and are
  // always sent whole: unchanged, they change nothing; the editor opens on request.
  const [editFields, setEditFields] = useState(false);
  const [rows, setRows] = useState<AttributeRow[]>(() =>
    (current?.attributeInputs ?? []).map((a) => rowOf(a as AttributeInput, lang)),
  );
  // The slots too are always sent whole, prefilled from the current version: unchanged, they
  // change nothing; their problems are shown beside the fields before anything is sent.
  const [slots, setSlots] = useState<SlotRow[]>(() => (current?.documentSlots ?? []).map(slotRowOf));
  const [{ fetching }, propose] = useMutation(ProposeChange);
  const { failure, errors, onSubmit } = useSubmit(async () => {
    const slotErrors = slotFieldErrors(slots, lang);
    if (slotErrors.length > 0)
      return { __typename: 'ValidationError', message: t('slotsInvalid'), fields: slotErrors };
    const base = (
      current?.standard && typeof current.standard === 'object' ? current.standard : {}
    ) as Record<string, unknown>;
    const r = await propose({
      input: {
        code,
        note: note.value,
        standard: { ...base, REQUIREMENTS: lines(requirements.value) },
        attributes: attributeInputs(rows),
        documentSlots: slotInputs(slots),
      },
    });
    return mutationFailure(r.data?.proposeServiceChange, r.error);
  }, onProposed);
  const shown = [
    'note',
    'standard.REQUIREMENTS',
    'attributes',
    ...attributeFieldNames(rows),
    ...slotFieldNames(slots),
  ];
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
      <Checkbox checked={editFields} onChange={setEditFields}>
        {t('changeFormFields')}
      </Checkbox>
      {editFields || attributeFieldNames(rows).some((f) => errors[f]) || errors.attributes ? (
        <AttributesEditor rows={rows} onChange={setRows} errors={errors} />
      ) : null}
      <DocumentSlotsEditor rows={slots} onChange={setSlots} errors={errors} />
      <Field label={t('versionNote')} hint={t('versionNoteHint')} error={errors.note} required>
        {(p) => <textarea {...p} rows={2} {...note.bind} />}
      </Field>
      <FormFailureNote failure={failure} shown={shown} />
      <FormButtons busy={fetching} submit={t('proposeVersion')} onClose={onClose} />
    </form>
  );
}
