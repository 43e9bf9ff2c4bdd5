// Citations of curated facts: each names a known source section; a fact is never stored without
// one. Keys follow the seed's (`<claimType>:<subject>|<source>|<section>`), so a curated citation
// and a seeded one of the same fact and section are the same row.
import type { Row } from '../rows.ts';
import type { Writer } from '../unitOfWork.ts';
import { type UserErrorShape, UserFault } from './fault.ts';
import type { CitationValue } from './inputs.ts';

export interface FactRef {
  /** The Citation column pointing at the fact, e.g. `treatmentContraindicationId`. */
  column: string;
  id: number;
  /** What the citation supports: `treatmentContraindication`, and which: `prp-injection/pregnancy`. */
  claimType: string;
  claimSubject: string;
  /**
   * A contraindication link's severity, which its citations state unless they say otherwise;
   * undefined for every other fact, whose citations state no severity.
   */
  severity?: string | null;
}

/** Strictest first (seed/FORMAT.md, "Severity"). */
export const SEVERITIES = ['ABSOLUTE', 'RELATIVE', 'PRECAUTION'] as const;
const strictness = (severity: unknown) => SEVERITIES.indexOf(severity as (typeof SEVERITIES)[number]);

/**
 * The seed's rule for a contraindication link (seed/validate.ts): its severity is the strictest its
 * citations state, so none states a stricter one and one states it. Checked on the rows as written.
 */
export async function checkLinkSeverity(w: Writer, column: string, link: Row, path: string[]) {
  const stated = (await w.findMany('citation', { where: { [column]: link.id as number } })).map(
    (c) => (c.severity as string | null) ?? (link.severity as string),
  );
  const stricter = stated.find((s) => strictness(s) < strictness(link.severity));
  if (stricter) {
    throw UserFault.of(
      'VALIDATION',
      path,
      `${link.severity} is milder than ${stricter}, stated by one of its citations: a link's severity is the strictest its citations state`,
    );
  }
  if (!stated.includes(link.severity as string)) {
    throw UserFault.of(
      'VALIDATION',
      path,
      `${link.severity} is stated by none of the link's citations (${stated.join(', ')}): send the citations with the severity each states`,
    );
  }
}

/** Source and section ids of each citation, or a UserFault naming every unknown one. */
async function resolve(w: Writer, list: CitationValue[], path: string[]) {
  const sources = await w.findMany('source', {
    where: { slug: { in: [...new Set(list.map((c) => c.source))] } },
    select: { id: true, slug: true },
  });
  const sourceIds = new Map(sources.map((s) => [s.slug as string, s.id as number]));
  const sections = await w.findMany('sourceSection', {
    where: { sourceId: { in: [...sourceIds.values()] } },
    select: { id: true, sourceId: true, locator: true },
  });
  const sectionIds = new Map(sections.map((s) => [`${s.sourceId}|${s.locator}`, s.id as number]));
  const errors: UserErrorShape[] = [];
  const resolved = list.map((c, i) => {
    const sourceId = sourceIds.get(c.source);
    const sectionId = sourceId === undefined ? undefined : sectionIds.get(`${sourceId}|${c.section}`);
    if (sourceId === undefined) {
      errors.push({
        code: 'UNKNOWN_CITATION',
        path: [...path, String(i), 'source'],
        message: `no source with slug "${c.source}"`,
      });
    } else if (sectionId === undefined) {
      errors.push({
        code: 'UNKNOWN_CITATION',
        path: [...path, String(i), 'section'],
        message: `source "${c.source}" has no section "${c.section}" (\`source(slug:) { sections }\` lists them)`,
      });
    }
    return { ...c, sourceId: sourceId as number, sectionId: sectionId as number };
  });
  if (errors.length > 0) throw new UserFault(errors);
  return resolved;
}

function citationRow(fact: FactRef, c: CitationValue & { sourceId: number; sectionId: number }): Row {
  return {
    key: `${fact.claimType}:${fact.claimSubject}|${c.source}|${c.section}`,
    sourceId: c.sourceId,
    sectionId: c.sectionId,
    note: c.note ?? null,
    severity: c.severity ?? fact.severity ?? null,
    claimType: fact.claimType,
    claimSubject: fact.claimSubject,
    [fact.column]: fact.id,
  };
}

/**
 * Makes the fact's citations exactly `list` (created, updated in note or severity, removed), so an
 * update that resends the same citations writes nothing. `path` locates `list` in the input.
 */
export async function setCitations(w: Writer, fact: FactRef, list: CitationValue[], path: string[]) {
  if (fact.severity === undefined) {
    const i = list.findIndex((c) => c.severity);
    if (i >= 0) {
      throw UserFault.of(
        'VALIDATION',
        [...path, String(i), 'severity'],
        'a citation states a severity only on a contraindication link',
      );
    }
  }
  const wanted = (await resolve(w, list, path)).map((c) => citationRow(fact, c));
  const current = await w.findMany('citation', { where: { [fact.column]: fact.id } });
  const byKey = new Map(current.map((r) => [r.key as string, r]));
  const toCreate: Row[] = [];
  for (const row of wanted) {
    const existing = byKey.get(row.key as string);
    byKey.delete(row.key as string);
    if (!existing) {
      toCreate.push(row);
      continue;
    }
    const changed = Object.fromEntries(
      ['note', 'severity'].filter((f) => (existing[f] ?? null) !== row[f]).map((f) => [f, row[f] ?? null]),
    );
    if (Object.keys(changed).length > 0) await w.update('citation', existing, changed);
  }
  await w.remove('citation', [...byKey.values()]);
  await w.create('citation', toCreate);
}
