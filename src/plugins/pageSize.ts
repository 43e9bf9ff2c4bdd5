// Rejects any `first` / `last` argument outside 0..MAX_PAGE_SIZE before execution, with an error
// naming the field, the argument and the value (connections would otherwise silently clamp).

import { type ArgumentNode, type DocumentNode, Kind, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { PageSizeError } from '../errors.ts';
import { MAX_PAGE_SIZE } from '../schema/connections.ts';

/** A `first` / `last` argument of a document: a literal, or the variable that gives it. */
interface PageArgument {
  field: string;
  argument: string;
  value: number | { variable: string };
}

/**
 * The page arguments of a document, in document order: read once per document (Yoga's parser
 * cache hands every request with the same text the same document), not walked on every request.
 */
const byDocument = new WeakMap<DocumentNode, PageArgument[]>();
function pageArguments(document: DocumentNode): PageArgument[] {
  let found = byDocument.get(document);
  if (found) return found;
  found = [];
  const list = found;
  visit(document, {
    Field(field) {
      for (const arg of field.arguments ?? ([] as readonly ArgumentNode[])) {
        if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
        const value =
          arg.value.kind === Kind.INT
            ? Number(arg.value.value)
            : arg.value.kind === Kind.VARIABLE
              ? { variable: arg.value.name.value }
              : undefined;
        if (value !== undefined) list.push({ field: field.name.value, argument: arg.name.value, value });
      }
    },
  });
  byDocument.set(document, list);
  return list;
}

export function usePageSizeLimit(max = MAX_PAGE_SIZE): Plugin {
  return {
    onExecute({ args }) {
      const pages = pageArguments(args.document);
      if (pages.length === 0) return;
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      for (const { field, argument, value } of pages) {
        const size = typeof value === 'number' ? value : variables[value.variable];
        if (typeof size === 'number' && (size < 0 || size > max)) {
          throw new PageSizeError(`${field}(${argument}:)`, size, max);
        }
      }
    },
  };
}
