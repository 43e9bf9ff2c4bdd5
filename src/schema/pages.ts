// A page of rows (page size + 1 read, the extra one telling there is more) as a Relay connection,
// with Prisma cursor pagination's cursors and page info so clients' cursors keep working. Cursors
// are encoded only when read: most clients of a nested connection ask for nodes, not cursors.
import { PothosValidationError, validateConnectionArguments } from '@pothos/core';
import { cursorOf, EdgeRow } from '../resolvers/edge.ts';
import type { PageArgs } from './links.ts';

type Row = Record<string, unknown>;

/** An edge of a page whose rows are not edges already: the row's own fields, its node, a cursor on read. */
function edgeOf(row: Row, node: unknown): EdgeRow {
  if (row instanceof EdgeRow) {
    row.node = node;
    return row;
  }
  const edge = new EdgeRow();
  Object.assign(edge, row);
  edge.node = node;
  return edge;
}

export interface Connection {
  edges: EdgeRow[];
  pageInfo: {
    startCursor: string | null;
    endCursor: string | null;
    hasPreviousPage: boolean;
    hasNextPage: boolean;
  };
}

/** The argument rules of Prisma cursor pagination, with its messages (checked before any read). */
export function checkPageArgs(args: PageArgs): void {
  validateConnectionArguments(args);
  const { before, after, first, last } = args;
  if (before && after)
    throw new PothosValidationError('Arguments "before" and "after" are not supported at the same time');
  if (before != null && first != null) {
    throw new PothosValidationError('Arguments "before" and "first" are not supported at the same time');
  }
  if (after != null && last != null) {
    throw new PothosValidationError('Arguments "after" and "last" are not supported at the same time');
  }
}

/** `limit` is what was read: page size + 1 (src/schema/links.ts: pageOf). */
export function wrapPage(
  rows: readonly Row[],
  args: PageArgs,
  limit: number,
  node: (row: Row) => unknown,
): Connection {
  const full = rows.length === limit;
  const backward = args.before != null || args.last != null;
  // A backward page was read in reverse and re-sorted: its extra row is the first one.
  const page = full ? (backward ? rows.slice(1) : rows.slice(0, -1)) : rows;
  const edges = page.map((row) => edgeOf(row, node(row)));
  const first = page[0];
  const last = page[page.length - 1];
  return {
    edges,
    pageInfo: {
      get startCursor() {
        return first ? cursorOf(first) : null;
      },
      get endCursor() {
        return last ? cursorOf(last) : null;
      },
      hasPreviousPage: args.after != null ? true : backward ? full : false,
      hasNextPage: args.before != null ? true : args.last != null ? false : full,
    },
  };
}
