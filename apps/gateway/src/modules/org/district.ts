import { builder } from '../../graphql/builder.js';

builder.prismaObject('District', {
  description: 'A district (kecamatan) of the city.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Upper-case district code, e.g. BARANGIN.' }),
    name: t.exposeString('name', { description: 'Name, e.g. Barangin.' }),
  }),
});

builder.queryField('districts', (t) =>
  t.prismaField({
    type: ['District'],
    description: 'The kecamatan of the city, by name.',
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.district.findMany({ ...query, orderBy: { name: 'asc' } }),
  }),
);
