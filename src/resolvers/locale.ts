// Locale fallback: a localised value in the asked locale, else in the other one, and which one
// was returned, so clients never get a silent null for a missing translation.
import type { LocaleCode } from '../context.ts';

export interface LocalizedValue {
  text: string | null;
  locale: LocaleCode;
  /** True when the asked locale had no text and the other one was used. */
  fallback: boolean;
}

type Columns<P extends string> = { [K in `${P}Fr` | `${P}En`]?: string | null };

/** The two column names of a localised pair. */
export interface LocalizedKeys {
  fr: string;
  en: string;
}

/** Made once per field, so a call reads two known names instead of building them. */
export const localizedKeys = (prefix: string): LocalizedKeys => ({ fr: `${prefix}Fr`, en: `${prefix}En` });

const present = (text: string | null | undefined): text is string => text != null && text !== '';

/** The text alone of pickLocalized (no object made): a localised field's value. */
export function localizedText(row: object, keys: LocalizedKeys, asked: LocaleCode): string | null {
  const values = row as Record<string, string | null | undefined>;
  const first = values[asked === 'EN' ? keys.en : keys.fr];
  if (present(first)) return first;
  const second = values[asked === 'EN' ? keys.fr : keys.en];
  return present(second) ? second : null;
}

export function pickLocalized<P extends string>(
  row: Columns<P>,
  prefix: P,
  asked: LocaleCode,
): LocalizedValue {
  const values = row as Record<string, string | null | undefined>;
  const fr = values[`${prefix}Fr`] ?? null;
  const en = values[`${prefix}En`] ?? null;
  const [first, second] = asked === 'EN' ? ([en, fr] as const) : ([fr, en] as const);
  const other: LocaleCode = asked === 'EN' ? 'FR' : 'EN';
  if (present(first)) return { text: first, locale: asked, fallback: false };
  if (present(second)) return { text: second, locale: other, fallback: true };
  return { text: null, locale: asked, fallback: false };
}
