// GraphiQL and the other pages a browser reads, all from this process: the GraphiQL bundle from the
// installed @graphql-yoga/graphiql package (no CDN at run time, so it works offline, under a strict
// CSP or behind a proxy), tabs preloaded with the examples in examples/*.graphql, the explorer
// plugin, and a headers tab with an Authorization template. Also /schema.graphql and /changelog.
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { lexicographicSortSchema, printSchema } from 'graphql';
import type { Config } from '../config.ts';
import { projectRoot } from '../root.ts';
import { schema } from '../schema/index.ts';
import type { Reply } from './responses.ts';

const require = createRequire(import.meta.url);
const graphiqlPackage = dirname(require.resolve('@graphql-yoga/graphiql/package.json'));
const graphiqlVersion = (require('@graphql-yoga/graphiql/package.json') as { version: string }).version;
/** Versioned, so browsers may keep the assets for good. */
export const ASSETS = `/graphiql/${graphiqlVersion}`;

/** Only scripts, styles, workers and requests from this origin (Monaco sets inline styles). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The files a page may ask for, and where they are: nothing else is served from disk. */
const assets = new Map<string, { file: string; type: string }>([
  [
    'yoga-graphiql.umd.js',
    { file: join(graphiqlPackage, 'dist', 'yoga-graphiql.umd.js'), type: 'text/javascript' },
  ],
  ['graphiql.css', { file: join(graphiqlPackage, 'dist', 'graphiql.css'), type: 'text/css' }],
  ...['editor.worker.bundle.js', 'json.worker.bundle.js', 'graphql.worker..bundle.js'].map(
    (name) =>
      [
        `monacoeditorwork/${name}`,
        { file: join(graphiqlPackage, 'dist', 'monacoeditorwork', name), type: 'text/javascript' },
      ] as const,
  ),
  ['boot.js', { file: join(projectRoot, 'public', 'graphiql', 'boot.js'), type: 'text/javascript' }],
  ['favicon.svg', { file: join(projectRoot, 'public', 'graphiql', 'favicon.svg'), type: 'image/svg+xml' }],
]);

export interface Example {
  name: string;
  query: string;
}

/** examples/*.graphql, in file order: the README's app, CMS, analyst, screening and search queries. */
export function loadExamples(dir = join(projectRoot, 'examples')): Example[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({
      name: file.replace(/^\d+-|\.graphql$/g, ''),
      query: readFileSync(join(dir, file), 'utf8'),
    }));
}

let examples: Example[] | undefined;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON inside a <script type="application/json"> block: nothing in it may close the block. */
const jsonBlock = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The page; the examples are read on its first request, not at start. */
export function graphiqlPage(config: Config): Reply {
  examples ??= loadExamples();
  const title = 'Aesthetic treatments knowledge API';
  // An empty Authorization header is ignored (anonymous); with keys required the template says
  // what to paste, and a request sent before that is refused with a message saying why.
  const headers = JSON.stringify(
    { Authorization: config.REQUIRE_API_KEY ? 'Bearer <paste your API key here>' : '' },
    null,
    2,
  );
  const options = {
    title,
    endpoint: '/graphql',
    // The first tab opens on the first example rather than GraphiQL's welcome text.
    query: examples[0]?.query,
    headers,
    defaultTabs: examples.map((example) => ({ query: example.query, headers })),
    defaultEditorToolsVisibility: 'headers',
    shouldPersistHeaders: false,
  };
  const body = `<!doctype html>
<html lang="en" data-assets="${ASSETS}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="${ASSETS}/favicon.svg">
<link rel="stylesheet" href="${ASSETS}/graphiql.css">
<script type="application/json" id="graphiql-options">${jsonBlock(options)}</script>
</head>
<body>
<div id="root" style="height:100vh">Loading GraphiQL…</div>
<script src="${ASSETS}/yoga-graphiql.umd.js"></script>
<script src="${ASSETS}/boot.js"></script>
</body>
</html>
`;
  return {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    },
    body,
  };
}

/**
 * Gzipped assets, made on first request and kept (about 2.4 MB for the whole page, against 8.8 MB
 * uncompressed): the GraphiQL bundle alone is 5 MB.
 */
const gzipped = new Map<string, Promise<Buffer>>();
const gzipOf = (file: string) => {
  let zipped = gzipped.get(file);
  if (!zipped) {
    zipped = readFile(file).then((raw) => promisify(gzip)(raw, { level: 9 }));
    gzipped.set(file, zipped);
  }
  return zipped;
};

/** A GraphiQL asset under ASSETS (gzipped when the client accepts it), or undefined when there is none. */
export async function graphiqlAsset(path: string, acceptEncoding?: string): Promise<Reply | undefined> {
  if (!path.startsWith(`${ASSETS}/`)) return undefined;
  const asset = assets.get(path.slice(ASSETS.length + 1));
  if (!asset) return undefined;
  const zip = /\bgzip\b/.test(acceptEncoding ?? '');
  return {
    status: 200,
    headers: {
      'content-type': `${asset.type}; charset=utf-8`,
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      vary: 'Accept-Encoding',
      ...(zip && { 'content-encoding': 'gzip' }),
    },
    body: zip ? await gzipOf(asset.file) : await readFile(asset.file),
  };
}

let printed: string | undefined;
/** The schema's SDL, as `npm run schema:print` writes it. */
export function schemaReply(): Reply {
  printed ??= `${printSchema(lexicographicSortSchema(schema))}\n`;
  return {
    status: 200,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' },
    body: printed,
  };
}

export async function changelogReply(): Promise<Reply> {
  return {
    status: 200,
    headers: { 'content-type': 'text/markdown; charset=utf-8', 'cache-control': 'no-cache' },
    body: await readFile(join(projectRoot, 'CHANGELOG.md')),
  };
}

/** Browsers ask for HTML; GraphQL clients never do. */
export const wantsHtml = (accept: string | undefined) => /\btext\/html\b/.test(accept ?? '');
