// Treatment list filters and ordering, turned into a Prisma `where` / `orderBy`.
import type { LocaleCode } from '../context.ts';
import { BadInputError } from '../errors.ts';
import type { Prisma } from '../generated/sqlite/client.ts';
import { vocabularyKinds } from '../model/kinds.ts';
import { resolveSlugs } from './slugs.ts';
import { foldText } from './text.ts';

export interface SlugSet {
  any?: readonly string[] | null;
  all?: readonly string[] | null;
  none?: readonly string[] | null;
}

export interface TreatmentFilterInput {
  techniques?: SlugSet | null;
  activeIngredients?: SlugSet | null;
  indications?: SlugSet | null;
  contraindications?: SlugSet | null;
  bodyAreas?: SlugSet | null;
  regulatoryStatus?: { jurisdiction: string; status?: string | null } | null;
  updatedSince?: Date | null;
  search?: string | null;
}

/** The vocabulary kinds the filter takes slugs of, from the registry. */
const filterKinds = vocabularyKinds.filter((k) => k.filterable);

/**
 * A connection's page and its totalCount both need the where clause for the same filter;
 * memoising per filter object resolves its slugs once per request, not twice.
 */
const built = new WeakMap<TreatmentFilterInput, Promise<Prisma.TreatmentWhereInput>>();

export function treatmentWhere(
  filter: TreatmentFilterInput | null | undefined,
): Promise<Prisma.TreatmentWhereInput> {
  if (!filter) return Promise.resolve({});
  let where = built.get(filter);
  if (!where) {
    where = buildTreatmentWhere(filter);
    built.set(filter, where);
  }
  return where;
}

async function buildTreatmentWhere(filter: TreatmentFilterInput): Promise<Prisma.TreatmentWhereInput> {
  const and: Prisma.TreatmentWhereInput[] = [];
  for (const kind of filterKinds) {
    const field = kind.many;
    const set = filter[field as keyof TreatmentFilterInput] as SlugSet | null | undefined;
    if (!set) continue;
    const relation = kind.link.field;
    const id = kind.link.nodeColumn;
    const arg = (part: string) => `filter.${field}.${part}`;
    if (set.any?.length) {
      const ids = await resolveSlugs(kind.one, set.any, arg('any'));
      and.push({ [relation]: { some: { [id]: { in: ids } } } });
    }
    if (set.all?.length) {
      const ids = await resolveSlugs(kind.one, set.all, arg('all'));
      for (const one of ids) and.push({ [relation]: { some: { [id]: one } } });
    }
    if (set.none?.length) {
      const ids = await resolveSlugs(kind.one, set.none, arg('none'));
      and.push({ [relation]: { none: { [id]: { in: ids } } } });
    }
  }
  if (filter.regulatoryStatus) {
    const { jurisdiction, status } = filter.regulatoryStatus;
    if (!/^[A-Z]{2}$/.test(jurisdiction)) {
      throw new BadInputError(
        `filter.regulatoryStatus.jurisdiction must be an ISO 3166-1 alpha-2 code like "FR"; got "${jurisdiction}".`,
        'filter.regulatoryStatus.jurisdiction',
      );
    }
    and.push({
      regulatoryStatuses: {
        some: { jurisdiction: { code: jurisdiction }, ...(status ? { status: status as never } : {}) },
      },
    });
  }
  if (filter.updatedSince) and.push({ updatedAt: { gte: filter.updatedSince } });
  if (filter.search != null) {
    const folded = foldText(filter.search);
    if (folded.length === 0) throw new BadInputError('filter.search must not be empty.', 'filter.search');
    and.push({ searchText: { contains: folded } });
  }
  return and.length ? { AND: and } : {};
}

export type TreatmentOrderField = 'NAME' | 'SLUG' | 'UPDATED_AT';

/** Order with an id tiebreaker, so pages are stable. NAME sorts by the name in the request locale. */
export function treatmentOrder(
  order: { field: TreatmentOrderField; direction: 'ASC' | 'DESC' } | null | undefined,
  locale: LocaleCode,
): Prisma.TreatmentOrderByWithRelationInput[] {
  const direction = order?.direction === 'DESC' ? 'desc' : 'asc';
  const field = order?.field ?? 'SLUG';
  const column =
    field === 'NAME'
      ? locale === 'EN'
        ? 'nameEn'
        : 'nameFr'
      : field === 'UPDATED_AT'
        ? 'updatedAt'
        : 'slug';
  return [{ [column]: direction }, { id: direction }];
}
