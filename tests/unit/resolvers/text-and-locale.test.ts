// Plain functions the schema relies on: folding, locale choice and fallback, search scoring.
import { describe, expect, it } from 'vitest';
import { localeFromHeader } from '../../../src/context.ts';
import { localizedKeys, localizedText, pickLocalized } from '../../../src/resolvers/locale.ts';
import { scoreCandidate } from '../../../src/resolvers/search.ts';
import { foldAll, foldText } from '../../../src/resolvers/text.ts';

describe('foldText', () => {
  it('drops accents and case, folds ligatures and spaces', () => {
    expect(foldText('  Mésothérapie  du   DÉCOLLETÉ ')).toBe('mesotherapie du decollete');
    expect(foldText('Œdème')).toBe('oedeme');
  });
  it('joins pieces so a query cannot span two of them', () => {
    expect(foldAll(['Éclat', null, 'Teint'])).toBe('eclat | teint');
  });
});

describe('localeFromHeader', () => {
  it.each([
    [undefined, 'FR'],
    ['', 'FR'],
    ['en', 'EN'],
    ['en-US,en;q=0.9', 'EN'],
    ['de-DE, fr;q=0.5, en;q=0.4', 'FR'],
    ['en;q=0, fr;q=0.1', 'FR'],
    ['es, it', 'FR'],
    ['*', 'FR'],
  ])('%s → %s', (header, locale) => {
    expect(localeFromHeader(header)).toBe(locale);
  });
});

describe('pickLocalized', () => {
  const row = { nameFr: 'Aiguille', nameEn: 'Needle' };
  it('returns the asked locale', () => {
    expect(pickLocalized(row, 'name', 'EN')).toEqual({ text: 'Needle', locale: 'EN', fallback: false });
  });
  it('falls back to the other locale and says so', () => {
    expect(pickLocalized({ nameFr: 'Aiguille', nameEn: null }, 'name', 'EN')).toEqual({
      text: 'Aiguille',
      locale: 'FR',
      fallback: true,
    });
    expect(pickLocalized({ nameFr: '', nameEn: 'Needle' }, 'name', 'FR')).toEqual({
      text: 'Needle',
      locale: 'EN',
      fallback: true,
    });
  });
  it('returns null only when neither locale has text', () => {
    expect(pickLocalized({ nameFr: null, nameEn: null }, 'name', 'FR').text).toBeNull();
  });
});

describe('localizedText', () => {
  it('gives the text pickLocalized gives, for every mix of present, empty and missing values', () => {
    const values = ['Aiguille', '', null, undefined];
    const keys = localizedKeys('name');
    let compared = 0;
    for (const nameFr of values) {
      for (const nameEn of values) {
        for (const locale of ['FR', 'EN'] as const) {
          const row = { nameFr, nameEn: nameEn && `${nameEn} (en)` };
          expect(localizedText(row, keys, locale)).toBe(pickLocalized(row as never, 'name', locale).text);
          compared++;
        }
      }
    }
    expect(compared).toBe(32);
  });
});

describe('scoreCandidate', () => {
  const c = {
    slug: 'x',
    nameFr: 'Mésothérapie',
    nameEn: 'Mesotherapy',
    searchText: 'mesotherapie | mesotherapy | rides',
    aliases: [{ value: 'microneedling' }],
  };
  it('ranks exact name > exact alias > prefix > contains > text', () => {
    expect(scoreCandidate('mesotherapie', c)).toBe(100);
    expect(scoreCandidate('microneedling', c)).toBe(90);
    expect(scoreCandidate('meso', c)).toBe(80);
    expect(scoreCandidate('therapy', c)).toBe(60);
    expect(scoreCandidate('needling', c)).toBe(50);
    expect(scoreCandidate('rides', c)).toBe(20);
    expect(scoreCandidate('laser', c)).toBe(0);
  });
});
