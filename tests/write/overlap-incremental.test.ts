// Property: after any sequence of writes through the unit of work, the incrementally maintained
// contraindication pair table (counts, Jaccard index, severity weight, independently stated shared
// items) equals what the links and citations give. Random but reproducible edits (seeded PRNG):
// links added with a citation and removed, severities changed, treatments created with links,
// several treatments touched in one write, on both engines.
import { describe, expect, it } from 'vitest';
import { prng } from '../../seed/scale.ts';
import { db } from '../../src/db.ts';
import { type Row, type Writer, write } from '../../src/write/unitOfWork.ts';
import { livePairs, storedPairs } from '../helpers/overlaps.ts';

const ROUNDS = 30;

async function randomEdit(w: Writer, random: () => number, round: number): Promise<string[]> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const treatments = await w.findMany('treatment', {});
  const contraindications = await w.findMany('contraindication', {});
  const sections = await w.findMany('sourceSection', {});
  const severity = () => pick(['ABSOLUTE', 'RELATIVE', 'PRECAUTION'] as const);
  const done: string[] = [];
  const operations = 1 + Math.floor(random() * 4);
  for (let i = 0; i < operations; i++) {
    const links = await w.findMany('treatmentContraindication', {});
    const roll = random();
    if (roll < 0.45) {
      const t = pick(treatments);
      const linked = new Set(links.filter((l) => l.treatmentId === t.id).map((l) => l.contraindicationId));
      const free = contraindications.filter((c) => !linked.has(c.id));
      if (free.length === 0) continue;
      const [link] = await w.create('treatmentContraindication', [
        { treatmentId: t.id as number, contraindicationId: pick(free).id as number, severity: severity() },
      ]);
      const section = pick(sections);
      await w.create('citation', [
        {
          key: `property-${round}-${i}-${link?.id}`,
          sourceId: section.sourceId as number,
          sectionId: section.id as number,
          claimType: 'contraindication',
          claimSubject: 'property',
          treatmentContraindicationId: link?.id as number,
        },
      ]);
      done.push(`link ${t.slug}`);
    } else if (roll < 0.6) {
      if (links.length === 0) continue;
      const link = pick(links);
      await w.update('treatmentContraindication', link, { severity: severity() });
      done.push(`severity ${link.treatmentId}`);
    } else if (roll < 0.9) {
      if (links.length === 0) continue;
      const link = pick(links);
      await w.remove(
        'citation',
        await w.findMany('citation', { where: { treatmentContraindicationId: link.id } }),
      );
      await w.remove('treatmentContraindication', [link]);
      done.push(`unlink ${link.treatmentId}`);
    } else {
      const slug = `property-${round}-${i}`;
      const [created] = await w.create('treatment', [
        { slug, nameFr: `Propriété ${round}`, summaryFr: 'Test.' },
      ]);
      const chosen = new Set<Row>();
      const count = 1 + Math.floor(random() * 4);
      while (chosen.size < Math.min(count, contraindications.length)) chosen.add(pick(contraindications));
      await w.create(
        'treatmentContraindication',
        [...chosen].map((c) => ({
          treatmentId: created?.id as number,
          contraindicationId: c.id as number,
          severity: 'ABSOLUTE',
        })),
      );
      done.push(`create ${slug}`);
    }
  }
  return done;
}

describe('incremental contraindication pairs', () => {
  it(`equal a full rebuild after each of ${ROUNDS} random writes`, async () => {
    const random = prng(20261124);
    let edits = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const { value } = await write(db, 'property', (w) => randomEdit(w, random, round));
      edits += value.length;
      expect(await storedPairs(), `round ${round}: ${value.join(', ')}`).toEqual(await livePairs());
    }
    // The sequence really exercised the table: pairs exist, many edits happened, and the new sums
    // took more than one value.
    expect(edits).toBeGreaterThan(ROUNDS);
    const pairs = await storedPairs();
    expect(pairs.length).toBeGreaterThan(0);
    expect(new Set(pairs.map((p) => p.severityWeight / p.shared)).size).toBeGreaterThan(1);
    expect(pairs.some((p) => p.independentShared > 0)).toBe(true);
    expect(pairs.some((p) => p.independentShared < p.shared)).toBe(true);
  });
});
