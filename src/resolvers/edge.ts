// A row of a paged side that is also its connection edge: the row's columns (edge data: severity,
// note…), `node` (the entity at the other end, or the row itself for owned rows), and a cursor
// encoded only when read. Built once per row where the rows are read (linkRows.ts), so a page
// needs no second object per row to become a connection.
import { formatPrismaCursor } from '@pothos/plugin-prisma';

/** The cursor of a row of a page: Prisma cursor pagination's, on the id, so clients' cursors keep working. */
export const cursorOf = (row: Record<string, unknown>) => formatPrismaCursor(row, 'id');

export class EdgeRow {
  [column: string]: unknown;
  get cursor(): string {
    return cursorOf(this);
  }
}
