// Localised fields: explicit locale, Accept-Language default, FR fallback, and the missing-
// translation fallback that says which language it returned.
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { data } from '../helpers/graphql.ts';

const NAME = '{ technique(slug: "needle") { name nameLocale } }';

describe('localised fields', () => {
  describe('locale argument', () => {
    it('returns French or English text', async () => {
      const r = await data<{ treatment: { fr: string; en: string; frLocale: string; enLocale: string } }>(
        `{ treatment(slug: "mesotherapy") {
          fr: name(locale: FR) en: name(locale: EN) frLocale: nameLocale(locale: FR) enLocale: nameLocale(locale: EN) } }`,
      );
      expect(r.treatment).toEqual({ fr: 'Mésothérapie', en: 'Mesotherapy', frLocale: 'FR', enLocale: 'EN' });
    });
  });

  describe('both languages at once (`<field>I18n`)', () => {
    it('gives French and English in one field, whatever the request asks for', async () => {
      const r = await data<{ treatment: { nameI18n: unknown; summaryI18n: unknown } }>(
        '{ treatment(slug: "mesotherapy") { nameI18n { fr en } summaryI18n { fr en } } }',
        {},
        { 'accept-language': 'en' },
      );
      expect(r.treatment.nameI18n).toEqual({ fr: 'Mésothérapie', en: 'Mesotherapy' });
      expect(r.treatment.summaryI18n).toEqual({ fr: expect.any(String), en: expect.any(String) });
    });

    it('works on link pages that read only the columns a selection names, on nodes and on edges', async () => {
      const r = await data<{
        treatment: {
          contraindications: {
            edges: Array<{ noteI18n: { fr: string | null; en: string | null }; node: unknown }>;
          };
        };
      }>(
        `{ treatment(slug: "prp-injection") { contraindications(first: 100) {
            edges { noteI18n { fr en } node { slug nameI18n { fr en } } } } } }`,
      );
      const edges = r.treatment.contraindications.edges;
      expect(edges.length).toBeGreaterThan(0);
      for (const edge of edges) {
        expect(edge.node).toEqual({
          slug: expect.any(String),
          nameI18n: { fr: expect.any(String), en: expect.any(String) },
        });
      }
      expect(edges.some((edge) => edge.noteI18n.fr !== null || edge.noteI18n.en !== null)).toBe(true);
    });

    it('says null for a language with no text, where the single-language field falls back', async () => {
      const { nameEn } = await db.technique.findUniqueOrThrow({ where: { slug: 'needle' } });
      await db.technique.update({ where: { slug: 'needle' }, data: { nameEn: null } });
      try {
        const r = await data<{ technique: { name: string; nameLocale: string; nameI18n: unknown } }>(
          '{ technique(slug: "needle") { name(locale: EN) nameLocale(locale: EN) nameI18n { fr en } } }',
        );
        expect(r.technique.nameLocale).toBe('FR');
        expect(r.technique.nameI18n).toEqual({ fr: r.technique.name, en: null });
      } finally {
        await db.technique.update({ where: { slug: 'needle' }, data: { nameEn } });
      }
    });
  });

  describe('no locale argument', () => {
    it('follows Accept-Language (with q-values), else French', async () => {
      const fr = await data<{ technique: { name: string } }>(NAME);
      const en = await data<{ technique: { name: string; nameLocale: string } }>(
        NAME,
        {},
        { 'accept-language': 'en-GB,en;q=0.9' },
      );
      const deThenEn = await data<{ technique: { name: string } }>(
        NAME,
        {},
        { 'accept-language': 'de;q=1, en;q=0.5' },
      );
      const frPreferred = await data<{ technique: { name: string } }>(
        NAME,
        {},
        { 'accept-language': 'en;q=0.3, fr;q=0.8' },
      );
      expect(fr.technique.name).toBe('Aiguille');
      expect(en.technique).toEqual({ name: 'Needle', nameLocale: 'EN' });
      expect(deThenEn.technique.name).toBe('Needle');
      expect(frPreferred.technique.name).toBe('Aiguille');
    });

    it('applies to edge fields too', async () => {
      const r = await data<{ treatment: { contraindications: { edges: Array<{ note: string | null }> } } }>(
        '{ treatment(slug: "mesotherapy") { contraindications(first: 100) { edges { note } } } }',
        {},
        { 'accept-language': 'en' },
      );
      const notes = r.treatment.contraindications.edges.map((e) => e.note).filter(Boolean) as string[];
      expect(notes.length).toBeGreaterThan(0);
      expect(notes.join(' ')).not.toMatch(/[éèà]/);
    });
  });

  describe('a missing English translation', () => {
    it('falls back to French and says so, never a silent null', async () => {
      await db.technique.update({ where: { slug: 'needle' }, data: { nameEn: null } });
      const r = await data<{ technique: { name: string; nameLocale: string } }>(
        '{ technique(slug: "needle") { name(locale: EN) nameLocale(locale: EN) } }',
      );
      expect(r.technique).toEqual({ name: 'Aiguille', nameLocale: 'FR' });
    });
  });
});
