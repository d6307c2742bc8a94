// Input fields that inputs of several areas share word for word: one definition, one description.
import type { InputFieldBuilder } from '@pothos/core';
import type { builder } from './builder.js';

/** What an input type's `fields: (t) => …` receives. */
export type InputFields = InputFieldBuilder<(typeof builder)['$inferSchemaTypes'], 'InputObject'>;

/** A required unit code (registerStaff, finaliseUnitPeriod, recordHistoricIkm). */
export const unitCodeField = (t: InputFields) =>
  t.string({ required: true, description: 'The unit’s code; NotFoundError when unknown.' });
