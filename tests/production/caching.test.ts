// Anonymous read answers are cacheable: Cache-Control from the data, strong ETags with 304, a
// response cache (memory or Redis) that a write invalidates at once, and persisted operations.
import { describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/keys.ts';
import { bumpDataVersion } from '../../src/cache/dataVersion.ts';
import { sha256 } from '../../src/cache/persistedOperations.ts';
import { db } from '../../src/db.ts';
import { appsForFile, codeOf, post, REDIS_URL, redisPrefix } from '../helpers/server.ts';

const NAME = { query: '{ technique(slug: "needle") { name } }' };
const start = appsForFile();

/** A write as every writer makes it: the change and the version bump in one transaction. */
const renameNeedle = (nameFr: string) =>
  db.$transaction(async (tx) => {
    await tx.technique.update({ where: { slug: 'needle' }, data: { nameFr } });
    await bumpDataVersion(tx);
  });

describe('HTTP caching', () => {
  it('sends Cache-Control and a strong ETag, and 304 for a matching If-None-Match', async () => {
    const server = await start();
    const first = await post(server.url, NAME);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('vary')).toMatch(/Accept-Language/);

    const again = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-none-match': etag },
      body: JSON.stringify(NAME),
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');

    const stale = await post(server.url, NAME, { 'if-none-match': '"something-else"' });
    expect(stale.status).toBe(200);
  });

  it('works for GET requests too (what HTTP caches and CDNs store)', async () => {
    const server = await start();
    const url = `${server.url}/graphql?query=${encodeURIComponent(NAME.query)}`;
    const first = await fetch(url, { headers: { accept: 'application/json' } });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag') as string;
    const second = await fetch(url, { headers: { accept: 'application/json', 'if-none-match': etag } });
    expect(second.status).toBe(304);
  });

  it('answers holding regulatory statuses live shorter (max-age from the data)', async () => {
    const server = await start();
    const answer = await post(server.url, {
      query: '{ treatment(slug: "prp-injection") { regulatoryStatuses { nodes { status } } } }',
    });
    expect(answer.headers.get('cache-control')).toBe('public, max-age=60');
  });

  it('does not let anything store an error', async () => {
    const server = await start();
    const error = await post(server.url, { query: '{ technique(slug: "nope") { name } }' });
    expect(error.headers.get('cache-control')).toBe('no-store');
    expect(error.headers.get('etag')).toBeNull();
  });

  it('answers to an API key are private, revalidated by ETag: a CMS with a key still gets 304s', async () => {
    const server = await start();
    const { key } = await createApiKey(db, 'cache test', ['read']);
    const auth = { authorization: `Bearer ${key}` };
    const keyed = await post(server.url, NAME, auth);
    expect(keyed.headers.get('cache-control')).toBe('private, no-cache');
    expect(keyed.headers.get('vary')).toMatch(/Authorization/);
    const etag = keyed.headers.get('etag') as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-none-match': etag, ...auth },
      body: JSON.stringify(NAME),
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('private, no-cache');
    // Errors are never stored, with a key or without.
    const error = await post(server.url, { query: '{ technique(slug: "nope") { slug } }' }, auth);
    expect(error.headers.get('cache-control')).toBe('private, no-store');
    expect(error.headers.get('etag')).toBeNull();
  });
});

describe('response cache', () => {
  for (const store of ['memory', 'redis'] as const) {
    it(`serves repeated reads from the cache and drops them after a write (${store})`, async () => {
      const env: Record<string, string> = store === 'redis' ? { REDIS_URL, REDIS_PREFIX: redisPrefix() } : {};
      const server = await start(env);
      const before = await post(server.url, NAME);
      const etag = before.headers.get('etag');
      const original = (before.body.data as { technique: { name: string } }).technique.name;

      // Written behind the cache's back (no version bump): the cached answer is still served,
      // which proves it comes from the cache.
      await db.technique.update({ where: { slug: 'needle' }, data: { nameFr: 'Hors cache' } });
      expect((await post(server.url, NAME)).body.data).toEqual({ technique: { name: original } });

      await renameNeedle('Aiguille fine');
      const after = await post(server.url, NAME);
      expect(after.body.data).toEqual({ technique: { name: 'Aiguille fine' } });
      expect(after.headers.get('etag')).not.toBe(etag);
      await renameNeedle(original);
    });
  }

  it('with Redis, a second process serves what the first cached, and both see a write', async () => {
    const env = { REDIS_URL, REDIS_PREFIX: redisPrefix() };
    const a = await start(env);
    const b = await start(env);
    const original = ((await post(a.url, NAME)).body.data as { technique: { name: string } }).technique.name;
    await db.technique.update({ where: { slug: 'needle' }, data: { nameFr: 'Hors cache' } });
    expect((await post(b.url, NAME)).body.data).toEqual({ technique: { name: original } });
    await renameNeedle('Aiguille partagée');
    expect((await post(a.url, NAME)).body.data).toEqual({ technique: { name: 'Aiguille partagée' } });
    expect((await post(b.url, NAME)).body.data).toEqual({ technique: { name: 'Aiguille partagée' } });
    await renameNeedle(original);
  });

  it('keeps the languages apart', async () => {
    const server = await start();
    const fr = await post(server.url, NAME, { 'accept-language': 'fr' });
    const en = await post(server.url, NAME, { 'accept-language': 'en' });
    expect(fr.body.data).not.toEqual(en.body.data);
  });
});

describe('persisted operations', () => {
  const persisted = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

  it('registers a document with its hash, then runs it from the hash alone', async () => {
    const server = await start({ RESPONSE_CACHE: 'false' });
    const hash = sha256(NAME.query);
    const unknown = await post(server.url, persisted(hash));
    expect(unknown.body.errors?.[0]?.message).toBe('PersistedQueryNotFound');
    expect(codeOf(unknown)).toBe('PERSISTED_QUERY_NOT_FOUND');

    expect((await post(server.url, { ...NAME, ...persisted(hash) })).status).toBe(200);
    const byHash = await post(server.url, persisted(hash));
    expect(byHash.status).toBe(200);
    expect(byHash.body.data).toHaveProperty('technique.name');
  });

  it('with Redis, a document registered on one process runs by hash on another', async () => {
    const env = { RESPONSE_CACHE: 'false', REDIS_URL, REDIS_PREFIX: redisPrefix() };
    const [a, b] = [await start(env), await start(env)];
    const query = '{ technique(slug: "needle") { slug } }';
    expect((await post(a.url, { query, ...persisted(sha256(query)) })).status).toBe(200);
    expect((await post(b.url, persisted(sha256(query)))).body.data).toEqual({
      technique: { slug: 'needle' },
    });
  });

  it('refuses a hash that does not match the document', async () => {
    const server = await start({ RESPONSE_CACHE: 'false' });
    const answer = await post(server.url, { ...NAME, ...persisted(sha256('{ __typename }')) });
    expect(answer.status).toBe(400);
    expect(codeOf(answer)).toBe('PERSISTED_QUERY_HASH_MISMATCH');
  });

  it('with PERSISTED_OPERATIONS_ONLY, runs only the manifest', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'akt-pq-')), 'operations.json');
    writeFileSync(file, JSON.stringify({ [sha256(NAME.query)]: NAME.query }));
    const server = await start({
      RESPONSE_CACHE: 'false',
      PERSISTED_OPERATIONS_ONLY: 'true',
      PERSISTED_OPERATIONS_FILE: file,
    });
    expect((await post(server.url, persisted(sha256(NAME.query)))).body.data).toHaveProperty(
      'technique.name',
    );
    const arbitrary = await post(server.url, NAME);
    expect(arbitrary.status).toBe(400);
    expect(codeOf(arbitrary)).toBe('PERSISTED_QUERY_ONLY');
    const other = await post(server.url, persisted(sha256('{ __typename }')));
    expect(codeOf(other)).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
