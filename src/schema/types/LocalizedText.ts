import { builder } from '../builder.ts';

/** A localised text in both languages, read from the `<prefix>Fr` / `<prefix>En` columns of a row. */
export interface BothLanguages {
  fr: string | null;
  en: string | null;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

export const bothLanguages = (row: Record<string, unknown>, prefix: string): BothLanguages => ({
  fr: text(row[`${prefix}Fr`]),
  en: text(row[`${prefix}En`]),
});

export const LocalizedText = builder.objectRef<BothLanguages>('LocalizedText').implement({
  description:
    'One text in both languages at once (a CMS gets both without aliases). A language with no text is ' +
    'null here: the single-language field falls back to the other language instead.',
  fields: (t) => ({
    fr: t.exposeString('fr', { nullable: true, description: 'The French text.' }),
    en: t.exposeString('en', { nullable: true, description: 'The English text.' }),
  }),
});
