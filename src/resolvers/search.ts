// Ranked search over treatments and the vocabularies, in both languages, ignoring case and
// accents. A query is also tried in its variants (hyphens and spaces swapped, plurals made
// singular), against slugs, and through curated synonyms (seed/search-synonyms.json). Every match
// is ranked: the database finds them on the folded `searchText` column (a trigram index on
// PostgreSQL; SQLite scans the short folded column), on `slug`, or by a synonym's slug, and returns
// only what ranking reads; the page's winners are then read whole. The query's `%`, `_` and `\`
// are literal characters.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BadInputError } from '../errors.ts';
import { searchModels } from '../model/kinds.ts';
import { projectRoot } from '../root.ts';
import { columnsSql } from './columns.ts';
import { containsPattern, ident, placeholders, queryRows, type SqlRow } from './sql.ts';
import { foldText } from './text.ts';

/** The kinds search looks in, in the order ties between kinds are broken (the kind registry's). */
export const searchKinds = searchModels;
export type SearchKind = (typeof searchKinds)[number];

interface Candidate {
  slug: string;
  nameFr: string;
  nameEn: string | null;
  /** The folded text; absent when the database already matched it (every candidate it returns). */
  searchText?: string;
  aliases?: Array<{ value: string }>;
}

/** Why an entry matched, strongest first (the score goes with it). */
export const MATCH_KINDS = {
  EXACT_NAME: 100,
  EXACT_ALIAS: 90,
  EXACT_SLUG: 88,
  SYNONYM: 85,
  NAME_PREFIX: 80,
  NAME_CONTAINS: 60,
  ALIAS_CONTAINS: 50,
  SLUG_CONTAINS: 40,
  TEXT: 20,
} as const;
export type MatchKind = keyof typeof MATCH_KINDS;

export interface Match {
  score: number;
  on: MatchKind;
  /** The name, alias, slug or synonym that matched; null for a match in the other text. */
  text: string | null;
  /** The form of the query that matched (the query itself, or a variant of it). */
  query: string;
}

export type SearchHit = SqlRow & Candidate & { __typename: SearchKind; match: Match; score: number };

/**
 * The forms a folded query is tried in: itself, with hyphens and spaces swapped ("derma roller",
 * "derma-roller"), and with plural words made singular ("anticoagulants" → "anticoagulant"; only
 * words of five letters or more, so short words are left alone).
 */
export function queryVariants(folded: string): string[] {
  const forms = new Set([folded, folded.replace(/-/g, ' '), folded.replace(/ /g, '-')]);
  for (const form of [...forms]) {
    forms.add(
      form
        .split(/([ -])/)
        .map((word) => (word.length >= 5 && /[^sx][sx]$/.test(word) ? word.slice(0, -1) : word))
        .join(''),
    );
  }
  return [...forms];
}

/** Curated synonyms: folded term → `<kind>:<slug>` targets. */
export type Synonyms = ReadonlyMap<string, readonly string[]>;

export function loadSynonyms(file = join(projectRoot, 'seed', 'search-synonyms.json')): Synonyms {
  const entries = Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
  return new Map(
    entries.filter(([term]) => !term.startsWith('$')).map(([term, targets]) => [term, targets as string[]]),
  );
}

let synonyms: Synonyms | undefined;
const allSynonyms = () => {
  synonyms ??= loadSynonyms();
  return synonyms;
};

/** The synonym terms among `variants` that name `kind:slug`. */
function synonymTermsFor(variants: readonly string[], target: string, table: Synonyms): string[] {
  return variants.filter((v) => table.get(v)?.includes(target));
}

/** How one candidate matches the query's variants: the best match, or null. */
export function matchCandidate(
  variants: readonly string[],
  c: Candidate,
  synonymTerms: readonly string[] = [],
): Match | null {
  const names = [c.nameFr, c.nameEn].filter((n): n is string => !!n);
  const aliases = (c.aliases ?? []).map((a) => a.value);
  let best: Match | null = null;
  const consider = (on: MatchKind, text: string | null, query: string) => {
    // The query as typed wins ties against its variants (they come later).
    if (!best || MATCH_KINDS[on] > best.score) best = { score: MATCH_KINDS[on], on, text, query };
  };
  for (const query of variants) {
    const hyphenated = query.replace(/ /g, '-');
    const find = (texts: string[], test: (folded: string) => boolean) => texts.find((t) => test(foldText(t)));
    const exactName = find(names, (n) => n === query);
    if (exactName) consider('EXACT_NAME', exactName, query);
    const exactAlias = find(aliases, (a) => a === query);
    if (exactAlias) consider('EXACT_ALIAS', exactAlias, query);
    if (c.slug === hyphenated) consider('EXACT_SLUG', c.slug, query);
    if (synonymTerms.includes(query)) consider('SYNONYM', query, query);
    const prefix = find(names, (n) => n.startsWith(query));
    if (prefix) consider('NAME_PREFIX', prefix, query);
    const inName = find(names, (n) => n.includes(query));
    if (inName) consider('NAME_CONTAINS', inName, query);
    const inAlias = find(aliases, (a) => a.includes(query));
    if (inAlias) consider('ALIAS_CONTAINS', inAlias, query);
    if (c.slug.includes(hyphenated)) consider('SLUG_CONTAINS', c.slug, query);
    if (c.searchText?.includes(query)) consider('TEXT', null, query);
  }
  // A row the database matched on its folded text carries no `searchText`: that is its match.
  if (!best && c.searchText === undefined)
    return { score: MATCH_KINDS.TEXT, on: 'TEXT', text: null, query: variants[0] ?? '' };
  return best;
}

/** Higher is better (MATCH_KINDS); 0 when nothing matches. */
export function scoreCandidate(query: string, c: Candidate): number {
  return matchCandidate([query], c)?.score ?? 0;
}

/** The condition and parameters that find a kind's candidates: text, slug or synonym. */
function matchCondition(variants: readonly string[], synonymSlugs: readonly string[]) {
  const like = `"searchText" LIKE ? ESCAPE '\\'`;
  const slugLike = `slug LIKE ? ESCAPE '\\'`;
  const clauses = [...variants.map(() => like), ...variants.map(() => slugLike)];
  const params: unknown[] = [
    ...variants.map(containsPattern),
    ...variants.map((v) => containsPattern(v.replace(/ /g, '-'))),
  ];
  if (synonymSlugs.length > 0) {
    clauses.push(`slug IN (${placeholders(synonymSlugs.length)})`);
    params.push(...synonymSlugs);
  }
  return { where: `(${clauses.join(' OR ')})`, params };
}

/**
 * Every row of one kind the query matches, with only what ranking reads; treatments with their
 * aliases (one more statement, matched by the same condition).
 */
async function candidates(
  kind: SearchKind,
  variants: readonly string[],
  synonymSlugs: readonly string[],
): Promise<Array<Candidate & { id: number }>> {
  const { where, params } = matchCondition(variants, synonymSlugs);
  const rows = await queryRows<SqlRow & Candidate & { id: number }>(
    `SELECT id, slug, "nameFr", "nameEn" FROM ${ident(kind)} WHERE ${where}`,
    params,
  );
  if (kind !== 'Treatment' || rows.length === 0) return rows;
  const aliases = await queryRows<{ treatmentId: number; value: string }>(
    `SELECT "treatmentId", value FROM "TreatmentAlias"
     WHERE "treatmentId" IN (SELECT id FROM "Treatment" WHERE ${where}) ORDER BY id`,
    params,
  );
  const byTreatment = new Map<number, Array<{ value: string }>>();
  for (const a of aliases) {
    const list = byTreatment.get(Number(a.treatmentId)) ?? [];
    list.push({ value: a.value });
    byTreatment.set(Number(a.treatmentId), list);
  }
  return rows.map((r) => ({ ...r, aliases: byTreatment.get(r.id) ?? [] }));
}

/** Whole rows of the winners, one statement per kind present on the page. */
async function wholeRows(hits: Array<{ kind: SearchKind; id: number }>): Promise<Map<string, SqlRow>> {
  const out = new Map<string, SqlRow>();
  for (const kind of searchKinds) {
    const ids = hits.filter((h) => h.kind === kind).map((h) => h.id);
    if (ids.length === 0) continue;
    for (const row of await queryRows(
      `SELECT ${columnsSql(kind)} FROM ${ident(kind)} WHERE id IN (${placeholders(ids.length)})`,
      ids,
    )) {
      out.set(`${kind}:${row.id}`, row);
    }
  }
  return out;
}

/**
 * The best `first` matches of all: score (MATCH_KINDS), then kind in registry order, then slug
 * (byte order, the same on every engine).
 */
export async function search(query: string, first: number): Promise<SearchHit[]> {
  const folded = foldText(query);
  if (folded.length < 2) {
    throw new BadInputError('`query` needs at least two letters or digits.', 'query');
  }
  const variants = queryVariants(folded);
  const table = allSynonyms();
  const targets = variants.flatMap((v) => table.get(v) ?? []);
  const found = await Promise.all(
    searchKinds.map(async (kind) => {
      const synonymSlugs = targets
        .filter((t) => t.startsWith(`${kind}:`))
        .map((t) => t.slice(kind.length + 1));
      return { kind, rows: await candidates(kind, variants, synonymSlugs) };
    }),
  );
  const kindOrder = (k: SearchKind) => searchKinds.indexOf(k);
  const ranked = found
    .flatMap(({ kind, rows }) =>
      rows.flatMap((row) => {
        const match = matchCandidate(variants, row, synonymTermsFor(variants, `${kind}:${row.slug}`, table));
        return match ? [{ kind, id: row.id, slug: row.slug, match }] : [];
      }),
    )
    .sort(
      (a, b) =>
        b.match.score - a.match.score ||
        kindOrder(a.kind) - kindOrder(b.kind) ||
        (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
    )
    .slice(0, first);
  const rows = await wholeRows(ranked);
  return ranked.map((h) => ({
    ...(rows.get(`${h.kind}:${h.id}`) as SqlRow & Candidate),
    __typename: h.kind,
    match: h.match,
    score: h.match.score,
  }));
}
