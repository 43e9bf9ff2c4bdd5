// Generic access to any model's Prisma delegate inside a transaction, by model name: the unit of
// work, the seed writer and (next) mutations address tables by the names of the kind registry.
import type { Db } from '../db.ts';

export type Value = string | number | boolean | Date | null;
export type Row = Record<string, Value>;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** The part of a Prisma model delegate the writers use (every model has these methods). */
export interface Delegate {
  findMany(args: { where?: object; select?: Record<string, true>; orderBy?: object }): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<unknown>;
  update(args: { where: { id: number }; data: object }): Promise<Row>;
  updateMany(args: { where: object; data: object }): Promise<unknown>;
  deleteMany(args: { where: object }): Promise<unknown>;
}

/** `TreatmentAlias` or `treatmentAlias` → `TreatmentAlias` (the DMMF and change-log name). */
export const modelName = (model: string) => model.charAt(0).toUpperCase() + model.slice(1);

/** The delegate of a model (`tx.treatmentAlias` for `TreatmentAlias`). */
export function delegate(tx: Tx, model: string): Delegate {
  const found = (tx as unknown as Record<string, Delegate | undefined>)[
    model.charAt(0).toLowerCase() + model.slice(1)
  ];
  if (!found) throw new Error(`no model ${model}`);
  return found;
}
