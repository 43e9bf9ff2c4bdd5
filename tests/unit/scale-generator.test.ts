// The synthetic scale generator behind `npm run seed:scale`: deterministic, with the promised shape.
import { describe, expect, it } from 'vitest';
import { generateScaleData, prng } from '../../seed/scale.ts';

describe('generateScaleData', () => {
  describe('same N and seed value', () => {
    it('gives the same rows', () => {
      expect(generateScaleData(50, 7)).toEqual(generateScaleData(50, 7));
    });
  });

  describe('another seed value', () => {
    it('gives other names and links', () => {
      expect(generateScaleData(50, 7).get('treatment')).not.toEqual(
        generateScaleData(50, 8).get('treatment'),
      );
    });
  });

  describe('N = 1000', () => {
    const data = generateScaleData(1000);
    const count = (t: string) => data.get(t)?.length ?? 0;
    const links = [
      ['treatmentTechnique', 'techniqueId', 'technique'],
      ['treatmentActiveIngredient', 'activeIngredientId', 'activeIngredient'],
      ['treatmentIndication', 'indicationId', 'indication'],
      ['treatmentContraindication', 'contraindicationId', 'contraindication'],
      ['treatmentSideEffect', 'sideEffectId', 'sideEffect'],
      ['treatmentBodyArea', 'bodyAreaId', 'bodyArea'],
    ] as const;

    it('has N treatments and N/5 entries of each vocabulary kind', () => {
      expect(count('treatment')).toBe(1000);
      for (const [, , vocab] of links) expect(count(vocab)).toBe(200);
      expect(count('regulatoryStatus')).toBe(2000);
    });

    it('links every treatment to 3–8 distinct, existing entries of each kind', () => {
      for (const [link, fk, vocab] of links) {
        const perTreatment = new Map<number, number[]>();
        for (const row of data.get(link) ?? []) {
          const list = perTreatment.get(row.treatmentId as number) ?? [];
          list.push(row[fk] as number);
          perTreatment.set(row.treatmentId as number, list);
        }
        expect(perTreatment.size).toBe(1000);
        for (const targets of perTreatment.values()) {
          expect(targets.length).toBeGreaterThanOrEqual(3);
          expect(targets.length).toBeLessThanOrEqual(8);
          expect(new Set(targets).size).toBe(targets.length);
          for (const id of targets) expect(id).toBeLessThanOrEqual(count(vocab));
        }
      }
    });

    it('cites every link and every entity, citations written last', () => {
      const linkRows = links.reduce((n, [link]) => n + count(link), 0);
      expect(count('citation')).toBe(linkRows + 1000 + 6 * 200 + 2000 + 2000);
      expect([...data.keys()].at(-1)).toBe('citation');
      expect(new Set(data.get('citation')?.map((c) => c.key)).size).toBe(count('citation'));
    });
  });

  it('rejects a treatment count that is not a positive integer', () => {
    expect(() => generateScaleData(0)).toThrow(RangeError);
    expect(() => generateScaleData(2.5)).toThrow(RangeError);
  });
});

describe('prng', () => {
  it('repeats for a seed and stays in [0, 1)', () => {
    const a = prng(1);
    const b = prng(1);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });
});
