// Vocabulary list filters and ordering (techniques, ingredients, indications…).
import type { LocaleCode } from '../context.ts';
import { BadInputError } from '../errors.ts';
import { foldText } from './text.ts';

export interface VocabularyFilter {
  slugs?: readonly string[] | null;
  search?: string | null;
  updatedSince?: Date | null;
}

export function vocabularyWhere(filter: VocabularyFilter | null | undefined) {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.slugs) where.slug = { in: [...filter.slugs] };
  if (filter.updatedSince) where.updatedAt = { gte: filter.updatedSince };
  if (filter.search != null) {
    const folded = foldText(filter.search);
    if (!folded) throw new BadInputError('filter.search must not be empty.', 'filter.search');
    where.searchText = { contains: folded };
  }
  return where;
}

export function vocabularyOrder(
  order: { field: 'NAME' | 'SLUG'; direction?: 'ASC' | 'DESC' | null } | null | undefined,
  locale: LocaleCode,
) {
  const direction = order?.direction === 'DESC' ? 'desc' : 'asc';
  const column = order?.field === 'NAME' ? (locale === 'EN' ? 'nameEn' : 'nameFr') : 'slug';
  return [{ [column]: direction }, { id: direction }];
}
