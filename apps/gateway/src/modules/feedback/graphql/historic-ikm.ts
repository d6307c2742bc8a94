// Published IKM results from before the system, graded under the rule of their time.
import { builder } from '../../../graphql/builder.js';
import { NotFoundError, ValidationError } from '../../../graphql/errors.js';
import { commandDeps } from '../../../platform/command.js';
import { recordHistoricIkm } from '../commands/record-historic-ikm.js';
import { IkmRuleEnum } from './skm-types.js';

const HistoricIkmRef = builder.prismaObject('HistoricIkm', {
  description: 'A published IKM from before this system, with the rule that graded it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    unit: t.relation('unit'),
    year: t.exposeInt('year'),
    score: t.exposeFloat('score', { description: 'The published 25–100 value.' }),
    index: t.exposeFloat('index', { nullable: true, description: 'The published 1–4 index, when known.' }),
    grade: t.exposeString('grade'),
    rule: t.expose('rule', { type: IkmRuleEnum }),
    respondents: t.exposeInt('respondents', { nullable: true }),
    source: t.exposeString('source'),
  }),
});

builder.queryField('historicIkm', (t) =>
  t.prismaField({
    type: [HistoricIkmRef],
    description: 'Recorded historic IKM results (public), oldest first.',
    args: { unitCode: t.arg.string() },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.historicIkm.findMany({
        ...query,
        where: args.unitCode ? { unit: { code: args.unitCode.trim().toUpperCase() } } : {},
        orderBy: [{ year: 'asc' }, { unitId: 'asc' }],
      }),
  }),
);

const RecordHistoricIkmInput = builder.inputType('RecordHistoricIkmInput', {
  fields: (t) => ({
    unitCode: t.string({ required: true }),
    year: t.int({ required: true }),
    score: t.float({ required: true, description: 'The published 25–100 value.' }),
    index: t.float({ description: 'The published 1–4 index, if known.' }),
    rule: t.field({ type: IkmRuleEnum, required: true }),
    respondents: t.int(),
    source: t.string(),
  }),
});

builder.mutationField('recordHistoricIkm', (t) =>
  t.field({
    type: HistoricIkmRef,
    description:
      'Record (or correct) a published IKM of a past year; the grade follows the given rule. Admins.',
    authScopes: { admin: true },
    errors: { types: [ValidationError, NotFoundError], directResult: false },
    args: { input: t.arg({ type: RecordHistoricIkmInput, required: true }) },
    resolve: (_root, { input }, ctx) => recordHistoricIkm(commandDeps(ctx), ctx.identity, input),
  }),
);
