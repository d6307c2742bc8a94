// Descriptions for the parts of the schema that plugins generate the same way for every field:
// Relay connections, their edges and page info and paging arguments (plugin-relay), and the
// result unions of fields with typed failures (plugin-errors). Each says what it holds and links
// it to the field it belongs to. Everything written by hand in src/modules/ keeps its own text:
// only a missing description is filled.
import { type GraphQLField, type GraphQLSchema, isObjectType, isUnionType } from 'graphql';

const PAGING_ARGS: Record<string, string> = {
  first:
    'Page size counted forward from `after` (Relay cursor connections); capped at the field’s page limit.',
  after: 'Cursor of the last item already seen; the page starts after it.',
  last: 'Page size counted backward from `before`; capped at the field’s page limit.',
  before: 'Cursor of the first item already seen; the page ends before it.',
};

const PAGE_INFO: Record<string, string> = {
  hasNextPage: 'Whether more items follow this page.',
  hasPreviousPage: 'Whether items precede this page.',
  startCursor: 'Cursor of the first item of the page (null for an empty page).',
  endCursor: 'Cursor of the last item of the page; pass it as `after` for the next page.',
};

function describeArgs(field: GraphQLField<unknown, unknown>): void {
  for (const arg of field.args) {
    const text = PAGING_ARGS[arg.name];
    if (!arg.description && text) arg.description = text;
  }
}

const ROOTS: Record<string, string> = {
  Query:
    'Reads. Public catalogue and results need no sign-in; personal data only for those allowed to see it.',
  Mutation:
    'Writes. Each one is authorized, checked by the domain rules, written with its audit entry in one transaction, and answers with a payload or a typed failure.',
  Subscription: 'Live updates over server-sent events, authorized when subscribing.',
};

/** The Relay node interface (plugin-relay); `node` and `nodes` are graphql/node-visibility.ts. */
function describeNodes(schema: GraphQLSchema): void {
  const node = schema.getType('Node');
  if (node && 'getFields' in node) {
    node.description ??= 'An object with a global id (Relay): refetch it with `node(id:)`.';
    const id = node.getFields().id;
    if (id && !id.description) id.description = 'Global id: the type name and the UUID, base64-encoded.';
  }
}

/** Fills the missing descriptions of generated types, fields and arguments in place. */
export function describeGeneratedParts(schema: GraphQLSchema): GraphQLSchema {
  describeNodes(schema);
  for (const [name, text] of Object.entries(ROOTS)) {
    const root = schema.getType(name);
    if (root) root.description ??= text;
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isUnionType(type) && type.name.endsWith('Result') && !type.description) {
      const members = type
        .getTypes()
        .map((t) => t.name)
        .join(', ');
      type.description = `What the operation returns: its payload on success, or one of its typed failures (switch on \`__typename\`). Members: ${members}.`;
    }
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    for (const field of Object.values(fields)) describeArgs(field);
    if (type.name === 'PageInfo') {
      type.description ??= 'Where a page of a Relay cursor connection stands in the whole list.';
      for (const [name, text] of Object.entries(PAGE_INFO)) {
        const f = fields[name];
        if (f && !f.description) f.description = text;
      }
      continue;
    }
    const edges = fields.edges;
    if (edges && fields.pageInfo) {
      const edgeType = edges.type.toString().replace(/[[\]!]/g, '');
      const node = schema.getType(edgeType);
      const nodeName =
        node && isObjectType(node) ? node.getFields().node?.type.toString().replace(/!/g, '') : 'item';
      type.description ??= `One page of ${nodeName} items (a Relay cursor connection).`;
      edges.description ??= 'The items of this page, in the list’s order, each with its cursor.';
      fields.pageInfo.description ??= 'Whether there are pages before and after this one, and their cursors.';
      if (fields.totalCount)
        fields.totalCount.description ??=
          'How many items the whole list holds, across all pages (same filters).';
      continue;
    }
    if (fields.node && fields.cursor && Object.keys(fields).length === 2) {
      type.description ??= `One ${fields.node.type.toString().replace(/!/g, '')} in a page, with its cursor.`;
      fields.node.description ??= 'The item.';
      fields.cursor.description ??=
        'Opaque position of this item; pass it as `after` or `before` to page from here.';
    }
  }
  return schema;
}
