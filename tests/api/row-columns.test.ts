// Root lists, lookups and to-one fields read only the long texts their selection asks for
// (rowColumns in src/resolvers/columns.ts): every field of every type they reach still gets its
// value when selected alone, the same as when everything is selected, and fields of one level
// asking for different texts share a statement that reads their union.
import { describe, expect, it } from 'vitest';
import { dbStats } from '../../src/db.ts';
import { rowColumns, scalarColumns } from '../../src/resolvers/columns.ts';
import { queryRows } from '../../src/resolvers/sql.ts';
import { data } from '../helpers/graphql.ts';

describe('rowColumns', () => {
  it('keeps every short column and only the text pairs a field of their name selects', () => {
    const columns = rowColumns('Treatment', new Set(['slug', 'name', 'mechanismLocale'])).list;
    expect(columns).toEqual(
      expect.arrayContaining(['id', 'slug', 'nameFr', 'nameEn', 'version', 'updatedAt']),
    );
    expect(columns).toEqual(expect.arrayContaining(['mechanismFr', 'mechanismEn']));
    expect(columns).not.toContain('summaryFr');
    expect(columns).not.toContain('summaryEn');
    expect(rowColumns('Treatment', new Set(['summaryI18n'])).list).toContain('summaryEn');
    expect(rowColumns('Treatment', null).list).toContain('summaryFr');
  });

  it('gives one object per column list, so loaders and caches can key on it', () => {
    const a = rowColumns('Contraindication', new Set(['slug']));
    const b = rowColumns('Contraindication', new Set(['category']));
    expect(a).toBe(b);
    expect(a.key).not.toBe(rowColumns('Contraindication', new Set(['name'])).key);
  });
});

interface TypeInfo {
  __type: {
    fields: Array<{
      name: string;
      args: Array<{ type: { kind: string } }>;
      type: { kind: string; name: string | null; ofType: { kind: string; name: string | null } | null };
    }>;
  };
}

/** Every field of a type that can be selected alone as a leaf (or LocalizedText), with its selection. */
async function leafSelections(type: string): Promise<string[]> {
  const { __type } = await data<TypeInfo>(
    `{ __type(name: "${type}") { fields { name args { type { kind } }
       type { kind name ofType { kind name } } } } }`,
  );
  return __type.fields
    .filter((f) => f.args.every((a) => a.type.kind !== 'NON_NULL'))
    .flatMap((f) => {
      const named = f.type.kind === 'NON_NULL' ? f.type.ofType : f.type;
      if (named?.kind === 'SCALAR' || named?.kind === 'ENUM') return [f.name];
      if (named?.name === 'LocalizedText') return [`${f.name} { fr en }`];
      return [];
    });
}

/** Where each type is reached: a document with `FIELDS` where the type's selection goes, and the path to it. */
const reaches: Array<[string, string, (d: Record<string, unknown>) => unknown]> = [
  ['Treatment', '{ treatment(slug: "mesotherapy") { FIELDS } }', (d) => d.treatment],
  [
    'Treatment',
    '{ treatments(first: 3, orderBy: { field: NAME }) { nodes { FIELDS } } }',
    (d) => (d.treatments as { nodes: unknown[] }).nodes,
  ],
  [
    'Treatment',
    '{ contraindicationOverlaps(first: 3) { nodes { treatmentA { FIELDS } } } }',
    (d) => (d.contraindicationOverlaps as { nodes: unknown[] }).nodes,
  ],
  ['Contraindication', '{ contraindication(slug: "pregnancy") { FIELDS } }', (d) => d.contraindication],
  [
    'Technique',
    '{ techniques(first: 5) { nodes { FIELDS } } }',
    (d) => (d.techniques as { nodes: unknown[] }).nodes,
  ],
  ['Jurisdiction', '{ jurisdiction(code: "FR") { FIELDS } }', (d) => d.jurisdiction],
  [
    'Authority',
    '{ treatment(slug: "prp-injection") { regulatoryStatuses { nodes { authority { FIELDS } } } } }',
    (d) => d.treatment,
  ],
  ['Source', '{ sources(first: 5) { nodes { FIELDS } } }', (d) => (d.sources as { nodes: unknown[] }).nodes],
];

/** The answer cut down to one leaf field: containers kept, each object carrying `field` reduced to it. */
function project(value: unknown, field: string): unknown {
  if (Array.isArray(value)) return value.map((v) => project(v, field));
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  if (field in object) return { [field]: object[field] };
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, project(v, field)]));
}

describe('rows read for a selection', () => {
  for (const [type, document, at] of reaches) {
    it(`give every field of ${type} its value when selected alone: ${document.slice(0, 60)}…`, async () => {
      const selections = await leafSelections(type);
      expect(selections.length).toBeGreaterThan(3);
      const everything = at(await data(document.replace('FIELDS', selections.join(' '))));
      expect(JSON.stringify(everything)).not.toBe('[]');
      for (const selection of selections) {
        const alone = at(await data(document.replace('FIELDS', selection)));
        const field = selection.split(' ')[0] as string;
        expect(project(alone, field), `${type}.${field}`).toEqual(project(everything, field));
      }
    });
  }

  // The comparison above cannot see a text both reads leave out; the database itself can.
  // (Source has no localised texts.)
  for (const [type, document, at] of reaches.filter(([type]) => type !== 'Source')) {
    it(`gives every text of ${type} as stored, each asked alone: ${document.slice(0, 60)}…`, async () => {
      const key = scalarColumns(type).includes('slug') ? 'slug' : 'code';
      const prefixes = scalarColumns(type)
        .filter((c) => c.endsWith('Fr'))
        .map((c) => c.slice(0, -2))
        .filter((p) => scalarColumns(type).includes(`${p}En`));
      expect(prefixes.length).toBeGreaterThan(0);
      let compared = 0;
      for (const prefix of prefixes) {
        const found = [at(await data(document.replace('FIELDS', `${key} ${prefix}I18n { fr en }`)))].flat(3);
        const objects =
          JSON.stringify(found).match(new RegExp(`"${key}":"[^"]+","${prefix}I18n":\\{[^}]*\\}`, 'g')) ?? [];
        expect(objects.length, `${type}.${prefix}I18n`).toBeGreaterThan(0);
        for (const object of objects) {
          const answer = JSON.parse(`{${object}}`) as Record<
            string,
            string | { fr: string | null; en: string | null }
          >;
          const [row] = await queryRows(`SELECT * FROM "${type}" WHERE "${key}" = ?`, [answer[key]]);
          const stored = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
          expect(answer[`${prefix}I18n`], `${type} ${answer[key]} ${prefix}`).toEqual({
            fr: stored(row?.[`${prefix}Fr`]),
            en: stored(row?.[`${prefix}En`]),
          });
          compared++;
        }
      }
      expect(compared).toBeGreaterThanOrEqual(prefixes.length);
    });
  }

  it('reads the union when fields of one level select different texts, in one statement', async () => {
    const overlaps = (a: string, b: string) =>
      `{ contraindicationOverlaps(first: 5) { nodes { treatmentA { ${a} } treatmentB { ${b} } } } }`;
    const statements = async (query: string) => {
      const before = dbStats.statements;
      const answer = await data<{
        contraindicationOverlaps: { nodes: Array<{ treatmentB: { slug: string; summary?: string } }> };
      }>(query);
      return { count: dbStats.statements - before, nodes: answer.contraindicationOverlaps.nodes };
    };
    const same = await statements(overlaps('slug', 'slug'));
    const mixed = await statements(overlaps('slug', 'slug summary'));
    expect(mixed.count).toBe(same.count);
    expect(mixed.nodes.length).toBeGreaterThan(0);
    for (const { treatmentB } of mixed.nodes) expect(treatmentB.summary).toMatch(/\w/);
    // The same treatment asked by both sides with different texts gets each side its fields.
    const { a, b } = await data<{ a: { summary: string }; b: { slug: string; name: string } }>(
      '{ a: treatment(slug: "mesotherapy") { summary } b: treatment(slug: "mesotherapy") { slug name } }',
    );
    expect(a.summary).toMatch(/\w/);
    expect(b.name).toMatch(/\w/);
    // Texts asked through named and inline fragments are read too.
    const [stored] = await queryRows('SELECT "summaryFr", "mechanismFr" FROM "Treatment" WHERE slug = ?', [
      'mesotherapy',
    ]);
    const fragments = await data<{ treatment: { summary: string; mechanism: string | null } }>(
      `{ treatment(slug: "mesotherapy") { ...S ... on Treatment { mechanism } } }
       fragment S on Treatment { summary }`,
    );
    expect(fragments.treatment).toEqual({ summary: stored?.summaryFr, mechanism: stored?.mechanismFr });
  });
});
