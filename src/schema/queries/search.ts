import { search } from '../../resolvers/search.ts';
import { builder, readScope } from '../builder.ts';
import { ActiveIngredient } from '../types/ActiveIngredient.ts';
import { Contraindication } from '../types/Contraindication.ts';
import { Indication } from '../types/Indication.ts';
import { SideEffect } from '../types/SideEffect.ts';
import { Technique } from '../types/Technique.ts';
import { Treatment } from '../types/Treatment.ts';

const SearchResult = builder.unionType('SearchResult', {
  description: 'Anything search can find.',
  types: [Treatment, Technique, ActiveIngredient, Indication, Contraindication, SideEffect],
  resolveType: (value) => (value as unknown as { __typename: string }).__typename,
});

builder.queryField('search', (t) =>
  t.field({
    authScopes: readScope,
    type: [SearchResult],
    description:
      'Ranked search over treatments, techniques, active ingredients, indications, contraindications and side ' +
      'effects: names, aliases, summaries and descriptions in both languages, ignoring case and accents ' +
      '("mesotherapie" finds "Mésothérapie"). Exact names first, then name prefixes, words in names, aliases, text.',
    args: {
      query: t.arg.string({
        required: true,
        description: 'What to look for (at least two letters or digits).',
      }),
      first: t.arg.int({
        required: false,
        defaultValue: 20,
        description: 'How many results (default 20, at most 100).',
      }),
    },
    resolve: (_root, args) => search(args.query, args.first ?? 20) as never,
  }),
);
