// A SQLite client's $disconnect closes every handle it holds on the file, the plain-SQL reader's
// read-only handle included (it used to stay open until the process ended), and a read after it
// opens the file again.
import { randomBytes } from 'node:crypto';
import { readdirSync, readlinkSync, rmSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { createDb, loadEngine, sqlReader } from '../../src/db.ts';
import { sqliteCopy } from '../setup/databases.ts';

/** How many of this process's file descriptors point at `file`. */
const openHandles = (file: string) =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false; // closed while we looked
    }
  }).length;

describe.skipIf(inject('engine') !== 'sqlite')('a SQLite client', () => {
  it('closes the reader with the client on $disconnect, and a later read opens it again', async () => {
    const url = sqliteCopy(
      inject('templateUrl').replace(/^file:/, ''),
      `${inject('runId')}-disconnect-${randomBytes(3).toString('hex')}`,
    );
    const file = url.slice('file:'.length);
    try {
      await loadEngine('sqlite');
      const client = createDb(url);
      const count = 'SELECT COUNT(*) AS n FROM "Treatment"';
      const [before] = await sqlReader(client)(count, []);
      expect(Number(before?.n)).toBeGreaterThan(0);
      await client.treatment.count();
      expect(openHandles(file)).toBe(2); // the adapter's handle and the reader's

      await client.$disconnect();
      expect(openHandles(file)).toBe(0);

      const [after] = await sqlReader(client)(count, []);
      expect(after?.n).toEqual(before?.n);
      await client.$disconnect();
      expect(openHandles(file)).toBe(0);
    } finally {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    }
  });
});
