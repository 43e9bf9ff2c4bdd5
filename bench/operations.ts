// The benchmarked operations: the GraphQL the API gets, and the path the floor server gets
// for the same answer.
export interface Operation {
  name: string;
  description: string;
  query: string;
  floorPath: string;
}

/** The contraindication the scale generator links to every 4th treatment (seed/scale.ts). */
export const COMMON_CONTRAINDICATION = 'contraindication-1';

export const operations = (detailSlug: string): Operation[] => [
  {
    name: 'cms-pull',
    description: 'CMS pull: 50 treatments by name, aliases, nodes of six relations and regulatory statuses',
    floorPath: '/cms',
    query: `{ treatments(first: 50, orderBy: { field: NAME }) { nodes { slug name aliases
      techniques(first: 100) { nodes { slug name } } activeIngredients(first: 100) { nodes { slug name } }
      indications(first: 100) { nodes { slug name } } contraindications(first: 100) { nodes { slug name } }
      sideEffects(first: 100) { nodes { slug name } } bodyAreas(first: 100) { nodes { slug name } }
      regulatoryStatuses { nodes { status jurisdiction { code } authority { slug } } } } } }`,
  },
  {
    name: 'app-detail',
    description: 'App detail: one treatment by slug, every relation with edges and citations',
    floorPath: `/detail?slug=${encodeURIComponent(detailSlug)}`,
    query: `{ treatment(slug: "${detailSlug}") { slug name summary aliases
      techniques(first: 100) { edges { citations { locator source { slug } } node { slug name } } }
      activeIngredients(first: 100) { edges { citations { locator source { slug } } node { slug name } } }
      indications(first: 100) { edges { citations { locator source { slug } } node { slug name } } }
      contraindications(first: 100) { edges { severity citations { locator source { slug } } node { slug name } } }
      sideEffects(first: 100) { edges { citations { locator source { slug } } node { slug name } } }
      bodyAreas(first: 100) { edges { citations { locator source { slug } } node { slug name } } }
      regulatoryStatuses { nodes { status jurisdiction { code } authority { slug } citations { locator source { slug } } } } } }`,
  },
  {
    name: 'analyst-overlaps',
    description: 'Analyst: contraindicationOverlaps(minShared: 2, first: 50)',
    floorPath: '/overlaps',
    query: `{ contraindicationOverlaps(minShared: 2, first: 50) { nodes {
      treatmentA { slug } treatmentB { slug } sharedCount jaccard } } }`,
  },
  {
    name: 'reverse-connection',
    description: `Reverse connection: the first 20 treatments of ${COMMON_CONTRAINDICATION} (N / 4 links)`,
    floorPath: `/reverse?slug=${COMMON_CONTRAINDICATION}`,
    query: `{ contraindication(slug: "${COMMON_CONTRAINDICATION}") { slug
      treatments(first: 20) { edges { severity node { slug name } } } } }`,
  },
  {
    name: 'search',
    description: 'Search: search(query: "mesotherapie", first: 20)',
    floorPath: '/search?q=mesotherapie',
    query: `{ search(query: "mesotherapie", first: 20) { __typename
      ... on Treatment { slug } ... on Technique { slug } ... on ActiveIngredient { slug }
      ... on Indication { slug } ... on Contraindication { slug } ... on SideEffect { slug } } }`,
  },
];
