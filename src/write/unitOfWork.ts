// The one write path: `write(db, actor, async (w) => …)`. Every change to the knowledge (the seed
// loader today, curation mutations next) runs through it, and everything that depends on the change
// happens in the same transaction, in this order (each a named step, so tests can inject a failure
// after any of them and check that nothing is left behind):
//   1. lock    bump the data version first: its row lock serialises writers on PostgreSQL, so change
//              sequence numbers are handed out in commit order
//   2. apply   the caller's changes, through `w.create`, `w.update` and `w.remove`, which record each
//              row's before and after values and which entity it belongs to
//   3. derive  search text and sort keys of the entities touched (a treatment's include its aliases)
//   4. version `version` + 1 and `updatedAt` of every entity changed but not rewritten directly: a
//              link, claim, citation or status change is a change of its treatment
//   5. overlap contraindication pairs of the treatments whose contraindication links changed,
//              recomputed incrementally (a whole rebuild past INCREMENTAL_LIMIT treatments)
//   6. log     one change-log row per entity, one audit row per database row
// A unit that changes nothing rolls back, so re-applying the same data bumps nothing at all.
import { BUMP_DATA_VERSION_SQL } from '../cache/dataVersion.ts';
import { clientEngine, type Db } from '../db.ts';
import { entityKeyColumn } from '../model/kinds.ts';
import { announceCommit } from './commits.ts';
import { recomputeDerived } from './derivedRows.ts';
import { type Change, type EntityRef, isEntityModel, ownersOfRows, type RowChange } from './entities.ts';
import { appendLogs } from './log.ts';
import { INCREMENTAL_LIMIT, incrementalOverlapStatements, refreshOverlapStatements } from './overlaps.ts';
import { type Delegate, delegate, modelName, type Row, type Tx } from './rows.ts';
import { deleteRows, insertRows, selectRows, updateRows, type Where } from './sqlRows.ts';

export type { Row, Tx } from './rows.ts';

export const writeSteps = ['lock', 'apply', 'derive', 'version', 'overlap', 'log'] as const;
export type WriteStep = (typeof writeSteps)[number];

export interface WriteOptions {
  /** Test hook: throw right after this step, so the transaction must roll everything back. */
  failAfter?: WriteStep;
  /** Transaction timeout (ms); a whole-seed write on a slow disk needs more than Prisma's 5 s. */
  timeout?: number;
}

export interface WriteResult<T> {
  value: T;
  /** The data version this write produced, or null when it changed nothing (and was rolled back). */
  dataVersion: number | null;
  /** Rows created, updated and deleted. */
  rows: { created: number; updated: number; deleted: number };
  /** Entities (treatments, vocabulary entries, sources…) whose change-log entry this write appended. */
  entities: number;
}

export class InjectedWriteFailure extends Error {
  constructor(readonly step: WriteStep) {
    super(`injected failure after the ${step} step`);
    this.name = 'InjectedWriteFailure';
  }
}

class NothingChanged extends Error {}

/** What a unit of work's callback can do: plain reads, and writes that are recorded. */
export class Writer {
  readonly changes: RowChange[] = [];
  constructor(
    readonly tx: Tx,
    readonly actor: string,
    readonly engine: 'sqlite' | 'postgresql',
  ) {}

  /**
   * Rows of a model (reads see this transaction's writes): plain filters as plain SQL
   * (src/write/sqlRows.ts), anything else through Prisma.
   */
  async findMany(model: string, args: Parameters<Delegate['findMany']>[0]): Promise<Row[]> {
    const rows = args.orderBy
      ? null
      : await selectRows(this, modelName(model), args.where as Where, args.select);
    return rows ?? delegate(this.tx, model).findMany(args);
  }

  /** Inserts rows and returns them with their ids. Entities get their derived columns here. */
  async create(model: string, rows: Row[]): Promise<Row[]> {
    if (rows.length === 0) return [];
    const name = modelName(model);
    const created = await insertRows(
      this,
      name,
      rows.map((r) => withDerived(name, r)),
    );
    for (const after of created) this.changes.push({ model: name, operation: 'CREATE', before: null, after });
    return created;
  }

  /** Updates one row from `before` (as read) with `data`; bumps the row's own version. */
  async update(model: string, before: Row, data: Row): Promise<Row> {
    const name = modelName(model);
    const [after] = await updateRows(this, name, [before.id as number], data, true);
    // Read in this transaction, so gone only if a concurrent writer deleted it: Prisma's "not found".
    if (!after) throw Object.assign(new Error(`${name} ${before.id} no longer exists`), { code: 'P2025' });
    this.changes.push({ model: name, operation: 'UPDATE', before, after });
    return after;
  }

  /** Deletes rows given as read (whole rows, so the audit keeps what they held). */
  async remove(model: string, rows: Row[]): Promise<void> {
    if (rows.length === 0) return;
    const name = modelName(model);
    // Resolve owners while they still exist: a citation's link may be deleted next.
    const owners = await ownersOfRows(
      this,
      rows.map((row) => ({ model: name, row })),
    );
    rows.forEach((before, i) => {
      this.changes.push({ model: name, operation: 'DELETE', before, after: null, owner: owners[i] ?? [] });
    });
    await deleteRows(
      this,
      name,
      rows.map((r) => r.id as number),
    );
  }

  /** Runs a statement written with `?` placeholders, numbered for PostgreSQL. */
  async execute(sql: string, params: readonly unknown[] = []): Promise<number> {
    return this.tx.$executeRawUnsafe(this.numbered(sql), ...params);
  }

  /** Runs a read written with `?` placeholders inside the transaction. */
  async query(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return this.tx.$queryRawUnsafe<Row[]>(this.numbered(sql), ...params);
  }

  private numbered(sql: string): string {
    let n = 0;
    return this.engine === 'postgresql' ? sql.replace(/\?/g, () => `$${++n}`) : sql;
  }
}

/** Entities get search text and sort keys computed on insert (a treatment's aliases come later). */
function withDerived(model: string, row: Row): Row {
  return isEntityModel(model) ? { ...row, ...recomputeDerived.initial(model, row) } : row;
}

/**
 * Runs `apply` in one transaction with everything its changes imply (see the top of this file).
 * `actor` is who writes: an API key's name, or `seed`.
 */
export async function write<T>(
  db: Db,
  actor: string,
  apply: (w: Writer) => Promise<T>,
  options: WriteOptions = {},
): Promise<WriteResult<T>> {
  const engine = clientEngine(db);
  let outcome: WriteResult<T> | undefined;
  try {
    await db.$transaction(
      async (tx) => {
        const w = new Writer(tx as unknown as Tx, actor, engine);
        const step = (name: WriteStep) => {
          if (options.failAfter === name) throw new InjectedWriteFailure(name);
        };
        const dataVersion = await lockDataVersion(w);
        step('lock');
        const value = await apply(w);
        step('apply');
        if (w.changes.length === 0) {
          outcome = { value, dataVersion: null, rows: { created: 0, updated: 0, deleted: 0 }, entities: 0 };
          throw new NothingChanged();
        }
        const changes = await ownersOf(w);
        await recomputeDerived.forEntities(w, changes);
        step('derive');
        const entities = await bumpEntities(w, changes);
        step('version');
        await refreshOverlaps(w, changes);
        step('overlap');
        await appendLogs(w, dataVersion, changes, entities);
        step('log');
        outcome = { value, dataVersion, rows: countRows(changes), entities: entities.length };
      },
      { timeout: options.timeout ?? 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (!(error instanceof NothingChanged)) throw error;
  }
  if (outcome?.dataVersion != null) announceCommit();
  return outcome as WriteResult<T>;
}

async function lockDataVersion(w: Writer): Promise<number> {
  await w.execute(BUMP_DATA_VERSION_SQL);
  const [row] = await w.findMany('dataVersion', { where: { id: 1 }, select: { version: true } });
  return Number(row?.version);
}

/** Every row change with the entity it belongs to (deletes resolved theirs before deleting). */
async function ownersOf(w: Writer): Promise<Change[]> {
  const pending = w.changes.filter((c) => !c.owner);
  const owners = await ownersOfRows(
    w,
    pending.map((c) => ({ model: c.model, row: (c.after ?? c.before) as Row })),
  );
  const resolved = new Map(pending.map((c, i) => [c, owners[i] ?? []]));
  return w.changes.map((c) => ({ ...c, owner: c.owner ?? resolved.get(c) ?? [] }));
}

export interface EntityChange extends EntityRef {
  operation: 'CREATE' | 'UPDATE' | 'DELETE';
  key: string;
  version: number;
}

/**
 * One entry per entity: created or deleted when its own row was, else updated. Entities updated
 * only through their facts get `version` + 1 and a new `updatedAt` here; an entity whose own row
 * was updated already got both from that update.
 */
async function bumpEntities(w: Writer, changes: Change[]): Promise<EntityChange[]> {
  const byEntity = new Map<string, { ref: EntityRef; own?: Change }>();
  for (const change of changes) {
    for (const ref of change.owner) {
      const id = `${ref.entity}:${ref.id}`;
      const entry = byEntity.get(id) ?? { ref };
      if (change.model === ref.entity && (change.after ?? change.before)?.id === ref.id) entry.own = change;
      byEntity.set(id, entry);
    }
  }
  const toBump = new Map<string, number[]>();
  for (const { ref, own } of byEntity.values()) {
    if (own) continue;
    const ids = toBump.get(ref.entity) ?? [];
    ids.push(ref.id);
    toBump.set(ref.entity, ids);
  }
  const current = new Map<string, Row>();
  for (const [entity, ids] of toBump) {
    await updateRows(w, entity, ids, {}, true);
  }
  // Read back keys and versions of everything still there (one statement per entity model).
  const live = new Map<string, number[]>();
  for (const { ref, own } of byEntity.values()) {
    if (own?.operation === 'DELETE') continue;
    live.set(ref.entity, [...(live.get(ref.entity) ?? []), ref.id]);
  }
  for (const [entity, ids] of live) {
    for (const row of await w.findMany(entity, { where: { id: { in: ids } } })) {
      current.set(`${entity}:${row.id}`, row);
    }
  }
  const out: EntityChange[] = [];
  for (const [id, { ref, own }] of byEntity) {
    const row = own?.operation === 'DELETE' ? (own.before as Row) : current.get(id);
    // An entity deleted in the same write as its facts has no row left to describe.
    if (!row) continue;
    out.push({
      ...ref,
      operation: own?.operation ?? 'UPDATE',
      key: String(row[entityKeyColumn(ref.entity) ?? 'id']),
      version: Number(row.version),
    });
  }
  return out;
}

async function refreshOverlaps(w: Writer, changes: Change[]): Promise<void> {
  // A pair depends on its links (which exist, their severity) and on the links' citations (whether
  // the two sides cite the same sections): any change to either touches the link's treatment.
  const touched = new Set<number>();
  const citedLinks = new Set<number>();
  for (const c of changes) {
    if (c.model === 'TreatmentContraindication') {
      for (const row of [c.before, c.after]) if (row) touched.add(Number(row.treatmentId));
    }
    if (c.model === 'Citation') {
      for (const row of [c.before, c.after]) {
        if (row?.treatmentContraindicationId != null) citedLinks.add(Number(row.treatmentContraindicationId));
      }
    }
    if (c.model === 'Treatment' && c.operation === 'DELETE') touched.add(Number(c.before?.id));
  }
  if (citedLinks.size > 0) {
    const links = await w.findMany('treatmentContraindication', {
      where: { id: { in: [...citedLinks] } },
      select: { treatmentId: true },
    });
    for (const link of links) touched.add(Number(link.treatmentId));
  }
  if (touched.size === 0) return;
  if (touched.size > INCREMENTAL_LIMIT) {
    for (const sql of refreshOverlapStatements) await w.execute(sql);
    return;
  }
  for (const { sql, params } of incrementalOverlapStatements([...touched])) await w.execute(sql, params);
}

function countRows(changes: Change[]) {
  const rows = { created: 0, updated: 0, deleted: 0 };
  for (const c of changes) {
    if (c.operation === 'CREATE') rows.created++;
    else if (c.operation === 'UPDATE') rows.updated++;
    else rows.deleted++;
  }
  return rows;
}
