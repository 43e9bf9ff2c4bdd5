// The treatment list in plain SQL (src/resolvers/listPage.ts): the filter as EXISTS conditions over
// the link tables of the kind registry, and the order of the list.
import type { LocaleCode } from '../context.ts';
import { BadInputError } from '../errors.ts';
import { vocabularyKinds } from '../model/kinds.ts';
import { type ListOrder, type ListPage, listCount, listRows, type Where } from './listPage.ts';
import { resolveSlugs } from './slugs.ts';
import { containsPattern, ident, placeholders, type SqlRow, timestampParam } from './sql.ts';
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

export type TreatmentOrderField = 'NAME' | 'SLUG' | 'UPDATED_AT';

/**
 * A page and its totalCount both need the conditions for the same filter; memoising per filter
 * object resolves its slugs once per request, not twice.
 */
const built = new WeakMap<TreatmentFilterInput, Promise<Where>>();

function whereOf(filter: TreatmentFilterInput | null | undefined): Promise<Where> {
  if (!filter) return Promise.resolve({ conditions: [], params: [] });
  let where = built.get(filter);
  if (!where) {
    where = buildWhere(filter);
    built.set(filter, where);
  }
  return where;
}

async function buildWhere(filter: TreatmentFilterInput): Promise<Where> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  for (const kind of vocabularyKinds.filter((k) => k.filterable)) {
    const set = (filter as Record<string, SlugSet | null | undefined>)[kind.many];
    if (!set) continue;
    const { joinModel, treatmentColumn, nodeColumn } = kind.link;
    const linked = (ids: number[]) => {
      params.push(...ids);
      return `EXISTS (SELECT 1 FROM ${ident(joinModel)} j WHERE j.${ident(treatmentColumn)} = t.id AND j.${ident(nodeColumn)} IN (${placeholders(ids.length)}))`;
    };
    const argument = (part: string) => `filter.${kind.many}.${part}`;
    if (set.any?.length) conditions.push(linked(await resolveSlugs(kind.one, set.any, argument('any'))));
    if (set.all?.length) {
      for (const id of await resolveSlugs(kind.one, set.all, argument('all'))) conditions.push(linked([id]));
    }
    if (set.none?.length) {
      conditions.push(`NOT ${linked(await resolveSlugs(kind.one, set.none, argument('none')))}`);
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
    params.push(jurisdiction, ...(status ? [status] : []));
    conditions.push(
      `EXISTS (SELECT 1 FROM "RegulatoryStatus" r JOIN "Jurisdiction" j ON j.id = r."jurisdictionId"
        WHERE r."treatmentId" = t.id AND j.code = ?${status ? ' AND r.status = ?' : ''})`,
    );
  }
  if (filter.updatedSince) {
    conditions.push('t."updatedAt" >= ?');
    params.push(timestampParam(filter.updatedSince));
  }
  if (filter.search != null) {
    const folded = foldText(filter.search);
    if (folded.length === 0) throw new BadInputError('filter.search must not be empty.', 'filter.search');
    conditions.push(`t."searchText" LIKE ? ESCAPE '\\'`);
    params.push(containsPattern(folded));
  }
  return { conditions, params };
}

/** The order of a treatment list: the name shown in the request's locale, the slug or the last change. */
export function treatmentOrder(
  order: { field: TreatmentOrderField; direction?: 'ASC' | 'DESC' | null } | null | undefined,
  locale: LocaleCode,
): ListOrder {
  const field = order?.field ?? 'SLUG';
  return {
    descending: order?.direction === 'DESC',
    sortValue: (alias) =>
      field === 'NAME'
        ? nameSort(locale, alias)
        : `${alias}.${ident(field === 'UPDATED_AT' ? 'updatedAt' : 'slug')}`,
  };
}

/** The name order: the stored sort keys (src/write/derived.ts), the same on every engine and collation. */
export const nameSort = (locale: LocaleCode, alias: string) =>
  locale === 'EN' ? `${alias}."sortEn"` : `${alias}."sortFr"`;

/** One page of treatments in the list's order, with the texts `fields` select (all when null). */
export async function treatmentRows(
  filter: TreatmentFilterInput | null | undefined,
  order: ListOrder,
  page: ListPage,
  fields: ReadonlySet<string> | null = null,
): Promise<SqlRow[]> {
  return listRows('Treatment', await whereOf(filter), order, page, fields);
}

/** How many treatments the filter matches. */
export async function treatmentCount(filter: TreatmentFilterInput | null | undefined): Promise<number> {
  return listCount('Treatment', await whereOf(filter));
}
