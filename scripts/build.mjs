// `npm run build`: the production server as a few bundled files in dist/src/ (entry: start.js).
// A cold start spent ~0.4 s resolving, reading and compiling ~770 separate ES modules (257 of them
// @graphql-tools/utils, 95 zod); bundled, it loads a handful, and the idle process holds ~8 MB less.
// Types are checked first (tsc), since esbuild only strips them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const outdir = join(root, 'dist', 'src');

/**
 * Left to node_modules, each for a reason:
 * - graphql: one instance for the server and graphql-jit (required at run time, below); two copies
 *   would fail each other's `instanceof` checks.
 * - native code, WebAssembly or files found next to the package: better-sqlite3, pg (pg-native is
 *   optional), @prisma/* (query compiler and schema engine), pino (its transports are workers).
 * - required at run time only when needed (createRequire, so the bundler never sees them):
 *   ioredis, graphql-jit, and @graphql-yoga/graphiql, whose page assets are read from its package.
 */
export const external = [
  'graphql',
  'better-sqlite3',
  'pg',
  '@prisma/*',
  'pino',
  'ioredis',
  'graphql-jit',
  '@graphql-yoga/graphiql',
];

export async function buildServer({ check = true } = {}) {
  if (check) {
    const tsc = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
      { cwd: root, stdio: 'inherit' },
    );
    if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  }
  const { outputFiles } = await build({
    entryPoints: [join(root, 'src', 'start.ts')],
    outdir,
    bundle: true,
    // Code reached only by a dynamic import (seeding, migrations' backfill, the PostgreSQL
    // readers) stays in chunks of its own, loaded when it is needed, as before.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external,
    sourcemap: true,
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
    write: false,
  });
  publish(outputFiles.map((file) => ({ path: file.path, contents: file.contents })));
}

/**
 * Writes the build so that a server starting meanwhile (tests build and start concurrently) sees
 * the previous build or this one, never a mix: each file is written aside and renamed into place,
 * chunks (named by a hash of their content) before the entry that imports them, and what an
 * earlier build left is removed only once it is a minute old.
 */
function publish(files) {
  const entry = join(outdir, 'start.js');
  const ordered = [...files.filter((f) => f.path !== entry), ...files.filter((f) => f.path === entry)];
  for (const { path, contents } of ordered) {
    mkdirSync(dirname(path), { recursive: true });
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, contents);
    renameSync(partial, path);
  }
  const kept = new Set(files.map((f) => f.path));
  const staleBefore = Date.now() - 60_000;
  const sweep = (dir) => {
    const items = readdirSafe(dir);
    for (const item of items) {
      const path = join(dir, item.name);
      if (item.isDirectory()) {
        sweep(path);
        if (readdirSafe(path).length === 0) rmSync(path, { recursive: true, force: true });
      } else if (!kept.has(path) && statSync(path, { throwIfNoEntry: false })?.mtimeMs < staleBefore) {
        rmSync(path, { force: true });
      }
    }
  };
  sweep(join(root, 'dist'));
}

/** Another build may be sweeping too: a folder it removed first is simply gone. */
function readdirSafe(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

if (process.argv[1] === import.meta.filename) await buildServer();
