// The curated search synonyms stay sound: every term is written folded (as queries are compared),
// every target exists, and no synonym repeats what its target's own names already match.
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { loadSynonyms } from '../../src/resolvers/search.ts';
import { foldText } from '../../src/resolvers/text.ts';

const synonyms = loadSynonyms();

describe('seed/search-synonyms.json', () => {
  it('has folded terms', () => {
    expect(synonyms.size).toBeGreaterThan(10);
    for (const term of synonyms.keys()) expect(foldText(term), term).toBe(term);
  });

  it('names existing entries, and only words their names do not already contain', async () => {
    for (const [term, targets] of synonyms) {
      for (const target of targets) {
        const [kind, slug] = target.split(':') as [string, string];
        const delegate = (db as unknown as Record<string, { findUnique: (a: unknown) => Promise<unknown> }>)[
          kind.charAt(0).toLowerCase() + kind.slice(1)
        ];
        expect(delegate, `${term} → ${target}: unknown kind`).toBeDefined();
        const row = (await delegate?.findUnique({ where: { slug } })) as {
          nameFr: string;
          nameEn: string | null;
        } | null;
        expect(row, `${term} → ${target}: no such entry`).not.toBeNull();
        const names = [row?.nameFr, row?.nameEn].filter((n): n is string => !!n).map(foldText);
        expect(
          names.some((n) => n.includes(term)),
          `${term} is already in ${target}'s name`,
        ).toBe(false);
      }
    }
  });
});
