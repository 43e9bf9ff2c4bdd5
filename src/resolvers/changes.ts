// The change feed: what a CMS needs to mirror the knowledge and keep it in step. The first call
// (no cursor) pages through every entity as it is now (a full sync), remembering the change-log
// position it started from; then pages through the change log after that position, in commit
// order: creates, updates and deletes (tombstones, which stay in the log) with each entity's kind,
// slug and version. A RESET entry (a bulk reload) tells the client to start a full sync again.
// Entities changed while a full sync pages may come twice; their versions tell which is newer.
import { BadInputError } from '../errors.ts';
import { entityKeyColumn, entityKinds } from '../model/kinds.ts';
import { ident, queryRows, type SqlRow } from './sql.ts';

/** Entity kinds in full-sync order, with the column clients know them by. */
const feedKinds = entityKinds.map((k) => [k.model, k.keyColumn] as const);

export const keyColumnOf = (kind: string) => entityKeyColumn(kind) ?? 'slug';

export interface FeedEntry {
  /** Change-log sequence number; null for an entry of a full sync. */
  seq: number | null;
  operation: 'CREATE' | 'UPDATE' | 'DELETE' | 'RESET';
  kind: string;
  key: string;
  version: number;
  at: Date | string | null;
  actor: string | null;
}

export interface FeedPage {
  entries: FeedEntry[];
  cursor: string;
  hasMore: boolean;
  fullSync: boolean;
}

type Position = { phase: 'sync'; from: number; kind: number; id: number } | { phase: 'log'; seq: number };

const encode = (p: Position) =>
  Buffer.from(
    JSON.stringify(p.phase === 'sync' ? ['s', p.from, p.kind, p.id] : ['l', p.seq]),
    'utf8',
  ).toString('base64url');

export function decode(cursor: string): Position {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const ints = value.slice(1).every((n) => Number.isSafeInteger(n) && (n as number) >= 0);
    if (ints && value[0] === 's' && value.length === 4) {
      const [, from, kind, id] = value as [string, number, number, number];
      if (kind <= feedKinds.length) return { phase: 'sync', from, kind, id };
    }
    if (ints && value[0] === 'l' && value.length === 2) return { phase: 'log', seq: value[1] as number };
  } catch {
    // falls through to the error below
  }
  throw new BadInputError(
    `\`after\` is not a cursor of \`changes\` ("${cursor.slice(0, 40)}"); pass the \`cursor\` of a previous page, or none for a full sync.`,
    'after',
  );
}

export async function lastSeq(): Promise<number> {
  const [row] = await queryRows<{ seq: unknown }>('SELECT MAX("seq") AS "seq" FROM "ChangeLog"', []);
  return Number(row?.seq ?? 0);
}

export async function logPage(after: number, first: number): Promise<FeedPage> {
  const rows = await queryRows(
    `SELECT "seq", "operation", "entity", "entityKey", "version", "at", "actor" FROM "ChangeLog"
     WHERE "seq" > ? ORDER BY "seq" LIMIT ?`,
    [after, first + 1],
  );
  const page = rows.slice(0, first);
  const last = page.at(-1);
  return {
    entries: page.map((r: SqlRow) => ({
      seq: Number(r.seq),
      operation: r.operation as FeedEntry['operation'],
      kind: r.entity as string,
      key: r.entityKey as string,
      version: Number(r.version),
      at: r.at as string,
      actor: r.actor as string,
    })),
    cursor: encode({ phase: 'log', seq: last ? Number(last.seq) : after }),
    hasMore: rows.length > first,
    fullSync: false,
  };
}

async function syncPage(from: number, startKind: number, startId: number, first: number): Promise<FeedPage> {
  const entries: FeedEntry[] = [];
  let kind = startKind;
  let id = startId;
  while (kind < feedKinds.length && entries.length < first) {
    const [model, column] = feedKinds[kind] as (typeof feedKinds)[number];
    const rows = await queryRows(
      `SELECT "id", ${ident(column)} AS "key", "version", "updatedAt" FROM ${ident(model)}
       WHERE "id" > ? ORDER BY "id" LIMIT ?`,
      [id, first - entries.length],
    );
    for (const r of rows) {
      entries.push({
        seq: null,
        operation: 'CREATE',
        kind: model,
        key: r.key as string,
        version: Number(r.version),
        at: r.updatedAt as string,
        actor: null,
      });
      id = Number(r.id);
    }
    if (entries.length < first) {
      kind += 1;
      id = 0;
    }
  }
  if (kind >= feedKinds.length) {
    // The snapshot is done: go on with what changed since it started.
    const more = (await lastSeq()) > from;
    return { entries, cursor: encode({ phase: 'log', seq: from }), hasMore: more, fullSync: true };
  }
  return { entries, cursor: encode({ phase: 'sync', from, kind, id }), hasMore: true, fullSync: true };
}

/** One page of the feed after `after` (none: start a full sync). */
export async function changesPage(after: string | null | undefined, first: number): Promise<FeedPage> {
  if (after == null) return syncPage(await lastSeq(), 0, 0, first);
  const position = decode(after);
  return position.phase === 'sync'
    ? syncPage(position.from, position.kind, position.id, first)
    : logPage(position.seq, first);
}
