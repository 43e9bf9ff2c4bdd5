// The number of SQL statements for a page of treatments with all their relations does not grow
// with the page size: counted at the driver adapter (dbStats), for pages of 5 and 50.
import { beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../bench/operations.ts';
import { db, dbStats } from '../../src/db.ts';
import { sortKeys } from '../../src/write/derived.ts';
import { data } from '../helpers/graphql.ts';

const CMS_PULL = `query($first: Int!) {
  treatments(first: $first, orderBy: { field: NAME }) {
    totalCount
    nodes {
      slug name aliases summary updatedAt
      techniques { nodes { slug name } edges { citations { locator source { slug } } } }
      activeIngredients { nodes { slug name codes { code } } edges { citations { locator } } }
      indications { nodes { slug name category } }
      contraindications { edges { severity note citations { locator source { slug title } } node { slug name } } }
      sideEffects { edges { frequency typicalDuration node { slug name } } }
      bodyAreas { nodes { slug name } }
      protocol { nodes { kind text min max unit citations { locator } } }
      regulatoryStatuses { nodes { status reason jurisdiction { code name } authority { slug name } citations { locator } } }
      components { nodes { slug } }
      combinableWith { nodes { slug } }
      citations { locator source { slug } }
    }
  }
}`;

/** 60 more treatments, each linked like the seeded ones, so a page of 50 is full. */
async function addSyntheticTreatments() {
  const section = await db.sourceSection.findFirstOrThrow();
  const pick = async (rows: Promise<Array<{ id: number }>>) => (await rows).map((r) => r.id);
  const [techniques, ingredients, contraindications, areas] = await Promise.all([
    pick(db.technique.findMany({ select: { id: true }, take: 3 })),
    pick(db.activeIngredient.findMany({ select: { id: true }, take: 3 })),
    pick(db.contraindication.findMany({ select: { id: true }, take: 3 })),
    pick(db.bodyArea.findMany({ select: { id: true }, take: 3 })),
  ]);
  for (let i = 0; i < 60; i++) {
    const slug = `synthetic-${String(i).padStart(2, '0')}`;
    const cite = (key: string) => ({
      create: [
        {
          key: `${key}|${slug}`,
          sourceId: section.sourceId,
          sectionId: section.id,
          claimType: key.slice(0, key.indexOf(':')),
          claimSubject: slug,
        },
      ],
    });
    await db.treatment.create({
      data: {
        slug,
        nameFr: `Synthétique ${i}`,
        nameEn: `Synthetic ${i}`,
        summaryFr: 'Traitement de test.',
        searchText: slug,
        // Written directly, not through src/write: the sort keys the unit of work would derive.
        ...sortKeys({ nameFr: `Synthétique ${i}`, nameEn: `Synthetic ${i}` }),
        citations: cite('treatment:'),
        techniques: { create: techniques.map((id) => ({ techniqueId: id, citations: cite(`tt:${id}`) })) },
        activeIngredients: {
          create: ingredients.map((id) => ({ activeIngredientId: id, citations: cite(`ti:${id}`) })),
        },
        contraindications: {
          create: contraindications.map((id) => ({
            contraindicationId: id,
            severity: 'RELATIVE',
            citations: cite(`tc:${id}`),
          })),
        },
        bodyAreas: { create: areas.map((id) => ({ bodyAreaId: id, citations: cite(`tb:${id}`) })) },
        protocol: {
          create: [
            {
              key: 'sessions',
              kind: 'SESSION_COUNT',
              textFr: '3 séances',
              min: 3,
              max: 3,
              unit: 'SESSION',
              citations: cite('tp:'),
            },
          ],
        },
      },
    });
  }
}

async function statementsFor(first: number) {
  const before = dbStats.statements;
  const result = await data<{ treatments: { nodes: unknown[] } }>(CMS_PULL, { first });
  return { statements: dbStats.statements - before, rows: result.treatments.nodes.length };
}

describe('CMS pull of a page of treatments with every relation', () => {
  beforeAll(addSyntheticTreatments, 120_000);

  it('sends the same number of SQL statements for 5 and for 50 treatments', async () => {
    const small = await statementsFor(5);
    const large = await statementsFor(50);
    expect(small.rows).toBe(5);
    expect(large.rows).toBe(50);
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
    console.info(`CMS pull: ${small.statements} SQL statements for 5 and for 50 treatments`);
  });
});

describe('link connections read through nodes or through edges', () => {
  const linkQuery = (selection: string) => `{ treatments(first: 20) { nodes { slug
    techniques { ${selection} } activeIngredients { ${selection} } indications { ${selection} }
    contraindications { ${selection} } sideEffects { ${selection} } bodyAreas { ${selection} } } } }`;

  async function statements(query: string) {
    const before = dbStats.statements;
    await data(query);
    return dbStats.statements - before;
  }

  it('costs the same statements for `nodes` as for `edges { node }` (no reload by slug)', async () => {
    const viaEdges = await statements(linkQuery('edges { node { slug name } }'));
    const viaNodes = await statements(linkQuery('nodes { slug name }'));
    expect(viaNodes).toBe(viaEdges);
  });

  it('gives the same nodes through `nodes` and through `edges { node }`', async () => {
    type Page = {
      treatments: { nodes: Array<Record<string, { nodes?: unknown[]; edges?: Array<{ node: unknown }> }>> };
    };
    const viaEdges = await data<Page>(linkQuery('edges { node { slug name } }'));
    const viaNodes = await data<Page>(linkQuery('nodes { slug name }'));
    const relations = [
      'techniques',
      'activeIngredients',
      'indications',
      'contraindications',
      'sideEffects',
      'bodyAreas',
    ];
    for (const [i, treatment] of viaNodes.treatments.nodes.entries()) {
      for (const relation of relations) {
        const edges = viaEdges.treatments.nodes[i]?.[relation]?.edges ?? [];
        expect(treatment[relation]?.nodes).toEqual(edges.map((e) => e.node));
      }
    }
  });
});

describe('the CMS pull of the benchmark (bench/operations.ts)', () => {
  const cms = operations('prp-injection').find((o) => o.name === 'cms-pull')?.query ?? '';

  async function statements(query: string) {
    const before = dbStats.statements;
    await data(query);
    return dbStats.statements - before;
  }

  it('costs one statement per relation level, for 5 treatments as for 50', async () => {
    // treatments, aliases, six link kinds (each with its nodes joined), regulatory statuses,
    // their jurisdictions, their authorities; plus the response cache's read of the data version
    // (src/cache/dataVersion.ts), which is not a relation level.
    expect(await statements(cms.replace('first: 50', 'first: 5'))).toBe(11 + 1);
    expect(await statements(cms)).toBe(11 + 1);
  });
});

describe('citations on the edges of several link kinds', () => {
  const edges = (kinds: string[]) =>
    `{ treatment(slug: "prp-injection") { ${kinds
      .map((k) => `${k} { edges { citations { locator source { slug } } node { slug } } }`)
      .join(' ')} } }`;

  async function statements(query: string) {
    const before = dbStats.statements;
    await data(query);
    return dbStats.statements - before;
  }

  it('are loaded in one statement for all the kinds of a level, on every engine', async () => {
    const one = await statements(edges(['techniques']));
    const three = await statements(edges(['techniques', 'indications', 'contraindications']));
    // Two more link kinds cost their two link statements and no more citation statements, even
    // when (PostgreSQL) the link answers arrive in different ticks.
    expect(three).toBe(one + 2);
  });
});
