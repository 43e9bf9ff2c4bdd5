// Facts of the real seed that several tests check against.

/** PRP injection and the four treatments built on it: same contraindications, suspended in France. */
export const PRP_FAMILY = [
  'microneedling-with-prp',
  'prp-derma-roller',
  'prp-injection',
  'prp-mesolift',
  'prp-microfilling',
];
