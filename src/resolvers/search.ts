// Ranked search over treatments and the vocabularies, in both languages, ignoring case and
// accents. Every match is ranked: the database finds them on the folded `searchText` column
// (a trigram index on PostgreSQL; SQLite scans the short folded column) and returns only what
// ranking reads (names, and aliases for treatments); the page's winners are then read whole.
// The query's `%`, `_` and `\` are literal characters.
import { BadInputError } from '../errors.ts';
import { searchModels } from '../model/kinds.ts';
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

export type SearchHit = SqlRow & Candidate & { __typename: SearchKind; score: number };

/** Higher is better: exact name, exact alias, name prefix, name contains, alias contains, other text. */
export function scoreCandidate(query: string, c: Candidate): number {
  const names = [c.nameFr, c.nameEn].filter((n): n is string => !!n).map(foldText);
  const aliases = (c.aliases ?? []).map((a) => foldText(a.value));
  if (names.includes(query)) return 100;
  if (aliases.includes(query)) return 90;
  if (names.some((n) => n.startsWith(query))) return 80;
  if (names.some((n) => n.includes(query))) return 60;
  if (aliases.some((a) => a.includes(query))) return 50;
  return c.searchText === undefined || c.searchText.includes(query) ? 20 : 0;
}

const MATCH = `"searchText" LIKE ? ESCAPE '\\'`;

/**
 * Every row of one kind whose folded text contains the folded query, with only what ranking reads;
 * treatments with their aliases (one more statement, matched by the same condition).
 */
async function candidates(kind: SearchKind, pattern: string): Promise<Array<Candidate & { id: number }>> {
  const rows = await queryRows<SqlRow & Candidate & { id: number }>(
    `SELECT id, slug, "nameFr", "nameEn" FROM ${ident(kind)} WHERE ${MATCH}`,
    [pattern],
  );
  if (kind !== 'Treatment' || rows.length === 0) return rows;
  const aliases = await queryRows<{ treatmentId: number; value: string }>(
    `SELECT "treatmentId", value FROM "TreatmentAlias"
     WHERE "treatmentId" IN (SELECT id FROM "Treatment" WHERE ${MATCH}) ORDER BY id`,
    [pattern],
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
      `SELECT * FROM ${ident(kind)} WHERE id IN (${placeholders(ids.length)})`,
      ids,
    )) {
      out.set(`${kind}:${row.id}`, row);
    }
  }
  return out;
}

/**
 * The best `first` matches of all: score (exact name, exact alias, name prefix, name contains,
 * alias contains, other text), then kind in registry order, then slug (byte order, the same on
 * every engine).
 */
export async function search(query: string, first: number): Promise<SearchHit[]> {
  const folded = foldText(query);
  if (folded.length < 2) {
    throw new BadInputError('`query` needs at least two letters or digits.', 'query');
  }
  const pattern = containsPattern(folded);
  const found = await Promise.all(
    searchKinds.map(async (kind) => ({ kind, rows: await candidates(kind, pattern) })),
  );
  const kindOrder = (k: SearchKind) => searchKinds.indexOf(k);
  const ranked = found
    .flatMap(({ kind, rows }) =>
      rows.map((row) => ({ kind, id: row.id, slug: row.slug, score: scoreCandidate(folded, row) })),
    )
    .filter((h) => h.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        kindOrder(a.kind) - kindOrder(b.kind) ||
        (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
    )
    .slice(0, first);
  const rows = await wholeRows(ranked);
  return ranked.map((h) => ({
    ...(rows.get(`${h.kind}:${h.id}`) as SqlRow & Candidate),
    __typename: h.kind,
    score: h.score,
  }));
}
