import { vocabularyKind } from '../../model/kinds.ts';
import { builder } from '../builder.ts';
import { vocabularyFields, vocabularyNodeId } from '../vocabulary.ts';

export const IndicationCategoryEnum = builder.enumType('IndicationCategory', {
  description: 'Broad family of an indication.',
  values: {
    SKIN_AGEING: { description: 'Signs of skin ageing (wrinkles, laxity…).' },
    SKIN_QUALITY: { description: 'Texture, radiance, hydration, pores.' },
    SCARRING: { description: 'Scars, acne scars, stretch marks.' },
    PIGMENTATION: { description: 'Pigment spots, uneven tone.' },
    HAIR: { description: 'Hair loss and regrowth.' },
    BODY_CONTOURING: { description: 'Cellulite and body skin.' },
    MUSCULOSKELETAL: { description: 'Joints and regenerative medicine.' },
    WOUND_HEALING: { description: 'Healing of wounds and tissue.' },
  } as const,
});

export const Indication = builder.prismaNode('Indication', {
  description: 'What a treatment is used for: wrinkles, dull complexion, scars, hair loss, cellulite…',
  id: vocabularyNodeId,
  fields: (t) => ({
    ...vocabularyFields(
      t,
      vocabularyKind('Indication'),
      'Treatments the sources say address this; each edge carries its citations.',
    ),
    // Read from the row (always loaded with every column); no `select`, which would make the
    // Prisma plugin reload link nodes that plain SQL loaded.
    category: t.field({
      type: IndicationCategoryEnum,
      description: 'Broad family of the indication.',
      resolve: (row) => row.category,
    }),
  }),
});
