// Slug resolution: unknown slugs in an argument come back in one error listing all of them.
import { db } from '../db.ts';
import { UnknownSlugsError } from '../errors.ts';

export type SlugKind =
  | 'treatment'
  | 'technique'
  | 'activeIngredient'
  | 'indication'
  | 'contraindication'
  | 'sideEffect'
  | 'bodyArea';

const finders: Record<SlugKind, (slugs: string[]) => Promise<Array<{ id: number; slug: string }>>> = {
  treatment: (slugs) =>
    db.treatment.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } }),
  technique: (slugs) =>
    db.technique.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } }),
  activeIngredient: (slugs) =>
    db.activeIngredient.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } }),
  indication: (slugs) =>
    db.indication.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } }),
  contraindication: (slugs) =>
    db.contraindication.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } }),
  sideEffect: (slugs) =>
    db.sideEffect.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } }),
  bodyArea: (slugs) =>
    db.bodyArea.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } }),
};

/** Ids of the given slugs, in the given order; throws UNKNOWN_SLUGS naming every unknown one. */
export async function resolveSlugs(
  kind: SlugKind,
  slugs: readonly string[],
  argument: string,
): Promise<number[]> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return [];
  const found = new Map((await finders[kind](unique)).map((r) => [r.slug, r.id]));
  const unknown = unique.filter((s) => !found.has(s));
  if (unknown.length > 0) throw new UnknownSlugsError(kind, unknown, argument);
  return unique.map((s) => found.get(s) as number);
}
