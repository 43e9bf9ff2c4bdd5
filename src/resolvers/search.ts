// Ranked search over treatments and the vocabularies, in both languages, ignoring case and
// accents. Candidates come from the folded `searchText` column (the database filters); ranking is
// done on that short list.
import { db } from '../db.ts';
import { BadInputError } from '../errors.ts';
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

export async function search(query: string, first: number): Promise<SearchHit[]> {
  const folded = foldText(query);
  if (folded.length < 2) {
    throw new BadInputError('`query` needs at least two letters or digits.', 'query');
  }
  const where = { searchText: { contains: folded } };
  const take = perKindLimit;
  const found: Array<[SearchKind, Candidate[]]> = await Promise.all([
    db.treatment
      .findMany({ where, take, include: { aliases: { select: { value: true } } } })
      .then((r) => ['Treatment', r] as [SearchKind, Candidate[]]),
    db.technique.findMany({ where, take }).then((r) => ['Technique', r] as [SearchKind, Candidate[]]),
    db.activeIngredient
      .findMany({ where, take })
      .then((r) => ['ActiveIngredient', r] as [SearchKind, Candidate[]]),
    db.indication.findMany({ where, take }).then((r) => ['Indication', r] as [SearchKind, Candidate[]]),
    db.contraindication
      .findMany({ where, take })
      .then((r) => ['Contraindication', r] as [SearchKind, Candidate[]]),
    db.sideEffect.findMany({ where, take }).then((r) => ['SideEffect', r] as [SearchKind, Candidate[]]),
  ]);
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
