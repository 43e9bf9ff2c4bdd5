// Reads every seed file and validates the whole knowledge base before anything is written:
// YAML syntax, each file's shape (seed/schema.ts), then every cross-file reference. All problems
// are collected and reported together, each naming its file and the path inside it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  type AuthorityInput,
  authority,
  type CitationInput,
  type JurisdictionInput,
  jurisdiction,
  SEVERITIES,
  type SourceInput,
  source,
  type TreatmentInput,
  treatment,
  type VocabularyInput,
  type VocabularyKind,
  vocabularies,
} from './schema.ts';

export interface SeedIssue {
  file: string;
  path: string;
  message: string;
}

export class SeedValidationError extends Error {
  override name = 'SeedValidationError';
  constructor(readonly issues: SeedIssue[]) {
    super(
      `The seed is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}); nothing was written:\n` +
        issues.map((i) => `  ${i.file}${i.path ? ` at ${i.path}` : ''}: ${i.message}`).join('\n'),
    );
  }
}

export interface SeedData {
  sources: SourceInput[];
  jurisdictions: JurisdictionInput[];
  authorities: AuthorityInput[];
  vocabulary: Record<VocabularyKind, VocabularyInput[]>;
  treatments: TreatmentInput[];
}

type Severity = (typeof SEVERITIES)[number];
/** 0 for the strictest (ABSOLUTE). */
const strictness = (severity: Severity) => SEVERITIES.indexOf(severity);

const formatPath = (path: ReadonlyArray<PropertyKey>) =>
  path.reduce<string>(
    (acc, part) =>
      typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
    '',
  );

export function readSeed(dir: string): SeedData {
  const issues: SeedIssue[] = [];
  const display = (file: string) => relative(process.cwd(), file) || file;

  function load<S extends z.ZodType>(file: string, shape: S): z.infer<S> | undefined {
    if (!existsSync(file)) {
      issues.push({ file: display(file), path: '', message: 'file is missing' });
      return undefined;
    }
    const doc = parseDocument(readFileSync(file, 'utf8'), { prettyErrors: true });
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const [line, col] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [0, 0];
        issues.push({
          file: display(file),
          path: `line ${line}, column ${col}`,
          message: `malformed YAML: ${error.message.split('\n')[0]}`,
        });
      }
      return undefined;
    }
    const result = shape.safeParse(doc.toJS());
    if (!result.success) {
      for (const issue of result.error.issues) {
        issues.push({ file: display(file), path: formatPath(issue.path), message: issue.message });
      }
      return undefined;
    }
    return result.data;
  }

  const list = <S extends z.ZodType>(shape: S) => shape.array();
  const sources = load(join(dir, 'sources.yaml'), list(source)) ?? [];
  const jurisdictions = load(join(dir, 'jurisdictions.yaml'), list(jurisdiction)) ?? [];
  const authorities = load(join(dir, 'authorities.yaml'), list(authority)) ?? [];
  const vocabulary = Object.fromEntries(
    Object.entries(vocabularies).map(([kind, shape]) => [
      kind,
      (load(join(dir, 'vocabulary', `${kind}.yaml`), list(shape)) ?? []) as VocabularyInput[],
    ]),
  ) as Record<VocabularyKind, VocabularyInput[]>;

  const treatmentDir = join(dir, 'treatments');
  const treatmentFiles = existsSync(treatmentDir)
    ? readdirSync(treatmentDir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
    : [];
  const treatments: TreatmentInput[] = [];
  for (const name of treatmentFiles) {
    const file = join(treatmentDir, name);
    const parsed = load(file, treatment);
    if (!parsed) continue;
    if (parsed.slug !== basename(name, '.yaml')) {
      issues.push({
        file: display(file),
        path: 'slug',
        message: `slug '${parsed.slug}' must match the file name`,
      });
    }
    treatments.push(parsed);
  }

  const data: SeedData = { sources, jurisdictions, authorities, vocabulary, treatments };
  if (issues.length === 0) checkReferences(data, dir, display, issues);
  if (issues.length > 0) throw new SeedValidationError(issues);
  return data;
}

/** Every slug, code and locator a file mentions must be defined exactly once somewhere. */
function checkReferences(data: SeedData, dir: string, display: (f: string) => string, issues: SeedIssue[]) {
  const fileOf = (name: string) => display(join(dir, name));

  function defined<T>(file: string, items: T[], keyOf: (item: T) => string, what: string): Set<string> {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const key = keyOf(item);
      if (seen.has(key)) issues.push({ file, path: `[${i}]`, message: `duplicate ${what} '${key}'` });
      seen.add(key);
    });
    return seen;
  }

  const sections = new Map(data.sources.map((s) => [s.slug, new Set(s.sections)]));
  defined(fileOf('sources.yaml'), data.sources, (s) => s.slug, 'source slug');
  const jurisdictionCodes = defined(fileOf('jurisdictions.yaml'), data.jurisdictions, (j) => j.code, 'code');
  const authoritySlugs = defined(
    fileOf('authorities.yaml'),
    data.authorities,
    (a) => a.slug,
    'authority slug',
  );
  const vocab = Object.fromEntries(
    Object.entries(data.vocabulary).map(([kind, items]) => [
      kind,
      defined(fileOf(`vocabulary/${kind}.yaml`), items, (v) => v.slug, `${kind} slug`),
    ]),
  ) as Record<VocabularyKind, Set<string>>;
  const treatmentSlugs = new Set(data.treatments.map((t) => t.slug));

  /** `severities`: true on a contraindication link, the only place a citation states a severity. */
  function checkCitations(file: string, path: string, list: CitationInput[], severities = false) {
    const seen = new Set<string>();
    list.forEach((c, i) => {
      const at = `${path}.citations[${i}]`;
      if (c.severity && !severities) {
        issues.push({
          file,
          path: `${at}.severity`,
          message: 'a citation carries a severity only on a contraindication link',
        });
      }
      const known = sections.get(c.source);
      if (!known) {
        issues.push({
          file,
          path: `${at}.source`,
          message: `unknown source slug '${c.source}' (not in sources.yaml)`,
        });
      } else if (!known.has(c.locator)) {
        issues.push({
          file,
          path: `${at}.locator`,
          message: `locator '${c.locator}' is not a section of source '${c.source}' (see sources.yaml)`,
        });
      }
      const key = `${c.source}\u0000${c.locator}`;
      if (seen.has(key))
        issues.push({ file, path: at, message: 'the same source and locator are cited twice' });
      seen.add(key);
    });
  }

  /**
   * A link's severity is the strictest its citations state: none states a stricter one, and one
   * states it (a citation without a severity states the link's).
   */
  function checkLinkSeverity(
    file: string,
    path: string,
    link: { severity: Severity; citations: CitationInput[] },
  ) {
    link.citations.forEach((c, i) => {
      if (c.severity && strictness(c.severity) < strictness(link.severity))
        issues.push({
          file,
          path: `${path}.severity`,
          message: `${link.severity} is milder than ${c.severity}, stated by citations[${i}]: a link's severity is the strictest its citations state`,
        });
    });
    const stated = link.citations.map((c) => c.severity ?? link.severity);
    if (!stated.includes(link.severity))
      issues.push({
        file,
        path: `${path}.severity`,
        message: `${link.severity} is stated by none of the link's citations (${stated.join(', ')})`,
      });
  }

  /** `what` reads like "technique slug (defined in vocabulary/techniques.yaml)". */
  function ref(file: string, path: string, value: string, known: Set<string>, what: string) {
    const [noun, hint] = what.split(' (');
    if (!known.has(value))
      issues.push({ file, path, message: `unknown ${noun} '${value}'${hint ? ` (${hint}` : ''}` });
  }

  for (const [kind, items] of Object.entries(data.vocabulary)) {
    for (const [i, v] of items.entries())
      checkCitations(fileOf(`vocabulary/${kind}.yaml`), `[${i}]`, v.citations);
  }
  data.authorities.forEach((a, i) => {
    const file = fileOf('authorities.yaml');
    ref(
      file,
      `[${i}].jurisdiction`,
      a.jurisdiction,
      jurisdictionCodes,
      'jurisdiction code (not in jurisdictions.yaml)',
    );
    checkCitations(file, `[${i}]`, a.citations);
  });

  for (const t of data.treatments) {
    const file = fileOf(`treatments/${t.slug}.yaml`);
    checkCitations(file, '', t.citations);
    const links: Array<[keyof TreatmentInput & string, VocabularyKind]> = [
      ['techniques', 'techniques'],
      ['activeIngredients', 'active-ingredients'],
      ['indications', 'indications'],
      ['contraindications', 'contraindications'],
      ['sideEffects', 'side-effects'],
      ['bodyAreas', 'body-areas'],
    ];
    for (const [field, kind] of links) {
      const items = t[field] as Array<{ slug: string; citations: CitationInput[] }>;
      defined(file, items, (x) => x.slug, `${field} entry`);
      items.forEach((x, i) => {
        ref(
          file,
          `${field}[${i}].slug`,
          x.slug,
          vocab[kind],
          `${kind.replace(/s$/, '')} slug (not in vocabulary/${kind}.yaml)`,
        );
        checkCitations(file, `${field}[${i}]`, x.citations, field === 'contraindications');
      });
    }
    for (const [i, x] of t.contraindications.entries()) checkLinkSeverity(file, `contraindications[${i}]`, x);
    for (const field of ['components', 'combinableWith'] as const) {
      defined(file, t[field], (x) => x.treatment, `${field} entry`);
      t[field].forEach((x, i) => {
        ref(
          file,
          `${field}[${i}].treatment`,
          x.treatment,
          treatmentSlugs,
          'treatment slug (no treatments/<slug>.yaml)',
        );
        if (x.treatment === t.slug)
          issues.push({
            file,
            path: `${field}[${i}].treatment`,
            message: 'a treatment cannot link to itself',
          });
        checkCitations(file, `${field}[${i}]`, x.citations);
      });
    }
    defined(file, t.aliases, (a) => a.value, 'alias');
    for (const [i, a] of t.aliases.entries()) checkCitations(file, `aliases[${i}]`, a.citations);
    for (const field of ['protocol', 'limitations', 'settings', 'anaesthesia'] as const) {
      const items: Array<{ key: string; citations: CitationInput[] }> = t[field];
      defined(file, items, (x) => x.key, `${field} key`);
      for (const [i, x] of items.entries()) checkCitations(file, `${field}[${i}]`, x.citations);
    }
    t.protocol.forEach((p, i) => {
      if (p.min !== undefined && p.max !== undefined && p.min > p.max) {
        issues.push({
          file,
          path: `protocol[${i}]`,
          message: `min (${p.min}) is greater than max (${p.max})`,
        });
      }
    });
    defined(file, t.regulatoryStatuses, (r) => r.jurisdiction, 'regulatory status jurisdiction');
    t.regulatoryStatuses.forEach((r, i) => {
      ref(
        file,
        `regulatoryStatuses[${i}].jurisdiction`,
        r.jurisdiction,
        jurisdictionCodes,
        'jurisdiction code (not in jurisdictions.yaml)',
      );
      if (r.authority)
        ref(
          file,
          `regulatoryStatuses[${i}].authority`,
          r.authority,
          authoritySlugs,
          'authority slug (not in authorities.yaml)',
        );
      checkCitations(file, `regulatoryStatuses[${i}]`, r.citations);
    });
  }
}
