// API keys: valid keys are served with their scopes, unknown and revoked keys get 401 with a clear
// message, anonymous reads are allowed unless REQUIRE_API_KEY, and the CLI creates and revokes keys.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, hashKey, revokeApiKey } from '../../src/auth/keys.ts';
import { db } from '../../src/db.ts';
import { codeOf, post, type Running, root, startApp } from '../helpers/server.ts';

const QUERY = { query: '{ treatment(slug: "prp-injection") { slug } }' };
let open: Running;
let closed: Running;
beforeAll(async () => {
  open = await startApp({ RESPONSE_CACHE: 'false' });
  closed = await startApp({ RESPONSE_CACHE: 'false', REQUIRE_API_KEY: 'true' });
});
afterAll(async () => {
  await open.close();
  await closed.close();
});

describe('API keys', () => {
  it('stores only the hash of a key', async () => {
    const { key, identity } = await createApiKey(db, 'hash check', ['read']);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: identity.id } });
    expect(row.hash).toBe(hashKey(key));
    expect(JSON.stringify(row)).not.toContain(key);
    expect(key.startsWith(row.prefix)).toBe(true);
  });

  it('serves a valid key (Bearer or X-API-Key), refuses unknown and revoked keys with 401', async () => {
    const { key, identity } = await createApiKey(db, 'partner app', ['read']);
    const ways: Array<Record<string, string>> = [{ authorization: `Bearer ${key}` }, { 'x-api-key': key }];
    for (const headers of ways) {
      const ok = await post(closed.url, QUERY, headers);
      expect(ok.status).toBe(200);
      expect(ok.body.data).toEqual({ treatment: { slug: 'prp-injection' } });
      expect(ok.headers.get('cache-control')).toBe('private, no-cache');
    }

    const unknown = await post(closed.url, QUERY, { authorization: `Bearer ${key}x` });
    expect(unknown.status).toBe(401);
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    expect(unknown.body.errors?.[0]?.message).toMatch(/unknown or has been revoked/);
    expect(unknown.headers.get('www-authenticate')).toMatch(/^Bearer/);

    await revokeApiKey(db, String(identity.id));
    const revoked = await post(closed.url, QUERY, { authorization: `Bearer ${key}` });
    expect(revoked.status).toBe(401);
    expect(codeOf(revoked)).toBe('UNAUTHENTICATED');
    // A revoked key is refused on the open server too: never downgraded to anonymous.
    expect((await post(open.url, QUERY, { 'x-api-key': key })).status).toBe(401);
  });

  it('refuses a malformed Authorization header', async () => {
    const answer = await post(open.url, QUERY, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.message).toMatch(/Bearer <api key>/);
  });

  it('allows anonymous reads by default, and requires a key with REQUIRE_API_KEY', async () => {
    const anon = await post(open.url, QUERY);
    expect(anon.body.data).toEqual({ treatment: { slug: 'prp-injection' } });
    const anonymous = await post(closed.url, QUERY);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]?.message).toMatch(/requires an API key/);
  });

  it('checks scopes: a key without `read` is forbidden from reading (FORBIDDEN), field by field', async () => {
    const { key } = await createApiKey(db, 'writer only', ['write']);
    const answer = await post(open.url, QUERY, { authorization: `Bearer ${key}` });
    expect(codeOf(answer)).toBe('FORBIDDEN');
    expect(answer.body.errors?.[0]?.message).toMatch(/Query\.treatment.*holds: write/);
  });
});

describe('npm run api-key', () => {
  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/api-key.ts', ...args], {
      cwd: root,
      env: process.env,
    });

  it('creates a key that works, lists it, revokes it by prefix', async () => {
    const created = await run('create', '--name', 'cli test', '--scopes', 'read,admin');
    const key = /key \(shown once, store it now\): (\S+)/.exec(created.stdout)?.[1] as string;
    expect(key).toMatch(/^akt_/);
    expect((await post(closed.url, QUERY, { authorization: `Bearer ${key}` })).status).toBe(200);

    const listed = await run('list');
    expect(listed.stdout).toMatch(/read,admin\tlive\tcli test/);

    const revoked = await run('revoke', key.slice(0, 12));
    expect(revoked.stdout).toMatch(/revoked key #\d+ "cli test"/);
    expect((await post(closed.url, QUERY, { authorization: `Bearer ${key}` })).status).toBe(401);
  });

  it('says what is wrong with bad arguments, and writes nothing', async () => {
    const before = await db.apiKey.count();
    await expect(run('create', '--name', 'x', '--scopes', 'read,superuser')).rejects.toMatchObject({
      stderr: expect.stringMatching(/unknown scope superuser/),
    });
    await expect(run('revoke', 'akt_nothing_like_this')).rejects.toMatchObject({
      stderr: expect.stringMatching(/no live key/),
    });
    expect(await db.apiKey.count()).toBe(before);
  });
});
