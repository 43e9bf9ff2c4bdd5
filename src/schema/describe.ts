// Pothos generates connection, edge and page-info types; this gives them and their fields a
// description, so every type and field of the public schema is documented.
import type { GraphQLObjectType, GraphQLSchema } from 'graphql';

// Tag check, not instanceof: under the test runner Pothos and this file may see two copies of graphql.
const isObjectType = (type: unknown): type is GraphQLObjectType =>
  Object.prototype.toString.call(type) === '[object GraphQLObjectType]';

const fieldDescriptions: Record<string, string> = {
  edges: 'The items of this page, each with its cursor (and the link’s own data, where it has any).',
  nodes: 'The items of this page, without edge data.',
  pageInfo: 'Where this page sits: cursors and whether more pages exist.',
  totalCount: 'Number of items in the whole connection, across all pages.',
  cursor: 'Opaque position of this item; pass it as `after` to get the next page.',
  node: 'The item.',
  hasNextPage: 'True when more items follow this page.',
  hasPreviousPage: 'True when items precede this page.',
  startCursor: 'Cursor of the first item of the page.',
  endCursor: 'Cursor of the last item of the page; pass it as `after` for the next page.',
};

export function describeGeneratedTypes(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    if (!type.description) {
      if (type.name.endsWith('Connection')) type.description = `A page of ${type.name.slice(0, -10)} items.`;
      else if (type.name.endsWith('Edge'))
        type.description = `One item of ${type.name.slice(0, -4)}, with its cursor.`;
    }
    for (const field of Object.values(type.getFields())) {
      if (!field.description && fieldDescriptions[field.name])
        field.description = fieldDescriptions[field.name];
      for (const arg of field.args) {
        if (!arg.description) {
          arg.description =
            {
              first: 'How many items from the start (default 20, at most 100).',
              last: 'How many items from the end (at most 100).',
              after: 'Cursor to start after.',
              id: 'A global id, as returned in `id` fields.',
              ids: 'Global ids, as returned in `id` fields.',
              before: 'Cursor to end before.',
            }[arg.name] ?? arg.description;
        }
      }
    }
  }
  return schema;
}
