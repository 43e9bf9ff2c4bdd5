// Vocabulary list filters and ordering (techniques, ingredients, indications…), as plain SQL for
// src/resolvers/listPage.ts.
import type { LocaleCode } from '../context.ts';
import { BadInputError } from '../errors.ts';
import type { ListOrder, Where } from './listPage.ts';
import { containsPattern, placeholders, timestampParam } from './sql.ts';
import { foldText } from './text.ts';
import { nameSort } from './treatments.ts';

export interface VocabularyFilter {
  slugs?: readonly string[] | null;
  search?: string | null;
  updatedSince?: Date | null;
}

export function vocabularyWhere(filter: VocabularyFilter | null | undefined): Where {
  const where: Where = { conditions: [], params: [] };
  if (!filter) return where;
  if (filter.slugs) {
    // No slug matches nothing, as an empty `in` does.
    where.conditions.push(filter.slugs.length ? `t.slug IN (${placeholders(filter.slugs.length)})` : '1 = 0');
    where.params.push(...filter.slugs);
  }
  if (filter.updatedSince) {
    where.conditions.push('t."updatedAt" >= ?');
    where.params.push(timestampParam(filter.updatedSince));
  }
  if (filter.search != null) {
    const folded = foldText(filter.search);
    if (!folded) throw new BadInputError('filter.search must not be empty.', 'filter.search');
    where.conditions.push(`t."searchText" LIKE ? ESCAPE '\\'`);
    where.params.push(containsPattern(folded));
  }
  return where;
}

export function vocabularyOrder(
  order: { field: 'NAME' | 'SLUG'; direction?: 'ASC' | 'DESC' | null } | null | undefined,
  locale: LocaleCode,
): ListOrder {
  return {
    descending: order?.direction === 'DESC',
    sortValue: (alias) => (order?.field === 'NAME' ? nameSort(locale, alias) : `${alias}.slug`),
  };
}
