// Enums shared by several types. Values mirror prisma/model.prisma.
import { builder } from './builder.ts';

export const LocaleEnum = builder.enumType('Locale', {
  description: 'A content language. FR is the language of the sources; EN is our translation.',
  values: {
    FR: { description: 'French, the language of the source documents.' },
    EN: { description: 'English, written by the maintainers.' },
  } as const,
});
