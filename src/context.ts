import { createLoaders, type Loaders } from './resolvers/loaders.ts';

// The request context, built once per request: the locale clients asked for. Nothing else reads
// request headers.
export type LocaleCode = 'FR' | 'EN';

export interface Context {
  /** Locale from `Accept-Language` (first supported language wins), else FR. */
  locale: LocaleCode;
  /** Per-request batch loaders (src/resolvers/loaders.ts). */
  loaders: Loaders;
}

/** Picks FR or EN from an Accept-Language header, honouring q-values; FR when neither is asked. */
export function localeFromHeader(header: string | null | undefined): LocaleCode {
  if (!header) return 'FR';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((x) => x.q > 0 && !Number.isNaN(x.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { lang } of ranked) {
    if (lang === 'fr') return 'FR';
    if (lang === 'en') return 'EN';
  }
  return 'FR';
}

export function createContext(request: Request): Context {
  return { locale: localeFromHeader(request.headers.get('accept-language')), loaders: createLoaders() };
}
