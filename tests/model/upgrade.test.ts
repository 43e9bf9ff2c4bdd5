// A database made by the release before the write model (no sections, no stored claims, no
// versions, no sort keys) is upgraded by what `npm start` and `npm run db:migrate` run: the
// migration moves its data, the backfill fills what SQL cannot compute, and the seed then loads.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDatabase } from '../../seed/load.ts';
import { createDb, type Db } from '../../src/db.ts';
import { applyMigrations, migrationNames } from '../../src/migrations.ts';
import { backfillAfterMigrating } from '../../src/write/backfill.ts';
import { sortKey } from '../../src/write/derived.ts';
import { dropPgDatabase, emptyDatabase } from '../setup/databases.ts';

const engine = inject('engine');
const name = `${inject('runId')}_upgrade_${Date.now() % 100000}`;
const names = migrationNames(engine);
const previousRelease = names[names.findIndex((n) => n.endsWith('_write_model')) - 1] as string;
const stamp = engine === 'postgresql' ? `'2026-01-01 00:00:00'` : `'2026-01-01T00:00:00.000+00:00'`;

let url: string;
let db: Db;

beforeAll(async () => {
  url = await emptyDatabase(engine, name);
  await applyMigrations(url, { upTo: previousRelease });
  db = createDb(url, 2);
  // Rows as the previous release's seed loader wrote them: a citation held its locator.
  for (const sql of [
    `INSERT INTO "Source" ("id", "slug", "title", "language", "kind", "fileName", "updatedAt")
     VALUES (1, 'old-source', 'Old', 'fr', 'ARTICLE', 'old.txt', ${stamp})`,
    `INSERT INTO "Treatment" ("id", "slug", "nameFr", "summaryFr", "searchText", "updatedAt")
     VALUES (1, 'old-treatment', 'Électroporation', 'Ancien.', 'electroporation', ${stamp})`,
    `INSERT INTO "Citation" ("id", "key", "sourceId", "locator", "treatmentId", "updatedAt")
     VALUES (1, 'treatment:old-treatment|old-source|§2 Technique', 1, '§2 Technique', 1, ${stamp}),
            (2, 'treatment:old-treatment|old-source|§1 Définition', 1, '§1 Définition', 1, ${stamp})`,
  ]) {
    await db.$executeRawUnsafe(sql);
  }
  // Explicit ids leave PostgreSQL's sequences behind; move them past the rows.
  if (engine === 'postgresql') {
    for (const table of ['Source', 'Treatment', 'Citation']) {
      await db.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), 10)`);
    }
  }
  // What `npm start` and `npm run db:migrate` run, before the server opens its connections.
  await db.$disconnect();
  const applied = await applyMigrations(url);
  db = createDb(url, 2);
  expect(applied).toEqual(names.slice(names.indexOf(previousRelease) + 1));
  expect(await backfillAfterMigrating(db, applied, names[0] as string)).toBe(1);
});

afterAll(async () => {
  await db.$disconnect();
  if (engine === 'postgresql') await dropPgDatabase(name);
});

describe('upgrading a database from the previous release', () => {
  it('gives every cited locator a section and every citation its section', async () => {
    const sections = await db.sourceSection.findMany({ orderBy: { position: 'asc' } });
    expect(sections.map((s) => [s.sourceId, s.locator, s.position])).toEqual([
      [1, '§1 Définition', 1],
      [1, '§2 Technique', 2],
    ]);
    const citations = await db.citation.findMany({ include: { section: true }, orderBy: { id: 'asc' } });
    expect(citations.map((c) => c.section.locator)).toEqual(['§2 Technique', '§1 Définition']);
  });

  it('stores the claim each citation supports, from its old key', async () => {
    const citations = await db.citation.findMany({ orderBy: { id: 'asc' } });
    expect(citations.map((c) => [c.claimType, c.claimSubject])).toEqual([
      ['treatment', 'old-treatment'],
      ['treatment', 'old-treatment'],
    ]);
  });

  it('starts every row at version 1 and fills the sort keys', async () => {
    const treatment = await db.treatment.findUniqueOrThrow({ where: { slug: 'old-treatment' } });
    expect(treatment.version).toBe(1);
    expect(treatment.sortFr).toBe(sortKey('Électroporation'));
    expect(treatment.sortEn).toBe(sortKey('Électroporation'));
    // The backfill is not a change: the row's timestamp is the one it had.
    expect(treatment.updatedAt.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('then takes the seed, which replaces the old rows through the unit of work', async () => {
    const stats = await seedDatabase(db);
    expect(stats.created).toBeGreaterThan(100);
    expect(await db.treatment.count({ where: { slug: 'old-treatment' } })).toBe(0);
    expect(await db.changeLog.count({ where: { entityKey: 'old-treatment', operation: 'DELETE' } })).toBe(1);
    expect(await db.treatment.count({ where: { sortFr: '' } })).toBe(0);
  });
});
