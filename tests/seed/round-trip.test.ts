// `--format seed` (seed/export.ts): the database written back as seed files reads as the committed
// seed, and after curation through the API loads into an empty database that gives the same
// answers, so curated changes can be reviewed and committed as seed data.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { exportSeed, writeSeedFiles } from '../../seed/export.ts';
import { defaultSeedDir, seedDatabase } from '../../seed/load.ts';
import type { SyncStats } from '../../seed/sync.ts';
import { readSeed } from '../../seed/validate.ts';
import { createDb, type Db, db } from '../../src/db.ts';
import { applyMigrations } from '../../src/migrations.ts';
import { data, gql, keyHeaders } from '../helpers/graphql.ts';
import { post, type Spawned, spawnServer } from '../helpers/server.ts';
import { tempDirsForFile } from '../helpers/tmp.ts';
import { dropPgDatabase, emptyDatabase } from '../setup/databases.ts';

const engine = inject('engine');
const tempDir = tempDirsForFile('seed-export-');

describe('exportSeed', () => {
  describe('of the seeded database', () => {
    it('reads back (seed/validate.ts) as exactly the committed seed', async () => {
      const dir = tempDir();
      const written = await writeSeedFiles(db, dir);
      expect(written).toMatchObject({ files: 19, removed: 0 });
      // Nothing to normalise: the database holds every value of the committed files, and no
      // committed citation repeats its link's severity (the one form the export cannot tell apart).
      expect(readSeed(dir)).toEqual(readSeed(defaultSeedDir));
    });

    it('writes the same bytes when run twice', async () => {
      const first = await exportSeed(db);
      expect(await exportSeed(db)).toEqual(first);
    });
  });

  describe('after curation through the API, loaded into an empty database', () => {
    const CLINIC = 'prp-vampire-lift-clinic';
    const name = `${inject('runId')}_roundtrip_${Date.now() % 100000}`;
    let dir: string;
    let exported: Map<string, string>;
    let url: string;
    let copy: Db;
    let stats: SyncStats;
    let server: Spawned;

    async function mutate(field: string, input: Record<string, unknown>, selection: string) {
      const type = `${field.charAt(0).toUpperCase()}${field.slice(1)}Input`;
      const answer = await data<Record<string, { errors: unknown[] }>>(
        `mutation($input: ${type}!) { ${field}(input: $input) { ${selection} errors { code message path } } }`,
        { input },
        await keyHeaders(`curator-${field}`, 'write'),
      );
      expect(answer[field]?.errors, field).toEqual([]);
    }
    const versionOf = async (query: string) =>
      Object.values(await data<Record<string, { version: number }>>(query))[0]?.version;

    beforeAll(async () => {
      await mutate(
        'createContraindication',
        {
          slug: 'photosensitising-drugs',
          name: { en: 'Photosensitising medication' },
          category: 'MEDICATION',
          citations: [{ source: CLINIC, section: '§18 Contre-indications' }],
        },
        'contraindication { slug }',
      );
      await mutate(
        'addTreatmentContraindication',
        {
          treatment: 'microneedling',
          contraindication: 'photosensitising-drugs',
          severity: 'ABSOLUTE',
          note: { en: 'Curated in English only.' },
          citations: [
            { source: CLINIC, section: '§18 Contre-indications' },
            {
              source: 'microneedling-prp-clinic',
              section: 'Accessibilité et sécurité',
              note: 'Milder wording',
              severity: 'PRECAUTION',
            },
          ],
        },
        'treatment { slug }',
      );
      await mutate(
        'updateTreatment',
        {
          slug: 'mesotherapy',
          version: await versionOf('{ treatment(slug: "mesotherapy") { version } }'),
          summary: { en: 'An English-only summary, curated.' },
        },
        'treatment { slug }',
      );
      await mutate(
        'addProtocolClaim',
        {
          treatment: 'microneedling',
          key: 'curated-interval',
          kind: 'INTERVAL',
          text: { en: 'Four weeks apart.' },
          min: 4,
          max: 4,
          unit: 'WEEK',
          citations: [{ source: 'microneedling-prp-clinic', section: 'Avantages du microneedling' }],
        },
        'treatment { slug }',
      );
      await mutate(
        'deleteBodyArea',
        {
          slug: 'hands',
          version: await versionOf('{ bodyArea(slug: "hands") { version } }'),
          cascade: true,
        },
        'deletedSlug',
      );

      dir = tempDir();
      await writeSeedFiles(db, dir);
      exported = await exportSeed(db);
      url = await emptyDatabase(engine, name);
      await applyMigrations(url);
      copy = createDb(url, 2);
      stats = await seedDatabase(copy, dir);
      server = await spawnServer({ DATABASE_URL: url });
    });

    afterAll(async () => {
      server?.kill();
      await server?.exited;
      await copy?.$disconnect();
      if (engine === 'postgresql') await dropPgDatabase(name);
      else rmSync(url.replace(/^file:/, ''), { force: true });
    });

    it('writes curated text in English only, and a citation severity only where it differs', () => {
      const file = (path: string) => readFileSync(join(dir, path), 'utf8');
      expect(file('vocabulary/contraindications.yaml')).toContain(
        '- slug: photosensitising-drugs\n  name: { en: "Photosensitising medication" }\n  category: MEDICATION\n',
      );
      expect(file('treatments/microneedling.yaml')).toContain(
        [
          '  - slug: photosensitising-drugs',
          '    severity: ABSOLUTE',
          '    note:',
          '      en: "Curated in English only."',
          '    citations:',
          `      - { source: ${CLINIC}, locator: "§18 Contre-indications" }`,
          '      - { source: microneedling-prp-clinic, locator: "Accessibilité et sécurité", note: "Milder wording", severity: PRECAUTION }',
        ].join('\n'),
      );
      expect(file('treatments/mesotherapy.yaml')).toContain(
        'summary:\n  en: "An English-only summary, curated."\n',
      );
      expect(file('vocabulary/body-areas.yaml')).not.toContain('hands');
    });

    it('loads into the empty database as new rows, with no curated conflict', () => {
      expect(stats.created).toBeGreaterThan(500);
      expect(stats).toMatchObject({ updated: 0, deleted: 0, conflicts: [] });
    });

    it('exports back from that database byte for byte', async () => {
      expect(await exportSeed(copy)).toEqual(exported);
    });

    it('answers a rich query exactly as the curated database does', async () => {
      const { treatments } = await data<{ treatments: { nodes: Array<{ slug: string }> } }>(
        '{ treatments(first: 100) { nodes { slug } } }',
      );
      expect(treatments.nodes.length).toBe(10);
      const queries: Array<[string, Record<string, unknown>]> = [
        ...LISTS.map((query): [string, Record<string, unknown>] => [query, {}]),
        ...treatments.nodes.map((t): [string, Record<string, unknown>] => [TREATMENT, { slug: t.slug }]),
      ];
      for (const [query, variables] of queries) {
        const here = await gql(query, variables);
        expect(here.errors, query).toBeUndefined();
        const there = await post(server.url, { query, variables });
        expect(there.body.data, query).toEqual(here.data);
      }
    });
  });
});

// Everything a client reads, minus ids, cursors, versions and timestamps (new rows in the copy).
const TEXT = 'fr en';
const CITATION = `fragment C on Citation { source { slug } locator note severity claimType claimSubject }`;
const LINK = `note(locale: EN) noteI18n { ${TEXT} } citations { ...C }`;

const TREATMENT = `${CITATION}
query($slug: String!) {
  treatment(slug: $slug) {
    slug name(locale: EN) nameLocale(locale: EN) nameI18n { ${TEXT} } summaryI18n { ${TEXT} }
    mechanismI18n { ${TEXT} } citations { ...C } aliases
    components(first: 100) { totalCount edges { node { slug } citations { ...C } } }
    combinableWith(first: 100) { totalCount edges { node { slug } ${LINK} } }
    techniques(first: 100) { edges { node { slug } ${LINK} } }
    activeIngredients(first: 100) { edges { node { slug } ${LINK} } }
    indications(first: 100) { edges { node { slug } ${LINK} } }
    contraindications(first: 100) { totalCount edges { severity node { slug } ${LINK} } }
    sideEffects(first: 100) {
      edges { node { slug } frequencyI18n { ${TEXT} } typicalDurationI18n { ${TEXT} } ${LINK} }
    }
    bodyAreas(first: 100) { edges { node { slug } ${LINK} } }
    protocol(first: 100) { nodes { key kind textI18n { ${TEXT} } min max unit citations { ...C } } }
    limitations(first: 100) { nodes { key textI18n { ${TEXT} } citations { ...C } } }
    settings(first: 100) { nodes { setting allowed textI18n { ${TEXT} } citations { ...C } } }
    anaesthesiaOptions(first: 100) { nodes { kind textI18n { ${TEXT} } citations { ...C } } }
    regulatoryStatuses(first: 100) {
      nodes {
        jurisdiction { code } status authority { slug } reasonI18n { ${TEXT} }
        settingRestrictionsI18n { ${TEXT} } citations { ...C }
      }
    }
  }
}`;

const VOCABULARY = `nodes { slug name(locale: EN) nameI18n { ${TEXT} } descriptionI18n { ${TEXT} } citations { ...C } }`;
/** One query per list: the cost limit (MAX_COST) counts every nested list of a page. */
const LISTS = [
  `techniques(first: 100) { totalCount ${VOCABULARY} }`,
  `activeIngredients(first: 100) { totalCount ${VOCABULARY} nodes { codes { system code display } } }`,
  `indications(first: 100, orderBy: { field: NAME }) { totalCount ${VOCABULARY} nodes { category codes { code } } }`,
  `contraindications(first: 100) { totalCount ${VOCABULARY} nodes { category codes { system code display } } }`,
  `sideEffects(first: 100) { totalCount ${VOCABULARY} nodes { codes { code } } }`,
  `bodyAreas(first: 100) { totalCount ${VOCABULARY} }`,
  `sources(first: 100) { nodes { slug title language kind fileName lastUpdated sections { locator position } } }
   jurisdictions(first: 100) { nodes { code nameI18n { ${TEXT} } } }
   authorities(first: 100) { nodes { slug acronym nameI18n { ${TEXT} } jurisdiction { code } citations { ...C } } }`,
  `contraindicationOverlaps(first: 50) {
    totalCount
    nodes {
      treatmentA { slug } treatmentB { slug } sharedCount jaccard severityWeight independentSharedCount
      sharedItems { contraindication { slug } sameSourceSection sides { treatment { slug } severity } }
    }
  }`,
  `screenTreatments(conditions: ["pregnancy", "photosensitising-drugs"], first: 100) {
    treatment { slug } contraindicated status worstSeverity documentedContraindications
    matches { contraindication { slug } severity citations { ...C } }
  }
  search(query: "photosensitising", first: 100) { __typename ... on Contraindication { slug } }
  treatments(first: 100, orderBy: { field: NAME }) { nodes { slug } }`,
].map((fields) => `${fields.includes('...C') ? CITATION : ''}\n{ ${fields} }`);
