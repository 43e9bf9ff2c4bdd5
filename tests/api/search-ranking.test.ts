// search ranks every match, not a first slice of them: an exact name match is found however many
// weaker matches come before it in id order. The query's `%` and `_` are literal characters.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { write } from '../../src/write/unitOfWork.ts';
import { data } from '../helpers/graphql.ts';

const WEAK = 250;
const SEARCH = `query($q: String!, $first: Int) { search(query: $q, first: $first) {
  __typename ... on Contraindication { slug } ... on Technique { slug } } }`;

const search = async (q: string, first = 20) =>
  (await data<{ search: Array<{ __typename: string; slug: string }> }>(SEARCH, { q, first })).search;

beforeAll(async () => {
  await write(db, 'test', async (w) => {
    // Weak matches first, so they hold the lowest ids: the word is only in their description.
    await w.create(
      'contraindication',
      Array.from({ length: WEAK }, (_, i) => ({
        slug: `weak-${String(i).padStart(3, '0')}`,
        nameFr: `Condition ${i}`,
        descriptionFr: `Mentionne le zorglub en passant (${i}).`,
        category: 'PHYSIOLOGICAL',
      })),
    );
    await w.create('contraindication', [
      { slug: 'zorglub', nameFr: 'Zorglub', category: 'PHYSIOLOGICAL' },
      { slug: 'dose-percent', nameFr: 'Dose 50% réduite', category: 'MEDICATION' },
      { slug: 'dose-fifty', nameFr: 'Dose 50x réduite', category: 'MEDICATION' },
      { slug: 'a-b', nameFr: 'Type a_b', category: 'PHYSIOLOGICAL' },
      { slug: 'axb', nameFr: 'Type axb', category: 'PHYSIOLOGICAL' },
    ]);
  });
});

describe('search ranking', () => {
  it('puts the exact name first, though more than 200 weaker matches have lower ids', async () => {
    const hits = await search('zorglub', 5);
    expect(hits[0]).toEqual({ __typename: 'Contraindication', slug: 'zorglub' });
    expect(hits.slice(1).every((h) => h.slug.startsWith('weak-'))).toBe(true);
  });

  it('ranks name matches before description matches, then by slug', async () => {
    const hits = await search('zorglub', 4);
    expect(hits.map((h) => h.slug)).toEqual(['zorglub', 'weak-000', 'weak-001', 'weak-002']);
  });
});

describe('search wildcards', () => {
  it('takes % literally', async () => {
    const slugs = (await search('50%')).map((h) => h.slug);
    expect(slugs).toContain('dose-percent');
    expect(slugs).not.toContain('dose-fifty');
  });

  it('takes _ literally', async () => {
    const slugs = (await search('a_b')).map((h) => h.slug);
    expect(slugs).toContain('a-b');
    expect(slugs).not.toContain('axb');
  });

  it('finds nothing for wildcards alone', async () => {
    expect(await search('%%')).toEqual([]);
    expect(await search('__')).toEqual([]);
  });
});
