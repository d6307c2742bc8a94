// ServiceAttributeInput ⇄ the catalogue's stored attribute (domain ServiceAttribute): the
// conversion used when a version is created or changed, and its inverse shown to editors.
import type { ServiceAttribute } from '@layanan/domain/services';

type AttributeInputShape = {
  code: string;
  datatype: ServiceAttribute['datatype'];
  required: boolean;
  descriptionId?: string | null;
  descriptionEn?: string | null;
  values?: { key: string; nameId?: string | null; nameEn?: string | null }[] | null;
  maxLength?: number | null;
  min?: number | null;
  max?: number | null;
  format?: ServiceAttribute['format'] | null;
  pattern?: { regex: string; descriptionId?: string | null; descriptionEn?: string | null } | null;
  dateRange?: { minDaysFromToday?: number | null; maxDaysFromToday?: number | null } | null;
};

/** Both languages of a text given in one or both; undefined when neither is given. */
const bilingual = (id: string | null | undefined, en: string | null | undefined) =>
  id || en ? { id: id || en || '', en: en || id || '' } : undefined;

/** The bounds of a date range that are given (null and undefined left out). */
function givenBounds(range: {
  minDaysFromToday?: number | null;
  maxDaysFromToday?: number | null;
}): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of ['minDaysFromToday', 'maxDaysFromToday'] as const) {
    const n = range[k];
    if (n != null) out[k] = n;
  }
  return out;
}

/**
 * A ServiceAttributeInput as the catalogue stores it (domain ServiceAttribute): one language
 * defaults to the other; absent rules are left out. `attributeInputOf` is its inverse.
 */
export function toAttribute(a: AttributeInputShape): Record<string, unknown> {
  const out: Record<string, unknown> = { code: a.code.trim(), datatype: a.datatype, required: a.required };
  if (a.descriptionId || a.descriptionEn) {
    out.description = {
      id: a.descriptionId ?? a.descriptionEn ?? '',
      en: a.descriptionEn ?? a.descriptionId ?? '',
    };
  }
  if (a.values) {
    out.values = a.values.map((v) =>
      v.nameId || v.nameEn
        ? { key: v.key.trim(), name: { id: v.nameId ?? v.nameEn ?? '', en: v.nameEn ?? v.nameId ?? '' } }
        : { key: v.key.trim() },
    );
  }
  for (const k of ['maxLength', 'min', 'max', 'format'] as const) if (a[k] != null) out[k] = a[k];
  if (a.pattern) {
    const description = bilingual(a.pattern.descriptionId, a.pattern.descriptionEn);
    out.pattern = { regex: a.pattern.regex, ...(description ? { description } : {}) };
  }
  if (a.dateRange) out.dateRange = givenBounds(a.dateRange);
  return out;
}

/**
 * A stored attribute in the shape of ServiceAttributeInput (both languages, every rule; absent
 * ones left out): re-sent as is, `toAttribute` gives the same attribute back.
 */
export function attributeInputOf(a: ServiceAttribute): Record<string, unknown> {
  const out: Record<string, unknown> = { code: a.code, datatype: a.datatype, required: a.required };
  if (a.description) {
    out.descriptionId = a.description.id;
    out.descriptionEn = a.description.en;
  }
  if (a.values)
    out.values = a.values.map((v) =>
      v.name ? { key: v.key, nameId: v.name.id, nameEn: v.name.en } : { key: v.key },
    );
  for (const k of ['maxLength', 'min', 'max', 'format'] as const) if (a[k] != null) out[k] = a[k];
  if (a.pattern)
    out.pattern = {
      regex: a.pattern.regex,
      descriptionId: a.pattern.description.id,
      descriptionEn: a.pattern.description.en,
    };
  if (a.dateRange) out.dateRange = givenBounds(a.dateRange);
  return out;
}
