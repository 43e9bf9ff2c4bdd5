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
  if (first !== null && first !== '') return { text: first, locale: asked, fallback: false };
  if (second !== null && second !== '') return { text: second, locale: other, fallback: true };
  return { text: null, locale: asked, fallback: false };
}
