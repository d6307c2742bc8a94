// Published IKM results from before the system, graded under the rule of their time.
import { builder } from '../../../graphql/builder.js';
import { commandInput } from '../../../graphql/command-fields.js';
import { dataPayload } from '../../../graphql/data-payload.js';
import { NotFoundError, ValidationError } from '../../../graphql/errors.js';
import { unitCodeField } from '../../../graphql/input-fields.js';
import { recordHistoricIkm } from '../commands/record-historic-ikm.js';
import { IkmRuleEnum } from './skm-types.js';

const HistoricIkmRef = builder.prismaObject('HistoricIkm', {
  description: 'A published IKM from before this system, with the rule that graded it.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The record’s database id (UUID).' }),
    unit: t.relation('unit', { description: 'The unit the IKM was published for.' }),
    year: t.exposeInt('year', { description: 'The survey year; one record per unit and year.' }),
    score: t.exposeFloat('score', { description: 'The published 25–100 value.' }),
    index: t.exposeFloat('index', { nullable: true, description: 'The published 1–4 index, when known.' }),
    grade: t.exposeString('grade', { description: 'A, B, C or D: the score graded under `rule`.' }),
    rule: t.expose('rule', {
      type: IkmRuleEnum,
      description: 'The rule in force that year, which grades the score.',
    }),
    respondents: t.exposeInt('respondents', {
      nullable: true,
      description: 'Respondents as published; null when unknown.',
    }),
    source: t.exposeString('source', {
      description: 'Where the figure was published (report, decree, web page); may be empty.',
    }),
  }),
});

builder.queryField('historicIkm', (t) =>
  t.prismaField({
    type: [HistoricIkmRef],
    description: 'Recorded historic IKM results (public), oldest first.',
    args: {
      unitCode: t.arg.string({
        description: 'Only this unit’s records; an unknown code gives an empty list.',
      }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.historicIkm.findMany({
        ...query,
        where: args.unitCode ? { unit: { code: args.unitCode.trim().toUpperCase() } } : {},
        orderBy: [{ year: 'asc' }, { unitId: 'asc' }],
      }),
  }),
);

const RecordHistoricIkmInput = builder.inputType('RecordHistoricIkmInput', {
  description:
    'A published IKM of a past year (recordHistoricIkm); the same unit and year again corrects it.',
  fields: (t) => ({
    unitCode: unitCodeField(t),
    year: t.int({ required: true, description: 'The survey year, 1990 to this year (WIB).' }),
    score: t.float({ required: true, description: 'The published 25–100 value.' }),
    index: t.float({ description: 'The published 1–4 index, if known.' }),
    rule: t.field({ type: IkmRuleEnum, required: true, description: 'The rule in force that year.' }),
    respondents: t.int({ description: 'Respondents as published, if known.' }),
    source: t.string({ description: 'Where the figure was published.' }),
  }),
});

builder.mutationField('recordHistoricIkm', (t) =>
  t.field({
    type: HistoricIkmRef,
    description:
      'Record (or correct) a published IKM of a past year; the grade follows the given rule. Admins.',
    authScopes: { admin: true },
    errors: dataPayload('recordHistoricIkm', [ValidationError, NotFoundError], {
      what: 'the stored record',
      data: 'The historic IKM as stored, with its grade.',
    }),
    ...commandInput(t, RecordHistoricIkmInput, 'The published IKM.', recordHistoricIkm),
  }),
);
