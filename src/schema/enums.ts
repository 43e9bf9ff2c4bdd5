// Enums shared by several types. Values mirror prisma/model.prisma.
import { builder } from './builder.ts';

export const LocaleEnum = builder.enumType('Locale', {
  description: 'A content language. FR is the language of the sources; EN is our translation.',
  values: {
    FR: { description: 'French, the language of the source documents.' },
    EN: { description: 'English, written by the maintainers.' },
  } as const,
});

export const INFORMATIONAL =
  'Informational data drawn from clinic documents; no substitute for a practitioner’s judgement.';

export const SeverityEnum = builder.enumType('Severity', {
  description: `How strongly a condition speaks against a treatment, as the source words it. ${INFORMATIONAL}`,
  values: {
    ABSOLUTE: {
      description:
        'The treatment must not be done ("ne doit pas être faite"), or the source lists the condition ' +
        'among contraindications with no qualifier.',
    },
    RELATIVE: {
      description: 'Advised against ("non recommandé"), or a contraindication in principle ("de principe").',
    },
    PRECAUTION: {
      description:
        'To be reported to the practitioner ("à signaler"); may call for a precaution (e.g. preventive treatment).',
    },
  } as const,
});
