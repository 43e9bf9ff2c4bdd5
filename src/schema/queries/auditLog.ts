import { listCount, listRows, type Where } from '../../resolvers/listPage.ts';
import { adminScope, builder } from '../builder.ts';
import type { PageArgs } from '../links.ts';
import { listResolvers } from '../lists.ts';
import { AuditEntry } from '../types/AuditEntry.ts';

interface AuditFilter {
  actor?: string | null;
  model?: string | null;
  recordId?: number | null;
  dataVersion?: number | null;
}

const AuditLogFilter = builder.inputType('AuditLogFilter', {
  description: 'Conditions on audit entries; all given must hold.',
  fields: (t) => ({
    actor: t.string({ required: false, description: 'Only changes by this API key name (or `seed`).' }),
    model: t.string({ required: false, description: 'Only rows of this table, e.g. `Treatment`.' }),
    recordId: t.int({ required: false, description: 'Only this row (with `model`).' }),
    dataVersion: t.int({
      required: false,
      description: 'Only the rows of the change that produced this data version.',
    }),
  }),
});

function whereOf(filter: AuditFilter | null | undefined): Where {
  const where: Where = { conditions: [], params: [] };
  for (const column of ['actor', 'model', 'recordId', 'dataVersion'] as const) {
    const value = filter?.[column];
    if (value == null) continue;
    where.conditions.push(`t."${column}" = ?`);
    where.params.push(value);
  }
  return where;
}

const newestFirst = { sortValue: (alias: string) => `${alias}."id"`, descending: true };

const list = listResolvers<PageArgs & { filter?: AuditFilter | null }>({
  rows: (args, _ctx, page, fields) => listRows('AuditLog', whereOf(args.filter), newestFirst, page, fields),
  count: (args) => listCount('AuditLog', whereOf(args.filter)),
});

builder.queryFields((t) => ({
  auditLog: t.connection(
    {
      authScopes: adminScope,
      type: AuditEntry,
      description:
        'The audit trail, newest first: every row every change wrote, with before and after. Needs the admin scope.',
      args: { filter: t.arg({ type: AuditLogFilter, required: false, description: 'Conditions to meet.' }) },
      resolve: list.resolve as never,
    },
    {
      description: 'A page of the audit trail.',
      fields: (c) => ({
        totalCount: c.int({
          description: 'Number of entries meeting the filter, across all pages.',
          resolve: list.totalCount as never,
        }),
      }),
    },
  ),
}));
