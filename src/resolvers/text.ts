// Text folding shared by the seed loader (which stores folded `searchText`) and the search
// filters (which fold the query the same way), so "mesotherapie" finds "Mésothérapie".

/** Lower-cases, strips accents and collapses whitespace. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Folds every non-empty piece and joins them with a separator no query can span. */
export function foldAll(pieces: ReadonlyArray<string | null | undefined>): string {
  return pieces
    .filter((p): p is string => !!p)
    .map(foldText)
    .join(' | ');
}
