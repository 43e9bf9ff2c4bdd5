// `npm run bench:export -- --url <DATABASE_URL>`: a full export of a database (fill one with
// `npm run seed:scale`) as CSV, then as JSON: time, rows, bytes and this process's peak RSS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDb, loadEngine } from '../src/db.ts';
import { writeExport } from '../src/export/files.ts';
import type { ExportFormat } from '../src/export/formats.ts';

const { values } = parseArgs({ options: { url: { type: 'string' } } });
if (!values.url) {
  console.error('usage: npm run bench:export -- --url <DATABASE_URL of a database filled by seed:scale>');
  process.exit(2);
}
const engine = values.url.startsWith('file:') ? 'sqlite' : 'postgresql';
await loadEngine(engine);
const db = createDb(values.url, 2);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
try {
  const n = await db.treatment.count();
  console.log('| engine | N | format | files | rows | size | time | peak RSS |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const format of ['csv', 'json'] as ExportFormat[]) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-export-'));
    try {
      const started = performance.now();
      const manifest = await writeExport(db, dir, format);
      const seconds = (performance.now() - started) / 1000;
      const rows = manifest.files.reduce((sum, f) => sum + f.rows, 0);
      const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
      // maxRSS is in kilobytes.
      const peak = process.resourceUsage().maxRSS * 1024;
      console.log(
        `| ${engine} | ${n} | ${format} | ${manifest.files.length} | ${rows} | ${mb(bytes)} | ${seconds.toFixed(1)} s | ${mb(peak)} |`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  await db.$disconnect();
}
