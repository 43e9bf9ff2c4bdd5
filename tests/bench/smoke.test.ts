// `npm run bench` end to end with a tiny base and 1-second runs: every operation gets a row with
// numbers for both servers, and the API answers exactly like the floor and, on PostgreSQL when it
// is installed (`npm --prefix bench/postgraphile ci`, as CI does), like PostGraphile. Not a
// timing test.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';

const engine = inject('engine');

describe('npm run bench', () => {
  it(`prints and saves a row per operation on ${engine}, same answers as the floor`, async () => {
    const out = mkdtempSync(join(tmpdir(), 'bench-'));
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          '--import',
          'tsx',
          'bench/run.ts',
          '--treatments',
          '25',
          '--duration',
          '1',
          '--warmup',
          '0',
          '--engines',
          engine,
          '--out',
          out,
        ],
        { timeout: 120_000, maxBuffer: 10_000_000 },
      );
      const operations = ['cms-pull', 'app-detail', 'analyst-overlaps', 'reverse-connection', 'search'];
      for (const op of operations) {
        expect(stdout).toMatch(
          new RegExp(`\\| ${engine} \\| 25 \\| ${op} \\| \\d+ \\| \\d+ \\| \\d+ % \\|.*\\| yes / `),
        );
      }
      expect(stdout).toMatch(/Cold start .*: \d+ ms/);
      const [file] = readdirSync(out);
      const report = JSON.parse(readFileSync(join(out, file as string), 'utf8'));
      expect(report.rows).toHaveLength(operations.length);
      const peer = engine === 'postgresql' && existsSync('bench/postgraphile/node_modules/postgraphile');
      const peerOperations = report.rows.filter((r: { peer?: unknown }) => r.peer);
      expect(peerOperations.map((r: { operation: string }) => r.operation)).toEqual(
        peer ? ['cms-pull', 'app-detail', 'reverse-connection'] : [],
      );
      for (const row of peerOperations) {
        expect(row.samePeerAnswer).toBe(true);
        expect(row.peer.reqPerSec).toBeGreaterThanOrEqual(0);
      }
      expect(report.rss[0].apiIdleMb).toBeGreaterThan(0);
      for (const row of report.rows) {
        // Throughput itself is for `npm run bench`; a 1-second run under a loaded test machine may
        // finish no API request, so only the floor must show some, and the API must have answered.
        expect(row.api.reqPerSec).toBeGreaterThanOrEqual(0);
        expect(row.floor.reqPerSec).toBeGreaterThan(0);
        expect(row.api.statements).toBeGreaterThan(0);
        expect(row.floor.statements).toBeGreaterThan(0);
        expect(row.sameAnswer).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);
});
