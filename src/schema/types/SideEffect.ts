import { builder } from '../builder.ts';
import { edgeText } from '../links.ts';
import { treatmentSide, vocabularyFields, vocabularyNodeId } from '../vocabulary.ts';

export const SideEffect = builder.prismaNode('SideEffect', {
  description:
    'An adverse effect a treatment may cause: bleeding, redness, hematoma, swelling, infection risk…',
  id: vocabularyNodeId,
  fields: (t) =>
    vocabularyFields(t, {
      noun: 'side effect',
      codes: true,
      treatments: treatmentSide('TreatmentSideEffect'),
      treatmentsDescription:
        'Treatments that may cause it, with frequency, duration and citations on each edge.',
      edgeFields: (edge) => ({
        frequency: edgeText(edge, 'frequency', 'How often, in the source’s words.'),
        typicalDuration: edgeText(edge, 'typicalDuration', 'How long it lasts, in the source’s words.'),
        note: edgeText(edge, 'note', 'What the sources say about it.'),
      }),
    }),
});
