// An unknown slug is answered with the closest existing ones: a known alias or name (French or
// English) is taken as a hint, then slugs a few edits away. Nonsense gets no suggestion.
import { describe, expect, it } from 'vitest';
import { gql } from '../helpers/graphql.ts';

const errorOf = async (query: string) => {
  const answer = await gql(query);
  const [error] = answer.errors ?? [];
  return { message: error?.message ?? '', extensions: error?.extensions ?? {} };
};

describe('NOT_FOUND suggests the closest slugs', () => {
  it('for a typo', async () => {
    const error = await errorOf('{ technique(slug: "nedle") { slug } }');
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', suggestions: ['needle'] });
    expect(error.message).toBe('No technique with slug "nedle". Did you mean "needle"?');
    const treatment = await errorOf('{ treatment(slug: "mesotherapie") { slug } }');
    expect(treatment.extensions.suggestions).toEqual(['mesotherapy']);
  });

  it('for a French name or an alias given instead of the slug', async () => {
    expect((await errorOf('{ treatment(slug: "Mésothérapie") { slug } }')).extensions.suggestions).toEqual([
      'mesotherapy',
    ]);
    expect((await errorOf('{ treatment(slug: "Vampire Facial") { slug } }')).extensions.suggestions).toEqual([
      'microneedling-with-prp',
    ]);
    expect((await errorOf('{ sideEffect(slug: "rougeurs") { slug } }')).extensions.suggestions).toEqual([
      'redness',
    ]);
    expect((await errorOf('{ jurisdiction(code: "France") { code } }')).extensions.suggestions).toEqual([
      'FR',
    ]);
  });

  it('and none for nonsense', async () => {
    const error = await errorOf('{ technique(slug: "qwxzvk") { slug } }');
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', suggestions: [] });
    expect(error.message).toBe('No technique with slug "qwxzvk".');
  });
});

describe('UNKNOWN_SLUGS suggests per unknown slug', () => {
  it('lists every unknown slug with its suggestions', async () => {
    const error = await errorOf(
      '{ treatments(filter: { contraindications: { any: ["anticoagulant", "pregnancy", "qwxzvk"] } }) { totalCount } }',
    );
    expect(error.extensions).toMatchObject({
      code: 'UNKNOWN_SLUGS',
      slugs: ['anticoagulant', 'qwxzvk'],
      suggestions: { anticoagulant: ['anticoagulants'], qwxzvk: [] },
    });
    expect(error.message).toMatch(/Did you mean "anticoagulants" for "anticoagulant"\?/);
  });
});
