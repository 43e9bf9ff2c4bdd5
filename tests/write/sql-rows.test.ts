// The unit of work writes and reads rows with plain SQL (src/write/sqlRows.ts) instead of Prisma's
// model queries. On both engines: what it returns and stores is what Prisma would have (types,
// column order, defaults, instants), plain filters find what Prisma finds, and what Prisma would
// have refused on the client (an unknown column, a value outside an enum) is refused before
// anything is written.
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { delegate } from '../../src/write/rows.ts';
import { type Row, type Writer, write } from '../../src/write/unitOfWork.ts';
import { dumpDatabase } from '../helpers/dump.ts';

const one = async (w: Writer, model: string, where: object): Promise<Row> => {
  const [row] = await w.findMany(model, { where });
  if (!row) throw new Error(`no ${model} ${JSON.stringify(where)}`);
  return row;
};

const byId = (rows: Row[]) => [...rows].sort((a, b) => (a.id as number) - (b.id as number));

/** How an instant is stored, as text: the format must be Prisma's, or ordering by it breaks. */
async function storedInstant(model: string, id: number): Promise<string> {
  const [row] = await db.$queryRawUnsafe<Array<{ at: string }>>(
    `SELECT CAST("updatedAt" AS TEXT) AS "at" FROM "${model}" WHERE "id" = ${Number(id)}`,
  );
  return String(row?.at);
}

describe('rows written through the unit of work', () => {
  it('come back as Prisma reads them: types, column order, database defaults, instants', async () => {
    const started = Date.now();
    const { value } = await write(db, 'curator', async (w) => {
      const prp = await one(w, 'treatment', { slug: 'prp-injection' });
      // A boolean, an enum, a nullable column left out, and instants left to the writer.
      const [setting] = await w.create('treatmentSetting', [
        {
          treatmentId: prp.id as number,
          key: 'sql-rows-test',
          setting: 'OFFICE',
          allowed: false,
          textFr: 'Test',
        },
      ]);
      // Sort keys and version come from database defaults, the search text from the unit of work.
      const [jurisdiction] = await w.create('jurisdiction', [{ code: 'ZZ', nameFr: 'Zedland' }]);
      return { setting: setting as Row, jurisdiction: jurisdiction as Row };
    });
    const setting = await db.treatmentSetting.findUniqueOrThrow({
      where: { id: value.setting.id as number },
    });
    expect(value.setting).toEqual(setting);
    expect(Object.keys(value.setting)).toEqual(Object.keys(setting));
    expect(setting).toMatchObject({ allowed: false, setting: 'OFFICE', textEn: null, version: 1 });
    expect(setting.createdAt).toBeInstanceOf(Date);
    expect(setting.updatedAt.getTime()).toBeGreaterThanOrEqual(started - 1);
    expect(setting.createdAt.getTime()).toBe(setting.updatedAt.getTime());
    const jurisdiction = await db.jurisdiction.findUniqueOrThrow({ where: { code: 'ZZ' } });
    expect(value.jurisdiction).toEqual(jurisdiction);

    // Stored as Prisma stores an instant it writes itself (an API key's, here).
    const key = await db.apiKey.create({
      data: { name: 'format', prefix: 'p', hash: 'sql-rows', scopes: '' },
    });
    const shape = (text: string) => text.replace(/\d/g, '9');
    expect(shape(await storedInstant('TreatmentSetting', setting.id))).toBe(
      shape(await storedInstant('ApiKey', key.id)),
    );
    await db.apiKey.delete({ where: { id: key.id } });
  });

  it('are updated with version + 1 and a new updatedAt, and returned as Prisma reads them', async () => {
    // A fact, not an entity: nothing derived rewrites it after the update (its treatment is bumped).
    const [before] = await db.limitation.findMany({ take: 1, orderBy: { id: 'asc' } });
    if (!before) throw new Error('the seed has no limitation');
    const { value } = await write(db, 'curator', async (w) =>
      w.update('limitation', await one(w, 'limitation', { id: before.id }), { textEn: 'Updated in English' }),
    );
    const after = await db.limitation.findUniqueOrThrow({ where: { id: before.id } });
    expect(value).toEqual(after);
    expect(Object.keys(value)).toEqual(Object.keys(after));
    expect(after).toMatchObject({
      textEn: 'Updated in English',
      textFr: before.textFr,
      version: before.version + 1,
      createdAt: before.createdAt,
    });
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
  });

  it('are refused, and nothing written, for an unknown column or a value outside an enum', async () => {
    const snapshot = await dumpDatabase(db);
    const attempt = (row: Row) =>
      write(db, 'curator', async (w) => {
        const prp = await one(w, 'treatment', { slug: 'prp-injection' });
        await w.create('limitation', [{ treatmentId: prp.id as number, key: 'first', textFr: 'ok' }]);
        await w.create('treatmentSetting', [
          { treatmentId: prp.id as number, key: 'x', textFr: 'x', ...row },
        ]);
      });
    await expect(attempt({ setting: 'GARDEN', allowed: true })).rejects.toThrow(
      'TreatmentSetting.setting: "GARDEN" is not a CareSetting',
    );
    await expect(attempt({ setting: 'OFFICE', allowed: true, colour: 'blue' })).rejects.toThrow(
      'TreatmentSetting has no column colour',
    );
    await expect(
      write(db, 'curator', async (w) =>
        w.update('technique', await one(w, 'technique', { slug: 'derma-roller' }), { flavour: 'x' }),
      ),
    ).rejects.toThrow('Technique has no column flavour');
    expect(await dumpDatabase(db)).toEqual(snapshot);
  });
});

describe('plain filters read through the unit of work', () => {
  it('find what Prisma finds: equality, null, lists, several columns, a selection', async () => {
    const prp = await db.treatment.findUniqueOrThrow({ where: { slug: 'prp-injection' } });
    const citations = await db.citation.findMany({ take: 3, orderBy: { id: 'asc' } });
    const filters: Array<{ model: string; where: Record<string, unknown>; select?: Record<string, true> }> = [
      { model: 'treatmentContraindication', where: { treatmentId: prp.id } },
      { model: 'citation', where: { note: null, treatmentId: prp.id } },
      { model: 'citation', where: { id: { in: citations.map((c) => c.id) } } },
      { model: 'citation', where: { id: { in: [] } } },
      { model: 'treatmentContraindication', where: { severity: 'ABSOLUTE' } },
      { model: 'treatment', where: { slug: 'prp-injection' }, select: { id: true, version: true } },
      { model: 'treatmentSetting', where: { allowed: true } },
      // Not a plain filter: handed to Prisma.
      { model: 'citation', where: { id: { notIn: citations.map((c) => c.id) }, treatmentId: prp.id } },
    ];
    await write(db, 'curator', async (w) => {
      for (const { model, where, select } of filters) {
        const ours = await w.findMany(model, { where, ...(select ? { select } : {}) });
        const prisma = await delegate(w.tx, model).findMany({ where, ...(select ? { select } : {}) });
        expect(byId(ours), `${model} ${JSON.stringify(where)}`).toEqual(byId(prisma));
      }
      // Something matched, so the comparison above compared rows.
      expect(
        (await w.findMany('treatmentContraindication', { where: { treatmentId: prp.id } })).length,
      ).toBeGreaterThan(0);
    });
  });
});
