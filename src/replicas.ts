// Read replicas, one per request. Reads outside transactions go to a replica, writes and
// transactions to the primary, as with @prisma/extension-read-replicas, but every read of one
// request (Prisma queries, plain SQL and the data version the response cache keys on) goes to the
// same replica: replicas lag by different amounts, and an answer read on one replica must never be
// cached under the data version read on another.
import { AsyncLocalStorage } from 'node:async_hooks';
import { Prisma } from './generated/sqlite/client.ts';

/** The read operations Prisma may send to a replica (the extension's own list). */
const readOperations = new Set([
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'findUnique',
  'findUniqueOrThrow',
  'groupBy',
  'aggregate',
  'count',
]);

type Client = Record<string, unknown>;

/** Per request: the replica (its index) each routed client reads from. */
const pinned = new AsyncLocalStorage<Map<object, number>>();

/** Runs `fn` (one request) with every read of it on one replica per routed client. */
export function withReadReplica<T>(fn: () => T): T {
  return pinned.run(new Map(), fn);
}

/** Marks the request's reads from now on as the primary's (a mutation's answer reads what it wrote). */
const PRIMARY = {};

export function readFromPrimary(): void {
  pinned.getStore()?.set(PRIMARY, -1);
}

/**
 * Which of `count` replicas this request reads from for `key` (one key per routed client, shared
 * by its Prisma routing and its plain-SQL readers): chosen at random once per request; -1 for the
 * primary, once `readFromPrimary` was called.
 */
export function pinnedReplica(key: object, count: number): number {
  const store = pinned.getStore();
  if (store?.has(PRIMARY)) return -1;
  const chosen = store?.get(key);
  if (chosen !== undefined) return chosen;
  const index = Math.floor(Math.random() * count);
  store?.set(key, index);
  return index;
}

/** The extension: the client gains `$replica()` (this request's replica) and routes reads to it. */
export function replicaRouting(replicas: readonly Client[], key: object) {
  if (replicas.length === 0) throw new Error('At least one replica must be given');
  const pick = () => replicas[pinnedReplica(key, replicas.length)] as Client | undefined;
  return Prisma.defineExtension((client) =>
    client.$extends({
      client: {
        $replica(): unknown {
          return pick() ?? client;
        },
        async $disconnect(): Promise<void> {
          await Promise.all([
            client.$disconnect(),
            ...replicas.map((r) => (r.$disconnect as () => Promise<void>)()),
          ]);
        },
      },
      query: {
        $allOperations({ args, model, operation, query, ...rest }) {
          // Prisma passes the transaction, when there is one, in an internal parameter.
          const inTransaction = (rest as { __internalParams?: { transaction?: unknown } }).__internalParams
            ?.transaction;
          const replica = inTransaction || !readOperations.has(operation) ? undefined : pick();
          if (!replica) return query(args);
          const target = (model ? replica[lowerFirst(model)] : replica) as Record<
            string,
            (a: unknown) => Promise<unknown>
          >;
          return (target[operation] as (a: unknown) => Promise<unknown>)(args);
        },
      },
    }),
  );
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
