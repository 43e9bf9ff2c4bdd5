// A small, generic "make the table hold exactly these rows" step used by the seed writer, on top of
// the unit of work (src/write): rows are matched on their natural key, created when missing,
// updated only in the fields that differ (so a second run changes nothing, not even a version),
// and rows absent from the seed are collected for deletion once every table is in place.
import type { Row, Value } from '../src/write/rows.ts';
import type { Writer } from '../src/write/unitOfWork.ts';

export type { Row, Value };

export interface SyncStats {
  created: number;
  updated: number;
  deleted: number;
}

const same = (a: Value | undefined, b: Value | undefined) =>
  a instanceof Date || b instanceof Date
    ? a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
    : (a ?? null) === (b ?? null);

export class TableSync {
  readonly stats: SyncStats = { created: 0, updated: 0, deleted: 0 };
  private readonly stale: Array<{ model: string; rows: Row[] }> = [];

  constructor(private readonly w: Writer) {}

  /** Returns natural key → id for every row of the table after the sync. */
  async sync(model: string, rows: Row[], keyFields: string[]): Promise<Map<string, number>> {
    const keyOf = (row: Row) => keyFields.map((f) => String(row[f])).join('|');
    const existing = new Map((await this.w.findMany(model, {})).map((r) => [keyOf(r), r]));
    const ids = new Map([...existing].map(([k, r]) => [k, r.id as number]));
    const wanted = new Set<string>();
    const toCreate: Row[] = [];
    for (const row of rows) {
      const key = keyOf(row);
      wanted.add(key);
      const current = existing.get(key);
      if (!current) {
        toCreate.push(row);
        continue;
      }
      const changed = Object.fromEntries(Object.entries(row).filter(([f, v]) => !same(v, current[f])));
      if (Object.keys(changed).length > 0) {
        await this.w.update(model, current, changed);
        this.stats.updated++;
      }
    }
    for (const row of await this.w.create(model, toCreate)) ids.set(keyOf(row), row.id as number);
    this.stats.created += toCreate.length;
    const stale = [...existing].filter(([key]) => !wanted.has(key)).map(([, r]) => r);
    if (stale.length > 0) this.stale.push({ model, rows: stale });
    return ids;
  }

  /** Deletes rows no longer in the seed, dependants first (reverse of the sync order). */
  async deleteStale(): Promise<void> {
    for (const { model, rows } of [...this.stale].reverse()) {
      await this.w.remove(model, rows);
      this.stats.deleted += rows.length;
    }
  }
}
