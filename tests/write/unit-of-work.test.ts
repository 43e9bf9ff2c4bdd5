// The write unit of work (src/write/unitOfWork.ts), on both engines: what one write changes besides
// its own rows (versions, updatedAt, search text, overlap pairs, change log, audit, data version),
// and that a failure after any of its steps leaves every table exactly as it was.
import { describe, expect, it } from 'vitest';
import { readDataVersion } from '../../src/cache/dataVersion.ts';
import { db } from '../../src/db.ts';
import {
  InjectedWriteFailure,
  type Row,
  type Writer,
  write,
  writeSteps,
} from '../../src/write/unitOfWork.ts';
import { dumpDatabase } from '../helpers/dump.ts';
import { data } from '../helpers/graphql.ts';

const one = async (w: Writer, model: string, where: object): Promise<Row> => {
  const [row] = await w.findMany(model, { where });
  if (!row) throw new Error(`no ${model} ${JSON.stringify(where)}`);
  return row;
};

const treatment = (slug: string) => db.treatment.findUniqueOrThrow({ where: { slug } });

/** A citation of a fact, to a section the seed declared. */
async function citation(
  w: Writer,
  column: string,
  ownerId: number,
  claimType: string,
  claimSubject: string,
): Promise<Row> {
  const section = await one(w, 'sourceSection', {});
  return {
    key: `${claimType}:${claimSubject}|test`,
    sourceId: section.sourceId as number,
    sectionId: section.id as number,
    claimType,
    claimSubject,
    [column]: ownerId,
  };
}

/** A change touching every step: a new cited link, a removed link, a renamed vocabulary entry, a new alias. */
async function mixedChange(w: Writer) {
  const prp = await one(w, 'treatment', { slug: 'prp-injection' });
  const meso = await one(w, 'treatment', { slug: 'mesotherapy' });
  const linked = new Set(
    (await w.findMany('treatmentContraindication', { where: { treatmentId: meso.id } })).map(
      (l) => l.contraindicationId,
    ),
  );
  const [unlinked] = await w.findMany('contraindication', {
    where: { id: { notIn: [...linked] as number[] } },
  });
  if (!unlinked) throw new Error('every contraindication is linked to mesotherapy');
  const [link] = await w.create('treatmentContraindication', [
    { treatmentId: meso.id as number, contraindicationId: unlinked.id as number, severity: 'PRECAUTION' },
  ]);
  await w.create('citation', [
    await citation(
      w,
      'treatmentContraindicationId',
      link?.id as number,
      'treatmentContraindication',
      'mesotherapy/x',
    ),
  ]);
  const [removed] = await w.findMany('treatmentContraindication', { where: { treatmentId: prp.id } });
  await w.remove(
    'citation',
    await w.findMany('citation', { where: { treatmentContraindicationId: removed?.id } }),
  );
  await w.remove('treatmentContraindication', [removed as Row]);
  const technique = await one(w, 'technique', { slug: 'derma-roller' });
  await w.update('technique', technique, { nameFr: 'Rouleau à micro-aiguilles' });
  await w.create('treatmentAlias', [
    { treatmentId: prp.id as number, value: 'plasma autologue', locale: 'FR' },
  ]);
}

describe('write(actor, change)', () => {
  it('makes a link change a change of its treatment: version, updatedAt, change log, audit', async () => {
    const before = await treatment('prp-injection');
    const versionBefore = await readDataVersion();
    const result = await write(db, 'curator', async (w) => {
      const prp = await one(w, 'treatment', { slug: 'prp-injection' });
      const link = await one(w, 'treatmentContraindication', { treatmentId: prp.id });
      await w.update('treatmentContraindication', link, {
        severity: link.severity === 'ABSOLUTE' ? 'RELATIVE' : 'ABSOLUTE',
      });
      return link.id;
    });
    const after = await treatment('prp-injection');
    expect(after.version).toBe(before.version + 1);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(result.dataVersion).toBe(versionBefore + 1);
    expect(await readDataVersion()).toBe(versionBefore + 1);
    expect(result.rows).toEqual({ created: 0, updated: 1, deleted: 0 });

    const changes = await db.changeLog.findMany({ where: { dataVersion: result.dataVersion as number } });
    expect(changes).toEqual([
      expect.objectContaining({
        actor: 'curator',
        operation: 'UPDATE',
        entity: 'Treatment',
        entityId: after.id,
        entityKey: 'prp-injection',
        version: after.version,
      }),
    ]);
    const [audit] = await db.auditLog.findMany({ where: { dataVersion: result.dataVersion as number } });
    expect(audit).toMatchObject({
      actor: 'curator',
      operation: 'UPDATE',
      model: 'TreatmentContraindication',
      recordId: result.value,
    });
    const [was, now] = [JSON.parse(audit?.before ?? '{}'), JSON.parse(audit?.after ?? '{}')];
    expect(was.severity).not.toBe(now.severity);
    expect(now.version).toBe(was.version + 1);

    const api = await data<{ treatment: { version: number } }>(
      '{ treatment(slug: "prp-injection") { version } }',
    );
    expect(api.treatment.version).toBe(after.version);
    // The treatment is what `updatedSince` finds.
    const found = await data<{ treatments: { nodes: Array<{ slug: string }> } }>(
      `{ treatments(filter: { updatedSince: "${before.updatedAt.toISOString()}" }, first: 50) { nodes { slug } } }`,
    );
    expect(found.treatments.nodes.map((n) => n.slug)).toContain('prp-injection');
  });

  it('writes nothing at all when the change changes nothing', async () => {
    const snapshot = await dumpDatabase(db);
    const result = await write(db, 'curator', async (w) => {
      await one(w, 'treatment', { slug: 'prp-injection' });
      return 'read only';
    });
    expect(result).toMatchObject({ value: 'read only', dataVersion: null, entities: 0 });
    expect(await dumpDatabase(db)).toEqual(snapshot);
  });

  it('recomputes the search text and sort keys of what it touched', async () => {
    await write(db, 'curator', async (w) => {
      const prp = await one(w, 'treatment', { slug: 'prp-injection' });
      await w.create('treatmentAlias', [
        { treatmentId: prp.id as number, value: 'Plasmathérapie', locale: 'FR' },
      ]);
      const technique = await one(w, 'technique', { slug: 'needle' });
      await w.update('technique', technique, { nameFr: 'Écouvillon' });
    });
    expect((await treatment('prp-injection')).searchText).toContain('plasmatherapie');
    const technique = await db.technique.findUniqueOrThrow({ where: { slug: 'needle' } });
    expect(technique.searchText).toContain('ecouvillon');
    expect(Buffer.from(technique.sortFr, 'hex').toString()).toBe('ecouvillon');
    const search = await data<{ treatments: { nodes: Array<{ slug: string }> } }>(
      '{ treatments(filter: { search: "plasmathérapie" }) { nodes { slug } } }',
    );
    expect(search.treatments.nodes.map((n) => n.slug)).toEqual(['prp-injection']);
  });

  it('logs a deleted entity as a delete, with the slug it had', async () => {
    const result = await write(db, 'curator', async (w) => {
      const area = await one(w, 'bodyArea', { slug: 'scalp' });
      const links = await w.findMany('treatmentBodyArea', { where: { bodyAreaId: area.id } });
      const owned = {
        OR: [{ bodyAreaId: area.id }, { treatmentBodyAreaId: { in: links.map((l) => l.id) } }],
      };
      await w.remove('citation', await w.findMany('citation', { where: owned }));
      await w.remove('treatmentBodyArea', links);
      await w.remove('bodyArea', [area]);
    });
    const changes = await db.changeLog.findMany({ where: { dataVersion: result.dataVersion as number } });
    expect(changes).toContainEqual(
      expect.objectContaining({ operation: 'DELETE', entity: 'BodyArea', entityKey: 'scalp' }),
    );
    // Its treatments lost a link: each is an update.
    expect(changes.filter((c) => c.entity === 'Treatment').every((c) => c.operation === 'UPDATE')).toBe(true);
    expect(changes.filter((c) => c.entity === 'Treatment').length).toBeGreaterThan(0);
  });

  describe('a failure injected after each step', () => {
    it.each(writeSteps)(
      'after %s leaves data, pairs, versions, change log and audit unchanged',
      async (step) => {
        const snapshot = await dumpDatabase(db);
        await expect(write(db, 'curator', mixedChange, { failAfter: step })).rejects.toBeInstanceOf(
          InjectedWriteFailure,
        );
        expect(await dumpDatabase(db)).toEqual(snapshot);
      },
    );

    it('and the same change without a failure does change all of them', async () => {
      const snapshot = await dumpDatabase(db);
      const result = await write(db, 'curator', mixedChange);
      const now = await dumpDatabase(db);
      for (const table of [
        'TreatmentContraindication',
        'Citation',
        'ContraindicationOverlap',
        'ChangeLog',
        'AuditLog',
        'DataVersion',
        'Treatment',
        'Technique',
      ]) {
        expect(now[table], table).not.toEqual(snapshot[table]);
      }
      expect(result.rows).toEqual({ created: 3, updated: 1, deleted: 2 });
    });
  });
});
