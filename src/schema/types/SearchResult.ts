import { builder } from '../builder.ts';
import { ActiveIngredient } from './ActiveIngredient.ts';
import { Contraindication } from './Contraindication.ts';
import { Indication } from './Indication.ts';
import { SideEffect } from './SideEffect.ts';
import { Technique } from './Technique.ts';
import { Treatment } from './Treatment.ts';

export const SearchResult = builder.unionType('SearchResult', {
  description: 'Anything search can find.',
  types: [Treatment, Technique, ActiveIngredient, Indication, Contraindication, SideEffect],
  resolveType: (value) => (value as unknown as { __typename: string }).__typename,
});
