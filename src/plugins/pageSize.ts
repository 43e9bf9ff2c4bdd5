// Rejects any `first` / `last` argument outside 0..MAX_PAGE_SIZE before execution, with an error
// naming the field, the argument and the value (connections would otherwise silently clamp).

import { type ArgumentNode, Kind, type ValueNode, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { PageSizeError } from '../errors.ts';
import { MAX_PAGE_SIZE } from '../schema/connections.ts';

const argumentValue = (node: ValueNode, variables: Record<string, unknown>): unknown => {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  return undefined;
};

export function usePageSizeLimit(max = MAX_PAGE_SIZE): Plugin {
  return {
    onExecute({ args }) {
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      let error: PageSizeError | undefined;
      visit(args.document, {
        Field(field) {
          for (const arg of field.arguments ?? ([] as readonly ArgumentNode[])) {
            if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
            const value = argumentValue(arg.value, variables);
            if (typeof value === 'number' && (value < 0 || value > max)) {
              error ??= new PageSizeError(`${field.name.value}(${arg.name.value}:)`, value, max);
            }
          }
        },
      });
      if (error) throw error;
    },
  };
}
