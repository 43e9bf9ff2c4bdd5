// add<Fact>, update<Fact>, remove<Fact> for every link kind of a treatment and for regulatory
// statuses, from the curation specs (src/write/curation/specs.ts). Each answers with the treatment,
// as committed: its version counts every change to its facts.
import type { Context } from '../../context.ts';
import { committedRow, curate } from '../../resolvers/curation.ts';
import { a, type FactSpec, factSpecs } from '../../write/curation/specs.ts';
import { builder, writeScope } from '../builder.ts';
import { CitationInput, curationFields } from '../inputs/CurationInputs.ts';
import { Treatment } from '../types/Treatment.ts';
import { type Outcome, outcomeFields } from './outcome.ts';

interface Payload extends Outcome {
  slug: string | null;
}

const TreatmentFactPayload = builder.objectRef<Payload>('TreatmentFactPayload').implement({
  description: 'The result of adding, updating or removing a fact of a treatment.',
  fields: (t) => ({
    treatment: t.field({
      type: Treatment,
      nullable: true,
      description: 'The treatment after the change, with its new version (null when there are errors).',
      resolve: (p) => (p.slug ? committedRow('Treatment', 'slug', p.slug) : null) as never,
    }),
    ...outcomeFields(t),
  }),
});

async function toPayload(ctx: Context, run: Parameters<typeof curate<string>>[1]): Promise<Payload> {
  const result = await curate(ctx, run);
  return { slug: result.value, dataVersion: result.dataVersion, errors: result.errors };
}

function factMutations(spec: FactSpec) {
  const Model = spec.model;
  const target = !spec.target
    ? `Key of the ${spec.noun} within its treatment (kebab-case, e.g. "sessions"; it never changes).`
    : spec.target.keyColumn === 'code'
      ? `Code of the ${spec.target.noun}.`
      : `Slug of the ${spec.target.noun}.`;
  const ends = (t: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0]) => ({
    treatment: t.string({ required: true, description: 'Slug of the treatment.' }),
    [spec.targetField]: t.string({ required: true, description: target }),
  });
  const addInput = builder.inputType(`Add${Model}Input`, {
    description: `New: ${a(spec.noun)} of a treatment, with at least one citation.`,
    fields: (t) => ({
      ...ends(t),
      version: t.int({
        required: false,
        description: "The treatment's version you read, checked when sent.",
      }),
      ...curationFields(t, spec, true),
      citations: t.field({ type: [CitationInput], required: true, description: 'At least one.' }),
    }),
  });
  const updateInput = builder.inputType(`Update${Model}Input`, {
    description: `Changes to ${a(spec.noun)}: only the fields sent change.`,
    fields: (t) => ({
      ...ends(t),
      version: t.int({
        required: true,
        description: "The treatment's version you read; a stale one gets CONFLICT.",
      }),
      ...curationFields(t, spec, false),
      citations: t.field({
        type: [CitationInput],
        required: false,
        description: 'Replaces its citations (at least one).',
      }),
    }),
  });
  const removeInput = builder.inputType(`Remove${Model}Input`, {
    description: `Which ${spec.noun} to remove.`,
    fields: (t) => ({
      ...ends(t),
      version: t.int({
        required: true,
        description: "The treatment's version you read; a stale one gets CONFLICT.",
      }),
    }),
  });
  builder.mutationFields((t) => ({
    [`add${Model}`]: t.field({
      type: TreatmentFactPayload,
      authScopes: writeScope,
      description: `Adds ${a(spec.noun)} to a treatment. Needs the write scope.`,
      args: { input: t.arg({ type: addInput, required: true, description: 'What to add.' }) },
      resolve: (_root, { input }, ctx) => toPayload(ctx, (p, w) => p.addFact(w, spec, input as never)),
    }),
    [`update${Model}`]: t.field({
      type: TreatmentFactPayload,
      authScopes: writeScope,
      description: `Updates ${a(spec.noun)} of a treatment. Needs the write scope.`,
      args: { input: t.arg({ type: updateInput, required: true, description: 'What to change.' }) },
      resolve: (_root, { input }, ctx) => toPayload(ctx, (p, w) => p.updateFact(w, spec, input as never)),
    }),
    [`remove${Model}`]: t.field({
      type: TreatmentFactPayload,
      authScopes: writeScope,
      description: `Removes ${a(spec.noun)} from a treatment, with its citations. Needs the write scope.`,
      args: { input: t.arg({ type: removeInput, required: true, description: 'What to remove.' }) },
      resolve: (_root, { input }, ctx) => toPayload(ctx, (p, w) => p.removeFact(w, spec, input as never)),
    }),
  }));
}

for (const spec of factSpecs) factMutations(spec);
