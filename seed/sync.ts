// A small, generic "make the table hold exactly these rows" step used by the seed writer: rows are
// matched on their natural key, created when missing, updated only when a value differs (so a
// second run changes nothing, not even `updatedAt`), and rows absent from the seed are collected
// for deletion once every table is in place.

export type Value = string | number | boolean | Date | null;
export type Row = Record<string, Value>;

/** The part of a Prisma model delegate this step uses (every model has these methods). */
export interface Delegate {
  findMany(args: { select: Record<string, true> }): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<unknown>;
  update(args: { where: { id: number }; data: Row }): Promise<unknown>;
  deleteMany(args: { where: { id: { in: number[] } } }): Promise<unknown>;
}

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
  private readonly stale: Array<{ delegate: Delegate; ids: number[] }> = [];

  /** Returns natural key → id for every row of the table after the sync. */
  async sync(delegate: Delegate, rows: Row[], keyFields: string[]): Promise<Map<string, number>> {
    const keyOf = (row: Row) => keyFields.map((f) => String(row[f])).join('|');
    const fields = new Set(rows.flatMap((r) => Object.keys(r)));
    for (const f of keyFields) fields.add(f);
    const select = Object.fromEntries([...fields, 'id'].map((f) => [f, true as const]));

    const existing = new Map((await delegate.findMany({ select })).map((r) => [keyOf(r), r]));
    const wanted = new Set<string>();
    const toCreate: Row[] = [];
    for (const row of rows) {
      const key = keyOf(row);
      wanted.add(key);
      const current = existing.get(key);
      if (!current) {
        toCreate.push(row);
      } else if (Object.keys(row).some((f) => !same(row[f], current[f]))) {
        await delegate.update({ where: { id: current.id as number }, data: row });
        this.stats.updated++;
      }
    }
    if (toCreate.length > 0) {
      await delegate.createMany({ data: toCreate });
      this.stats.created += toCreate.length;
    }
    const staleIds = [...existing].filter(([key]) => !wanted.has(key)).map(([, r]) => r.id as number);
    if (staleIds.length > 0) this.stale.push({ delegate, ids: staleIds });

    if (toCreate.length === 0) return new Map([...existing].map(([k, r]) => [k, r.id as number]));
    const idSelect = Object.fromEntries([...keyFields, 'id'].map((f) => [f, true as const]));
    return new Map((await delegate.findMany({ select: idSelect })).map((r) => [keyOf(r), r.id as number]));
  }

  /** Deletes rows no longer in the seed, dependants first (reverse of the sync order). */
  async deleteStale(): Promise<void> {
    for (const { delegate, ids } of [...this.stale].reverse()) {
      await delegate.deleteMany({ where: { id: { in: ids } } });
      this.stats.deleted += ids.length;
    }
  }
}
