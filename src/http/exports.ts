// GET /export (the index) and GET /export/<name>.csv|json: the analyst exports (src/export) for any
// client with the `read` scope. The ETag is the data version, so a client re-downloads only after
// the knowledge changed (If-None-Match → 304 without reading a row). A download streams from one
// snapshot a page at a time (gzip when accepted); at most EXPORT_CONCURRENCY run at once.

import { authenticate } from '../auth/authenticate.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db.ts';
import { AppError, ForbiddenError, LimitExceededError } from '../errors.ts';
import type { ExportTable } from '../export/tables.ts';
import { matches } from './plugins/httpCaching.ts';
import type { Reply } from './responses.ts';
import { jsonReply } from './responses.ts';

const FORMATS = ['csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

/**
 * The downloads one server is streaming. Each server (createHandler) holds its own, so servers in one
 * process, as in the tests, never borrow each other's slots.
 */
export interface ExportSlots {
  running: number;
}
export const exportSlots = (): ExportSlots => ({ running: 0 });

interface Request {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

const notFound = (message: string) => new AppError(message, 'NOT_FOUND', { http: { status: 404 } });

/** The current data version on the primary (exports read the primary's snapshot). */
async function currentVersion(db: Db): Promise<number> {
  const [{ primaryReader }, { snapshotVersion }] = await Promise.all([
    import('../db.ts'),
    import('../export/read.ts'),
  ]);
  return snapshotVersion(primaryReader(db));
}

const etagOf = (version: number, file: string, gzip: boolean) => `"${version}-${file}${gzip ? '-gz' : ''}"`;

const acceptsGzip = (header: string | string[] | undefined) =>
  typeof header === 'string' && /(^|,)\s*gzip\s*(;\s*q=(?!0(\.0*)?\s*(,|$))[\d.]+)?\s*(,|$)/i.test(header);

/**
 * The answer to a request under /export; throws AppError for the client's mistakes (the shell turns
 * them into JSON errors).
 */
export async function exportReply(db: Db, config: Config, slots: ExportSlots, req: Request): Promise<Reply> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new AppError(
      `${req.method} is not allowed on ${req.path}: exports are read with GET.`,
      'METHOD_NOT_ALLOWED',
      {
        http: { status: 405, headers: { allow: 'GET, HEAD' } },
      },
    );
  }
  if (config.EXPORT_CONCURRENCY === 0)
    throw notFound('Exports are turned off on this server (EXPORT_CONCURRENCY=0).');
  const auth = await authenticate(db, req.headers, config.REQUIRE_API_KEY);
  if (!auth.scopes.has('read')) throw new ForbiddenError('Exports need an API key with the "read" scope.');
  const { exportTables, exportTable } = await import('../export/tables.ts');

  if (req.path === '/export' || req.path === '/export/') {
    const version = await currentVersion(db);
    return jsonReply(200, {
      dataVersion: version,
      formats: FORMATS,
      exports: exportTables.map((t) => ({
        name: t.name,
        description: t.description,
        ...Object.fromEntries(FORMATS.map((f) => [f, `/export/${t.name}.${f}`])),
      })),
    });
  }

  const match = /^\/export\/([a-z-]+)\.([a-z]+)$/.exec(req.path);
  const table = match ? exportTable(match[1] as string) : undefined;
  const format = match?.[2] as Format | undefined;
  if (!table || !format || !FORMATS.includes(format)) {
    throw notFound(
      `No export at ${req.path.slice(0, 100)}: exports are /export/<name>.csv or .json, names listed at /export (e.g. /export/treatments.csv).`,
    );
  }

  const file = `${table.name}.${format}`;
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  const { contentTypes } = await import('../export/formats.ts');
  const headers = (version: number): Record<string, string> => ({
    'content-type': contentTypes[format],
    'content-disposition': `attachment; filename="${file}"`,
    etag: etagOf(version, file, gzip),
    'cache-control': 'no-cache',
    vary: 'accept-encoding, authorization, x-api-key',
    'x-data-version': String(version),
    ...(gzip && { 'content-encoding': 'gzip' }),
  });

  const version = await currentVersion(db);
  const ifNoneMatch = req.headers['if-none-match'];
  if (matches(typeof ifNoneMatch === 'string' ? ifNoneMatch : null, etagOf(version, file, gzip))) {
    return { status: 304, headers: headers(version), body: '' };
  }
  if (req.method === 'HEAD') return { status: 200, headers: headers(version), body: '' };
  if (slots.running >= config.EXPORT_CONCURRENCY) {
    throw new LimitExceededError(
      'EXPORTS_BUSY',
      `${slots.running} exports are being downloaded, the most this server serves at once; try again in a few seconds.`,
      config.EXPORT_CONCURRENCY,
      slots.running,
      429,
    );
  }

  slots.running++;
  let released = false;
  const release = () => {
    if (!released) slots.running--;
    released = true;
  };
  // Opened when the shell starts writing the body, closed when it ends however it ends. The ETag is
  // the version read above: the snapshot can only be as new or newer, so a stale ETag costs at most
  // one more download, never a missed change.
  async function* body(exported: ExportTable, as: Format) {
    const [{ openSnapshot }, { readTable }, { formatRows }] = await Promise.all([
      import('../db.ts'),
      import('../export/read.ts'),
      import('../export/formats.ts'),
    ]);
    const snapshot = await openSnapshot(db);
    try {
      for await (const chunk of formatRows(exported, as, readTable(snapshot.read, exported))) {
        yield Buffer.from(chunk, 'utf8');
      }
    } finally {
      await snapshot.close();
    }
  }
  return { status: 200, headers: headers(version), body: '', stream: body(table, format), gzip, release };
}
