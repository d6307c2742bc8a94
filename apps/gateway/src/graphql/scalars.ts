// The schema's scalars: DateTime (an instant), Day (a calendar day in WIB), JSON and Upload (a file).
import { parseDay, parseInstant } from '@layanan/domain/calendar';
import { GraphQLError } from 'graphql';
import { StagedUpload } from '../platform/storage/multipart.js';
import { builder } from './builder.js';
import { messageOf } from './failures.js';
import { bilingual } from './gateway-errors.js';

builder.scalarType('DateTime', {
  description:
    'An ISO 8601 date-time, always with a time zone: input without an offset (`2026-11-30T09:00`) is refused with DATETIME_OFFSET_REQUIRED, never read in the server’s zone (UTC in responses).',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString()),
  parseValue: (value) => {
    const at = typeof value === 'string' ? parseInstant(value) : null;
    if (!at?.ok) {
      const code = at?.error.code ?? 'DATETIME_INVALID';
      throw new GraphQLError(`${bilingual(messageOf(code))} (DateTime)`, { extensions: { code } });
    }
    return at.value;
  },
});

/**
 * A calendar day in Western Indonesia Time (WIB, UTC+7), written `YYYY-MM-DD`: deadlines, holidays,
 * due dates, survey days. Input must be a real day of the Gregorian calendar (`2026-02-30` is
 * refused with DAY_NOT_A_DATE, `30/11/2026` with DAY_INVALID_FORMAT, in both languages).
 */
builder.scalarType('Day', {
  description:
    'A calendar day in WIB (Asia/Jakarta, UTC+7) as `YYYY-MM-DD`, e.g. `2026-11-30`. Deadlines in working days resolve to a Day.',
  serialize: (value) => {
    const day = parseDay(value as string | Date);
    if (!day.ok) throw new TypeError(`Day cannot represent ${String(value)}`);
    return day.value;
  },
  parseValue: (value) => {
    const day = parseDay(typeof value === 'string' ? value : String(value));
    if (!day.ok) {
      const message = messageOf(day.error.code);
      throw new GraphQLError(`${bilingual(message)} (Day: YYYY-MM-DD)`, {
        extensions: { code: day.error.code },
      });
    }
    return day.value;
  },
});

builder.scalarType('JSON', {
  description: 'Arbitrary JSON (used for audit summaries and attribute values).',
  serialize: (value) => value,
  parseValue: (value) => value,
});

builder.scalarType('Upload', {
  description:
    'A file sent by the GraphQL multipart request specification (multipart/form-data with `operations`, `map` and one part per file; send the `x-graphql-yoga-csrf` header). Input only; a value that is not a file part gives a BAD_USER_INPUT error.',
  serialize: () => {
    throw new GraphQLError('Upload is an input-only scalar.');
  },
  parseValue: (value) => {
    if (value instanceof StagedUpload) return value;
    throw new GraphQLError(
      'Upload expects a file part of a multipart request (GraphQL multipart request spec).',
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  },
});
