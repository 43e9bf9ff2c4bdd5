// Ranked search over treatments and the vocabularies, in both languages, ignoring case and
// accents. Candidates come from the folded `searchText` column (the database filters, through a
// trigram index on PostgreSQL); ranking is done on that short list.
import { BadInputError } from '../errors.ts';
import { ident, placeholders, queryRows, type SqlRow } from './sql.ts';
import { foldText } from './text.ts';

export const searchKinds = [
  'Treatment',
  'Technique',
  'ActiveIngredient',
  'Indication',
  'Contraindication',
  'SideEffect',
] as const;
export type SearchKind = (typeof searchKinds)[number];

interface Candidate {
  slug: string;
  nameFr: string;
  nameEn: string | null;
  searchText: string;
  aliases?: Array<{ value: string }>;
}

export type SearchHit = Candidate & { __typename: SearchKind; score: number };

/** Higher is better: exact name, exact alias, name prefix, name contains, alias contains, other text. */
export function scoreCandidate(query: string, c: Candidate): number {
  const names = [c.nameFr, c.nameEn].filter((n): n is string => !!n).map(foldText);
  const aliases = (c.aliases ?? []).map((a) => foldText(a.value));
  if (names.includes(query)) return 100;
  if (aliases.includes(query)) return 90;
  if (names.some((n) => n.startsWith(query))) return 80;
  if (names.some((n) => n.includes(query))) return 60;
  if (aliases.some((a) => a.includes(query))) return 50;
  return c.searchText.includes(query) ? 20 : 0;
}

const perKindLimit = 200;

/**
 * Up to `perKindLimit` rows of one kind whose folded text contains the folded query, lowest ids
 * first, with every column (the hits are returned as nodes). Plain SQL, the condition Prisma's
 * `contains` writes (`LIKE '%' || ? || '%'`, the query taken as is); PostgreSQL serves it from the
 * pg_trgm index, SQLite scans the folded column. Treatments come with their aliases (ranking).
 */
async function candidates(kind: SearchKind, folded: string): Promise<Candidate[]> {
  const rows = await queryRows<SqlRow & Candidate & { id: number }>(
    `SELECT * FROM ${ident(kind)} WHERE "searchText" LIKE ('%' || ? || '%') ORDER BY id LIMIT ?`,
    [folded, perKindLimit],
  );
  if (kind !== 'Treatment' || rows.length === 0) return rows;
  const aliases = await queryRows<{ treatmentId: number; value: string }>(
    `SELECT "treatmentId", value FROM "TreatmentAlias" WHERE "treatmentId" IN (${placeholders(rows.length)}) ORDER BY id`,
    rows.map((r) => r.id),
  );
  const byTreatment = new Map<number, Array<{ value: string }>>();
  for (const a of aliases) {
    const list = byTreatment.get(Number(a.treatmentId)) ?? [];
    list.push({ value: a.value });
    byTreatment.set(Number(a.treatmentId), list);
  }
  return rows.map((r) => ({ ...r, aliases: byTreatment.get(r.id) ?? [] }));
}

export async function search(query: string, first: number): Promise<SearchHit[]> {
  const folded = foldText(query);
  if (folded.length < 2) {
    throw new BadInputError('`query` needs at least two letters or digits.', 'query');
  }
  const found = await Promise.all(
    searchKinds.map(async (kind) => [kind, await candidates(kind, folded)] as [SearchKind, Candidate[]]),
  );
  const hits = found.flatMap(([kind, rows]) =>
    rows.map((row) => ({ ...row, __typename: kind, score: scoreCandidate(folded, row) })),
  );
  const kindOrder = (k: SearchKind) => searchKinds.indexOf(k);
  return hits
    .filter((h) => h.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        kindOrder(a.__typename) - kindOrder(b.__typename) ||
        a.slug.localeCompare(b.slug),
    )
    .slice(0, first);
}
