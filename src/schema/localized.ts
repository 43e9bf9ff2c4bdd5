// Localised fields: `<name>(locale:)` returns the text in the asked locale (argument, else the
// request's Accept-Language, else FR), falling back to the other locale; `<name>Locale` says
// which one was returned; `<name>I18n { fr en }` gives both at once.
import type { LocaleCode } from '../context.ts';
import { localizedKeys, localizedText, pickLocalized } from '../resolvers/locale.ts';
import { builder } from './builder.ts';
import { LocaleEnum } from './enums.ts';
import { bothLanguages, LocalizedText } from './types/LocalizedText.ts';

export const localeArg = () =>
  builder.args((t) => ({
    locale: t.field({
      type: LocaleEnum,
      required: false,
      description: 'Language of the text. Defaults to the Accept-Language header, then FR.',
    }),
  }));

type Row = Record<string, unknown>;

/** Adds `<field>`, `<field>Locale` and `<field>I18n` for columns `<prefix>Fr` / `<prefix>En`. */
export function localizedFields(
  // biome-ignore lint/suspicious/noExplicitAny: the field builder of any Prisma object type
  t: any,
  field: string,
  prefix: string,
  description: string,
  options: { nullable?: boolean } = {},
) {
  const pick = (parent: Row, locale: LocaleCode | null | undefined, ctx: { locale: LocaleCode }) =>
    pickLocalized(parent as never, prefix, locale ?? ctx.locale);
  const keys = localizedKeys(prefix);
  // No `select`: every row reaching these fields carries the `<prefix>Fr`/`<prefix>En` columns
  // (rows are read with SQL; a link page reads the columns its selection names, and a field named
  // like its prefix selects both: src/resolvers/columns.ts, selectedColumns).
  return {
    [field]: t.string({
      description,
      nullable: options.nullable ?? false,
      args: localeArg(),
      resolve: (parent: Row, args: { locale?: LocaleCode | null }, ctx: { locale: LocaleCode }) =>
        localizedText(parent, keys, args.locale ?? ctx.locale),
    }),
    [`${field}Locale`]: t.field({
      type: LocaleEnum,
      description: `The language \`${field}\` was returned in: the asked one, or the other when it has no translation.`,
      args: localeArg(),
      resolve: (parent: Row, args: { locale?: LocaleCode | null }, ctx: { locale: LocaleCode }) =>
        pick(parent, args.locale, ctx).locale,
    }),
    [`${field}I18n`]: i18nField(t, field, prefix),
  };
}

/** `<field>I18n`: the text in both languages, on any object or edge builder. */
// biome-ignore lint/suspicious/noExplicitAny: the field builder of any object or edge type
export function i18nField(t: any, field: string, prefix: string) {
  return t.field({
    type: LocalizedText,
    description: `\`${field}\` in both languages at once.`,
    resolve: (parent: Row) => bothLanguages(parent, prefix),
  });
}
