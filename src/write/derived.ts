// Columns derived from an entity's own text, computed in one place for every writer (the unit of
// work, the seed, the bulk loader): the folded search text and the name sort keys.
import { foldAll, foldText } from '../resolvers/text.ts';

/**
 * A name's sort key: folded (accents stripped, lower case, œ → oe) so French order puts "É" with
 * "E", then hex-encoded. Hex digits sort the same under every collation (binary, C, en_US, ICU),
 * so `ORDER BY "sortFr"` gives one order on SQLite and PostgreSQL whatever the database's collation.
 */
export const sortKey = (name: string): string => Buffer.from(foldText(name), 'utf8').toString('hex');

export interface NamedRow {
  nameFr: string;
  nameEn?: string | null;
}

/** `sortFr` and `sortEn` (English falls back to the French name, as reads do). */
export const sortKeys = (row: NamedRow) => ({
  // A name written only in English (a curator's entry) sorts by it in French too, as reads fall back.
  sortFr: sortKey(row.nameFr || (row.nameEn ?? '')),
  sortEn: sortKey(row.nameEn || row.nameFr),
});

export interface VocabularyText extends NamedRow {
  descriptionFr?: string | null;
  descriptionEn?: string | null;
}

/** What a vocabulary entry's search matches: its names and descriptions in both languages. */
export const vocabularyDerived = (row: VocabularyText) => ({
  ...sortKeys(row),
  searchText: foldAll([row.nameFr, row.nameEn, row.descriptionFr, row.descriptionEn]),
});

export interface TreatmentText extends NamedRow {
  summaryFr: string;
  summaryEn?: string | null;
}

/** What a treatment's search matches: names, aliases and summaries. */
export const treatmentDerived = (row: TreatmentText, aliases: readonly string[]) => ({
  ...sortKeys(row),
  searchText: foldAll([row.nameFr, row.nameEn, ...aliases, row.summaryFr, row.summaryEn]),
});
