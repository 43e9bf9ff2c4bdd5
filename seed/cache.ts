// The validated seed kept as JSON, keyed by a hash of the seed's files and of the validator's own
// source: reading and validating the YAML (yaml + zod, and loading both) took ~0.4 s of a cold
// start, reading the JSON takes a few milliseconds. A seed whose files or validator changed hashes
// differently and is read and validated again; only a seed that passed validation is kept, so the
// cache can never let an invalid seed through. Writing it is best effort (a read-only install just
// reads the YAML every time). `npm install` fills it for the seed under seed/data (postinstall).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../src/root.ts';
import type { SeedData } from './validate.ts';

export const seedCacheDir = join(projectRoot, 'node_modules', '.cache', 'aesthetic-knowledge-api');

/**
 * What identifies the validator: its sources (seed/validate.ts, seed/schema.ts) when they are here,
 * so `npm start` under tsx and the built server share one cache. A build without sources is hashed
 * by the names of its bundled files instead: esbuild names each chunk by a hash of its content.
 */
const validatorIdentity = (() => {
  const sources = ['validate', 'schema'].map((name) => join(projectRoot, 'seed', `${name}.ts`));
  if (sources.every((file) => existsSync(file))) return () => sources.map((file) => readFileSync(file));
  const bundle = dirname(fileURLToPath(import.meta.url));
  return () => [readdirSync(bundle).sort().join('\n')];
})();

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** What the validated seed depends on: every YAML file under `dir` (name and content), and the validator. */
export function seedHash(dir: string): string {
  const hash = createHash('sha256');
  for (const file of yamlFiles(dir))
    hash
      .update(`${relative(dir, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  for (const part of validatorIdentity()) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 32);
}

/** JSON has no dates: the one date the seed holds comes back as one. */
function revive(data: SeedData): SeedData {
  for (const source of data.sources) {
    if (source.lastUpdated !== undefined) source.lastUpdated = new Date(source.lastUpdated);
  }
  return data;
}

/** The seed under `dir`, validated: from the cache when its hash is there, else read (and kept). */
export async function readSeedCached(dir: string, cacheDir = seedCacheDir): Promise<SeedData> {
  const file = join(cacheDir, `seed-${seedHash(dir)}.json`);
  if (existsSync(file)) {
    try {
      return revive(JSON.parse(readFileSync(file, 'utf8')) as SeedData);
    } catch {
      // A torn or foreign file: read the YAML below and write it again.
    }
  }
  // Loaded only when the cache misses: the YAML parser and the schema are most of the cost.
  const { readSeed } = await import('./validate.ts');
  const data = readSeed(dir);
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Written aside then renamed, so a concurrent reader never sees half a file.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(data));
    renameSync(partial, file);
    // One seed's worth is enough: an edited seed replaces its predecessor.
    for (const old of readdirSync(cacheDir)) {
      if (/^seed-[0-9a-f]+\.json$/.test(old) && join(cacheDir, old) !== file)
        rmSync(join(cacheDir, old), { force: true });
    }
  } catch {
    // Read-only install: fine, the YAML is read each time.
  }
  return data;
}
