// What a browser finds: GraphiQL served entirely from this process (no CDN: it works offline and
// under a CSP that allows only our origin), opening on the README's examples, even when API keys
// are required (only GraphQL requests need one); `/` leads there; the SDL and the changelog.
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadExamples } from '../../src/http/graphiql.ts';
import { appsForFile, post, root } from '../helpers/server.ts';

const start = appsForFile();
const browser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('GraphiQL page', () => {
  it('is served with every asset from our origin and a CSP that allows nothing else', async () => {
    const server = await start();
    const page = await fetch(`${server.url}/graphql`, { headers: browser });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') as string;
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    const html = await page.text();
    // No CDN, no inline script, and no unfilled template.
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/__TITLE__|__OPTS__/);
    expect(html.match(/<script(?![^>]*type="application\/json")[^>]*>[^<]+<\/script>/g)).toBeNull();
    const referenced = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    expect(referenced.length).toBeGreaterThanOrEqual(4);
    for (const path of referenced) {
      const asset = await fetch(`${server.url}${path}`);
      expect(asset.status, path).toBe(200);
      expect(asset.headers.get('cache-control'), path).toMatch(/immutable/);
      await asset.arrayBuffer();
    }
    // Monaco's workers, which boot.js points at.
    const boot = await (await fetch(`${server.url}${referenced.find((p) => p.endsWith('boot.js'))}`)).text();
    const assets = /data-assets="([^"]+)"/.exec(html)?.[1];
    for (const worker of [...boot.matchAll(/'([\w.]+\.bundle\.js)'/g)].map((m) => m[1])) {
      expect((await fetch(`${server.url}${assets}/monacoeditorwork/${worker}`)).status, worker).toBe(200);
    }
    expect((await fetch(`${server.url}${assets}/../../package.json`)).status).toBe(404);
    expect((await fetch(`${server.url}${assets}/nothing.js`)).status).toBe(404);
  });

  it('sends the assets gzipped to a client that accepts it (the bundle is 5 MB)', async () => {
    const server = await start();
    const html = await (await fetch(`${server.url}/graphql`, { headers: browser })).text();
    const bundle = /src="([^"]+yoga-graphiql[^"]+)"/.exec(html)?.[1] as string;
    const raw = (encoding?: string) =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        get(`${server.url}${bundle}`, { headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const plain = await raw();
    const zipped = await raw('gzip, deflate, br');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
  });

  it('opens a tab per example, with a headers template', async () => {
    const server = await start();
    const html = await (await fetch(`${server.url}/graphql`, { headers: browser })).text();
    const options = JSON.parse(
      /<script type="application\/json" id="graphiql-options">(.*?)<\/script>/s.exec(html)?.[1] as string,
    ) as { defaultTabs: Array<{ query: string; headers: string }>; headers: string };
    const names = options.defaultTabs.map((tab) => /query (\w+)/.exec(tab.query)?.[1]);
    expect(names).toEqual(['AppDetail', 'CmsPull', 'AnalystOverlaps', 'Screening', 'Search']);
    expect(JSON.parse(options.headers)).toEqual({ Authorization: '' });
  });

  it('still loads when API keys are required: only GraphQL requests need the key', async () => {
    const server = await start({ REQUIRE_API_KEY: 'true' });
    const page = await fetch(`${server.url}/graphql`, { headers: browser });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/Bearer &lt;paste your API key here&gt;|Bearer \\u003cpaste your API key here>/);
    expect((await post(server.url, { query: '{ __typename }' })).status).toBe(401);
  });
});

describe('other pages', () => {
  it('GET / sends a browser to /graphql and anything else a map of the API', async () => {
    const server = await start();
    const redirect = await fetch(`${server.url}/`, { headers: browser, redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/graphql');
    const map = await fetch(`${server.url}/`);
    expect(await map.json()).toMatchObject({ graphql: '/graphql', schema: '/schema.graphql' });
  });

  it('/schema.graphql is the committed SDL and /changelog the schema changelog', async () => {
    const server = await start();
    const sdl = await fetch(`${server.url}/schema.graphql`);
    expect(sdl.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await sdl.text()).toBe(readFileSync(join(root, 'schema.graphql'), 'utf8'));
    const changelog = await fetch(`${server.url}/changelog`);
    expect(changelog.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(await changelog.text()).toBe(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'));
  });
});

describe('examples/*.graphql', () => {
  it('each runs on the seeded data without an error and returns data', async () => {
    const server = await start();
    for (const example of loadExamples()) {
      const answer = await post(server.url, { query: example.query });
      expect(answer.body.errors, example.name).toBeUndefined();
      const values = Object.values(answer.body.data ?? {});
      expect(values.length, example.name).toBeGreaterThan(0);
      for (const value of values) expect(JSON.stringify(value), example.name).not.toMatch(/^(\[\]|null)$/);
    }
  });
});
