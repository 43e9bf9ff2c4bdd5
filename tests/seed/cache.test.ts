// The validated seed kept as JSON (seed/cache.ts): what it hands back is exactly what validating the
// YAML gives, an edited seed is validated again (so an invalid edit is never hidden behind an old
// cache), and a broken cache file is read past, not trusted.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeedCached, seedHash } from '../../seed/cache.ts';
import { defaultSeedDir } from '../../seed/load.ts';
import { readSeed, SeedValidationError } from '../../seed/validate.ts';
import { tempDirsForFile } from '../helpers/tmp.ts';

const tempDir = tempDirsForFile('seed-cache-');

function copyOfSeed(): string {
  const dir = tempDir();
  cpSync(defaultSeedDir, dir, { recursive: true });
  return dir;
}

const cached = (cacheDir: string) => readdirSync(cacheDir).filter((f) => f.endsWith('.json'));

describe('the seed cache', () => {
  it('hands back what validating the YAML gives, dates included, from the cache the second time', async () => {
    const cacheDir = tempDir();
    const fresh = readSeed(defaultSeedDir);
    const first = await readSeedCached(defaultSeedDir, cacheDir);
    expect(cached(cacheDir)).toEqual([`seed-${seedHash(defaultSeedDir)}.json`]);
    const second = await readSeedCached(defaultSeedDir, cacheDir);
    expect(first).toEqual(fresh);
    expect(second).toEqual(fresh);
    // Something in the seed has a date, so the comparison above covered reviving one.
    expect(second.sources.some((s) => s.lastUpdated instanceof Date)).toBe(true);
  });

  it('reads the cache, not the YAML, when the hash matches', async () => {
    const cacheDir = tempDir();
    await readSeedCached(defaultSeedDir, cacheDir);
    const file = join(cacheDir, `seed-${seedHash(defaultSeedDir)}.json`);
    const marked = JSON.parse(readFileSync(file, 'utf8'));
    marked.treatments[0].slug = 'read-from-the-cache';
    writeFileSync(file, JSON.stringify(marked));
    const data = await readSeedCached(defaultSeedDir, cacheDir);
    expect(data.treatments[0]?.slug).toBe('read-from-the-cache');
  });

  it('validates an edited seed again: an invalid edit is refused, a valid one replaces the old cache', async () => {
    const cacheDir = tempDir();
    const dir = copyOfSeed();
    await readSeedCached(dir, cacheDir);
    const before = cached(cacheDir);
    const file = join(dir, 'jurisdictions.yaml');
    const text = readFileSync(file, 'utf8');

    writeFileSync(file, `${text}\n- code: 12\n`);
    await expect(readSeedCached(dir, cacheDir)).rejects.toBeInstanceOf(SeedValidationError);
    expect(cached(cacheDir)).toEqual(before);

    writeFileSync(file, text.replace(/\n*$/, '\n# a comment changes the hash, not the data\n'));
    const data = await readSeedCached(dir, cacheDir);
    expect(data).toEqual(readSeed(dir));
    expect(cached(cacheDir)).toEqual([`seed-${seedHash(dir)}.json`]);
    expect(cached(cacheDir)).not.toEqual(before);
  });

  it('reads past a torn cache file and writes it again', async () => {
    const cacheDir = tempDir();
    await readSeedCached(defaultSeedDir, cacheDir);
    const file = join(cacheDir, `seed-${seedHash(defaultSeedDir)}.json`);
    writeFileSync(file, '{"sources": [');
    expect(await readSeedCached(defaultSeedDir, cacheDir)).toEqual(readSeed(defaultSeedDir));
    expect(JSON.parse(readFileSync(file, 'utf8')).treatments.length).toBeGreaterThan(0);
  });
});
