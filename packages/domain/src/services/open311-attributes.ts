// Open311 GeoReport v2 `attribute[code]` parameters as clients send them, read against the service
// definition before `validateAttributeValues` checks them. A form cannot say whether a value is a
// list: FixMyStreet (perllib/Open311.pm) repeats `attribute[code]=a&attribute[code]=b` for a
// multi-value list and sends one chosen value as a single `attribute[code]=a`; other clients write
// `attribute[code][]=a`. Both mean the same list; a single value of a multivaluelist is a list of one.
import type { ServiceAttribute } from './attributes.js';

/**
 * One `attribute[code]` parameter as read from the wire: every value given, in order (a repeated
 * key or the `[]` form), or a JSON value as sent (a JSON body's `attribute` object).
 */
export type Open311AttributeInput = string | readonly string[] | number | boolean | null;

/**
 * The attribute values of an Open311 POST in the shape `validateAttributeValues` checks: for a
 * `multivaluelist` attribute, a single value becomes a list of one; for any other defined
 * attribute, a list of exactly one value becomes that value (a list of several stays a list and
 * is refused there as INVALID_TYPE). Codes the definition does not know are passed on unchanged.
 */
export function open311AttributeValues(
  attributes: readonly ServiceAttribute[],
  sent: Readonly<Record<string, Open311AttributeInput>>,
): Record<string, unknown> {
  const datatype = new Map(attributes.map((a) => [a.code, a.datatype]));
  const out: Record<string, unknown> = {};
  for (const [code, value] of Object.entries(sent)) {
    const type = datatype.get(code);
    if (type === 'multivaluelist') out[code] = typeof value === 'string' ? [value] : value;
    else if (type && Array.isArray(value) && value.length === 1) out[code] = value[0];
    else out[code] = value;
  }
  return out;
}
