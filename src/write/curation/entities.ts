// Create, update and delete of entities known by slug: treatments and every vocabulary kind (specs.ts).
// Each runs inside a unit of work (src/write/unitOfWork.ts), which versions, derives, logs and
// audits what it changes; a UserFault thrown here rolls all of it back.
import { z } from 'zod';
import type { Row } from '../rows.ts';
import type { Writer } from '../unitOfWork.ts';
import { setCitations } from './citations.ts';
import { UserFault } from './fault.ts';
import { citations, dataShape, key, parseInput, present, slug, version } from './inputs.ts';
import { dependentsOf, expectVersion, findOne, removeTree } from './rows.ts';
import type { EntitySpec } from './specs.ts';

type Input = Record<string, unknown>;

const ownCitations = (spec: EntitySpec, row: Row) => ({
  column: spec.citationColumn,
  id: row.id as number,
  claimType: spec.claimType,
  claimSubject: row.slug as string,
});

/** Creates the entity with its citations; returns its slug. */
export async function createEntity(w: Writer, spec: EntitySpec, raw: Input): Promise<string> {
  const schema = z.strictObject({ slug, ...dataShape(spec, true), citations });
  const input = parseInput(schema, present(spec, raw)) as Input & { slug: string };
  const [taken] = await w.findMany(spec.model, { where: { slug: input.slug }, select: { id: true } });
  if (taken) {
    throw UserFault.of(
      'ALREADY_EXISTS',
      ['input', 'slug'],
      `a ${spec.noun} with slug "${input.slug}" exists already`,
    );
  }
  const [created] = await w.create(spec.model, [{ slug: input.slug, ...spec.columns(input) }]);
  await setCitations(w, ownCitations(spec, created as Row), input.citations as never, ['input', 'citations']);
  return input.slug;
}

/** Updates the fields sent (and replaces the citations, if sent) of the version the client read. */
export async function updateEntity(w: Writer, spec: EntitySpec, raw: Input): Promise<string> {
  const schema = z.strictObject({
    slug: key,
    version,
    ...dataShape(spec, false),
    citations: citations.optional(),
  });
  const input = parseInput(schema, present(spec, raw)) as Input & { slug: string; version: number };
  const current = await findOne(w, spec.model, 'slug', input.slug, ['input', 'slug'], spec.noun);
  expectVersion(current, input.version, ['input', 'version'], spec.noun);
  const changed = Object.fromEntries(
    Object.entries(spec.columns(input)).filter(([column, value]) => (current[column] ?? null) !== value),
  );
  if (Object.keys(changed).length > 0) await w.update(spec.model, current, changed);
  if (input.citations) {
    await setCitations(w, ownCitations(spec, current), input.citations as never, ['input', 'citations']);
  }
  return input.slug;
}

/**
 * Deletes the entity and its own facts. What other entities hold about it (links from treatments,
 * a combination naming it) makes the delete fail with IN_USE, listing them, unless `cascade`.
 * Returns the row as it was, for the payload.
 */
export async function deleteEntity(w: Writer, spec: EntitySpec, raw: Input): Promise<Row> {
  const schema = z.strictObject({ slug: key, version, cascade: z.boolean().nullish() });
  const input = parseInput(schema, raw);
  const current = await findOne(w, spec.model, 'slug', input.slug, ['input', 'slug'], spec.noun);
  expectVersion(current, input.version, ['input', 'version'], spec.noun);
  if (!input.cascade) {
    const dependents = await dependentsOf(w, spec.model, current.id as number);
    if (dependents.length > 0) {
      const shown = dependents.slice(0, 10).join(', ') + (dependents.length > 10 ? ', …' : '');
      throw UserFault.of(
        'IN_USE',
        ['input', 'slug'],
        `still referred to by ${dependents.length} other entit${dependents.length === 1 ? 'y' : 'ies'} (${shown}); remove those facts first, or send cascade: true to remove them with it`,
        { dependents },
      );
    }
  }
  await removeTree(w, spec.model, [current]);
  return current;
}
