// A full, ordered dump of every table, to prove an operation changed nothing (timestamps included).
import type { Db } from '../../src/db.ts';
import { getDatamodel } from '../../src/generated/pothos-types.ts';
import { Prisma } from '../../src/generated/sqlite/client.ts';

const models = getDatamodel().datamodel.models;

/** Rows in primary-key order: the `@id` field, or the columns of a composite key (derived pair tables). */
const primaryKeyOrder = (model: string) =>
  (
    models[model]?.primaryKey?.fields ??
    models[model]?.fields.filter((f) => f.isId).map((f) => f.name) ?? ['id']
  ).map((field) => ({ [field]: 'asc' as const }));

export async function dumpDatabase(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const model of Object.values(Prisma.ModelName)) {
    const delegateName = model.charAt(0).toLowerCase() + model.slice(1);
    const delegate = (db as unknown as Record<string, { findMany(a: object): Promise<unknown[]> }>)[
      delegateName
    ];
    if (!delegate) throw new Error(`no delegate for ${model}`);
    out[model] = await delegate.findMany({ orderBy: primaryKeyOrder(model) });
  }
  return out;
}
