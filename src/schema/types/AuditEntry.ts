import type { SqlRow } from '../../resolvers/sql.ts';
import { builder } from '../builder.ts';
import { ChangeOperationEnum } from './Change.ts';

export const AuditEntry = builder.objectRef<SqlRow>('AuditEntry').implement({
  description:
    'One database row a change created, updated or deleted: who, when, and its values before and after (JSON).',
  fields: (t) => ({
    seq: t.int({ description: 'Position in the audit trail (monotonic).', resolve: (r) => Number(r.id) }),
    dataVersion: t.int({
      description: 'The data version the change produced.',
      resolve: (r) => Number(r.dataVersion),
    }),
    actor: t.string({ description: 'The API key name, or `seed`.', resolve: (r) => r.actor as string }),
    operation: t.field({
      type: ChangeOperationEnum,
      description: 'What happened to the row.',
      resolve: (r) => r.operation as never,
    }),
    model: t.string({
      description: 'The table, e.g. `Treatment`, `TreatmentContraindication`, `Citation`.',
      resolve: (r) => r.model as string,
    }),
    recordId: t.int({
      nullable: true,
      description: 'The row id.',
      resolve: (r) => (r.recordId == null ? null : Number(r.recordId)),
    }),
    before: t.string({
      nullable: true,
      description: 'The row before, as JSON text (null for a create).',
      resolve: (r) => (r.before as string | null) ?? null,
    }),
    after: t.string({
      nullable: true,
      description: 'The row after, as JSON text (null for a delete).',
      resolve: (r) => (r.after as string | null) ?? null,
    }),
    at: t.field({ type: 'DateTime', description: 'When it was committed.', resolve: (r) => r.at as string }),
  }),
});
