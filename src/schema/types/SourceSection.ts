import { builder } from '../builder.ts';

export const SourceSection = builder.prismaObject('SourceSection', {
  description:
    'One section of a source document: its own heading, or a "§N topic" label for a paragraph of a ' +
    'document without headings. Citations point at sections.',
  fields: (t) => ({
    locator: t.exposeString('locator', {
      description: 'The heading or paragraph label, as citations give it.',
    }),
    position: t.exposeInt('position', { description: 'Reading order within the document, from 1.' }),
  }),
});
