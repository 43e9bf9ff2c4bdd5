// Before each test file imports src/db.ts: point DATABASE_URL at a fresh copy of the seeded
// template, so every file starts from the same known data. Dropped again after the file.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, inject } from 'vitest';
import { createPgDatabase, dropPgDatabase, sqliteCopy } from './databases.ts';

const engine = inject('engine');
const name = `${inject('runId')}_${randomBytes(4).toString('hex')}`;
const url =
  engine === 'postgresql'
    ? await createPgDatabase(name, inject('templateName'))
    : sqliteCopy(inject('templateUrl').replace(/^file:/, ''), name);
process.env.DATABASE_URL = url;

afterAll(async () => {
  const { db } = await import('../../src/db.ts');
  await db.$disconnect();
  if (engine === 'postgresql') await dropPgDatabase(name);
  else rmSync(url.replace(/^file:/, ''), { force: true });
});
