// create<Kind>, update<Kind>, delete<Kind> for treatments and every vocabulary kind, from the
// curation specs (src/write/curation/specs.ts): one input and one payload type per mutation.
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Context } from '../../context.ts';
import { committedRow, curate } from '../../resolvers/curation.ts';
import { a, type EntitySpec, entitySpecs } from '../../write/curation/specs.ts';
import type { Row } from '../../write/rows.ts';
import { adminScope, builder, writeScope } from '../builder.ts';
import { CitationInput, curationFields } from '../inputs/CurationInputs.ts';
import { type Outcome, outcomeFields } from './outcome.ts';

interface Payload extends Outcome {
  key: string | null;
}

interface DeletePayload extends Outcome {
  deleted: Row | null;
}

function entityMutations(spec: EntitySpec) {
  const Model = spec.model;
  const keyName = spec.keyColumn === 'code' ? 'Code' : 'Slug';
  const payload = builder.objectRef<Payload>(`${Model}Payload`).implement({
    description: `The result of creating or updating ${a(spec.noun)}: the ${spec.noun} as committed, or errors.`,
    fields: (t) => ({
      [spec.one]: t.field({
        type: Model as never,
        nullable: true,
        description: `The ${spec.noun} after the change (null when there are errors).`,
        resolve: (p: Payload) => (p.key ? committedRow(Model, spec.keyColumn, p.key) : null) as never,
      }),
      ...outcomeFields(t),
    }),
  });
  const deletePayload = builder.objectRef<DeletePayload>(`Delete${Model}Payload`).implement({
    description: `The result of deleting ${a(spec.noun)}.`,
    fields: (t) => ({
      deletedId: t.id({
        nullable: true,
        description: 'Global id of the deleted entity (it stays known to the change feed as a tombstone).',
        resolve: (p) => (p.deleted ? encodeGlobalID(Model, String(p.deleted[spec.keyColumn])) : null),
      }),
      [`deleted${keyName}`]: t.string({
        nullable: true,
        description: `Its ${spec.keyColumn}.`,
        resolve: (p) => (p.deleted?.[spec.keyColumn] as string | undefined) ?? null,
      }),
      ...outcomeFields(t),
    }),
  });

  const createInput = builder.inputType(`Create${Model}Input`, {
    description: `New: ${a(spec.noun)}${spec.citationColumn ? ', with at least one citation' : ''}.`,
    fields: (t) => ({
      [spec.keyColumn]: t.string({
        required: true,
        description:
          spec.keyColumn === 'code'
            ? 'ISO 3166-1 alpha-2 code (FR); it can never change afterwards.'
            : 'English kebab-case slug; it can never change afterwards.',
      }),
      ...curationFields(t, spec, true),
      ...(spec.citationColumn
        ? { citations: t.field({ type: [CitationInput], required: true, description: 'At least one.' }) }
        : {}),
    }),
  });
  const updateInput = builder.inputType(`Update${Model}Input`, {
    description: `Changes to ${a(spec.noun)}: only the fields sent change.`,
    fields: (t) => ({
      [spec.keyColumn]: t.string({
        required: true,
        description: `Which ${spec.noun} (its ${spec.keyColumn} never changes).`,
      }),
      version: t.int({ required: true, description: 'The version you read; a stale one gets CONFLICT.' }),
      ...curationFields(t, spec, false),
      ...(spec.citationColumn
        ? {
            citations: t.field({
              type: [CitationInput],
              required: false,
              description: `Replaces the ${spec.noun}'s own citations (at least one).`,
            }),
          }
        : {}),
    }),
  });
  const deleteInput = builder.inputType(`Delete${Model}Input`, {
    description: `Which ${spec.noun} to delete.`,
    fields: (t) => ({
      [spec.keyColumn]: t.string({ required: true, description: `Which ${spec.noun}.` }),
      version: t.int({ required: true, description: 'The version you read; a stale one gets CONFLICT.' }),
      cascade: t.boolean({
        required: false,
        description: 'Also remove the facts of other entities that refer to it (else IN_USE lists them).',
      }),
    }),
  });

  const toPayload = async (ctx: Context, run: Parameters<typeof curate<string>>[1]): Promise<Payload> => {
    const result = await curate(ctx, run);
    return { key: result.value, dataVersion: result.dataVersion, errors: result.errors };
  };
  builder.mutationFields((t) => ({
    [`create${Model}`]: t.field({
      type: payload,
      authScopes: writeScope,
      description: `Creates ${a(spec.noun)}. Needs the write scope.`,
      args: { input: t.arg({ type: createInput, required: true, description: 'What to create.' }) },
      resolve: (_root, { input }, ctx) => toPayload(ctx, (p, w) => p.createEntity(w, spec, input as never)),
    }),
    [`update${Model}`]: t.field({
      type: payload,
      authScopes: writeScope,
      description: `Updates ${a(spec.noun)} at the version read. Needs the write scope.`,
      args: { input: t.arg({ type: updateInput, required: true, description: 'What to change.' }) },
      resolve: (_root, { input }, ctx) => toPayload(ctx, (p, w) => p.updateEntity(w, spec, input as never)),
    }),
    [`delete${Model}`]: t.field({
      type: deletePayload,
      authScopes: spec.deleteScope === 'admin' ? adminScope : writeScope,
      description: `Deletes ${a(spec.noun)} and its own facts at the version read. Needs the ${spec.deleteScope} scope.`,
      args: { input: t.arg({ type: deleteInput, required: true, description: 'What to delete.' }) },
      resolve: async (_root, { input }, ctx) => {
        const result = await curate(ctx, (p, w) => p.deleteEntity(w, spec, input as never));
        return { deleted: result.value, dataVersion: result.dataVersion, errors: result.errors };
      },
    }),
  }));
}

for (const spec of entitySpecs) entityMutations(spec);
