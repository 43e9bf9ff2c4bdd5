// Name order is French and the same on every engine, whatever the database's collation: accented
// initials sort with their letter (binary order puts "É" after "Z"), and a space sorts before any
// letter (glibc's en_US ignores spaces, so "Eau zèbre" would come after "Eaux"). Names are stored
// with sort keys (src/write/derived.ts); these names would come back in another order from
// ORDER BY "nameFr" on SQLite (binary) and on a PostgreSQL database created with en_US.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { write } from '../../src/write/unitOfWork.ts';
import { data } from '../helpers/graphql.ts';

/** In the expected French order, with English names in a different order. */
const names = [
  { slug: 'fo-abricot', nameFr: 'Abricot', nameEn: 'Zucchini' },
  { slug: 'fo-eau-zebre', nameFr: 'Eau zèbre', nameEn: 'Yarrow' },
  { slug: 'fo-eaux', nameFr: 'Eaux', nameEn: null },
  { slug: 'fo-eclat', nameFr: 'Éclat', nameEn: 'Álamo' },
  { slug: 'fo-oedeme', nameFr: 'Œdème', nameEn: 'Oedema' },
  { slug: 'fo-zeta', nameFr: 'zêta', nameEn: 'Beta' },
];
const slugs = names.map((n) => n.slug);

beforeAll(async () => {
  await write(db, 'test', async (w) => {
    await w.create(
      'treatment',
      names.map((n) => ({ ...n, summaryFr: 'Test.' })),
    );
    await w.create(
      'contraindication',
      names.map((n) => ({ ...n, category: 'PHYSIOLOGICAL' })),
    );
  });
});

const ours = (nodes: Array<{ slug: string }>) => nodes.map((n) => n.slug).filter((s) => slugs.includes(s));

describe('ordered by name', () => {
  it('lists treatments in French order: accents with their letter, space before letters', async () => {
    const r = await data<{ treatments: { nodes: Array<{ slug: string }> } }>(
      '{ treatments(first: 100, orderBy: { field: NAME }) { nodes { slug } } }',
    );
    expect(ours(r.treatments.nodes)).toEqual(slugs);
  });

  it('reverses it exactly with DESC, and pages through it with cursors', async () => {
    const r = await data<{ treatments: { nodes: Array<{ slug: string }> } }>(
      '{ treatments(first: 100, orderBy: { field: NAME, direction: DESC }) { nodes { slug } } }',
    );
    expect(ours(r.treatments.nodes)).toEqual([...slugs].reverse());
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: {
        treatments: {
          nodes: Array<{ slug: string }>;
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
        };
      } = await data(
        'query($after: String) { treatments(first: 4, after: $after, orderBy: { field: NAME }) { nodes { slug } pageInfo { endCursor hasNextPage } } }',
        { after },
      );
      seen.push(...page.treatments.nodes.map((n) => n.slug));
      after = page.treatments.pageInfo.hasNextPage ? page.treatments.pageInfo.endCursor : null;
    } while (after);
    expect(ours(seen.map((slug) => ({ slug })))).toEqual(slugs);
  });

  it('orders vocabulary the same way', async () => {
    const r = await data<{ contraindications: { nodes: Array<{ slug: string }> } }>(
      '{ contraindications(first: 100, orderBy: { field: NAME }) { nodes { slug } } }',
    );
    expect(ours(r.contraindications.nodes)).toEqual(slugs);
  });

  it('orders by the English name (French when there is none) in English', async () => {
    const r = await data<{ treatments: { nodes: Array<{ slug: string }> } }>(
      '{ treatments(first: 100, orderBy: { field: NAME }) { nodes { slug } } }',
      {},
      { 'accept-language': 'en' },
    );
    // Álamo, Beta, Eaux (French fallback), Oedema, Yarrow, Zucchini.
    expect(ours(r.treatments.nodes)).toEqual([
      'fo-eclat',
      'fo-zeta',
      'fo-eaux',
      'fo-oedeme',
      'fo-eau-zebre',
      'fo-abricot',
    ]);
  });
});
