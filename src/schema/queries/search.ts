import { search } from '../../resolvers/search.ts';
import { builder, readScope } from '../builder.ts';
import { SearchHit } from '../types/SearchHit.ts';
import { SearchResult } from '../types/SearchResult.ts';

const HOW =
  'names, aliases, slugs, summaries and descriptions in both languages, ignoring case and accents ' +
  '("mesotherapie" finds "Mésothérapie"), hyphens or spaces ("derma roller"), plurals ("anticoagulants") ' +
  'and curated synonyms in French and English ("ecchymose", "bruise", "blood thinner").';

const args = (t: Parameters<Parameters<typeof builder.queryField>[1]>[0]) => ({
  query: t.arg.string({
    required: true,
    description: 'What to look for (at least two letters or digits).',
  }),
  first: t.arg.int({
    required: false,
    defaultValue: 20,
    description: 'How many results (default 20, at most 100).',
  }),
});

builder.queryField('search', (t) =>
  t.field({
    authScopes: readScope,
    type: [SearchResult],
    description:
      'Ranked search over treatments, techniques, active ingredients, indications, contraindications and side ' +
      `effects: ${HOW} Exact names first, then aliases, slugs, synonyms, name prefixes, words in names, text. ` +
      '`searchHits` gives the same results with their score and why they matched.',
    args: args(t),
    resolve: (_root, a) => search(a.query, a.first ?? 20) as never,
  }),
);

builder.queryField('searchHits', (t) =>
  t.field({
    authScopes: readScope,
    type: [SearchHit],
    description: `The results of \`search\`, in the same order, each with its score and why it matched: ${HOW}`,
    args: args(t),
    resolve: (_root, a) => search(a.query, a.first ?? 20),
  }),
);
