// `npm run export -- --format csv|json --out DIR`: every export table as a file, all read from one
// snapshot (so the files agree with each other even while curators write), plus a manifest with
// the data version they show and each file's rows and bytes.
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Db, openSnapshot } from '../db.ts';
import { type ExportFormat, formatRows } from './formats.ts';
import { type ExportRow, readTable, snapshotVersion } from './read.ts';
import { type ExportTable, exportTables } from './tables.ts';

export interface ExportedFile {
  name: string;
  file: string;
  description: string;
  rows: number;
  bytes: number;
}

export interface Manifest {
  dataVersion: number;
  exportedAt: string;
  format: ExportFormat;
  files: ExportedFile[];
}

/** Counts the rows going through. */
async function* counted(pages: AsyncIterable<ExportRow[]>, count: { rows: number }) {
  for await (const page of pages) {
    count.rows += page.length;
    yield page;
  }
}

async function* utf8(chunks: AsyncIterable<string>, count: { bytes: number }) {
  for await (const chunk of chunks) {
    const buffer = Buffer.from(chunk, 'utf8');
    count.bytes += buffer.length;
    yield buffer;
  }
}

export async function writeExport(
  client: Db,
  dir: string,
  format: ExportFormat,
  tables: readonly ExportTable[] = exportTables,
): Promise<Manifest> {
  mkdirSync(dir, { recursive: true });
  const snapshot = await openSnapshot(client);
  try {
    const dataVersion = await snapshotVersion(snapshot.read);
    const files: ExportedFile[] = [];
    for (const table of tables) {
      const file = `${table.name}.${format}`;
      const count = { rows: 0, bytes: 0 };
      const text = formatRows(table, format, counted(readTable(snapshot.read, table), count));
      await pipeline(Readable.from(utf8(text, count)), createWriteStream(join(dir, file)));
      files.push({ name: table.name, file, description: table.description, ...count });
    }
    const manifest: Manifest = { dataVersion, exportedAt: new Date().toISOString(), format, files };
    writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    await snapshot.close();
  }
}
