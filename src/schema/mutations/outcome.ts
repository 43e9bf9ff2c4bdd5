// The two fields every mutation payload ends with: what was written (`dataVersion`) or why not
// (`errors`). One definition, so every payload says them the same way.
import type { UserErrorShape } from '../../write/curation/fault.ts';
import type { builder } from '../builder.ts';
import { UserError } from '../types/UserError.ts';

export interface Outcome {
  dataVersion: number | null;
  errors: UserErrorShape[];
}

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

export const outcomeFields = <P extends Outcome>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, P>) => ({
  dataVersion: t.int({
    nullable: true,
    description: 'The data version this change produced (null when nothing was written).',
    resolve: (p) => p.dataVersion,
  }),
  errors: t.field({
    type: [UserError],
    description: 'What kept the change from being written; empty on success.',
    resolve: (p) => p.errors,
  }),
});
