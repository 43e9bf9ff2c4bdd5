// Slug resolution: unknown slugs in an argument come back in one error listing all of them.
import { UnknownSlugsError } from '../errors.ts';
import { type SlugKind, vocabularyKind } from '../model/kinds.ts';
import { ident, placeholders, queryRows } from './sql.ts';
import { closestKeys } from './suggest.ts';

export type { SlugKind };

const tableOf = (kind: SlugKind) => (kind === 'treatment' ? 'Treatment' : vocabularyKind(kind).model);

/** Ids of the given slugs, in the given order; throws UNKNOWN_SLUGS naming every unknown one. */
export async function resolveSlugs(
  kind: SlugKind,
  slugs: readonly string[],
  argument: string,
): Promise<number[]> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return [];
  const rows = await queryRows<{ id: unknown; slug: string }>(
    `SELECT id, slug FROM ${ident(tableOf(kind))} WHERE slug IN (${placeholders(unique.length)})`,
    unique,
  );
  const found = new Map(rows.map((r) => [r.slug, Number(r.id)]));
  const unknown = unique.filter((s) => !found.has(s));
  if (unknown.length > 0) {
    const table = tableOf(kind);
    const suggestions = Object.fromEntries(
      await Promise.all(unknown.map(async (slug) => [slug, await closestKeys(table, slug)] as const)),
    );
    throw new UnknownSlugsError(kind, unknown, argument, suggestions);
  }
  return unique.map((s) => found.get(s) as number);
}
