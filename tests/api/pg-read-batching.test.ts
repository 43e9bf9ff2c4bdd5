// The PostgreSQL reader sends the statements asked for in one turn of the event loop as one
// multi-statement round trip (src/readers.ts). Each statement must still get exactly its own rows,
// a failing one its own error, and text a client typed must never be written into SQL.
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { pgReader } from '../../src/pgReaders.ts';
import type { Reader } from '../../src/readers.ts';

describe.skipIf(inject('engine') !== 'postgresql')('PostgreSQL read batching', () => {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  const sent: string[] = [];
  const query = pool.query.bind(pool) as (config: { text: string }) => Promise<unknown>;
  (pool as unknown as { query: typeof query }).query = (config) => {
    sent.push(config.text);
    return query(config);
  };
  const read: Reader = pgReader(pool);
  afterAll(() => pool.end());

  it('answers each statement of one turn with its own rows, in one round trip', async () => {
    sent.length = 0;
    const [few, one, none] = await Promise.all([
      read('SELECT id, slug FROM "Treatment" WHERE id <= ? ORDER BY id LIMIT ?', [3, 2]),
      read('SELECT id FROM "Treatment" WHERE id = ?', [1]),
      read('SELECT id FROM "Treatment" WHERE id = ? OR id IS ?', [-1, null]),
    ]);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('LIMIT 2');
    expect(few?.map((r) => r.id)).toEqual([1, 2]);
    expect(typeof few?.[0]?.slug).toBe('string');
    expect(one).toEqual([{ id: 1 }]);
    expect(none).toEqual([]);
    // The same statements alone, with bound parameters, give the same rows.
    const alone = await read('SELECT id, slug FROM "Treatment" WHERE id <= ? ORDER BY id LIMIT ?', [3, 2]);
    expect(alone).toEqual(few);
  });

  it('binds text parameters instead of writing them into SQL', async () => {
    sent.length = 0;
    const hostile = `x'; DROP TABLE "Treatment"; --`;
    const [rows, count] = await Promise.all([
      read('SELECT id FROM "Treatment" WHERE slug = ?', [hostile]),
      read('SELECT COUNT(*)::int AS n FROM "Treatment" WHERE id > ?', [0]),
    ]);
    expect(rows).toEqual([]);
    expect(Number(count?.[0]?.n)).toBeGreaterThan(0);
    expect(sent.some((text) => text.includes(hostile))).toBe(false);
    expect(sent.find((text) => text.includes('slug = $1'))).toBeDefined();
  });

  it('gives a failing statement its own error and the others their rows', async () => {
    const results = await Promise.allSettled([
      read('SELECT id FROM "Treatment" WHERE id = ?', [2]),
      read('SELECT id FROM "NoSuchTable" WHERE id = ?', [1]),
      read('SELECT id FROM "Treatment" WHERE id = ?', [3]),
    ]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: [{ id: 2 }] });
    expect(results[1]?.status).toBe('rejected');
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/NoSuchTable/);
    expect(results[2]).toEqual({ status: 'fulfilled', value: [{ id: 3 }] });
  });
});
