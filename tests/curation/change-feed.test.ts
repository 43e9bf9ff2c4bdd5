// A CMS mirrors the knowledge through the change feed, on both engines: a full sync, then curators'
// mutations and a re-seed with an edited file, then a delta sync that sees exactly those changes
// (deletes as tombstones) and converges to what a fresh full sync gives. The re-seed leaves what
// curators changed alone and reports it; a re-seed of the same files writes nothing.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSeedDir, seedDatabase } from '../../seed/load.ts';
import { readDataVersion } from '../../src/cache/dataVersion.ts';
import { db } from '../../src/db.ts';
import { data, gql, keyHeaders } from '../helpers/graphql.ts';

interface Entry {
  seq: number | null;
  operation: 'CREATE' | 'UPDATE' | 'DELETE' | 'RESET';
  kind: string;
  slug: string;
  version: number;
  node: { version?: number } | null;
}
interface Feed {
  changes: { changes: Entry[]; cursor: string; hasMore: boolean; fullSync: boolean };
}

const FEED = `query($after: String, $first: Int) { changes(after: $after, first: $first) {
  cursor hasMore fullSync
  changes { seq operation kind slug version node { id ... on Treatment { version } ... on Contraindication { version } } }
} }`;

/** A mirror as a CMS keeps it: entity → version, plus the cursor to resume from. */
class Mirror {
  entities = new Map<string, number>();
  cursor: string | null = null;
  seen: Entry[] = [];

  async sync(pageSize = 7): Promise<void> {
    for (;;) {
      const { changes } = await data<Feed>(FEED, { after: this.cursor, first: pageSize });
      for (const c of changes.changes) {
        this.seen.push(c);
        const id = `${c.kind}:${c.slug}`;
        if (c.operation === 'DELETE') this.entities.delete(id);
        else if ((this.entities.get(id) ?? 0) <= c.version) this.entities.set(id, c.version);
      }
      this.cursor = changes.cursor;
      if (!changes.hasMore) return;
    }
  }
}

let curator: Record<string, string>;
let seedDir: string;
beforeAll(async () => {
  curator = await keyHeaders('curator-feed', 'write');
  seedDir = mkdtempSync(join(tmpdir(), 'seed-'));
  cpSync(defaultSeedDir, seedDir, { recursive: true });
});
afterAll(() => rmSync(seedDir, { recursive: true, force: true }));

async function mutate(query: string) {
  const answer = await gql<Record<string, { errors: unknown[] }>>(query, {}, curator);
  expect(answer.errors).toBeUndefined();
  for (const payload of Object.values(answer.data ?? {})) expect(payload.errors).toEqual([]);
}

const version = async (field: string, slug: string) =>
  (await data<Record<string, { version: number }>>(`{ ${field}(slug: "${slug}") { version } }`))[field]
    ?.version;

async function entityCount(): Promise<number> {
  const counts = await Promise.all([
    db.treatment.count(),
    db.technique.count(),
    db.activeIngredient.count(),
    db.indication.count(),
    db.contraindication.count(),
    db.sideEffect.count(),
    db.bodyArea.count(),
    db.source.count(),
    db.jurisdiction.count(),
    db.authority.count(),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}

describe('changes', () => {
  it('a full sync, mutations and a re-seed, then a delta sync that converges', async () => {
    const cms = new Mirror();
    await cms.sync();
    expect(cms.seen.every((c) => c.operation === 'CREATE' && c.seq === null)).toBe(true);
    expect(cms.entities.size).toBe(await entityCount());
    expect(cms.entities.get('Treatment:prp-injection')).toBe(await version('treatment', 'prp-injection'));
    cms.seen = [];

    // Nothing changed: a delta sync is empty.
    await cms.sync();
    expect(cms.seen).toEqual([]);

    // Curators: update a treatment, create a contraindication and link it, delete a treatment that
    // two others are combinable with (cascade).
    const meso = await version('treatment', 'mesotherapy');
    await mutate(
      `mutation { updateTreatment(input: { slug: "mesotherapy", version: ${meso}, summary: { fr: "Injections superficielles." } }) { errors { code } } }`,
    );
    const cite = '{ source: "prp-vampire-lift-clinic", section: "§18 Contre-indications" }';
    await mutate(
      `mutation { createContraindication(input: { slug: "keloids", name: { fr: "Chéloïdes", en: "Keloids" }, category: DERMATOLOGICAL, citations: [${cite}] }) { errors { code } } }`,
    );
    await mutate(
      `mutation { addTreatmentContraindication(input: { treatment: "microfilling", contraindication: "keloids", severity: PRECAUTION, citations: [${cite}] }) { errors { code } } }`,
    );
    const led = await version('treatment', 'led-photobiomodulation');
    await mutate(
      `mutation { deleteTreatment(input: { slug: "led-photobiomodulation", version: ${led}, cascade: true }) { errors { code } } }`,
    );

    // The seed changes a technique and a treatment nobody curated, and still holds what curators
    // changed: those are left alone and reported.
    const techniques = join(seedDir, 'vocabulary', 'techniques.yaml');
    writeFileSync(techniques, readFileSync(techniques, 'utf8').replace('en: "Needle"', 'en: "Fine needle"'));
    const micro = join(seedDir, 'treatments', 'microneedling.yaml');
    writeFileSync(micro, readFileSync(micro, 'utf8').replace('fr: "Microneedling"', 'fr: "Micro-needling"'));
    const stats = await seedDatabase(db, seedDir);
    // led-photobiomodulation: deleted by a curator, not recreated; mesotherapy: its summary;
    // microfilling: its curated link, which the seed does not hold. The curators' new
    // contraindication is no conflict: the seed never knew it.
    expect(stats.conflicts).toEqual([
      'Treatment:led-photobiomodulation',
      'Treatment:mesotherapy',
      'Treatment:microfilling',
    ]);
    expect(stats.updated).toBe(2);
    expect(await db.treatment.count({ where: { slug: 'led-photobiomodulation' } })).toBe(0);
    expect((await db.treatment.findUniqueOrThrow({ where: { slug: 'mesotherapy' } })).summaryFr).toBe(
      'Injections superficielles.',
    );
    expect(await db.contraindication.count({ where: { slug: 'keloids' } })).toBe(1);

    // Re-seeding the same files changes nothing at all.
    const dataVersion = await readDataVersion();
    const again = await seedDatabase(db, seedDir);
    expect([again.created, again.updated, again.deleted]).toEqual([0, 0, 0]);
    expect(await readDataVersion()).toBe(dataVersion);

    await cms.sync(4);
    const seen = cms.seen.map((c) => `${c.operation} ${c.kind}:${c.slug}`);
    expect(new Set(seen)).toEqual(
      new Set([
        'UPDATE Treatment:mesotherapy', // its summary, then its combination with the deleted treatment
        'CREATE Contraindication:keloids',
        'UPDATE Treatment:microfilling',
        'DELETE Treatment:led-photobiomodulation',
        'UPDATE Treatment:prp-injection', // its combination with the deleted treatment
        'UPDATE Technique:needle',
        'UPDATE Treatment:microneedling',
      ]),
    );
    const seqs = cms.seen.map((c) => c.seq as number);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const tombstone = cms.seen.find((c) => c.operation === 'DELETE');
    expect(tombstone?.node).toBeNull();

    // The mirror now holds what a fresh full sync gives.
    const fresh = new Mirror();
    await fresh.sync(50);
    expect(cms.entities).toEqual(fresh.entities);
  });

  it('refuses a cursor it did not issue, and a page over 500', async () => {
    const bad = await gql(FEED, { after: 'bm9wZQ', first: 10 });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/not a cursor of `changes`/);
    const big = await gql(FEED, { first: 501 });
    expect(big.errors?.[0]?.extensions?.code).toBe('PAGE_SIZE_EXCEEDED');
  });
});
