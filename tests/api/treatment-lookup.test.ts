// The minimal read path served from the start: one treatment by slug, and the paginated list.
import { describe, expect, it } from 'vitest';
import { data, gql } from '../helpers/graphql.ts';

describe('treatment(slug:)', () => {
  describe('a known slug', () => {
    it('returns the treatment with its localised name', async () => {
      const result = await data<{ treatment: { slug: string; fr: string; en: string } }>(
        '{ treatment(slug: "microneedling-with-prp") { slug fr: name(locale: FR) en: name(locale: EN) } }',
      );
      expect(result.treatment.slug).toBe('microneedling-with-prp');
      expect(result.treatment.en).toMatch(/microneedling/i);
      expect(result.treatment.fr).toMatch(/microneedling/i);
    });
  });

  describe('an unknown slug', () => {
    it('fails with NOT_FOUND naming the slug', async () => {
      const result = await gql('{ treatment(slug: "botox") { slug } }');
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(result.errors?.[0]?.message).toContain('"botox"');
    });
  });
});

describe('treatments', () => {
  it('lists the ten seeded treatments with a total count', async () => {
    const result = await data<{ treatments: { totalCount: number; nodes: Array<{ slug: string }> } }>(
      '{ treatments(first: 20) { totalCount nodes { slug } } }',
    );
    expect(result.treatments.totalCount).toBe(10);
    expect(result.treatments.nodes.map((n) => n.slug)).toContain('prp-injection');
  });
});
