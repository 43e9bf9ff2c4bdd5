// `npm run export -- --format csv|json|seed --out DIR`: the knowledge base of DATABASE_URL as files.
//   csv, json  one file per entity kind and fact kind with citations, both languages, every
//              citation, and the contraindication overlap matrix; manifest.json (src/export)
//   seed       the seed/data layout (seed/export.ts): review curated changes, commit them as seed
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { db } from '../src/db.ts';

const usage = 'usage: npm run export -- --format csv|json|seed --out DIR';

async function main(): Promise<number> {
  let values: { format?: string; out?: string };
  try {
    ({ values } = parseArgs({ options: { format: { type: 'string' }, out: { type: 'string' } } }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const { format, out } = values;
  if (format !== 'csv' && format !== 'json' && format !== 'seed') {
    console.error(`--format must be csv, json or seed${format ? ` (got "${format}")` : ''}\n${usage}`);
    return 2;
  }
  if (!out) {
    console.error(`--out DIR is required: where to write the files\n${usage}`);
    return 2;
  }
  const dir = resolve(out);
  const started = performance.now();
  if (format === 'seed') {
    const { writeSeedFiles } = await import('../seed/export.ts');
    const { files, bytes, removed } = await writeSeedFiles(db, dir);
    console.log(
      `exported seed data: ${files} files, ${bytes} bytes in ${elapsed(started)} to ${dir}${removed > 0 ? ` (removed ${removed} treatment files the database no longer holds)` : ''}`,
    );
    return 0;
  }
  const { writeExport } = await import('../src/export/files.ts');
  const manifest = await writeExport(db, dir, format);
  const rows = manifest.files.reduce((n, f) => n + f.rows, 0);
  const bytes = manifest.files.reduce((n, f) => n + f.bytes, 0);
  console.log(
    `exported data version ${manifest.dataVersion} as ${format}: ${manifest.files.length} files, ${rows} rows, ${bytes} bytes in ${elapsed(started)} to ${dir}`,
  );
  return 0;
}

const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`export failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
