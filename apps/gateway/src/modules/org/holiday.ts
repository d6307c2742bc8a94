// The working-day calendar as data (issue 4): admins list, add, confirm and remove holidays.
// Deadlines already computed are stored on their requests, so an edit here never moves them.

import type { Holiday } from '@layanan/db';
import {
  checkHolidayNotListed,
  HOLIDAY_KINDS,
  INDONESIAN_WEEKEND_DAYS,
  parseDay,
  validateWorkingCalendar,
} from '@layanan/domain/calendar';
import type { GraphQLContext } from '../../app/context.js';
import { builder } from '../../graphql/builder.js';
import { entityPayload } from '../../graphql/entity-payload.js';
import { ConflictError, NotFoundError, ValidationError } from '../../graphql/errors.js';
import { failure, inputPath, validationFailed } from '../../graphql/failures.js';
import { type AuditedChange, audited, type TransactionClient } from '../../platform/audited.js';
import { dateOnly, dayOf } from '../../platform/calendar.js';
import { isUuid } from '../../platform/uuid.js';

export const HolidayKindEnum = builder.enumType('HolidayKind', {
  values: HOLIDAY_KINDS,
  description: 'NATIONAL public holiday, CUTI_BERSAMA (collective leave, joint decree) or LOCAL.',
});

const HolidayRef = builder.prismaObject('Holiday', {
  description: 'A day on which public-service deadlines do not count, besides Saturday and Sunday.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Database id; pass it to confirmHoliday or removeHoliday.' }),
    date: t.expose('date', { type: 'Day', description: 'The day off (WIB).' }),
    name: t.exposeString('name', { description: 'Name of the holiday (Indonesian).' }),
    kind: t.expose('kind', { type: HolidayKindEnum, description: 'National, cuti bersama or local.' }),
    provisional: t.exposeBoolean('provisional', {
      description:
        'True until an administrator confirms it against the joint decree: a forecast (e.g. next year from a holiday package, Islamic holidays named from their Umm al-Qura Hijri date) whose date may still move by a day or two.',
    }),
    source: t.exposeString('source', {
      description:
        'Where it came from: `admin` when added here, otherwise the seed list or package it was imported from.',
    }),
    confirmedAt: t.expose('confirmedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When an administrator confirmed it; null while provisional.',
    }),
  }),
});

builder.queryField('holidays', (t) =>
  t.prismaField({
    type: [HolidayRef],
    description: 'Holidays and cuti bersama of a year, by date.',
    args: { year: t.arg.int({ required: true, description: 'Calendar year, e.g. 2026.' }) },
    resolve: (query, _root, { year }, ctx) =>
      ctx.prisma.holiday.findMany({
        ...query,
        where: { date: { gte: dateOnly(`${year}-01-01`), lte: dateOnly(`${year}-12-31`) } },
        orderBy: [{ date: 'asc' }, { kind: 'asc' }],
      }),
  }),
);

const HolidayPayload = entityPayload('HolidayPayload', 'The holiday after the change.', {
  holiday: { type: HolidayRef, id: 'holidayId', description: 'The holiday as it is now.' },
});

const RemoveHolidayPayload = builder
  .objectRef<{ holidayId: string; date: string }>('RemoveHolidayPayload')
  .implement({
    description: 'The holiday just removed.',
    fields: (t) => ({
      holidayId: t.exposeID('holidayId', { description: 'Database id it had.' }),
      date: t.expose('date', {
        type: 'Day',
        description: 'The day it was on (WIB), now a working day again unless a weekend.',
      }),
    }),
  });

const AddHolidayInput = builder.inputType('AddHolidayInput', {
  description: 'A day off to add to the working-day calendar.',
  fields: (t) => ({
    date: t.field({
      type: 'Day',
      required: true,
      description: 'The day off (WIB); a day already listed with the same kind gives ConflictError.',
    }),
    name: t.string({ required: true, description: 'Name of the holiday; must not be blank.' }),
    kind: t.field({ type: HolidayKindEnum, required: true, description: 'National, cuti bersama or local.' }),
    provisional: t.boolean({ description: 'Default false: an admin adding a day has the decree.' }),
  }),
});

/** The listed holiday with this id, for a change; NotFoundError for an unknown or malformed id. */
async function listedHoliday(tx: TransactionClient, id: string | number): Promise<Holiday> {
  const holiday = isUuid(String(id)) ? await tx.holiday.findUnique({ where: { id: String(id) } }) : null;
  if (!holiday) throw new NotFoundError('Holiday', String(id));
  return holiday;
}

/** The resolver of a change to one listed holiday (`id`), written with its audit entry. */
function changeListedHoliday<T>(
  action: string,
  change: (tx: TransactionClient, before: Holiday) => Promise<AuditedChange<T>>,
) {
  return (_root: unknown, args: { id: string | number }, ctx: GraphQLContext) =>
    audited(ctx, { action, entityType: 'Holiday' }, async (tx) =>
      change(tx, await listedHoliday(tx, args.id)),
    );
}

builder.mutationFields((t) => ({
  addHoliday: t.field({
    type: HolidayPayload,
    description: 'Add a holiday, cuti bersama or local holiday. New deadlines use it; old ones stay.',
    authScopes: { admin: true },
    errors: { types: [ValidationError, ConflictError] },
    args: { input: t.arg({ type: AddHolidayInput, required: true, description: 'The day to add.' }) },
    resolve: async (_root, { input }, ctx) => {
      const day = parseDay(input.date.trim());
      const holiday = { date: day.ok ? day.value : input.date, name: input.name.trim(), kind: input.kind };
      const checked = validateWorkingCalendar({ weekendDays: INDONESIAN_WEEKEND_DAYS, holidays: [holiday] });
      if (!checked.ok) {
        throw validationFailed(checked.error.fields, (field) =>
          field.replace(`${inputPath('holidays', 0)}.`, ''),
        );
      }
      return audited(ctx, { action: 'addHoliday', entityType: 'Holiday' }, async (tx) => {
        const listed = await tx.holiday.findMany({ where: { date: dateOnly(holiday.date) } });
        const free = checkHolidayNotListed(
          holiday,
          listed.map((h) => ({ date: dayOf(h.date), kind: h.kind })),
        );
        if (!free.ok) throw failure(free.error);
        const provisional = input.provisional ?? false;
        const after = await tx.holiday.create({
          data: {
            ...holiday,
            date: dateOnly(holiday.date),
            provisional,
            source: 'admin',
            confirmedAt: provisional ? null : new Date(),
          },
        });
        return { result: { holidayId: after.id }, entityId: after.id, after };
      });
    },
  }),
  confirmHoliday: t.field({
    type: HolidayPayload,
    description: 'Confirm a provisional holiday (e.g. once the joint decree is published).',
    authScopes: { admin: true },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.id({ required: true, description: 'Holiday.id; unknown gives NotFoundError.' }) },
    resolve: changeListedHoliday('confirmHoliday', async (tx, before) => {
      const after = await tx.holiday.update({
        where: { id: before.id },
        data: { provisional: false, confirmedAt: before.confirmedAt ?? new Date() },
      });
      return { result: { holidayId: after.id }, entityId: after.id, before, after };
    }),
  }),
  removeHoliday: t.field({
    type: RemoveHolidayPayload,
    description: 'Remove a holiday (e.g. a provisional date the decree moved). Old deadlines stay.',
    authScopes: { admin: true },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.id({ required: true, description: 'Holiday.id; unknown gives NotFoundError.' }) },
    resolve: changeListedHoliday('removeHoliday', async (tx, before) => {
      await tx.holiday.delete({ where: { id: before.id } });
      return { result: { holidayId: before.id, date: dayOf(before.date) }, entityId: before.id, before };
    }),
  }),
}));
