// DATABASE_READ_URLS: reads go to the replicas, writes and transactions to DATABASE_URL. Proven
// with a "replica" whose data differs from the primary's, so the answer says where it was read.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createApiKey } from '../../src/auth/keys.ts';
import { createDb, sqlReader } from '../../src/db.ts';
import { withReadReplica } from '../../src/replicas.ts';
import { post, spawnServer } from '../helpers/server.ts';
import { createPgDatabase, dropPgDatabase } from '../setup/databases.ts';

describe.runIf(inject('engine') === 'postgresql')('read replicas', () => {
  it('serves reads from the replica and checks keys on it, while writes go to the primary', async () => {
    const suffix = randomBytes(3).toString('hex');
    const names = [`${inject('runId')}_primary_${suffix}`, `${inject('runId')}_replica_${suffix}`] as const;
    const [primary, replica] = await Promise.all(
      names.map((n) => createPgDatabase(n, inject('templateName'))),
    );
    const client = new pg.Client({ connectionString: replica });
    await client.connect();
    await client.query(`UPDATE "Technique" SET "nameFr" = 'Lu sur la réplique' WHERE slug = 'needle'`);
    await client.end();
    const child = await spawnServer({
      DATABASE_URL: primary as string,
      DATABASE_READ_URLS: replica as string,
    });
    const primaryDb = createDb(primary as string, 2);
    try {
      const answer = await post(child.url, { query: '{ technique(slug: "needle") { name } }' });
      expect(answer.body.data).toEqual({ technique: { name: 'Lu sur la réplique' } });

      // A key created on the primary only is unknown to the replica the server reads keys from.
      const { key } = await createApiKey(primaryDb, 'replica test', ['read']);
      expect(
        (await post(child.url, { query: '{ __typename }' }, { authorization: `Bearer ${key}` })).status,
      ).toBe(401);

      const ready = await fetch(`${child.url}/ready`);
      expect(ready.status).toBe(200);
    } finally {
      child.kill();
      await primaryDb.$disconnect();
      await Promise.all(names.map((n) => dropPgDatabase(n)));
    }
  });

  it('reads everything of one request, data version included, from one replica', async () => {
    const suffix = randomBytes(3).toString('hex');
    const names = ['primary', 'a', 'b'].map((n) => `${inject('runId')}_pin_${n}_${suffix}`);
    const [primary, a, b] = (await Promise.all(
      names.map((n) => createPgDatabase(n, inject('templateName'))),
    )) as [string, string, string];
    // Two replicas that lag differently: each says which it is in its data and its version.
    for (const [url, version, name] of [
      [a, 1000, 'A'],
      [b, 2000, 'B'],
    ] as const) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`UPDATE "DataVersion" SET "version" = ${version}`);
      await client.query(`UPDATE "Technique" SET "nameFr" = '${name}' WHERE slug = 'needle'`);
      await client.end();
    }
    const client = createDb(primary, 2, [a, b]);
    try {
      const seen = new Set<string>();
      for (let i = 0; i < 30; i++) {
        const [version, technique, raw] = await withReadReplica(() =>
          Promise.all([
            sqlReader(client)('SELECT "version" FROM "DataVersion"', []),
            client.technique.findUniqueOrThrow({ where: { slug: 'needle' } }),
            sqlReader(client)(`SELECT "nameFr" FROM "Technique" WHERE slug = 'needle'`, []),
          ]),
        );
        const pair = `${version[0]?.version}:${technique.nameFr}:${raw[0]?.nameFr}`;
        expect(['1000:A:A', '2000:B:B']).toContain(pair);
        seen.add(pair);
      }
      // Requests still spread over both replicas.
      expect(seen.size).toBe(2);
    } finally {
      await client.$disconnect();
      await Promise.all(names.map((n) => dropPgDatabase(n)));
    }
  });

  it('refuses replicas on SQLite, naming the variable', async () => {
    await expect(
      spawnServer({ DATABASE_URL: 'file:./tmp/never.db', DATABASE_READ_URLS: 'postgresql://x@127.0.0.1/y' }),
    ).rejects.toThrow(/DATABASE_READ_URLS: read replicas need a PostgreSQL DATABASE_URL/);
  });
});
