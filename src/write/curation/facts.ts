// Add, update and remove a fact linking a treatment to something else: every link kind of the
// registry and regulatory statuses (specs.ts). A fact is a change of its treatment, so updates and
// removals send the treatment's version as read (adding may send it too); the unit of work bumps it.
import { z } from 'zod';
import type { Row } from '../rows.ts';
import type { Writer } from '../unitOfWork.ts';
import { checkLinkSeverity, setCitations } from './citations.ts';
import { UserFault } from './fault.ts';
import { citations, dataShape, key, parseInput, present, slug, version } from './inputs.ts';
import { expectVersion, findOne } from './rows.ts';
import type { FactSpec } from './specs.ts';

type Input = Record<string, unknown>;

/** The fields naming the fact; a new fact's own key must be a slug (it never changes). */
const ends = (spec: FactSpec, adding = false) => ({
  treatment: key,
  [spec.targetField]: adding && !spec.target ? slug : key,
});

/** The treatment, the other end and the fact between them (if any), with the version checked. */
async function locate(w: Writer, spec: FactSpec, input: Input) {
  const treatment = await findOne(
    w,
    'treatment',
    'slug',
    input.treatment as string,
    ['input', 'treatment'],
    'treatment',
  );
  expectVersion(treatment, input.version as number | null | undefined, ['input', 'version'], 'treatment');
  const targetKey = input[spec.targetField] as string;
  const path = ['input', spec.targetField];
  const target = spec.target
    ? await findOne(w, spec.target.model, spec.target.keyColumn, targetKey, path, spec.target.noun)
    : null;
  const end: Row = spec.target && target ? { [spec.target.column]: target.id as number } : { key: targetKey };
  const [existing] = await w.findMany(spec.model, { where: { treatmentId: treatment.id as number, ...end } });
  const subject = `${treatment.slug}/${targetKey}`;
  const cite = (fact: Row, list: unknown) =>
    setCitations(
      w,
      {
        column: spec.citationColumn,
        id: fact.id as number,
        claimType: spec.claimType,
        claimSubject: subject,
        severity: spec.fields.severity ? ((fact.severity as string | null | undefined) ?? null) : undefined,
      },
      list as never,
      ['input', 'citations'],
    );
  return { treatment, target, end, existing, subject, cite };
}

/**
 * A link's severity changed without its citations being sent: the citations that stated the old
 * severity (the link's own, as the seed writes it) now state the new one; those stating another
 * keep it, and the link's rule is checked after.
 */
async function restateSeverity(w: Writer, spec: FactSpec, before: Row, after: Row) {
  const cited = await w.findMany('citation', { where: { [spec.citationColumn]: after.id as number } });
  for (const c of cited.filter((c) => c.severity === before.severity)) {
    await w.update('citation', c, { severity: after.severity ?? null });
  }
}

/** The spec's rule across fields, on the row as it would be written. */
function checkRow(spec: FactSpec, row: Row, input: Input) {
  const broken = spec.check?.(row, (field) => field in input);
  if (broken) throw UserFault.of('VALIDATION', ['input', broken.field], broken.message);
}

/** Adds the fact with its citations; returns the treatment's slug. */
export async function addFact(w: Writer, spec: FactSpec, raw: Input): Promise<string> {
  const schema = z.strictObject({
    ...ends(spec, true),
    version: version.nullish(),
    ...dataShape(spec, true),
    citations,
  });
  const input = parseInput(schema, present(spec, raw)) as Input;
  const at = await locate(w, spec, input);
  if (spec.target?.model === 'Treatment' && at.target?.id === at.treatment.id) {
    throw UserFault.of('VALIDATION', ['input', spec.targetField], 'a treatment cannot be linked to itself');
  }
  if (at.existing) {
    throw UserFault.of(
      'ALREADY_EXISTS',
      ['input', spec.targetField],
      `${at.subject} is a ${spec.noun} already; update it instead`,
    );
  }
  const columns = await spec.columns(w, input);
  checkRow(spec, columns, input);
  const [created] = await w.create(spec.model, [
    { treatmentId: at.treatment.id as number, ...at.end, ...columns },
  ]);
  await at.cite(created as Row, input.citations);
  if (spec.fields.severity)
    await checkLinkSeverity(w, spec.citationColumn, created as Row, ['input', 'severity']);
  return at.treatment.slug as string;
}

/** Updates the fields sent (and replaces the citations, if sent); returns the treatment's slug. */
export async function updateFact(w: Writer, spec: FactSpec, raw: Input): Promise<string> {
  const schema = z.strictObject({
    ...ends(spec),
    version,
    ...dataShape(spec, false),
    citations: citations.optional(),
  });
  const input = parseInput(schema, present(spec, raw)) as Input;
  const at = await locate(w, spec, input);
  const existing = at.existing;
  if (!existing)
    throw UserFault.of('NOT_FOUND', ['input', spec.targetField], `${at.subject} is no ${spec.noun}`);
  const changed = Object.fromEntries(
    Object.entries(await spec.columns(w, input)).filter(
      ([column, value]) => (existing[column] ?? null) !== value,
    ),
  );
  checkRow(spec, { ...existing, ...changed }, input);
  const row = Object.keys(changed).length > 0 ? await w.update(spec.model, existing, changed) : existing;
  if (input.citations) await at.cite(row, input.citations);
  else if ('severity' in changed) await restateSeverity(w, spec, existing, row);
  if (spec.fields.severity) await checkLinkSeverity(w, spec.citationColumn, row, ['input', 'severity']);
  return at.treatment.slug as string;
}

/** Removes the fact and its citations; returns the treatment's slug. */
export async function removeFact(w: Writer, spec: FactSpec, raw: Input): Promise<string> {
  const input = parseInput(z.strictObject({ ...ends(spec), version }), raw) as Input;
  const at = await locate(w, spec, input);
  if (!at.existing)
    throw UserFault.of('NOT_FOUND', ['input', spec.targetField], `${at.subject} is no ${spec.noun}`);
  const id = at.existing.id as number;
  await w.remove('citation', await w.findMany('citation', { where: { [spec.citationColumn]: id } }));
  await w.remove(spec.model, [at.existing]);
  return at.treatment.slug as string;
}
