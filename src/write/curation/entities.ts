// Create, update and delete of entities (specs.ts): treatments, every vocabulary kind, sources with
// their sections, jurisdictions and authorities. Each runs inside a unit of work
// (src/write/unitOfWork.ts), which versions, derives, logs and audits what it changes; a UserFault
// thrown here rolls all of it back.
import { z } from 'zod';
import { getDatamodel } from '../../generated/pothos-types.ts';
import { isEntityModel } from '../entities.ts';
import type { Row } from '../rows.ts';
import type { Writer } from '../unitOfWork.ts';
import { setCitations } from './citations.ts';
import { UserFault } from './fault.ts';
import { citations, dataShape, key, parseInput, present, slug, version } from './inputs.ts';
import { dependentsOf, expectVersion, findOne, removeTree } from './rows.ts';
import type { EntitySpec } from './specs.ts';

type Input = Record<string, unknown>;

function keySchema(spec: EntitySpec) {
  const pattern = spec.keyPattern;
  return pattern ? z.string().regex(pattern.regex, pattern.message) : slug;
}

async function cite(w: Writer, spec: EntitySpec, row: Row, list: unknown) {
  if (!spec.citationColumn || list === undefined) return;
  const fact = {
    column: spec.citationColumn,
    id: row.id as number,
    claimType: spec.claimType,
    claimSubject: String(row[spec.keyColumn]),
  };
  await setCitations(w, fact, list as never, ['input', 'citations']);
}

/** A source's sections become exactly `locators`, in that order; a cited section is never removed. */
async function setSections(w: Writer, sourceId: number, locators: string[]) {
  const current = await w.findMany('sourceSection', { where: { sourceId } });
  const byLocator = new Map(current.map((s) => [s.locator as string, s]));
  const toCreate: Row[] = [];
  for (const [i, locator] of locators.entries()) {
    const existing = byLocator.get(locator);
    byLocator.delete(locator);
    if (!existing) toCreate.push({ sourceId, locator, position: i + 1 });
    else if (existing.position !== i + 1) await w.update('sourceSection', existing, { position: i + 1 });
  }
  const gone = [...byLocator.values()];
  if (gone.length > 0) {
    const cited = await w.findMany('citation', {
      where: { sectionId: { in: gone.map((s) => s.id as number) } },
      select: { sectionId: true, claimSubject: true },
    });
    if (cited.length > 0) {
      const locators = gone
        .filter((s) => cited.some((c) => c.sectionId === s.id))
        .map((s) => `"${s.locator}"`);
      throw UserFault.of(
        'IN_USE',
        ['input', 'sections'],
        `facts cite section${locators.length > 1 ? 's' : ''} ${locators.join(', ')}: keep ${locators.length > 1 ? 'them' : 'it'}, or remove those citations first`,
        { dependents: [...new Set(cited.map((c) => String(c.claimSubject)))].sort() },
      );
    }
    await w.remove('sourceSection', gone);
  }
  await w.create('sourceSection', toCreate);
}

/** Creates the entity (with its citations, or a source's sections); returns its key. */
export async function createEntity(w: Writer, spec: EntitySpec, raw: Input): Promise<string> {
  const schema = z.strictObject({
    [spec.keyColumn]: keySchema(spec),
    ...dataShape(spec, true),
    ...(spec.citationColumn ? { citations } : {}),
  });
  const input = parseInput(schema, present(spec, raw)) as Input;
  const id = input[spec.keyColumn] as string;
  const [taken] = await w.findMany(spec.model, { where: { [spec.keyColumn]: id }, select: { id: true } });
  if (taken) {
    throw UserFault.of(
      'ALREADY_EXISTS',
      ['input', spec.keyColumn],
      `a ${spec.noun} with ${spec.keyColumn} "${id}" exists already`,
    );
  }
  const [created] = await w.create(spec.model, [{ [spec.keyColumn]: id, ...(await spec.columns(w, input)) }]);
  const row = created as Row;
  await cite(w, spec, row, input.citations);
  if (Array.isArray(input.sections)) await setSections(w, row.id as number, input.sections as string[]);
  return id;
}

/** Updates the fields sent (and replaces citations or sections, if sent) at the version read. */
export async function updateEntity(w: Writer, spec: EntitySpec, raw: Input): Promise<string> {
  const schema = z.strictObject({
    [spec.keyColumn]: key,
    version,
    ...dataShape(spec, false),
    ...(spec.citationColumn ? { citations: citations.optional() } : {}),
  });
  const input = parseInput(schema, present(spec, raw)) as Input & { version: number };
  const id = input[spec.keyColumn] as string;
  const current = await findOne(w, spec.model, spec.keyColumn, id, ['input', spec.keyColumn], spec.noun);
  expectVersion(current, input.version, ['input', 'version'], spec.noun);
  const changed = Object.fromEntries(
    Object.entries(await spec.columns(w, input)).filter(([column, value]) =>
      value instanceof Date
        ? !(current[column] instanceof Date && current[column].getTime() === value.getTime())
        : (current[column] ?? null) !== value,
    ),
  );
  if (Object.keys(changed).length > 0) await w.update(spec.model, current, changed);
  await cite(w, spec, current, input.citations);
  if (Array.isArray(input.sections)) await setSections(w, current.id as number, input.sections as string[]);
  return id;
}

const citationRelations = getDatamodel()
  .datamodel.models.Citation?.fields.filter(
    (f) =>
      f.kind === 'object' &&
      f.relationFromFields?.length === 1 &&
      f.name !== 'source' &&
      f.name !== 'section',
  )
  .map((f) => ({ model: f.type, column: f.relationFromFields?.[0] as string }));

/**
 * A source's citations go, and with them every fact left with no citation at all (a fact is never
 * stored uncited); entities keep their row.
 */
async function removeCitationsOf(w: Writer, sourceId: number) {
  const list = await w.findMany('citation', { where: { sourceId } });
  await w.remove('citation', list);
  for (const relation of citationRelations ?? []) {
    if (isEntityModel(relation.model)) continue;
    const ids = [
      ...new Set(list.map((c) => c[relation.column]).filter((v): v is number => typeof v === 'number')),
    ];
    if (ids.length === 0) continue;
    const still = await w.findMany('citation', {
      where: { [relation.column]: { in: ids } },
      select: { [relation.column]: true },
    });
    const cited = new Set(still.map((c) => c[relation.column]));
    const orphans = await w.findMany(relation.model, {
      where: { id: { in: ids.filter((i) => !cited.has(i)) } },
    });
    await removeTree(w, relation.model, orphans);
  }
}

/**
 * Deletes the entity and its own facts. What other entities hold about it (links from treatments,
 * facts citing a source) makes the delete fail with IN_USE, listing them, unless `cascade`.
 * Returns the row as it was, for the payload.
 */
export async function deleteEntity(w: Writer, spec: EntitySpec, raw: Input): Promise<Row> {
  const schema = z.strictObject({ [spec.keyColumn]: key, version, cascade: z.boolean().nullish() });
  const input = parseInput(schema, raw) as Input & { version: number; cascade?: boolean | null };
  const id = input[spec.keyColumn] as string;
  const current = await findOne(w, spec.model, spec.keyColumn, id, ['input', spec.keyColumn], spec.noun);
  expectVersion(current, input.version, ['input', 'version'], spec.noun);
  if (!input.cascade) {
    const dependents = await dependentsOf(w, spec.model, current.id as number);
    if (dependents.length > 0) {
      const shown = dependents.slice(0, 10).join(', ') + (dependents.length > 10 ? ', …' : '');
      throw UserFault.of(
        'IN_USE',
        ['input', spec.keyColumn],
        `still referred to by ${dependents.length} other entit${dependents.length === 1 ? 'y' : 'ies'} (${shown}); remove those facts first, or send cascade: true to remove them with it`,
        { dependents },
      );
    }
  }
  if (spec.model === 'Source') await removeCitationsOf(w, current.id as number);
  await removeTree(w, spec.model, [current]);
  return current;
}
