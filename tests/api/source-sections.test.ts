// Source sections are rows: a document lists them in reading order, and every claim it supports
// points at one of them (its locator is a declared section, stored once).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultSeedDir } from '../../seed/load.ts';
import { data } from '../helpers/graphql.ts';

const declared = parse(readFileSync(join(defaultSeedDir, 'sources.yaml'), 'utf8')) as Array<{
  slug: string;
  sections: string[];
}>;

interface SourceAnswer {
  source: {
    version: number;
    sections: Array<{ locator: string; position: number }>;
    claims: {
      totalCount: number;
      nodes: Array<{ locator: string; claimType: string; claimSubject: string }>;
    };
  };
}

describe('Source.sections', () => {
  it.each(declared.map((s) => s.slug))('%s lists the sections of sources.yaml, in order', async (slug) => {
    const r = await data<SourceAnswer>(
      `query($slug: String!) { source(slug: $slug) { version sections { locator position }
        claims(first: 100) { totalCount nodes { locator claimType claimSubject } } } }`,
      { slug },
    );
    const expected = declared.find((s) => s.slug === slug)?.sections ?? [];
    expect(r.source.sections).toEqual(expected.map((locator, i) => ({ locator, position: i + 1 })));
    expect(r.source.version).toBeGreaterThanOrEqual(1);
    expect(r.source.claims.totalCount).toBeGreaterThan(0);
    for (const claim of r.source.claims.nodes) {
      expect(expected).toContain(claim.locator);
      expect(claim.claimType).toMatch(/^[a-z][A-Za-z]+$/);
      expect(claim.claimSubject.length).toBeGreaterThan(0);
    }
  });
});
