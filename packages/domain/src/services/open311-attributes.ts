// Open311 GeoReport v2 `attribute[code]` parameters as clients send them, read against the service
// definition before `validateAttributeValues` checks them. A form cannot say whether a value is a
// list: FixMyStreet (perllib/Open311.pm) repeats `attribute[code]=a&attribute[code]=b` for a
// multi-value list and sends one chosen value as a single `attribute[code]=a`; other clients write
// `attribute[code][]=a`. Both mean the same list; a single value of a multivaluelist is a list of one.
// Codes the definition does not know (FixMyStreet's `uprn`, `fixmystreet_id`, `title`, …) are not
// refused: they are the client's own data, kept with the request within limits.
import { type FieldError, fieldError, type InvalidInputError, invalidInputError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { textLength } from '../text-limits.js';
import type { ServiceAttribute } from './attributes.js';
import { ATTRIBUTE_ERROR_MESSAGES, type AttributeErrorCode } from './messages.js';

/** At most this many codes a definition does not know are kept per request. */
export const MAX_CLIENT_ATTRIBUTES = 30;
/** Characters of one kept value (of each value of a list). */
export const MAX_CLIENT_ATTRIBUTE_LENGTH = 1000;

/**
 * One `attribute[code]` parameter as read from the wire: every value given, in order (a repeated
 * key or the `[]` form), or a JSON value as sent (a JSON body's `attribute` object).
 */
export type Open311AttributeInput = string | readonly string[] | number | boolean | null;

/** Attribute parameters the definition does not define, as the client sent them (as text). */
export type ClientAttributes = Record<string, string | string[]>;

/**
 * The attribute values of an Open311 POST split against the service definition. `values` are the
 * defined attributes in the shape `validateAttributeValues` checks: for a `multivaluelist`, a
 * single value becomes a list of one; for any other, a list of exactly one value becomes that
 * value (several stay a list and are refused there as INVALID_TYPE). `extra` are the codes the
 * definition does not know, kept as text: more than MAX_CLIENT_ATTRIBUTES of them
 * (`attributes: OUT_OF_RANGE`) or a value over MAX_CLIENT_ATTRIBUTE_LENGTH characters
 * (`attributes.<code>: TOO_LONG`, the paths `checkSubmission` uses) is REQUEST_ATTRIBUTES_INVALID. Blank unknown values are dropped.
 */
export function open311AttributeValues(
  attributes: readonly ServiceAttribute[],
  sent: Readonly<Record<string, Open311AttributeInput>>,
): Result<
  { values: Record<string, unknown>; extra: ClientAttributes },
  InvalidInputError<AttributeErrorCode>
> {
  const datatype = new Map(attributes.map((a) => [a.code, a.datatype]));
  const values: Record<string, unknown> = {};
  const extra: ClientAttributes = {};
  const fields: FieldError[] = [];
  for (const [code, value] of Object.entries(sent)) {
    const type = datatype.get(code);
    if (type === 'multivaluelist') values[code] = typeof value === 'string' ? [value] : value;
    else if (type) values[code] = Array.isArray(value) && value.length === 1 ? value[0] : value;
    else {
      const texts = [value ?? []].flat().map(String);
      if (texts.every((t) => t.trim() === '')) continue;
      if (texts.some((t) => textLength(t) > MAX_CLIENT_ATTRIBUTE_LENGTH))
        fields.push(fieldError(`attributes.${code}`, 'TOO_LONG', { maxLength: MAX_CLIENT_ATTRIBUTE_LENGTH }));
      extra[code] = Array.isArray(value) ? texts : (texts[0] ?? '');
    }
  }
  if (Object.keys(extra).length > MAX_CLIENT_ATTRIBUTES)
    fields.unshift(fieldError('attributes', 'OUT_OF_RANGE', { max: MAX_CLIENT_ATTRIBUTES }));
  return fields.length > 0
    ? err(invalidInputError('REQUEST_ATTRIBUTES_INVALID', ATTRIBUTE_ERROR_MESSAGES, fields))
    : ok({ values, extra });
}
