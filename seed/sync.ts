// A small, generic "make the table hold exactly these rows" step used by the seed writer, on top of
// the unit of work (src/write): rows are matched on their natural key, created when missing,
// updated only in the fields that differ (so a second run changes nothing, not even a version),
// and rows absent from the seed are collected for deletion once every table is in place. Rows of
// entities curated through the API (seed/curated.ts) are neither created, updated nor deleted; a
// seed row referring to an entity left out that way (its id unknown: `undefined`) is left out too.
import type { Row, Value } from '../src/write/rows.ts';
import type { Writer } from '../src/write/unitOfWork.ts';
import type { CuratedGuard } from './curated.ts';

export type { Row, Value };

export interface SyncStats {
  created: number;
  updated: number;
  deleted: number;
  /** Curated entities (`Model:key`) the seed would have changed and left alone. */
  conflicts: string[];
}

const same = (a: Value | undefined, b: Value | undefined) =>
  a instanceof Date || b instanceof Date
    ? a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
    : (a ?? null) === (b ?? null);

export class TableSync {
  readonly stats: SyncStats = { created: 0, updated: 0, deleted: 0, conflicts: [] };
  private readonly stale: Array<{ model: string; rows: Row[] }> = [];

  constructor(
    private readonly w: Writer,
    private readonly guard: CuratedGuard,
  ) {}

  /** Returns natural key → id for every row of the table after the sync. */
  async sync(model: string, rows: Row[], keyFields: string[]): Promise<Map<string, number>> {
    const keyOf = (row: Row) => keyFields.map((f) => String(row[f])).join('|');
    const all = await this.w.findMany(model, {});
    this.guard.learn(model, all);
    this.guard.holds(model, rows);
    const existing = new Map(all.map((r) => [keyOf(r), r]));
    const ids = new Map([...existing].map(([k, r]) => [k, r.id as number]));
    const wanted = new Set<string>();
    const toCreate: Row[] = [];
    for (const row of rows) {
      // It refers to an entity left alone, which has no id here: leave it out too.
      if (Object.values(row).some((v) => v === undefined)) continue;
      const key = keyOf(row);
      wanted.add(key);
      const current = existing.get(key);
      if (!current) {
        if (!this.guard.protects(model, row)) toCreate.push(row);
        continue;
      }
      const changed = Object.fromEntries(Object.entries(row).filter(([f, v]) => !same(v, current[f])));
      if (Object.keys(changed).length > 0 && !this.guard.protects(model, current)) {
        await this.w.update(model, current, changed);
        this.stats.updated++;
      }
    }
    const created = await this.w.create(model, toCreate);
    this.guard.learn(model, created);
    for (const row of created) ids.set(keyOf(row), row.id as number);
    this.stats.created += toCreate.length;
    const stale = [...existing]
      .filter(([key, r]) => !wanted.has(key) && !this.guard.protects(model, r))
      .map(([, r]) => r);
    if (stale.length > 0) this.stale.push({ model, rows: stale });
    return ids;
  }

  /** Deletes rows no longer in the seed, dependants first (reverse of the sync order). */
  async deleteStale(): Promise<void> {
    for (const { model, rows } of [...this.stale].reverse()) {
      await this.w.remove(model, rows);
      this.stats.deleted += rows.length;
    }
    this.stats.conflicts = this.guard.conflicts;
  }
}
