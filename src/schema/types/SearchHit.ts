import { type SearchHit as Hit, MATCH_KINDS } from '../../resolvers/search.ts';
import { builder } from '../builder.ts';
import { SearchResult } from './SearchResult.ts';

export const SearchMatchEnum = builder.enumType('SearchMatch', {
  description: 'Why a search result matched, strongest first (its `score` goes with it).',
  values: {
    EXACT_NAME: { description: `The whole name, in either language (score ${MATCH_KINDS.EXACT_NAME}).` },
    EXACT_ALIAS: { description: `A whole alias (score ${MATCH_KINDS.EXACT_ALIAS}).` },
    EXACT_SLUG: { description: `The slug (score ${MATCH_KINDS.EXACT_SLUG}).` },
    SYNONYM: {
      description: `A curated synonym, e.g. "ecchymose" or "bruise" for hematoma (score ${MATCH_KINDS.SYNONYM}).`,
    },
    NAME_PREFIX: { description: `The start of a name (score ${MATCH_KINDS.NAME_PREFIX}).` },
    NAME_CONTAINS: { description: `Part of a name (score ${MATCH_KINDS.NAME_CONTAINS}).` },
    ALIAS_CONTAINS: { description: `Part of an alias (score ${MATCH_KINDS.ALIAS_CONTAINS}).` },
    SLUG_CONTAINS: { description: `Part of the slug (score ${MATCH_KINDS.SLUG_CONTAINS}).` },
    TEXT: { description: `The summary or description (score ${MATCH_KINDS.TEXT}).` },
  } as const,
});

export const SearchHit = builder.objectRef<Hit>('SearchHit').implement({
  description: 'One search result with its score and why it matched.',
  fields: (t) => ({
    node: t.field({ type: SearchResult, description: 'What was found.', resolve: (hit) => hit as never }),
    score: t.int({ description: 'Higher is better; results come best first.', resolve: (hit) => hit.score }),
    matchedOn: t.field({
      type: SearchMatchEnum,
      description: 'Why it matched.',
      resolve: (hit) => hit.match.on,
    }),
    matchedText: t.string({
      nullable: true,
      description: 'The name, alias, slug or synonym that matched (null for a match in the other text).',
      resolve: (hit) => hit.match.text,
    }),
    matchedQuery: t.string({
      description:
        'The form of the query that matched: as typed, or a variant (hyphens and spaces swapped, plurals singular).',
      resolve: (hit) => hit.match.query,
    }),
  }),
});
