// CORS is configured, not echoed: with `*` any page reads anonymously and no credentials are ever
// allowed; with a list only those origins are echoed, and every answer varies by Origin so a CDN
// never serves one clinic's header to another's browser.
import { describe, expect, it } from 'vitest';
import { appsForFile, post } from '../helpers/server.ts';

const NAME = { query: '{ technique(slug: "needle") { slug } }' };
const start = appsForFile();

const preflight = (url: string, origin: string) =>
  fetch(`${url}/graphql`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, authorization',
    },
  });

describe('CORS_ORIGINS=* (the default)', () => {
  it('lets any page read, with a constant header and never credentials', async () => {
    const server = await start();
    const answer = await post(server.url, NAME, { origin: 'https://clinic-a.example' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    expect(answer.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
    expect(answer.headers.get('access-control-expose-headers')).toMatch(/x-ratelimit-remaining/);
    expect(answer.headers.get('cache-control')).toMatch(/^public/);

    const pre = await preflight(server.url, 'https://clinic-b.example');
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    // An API key in a header is allowed (listed explicitly: `*` does not cover Authorization).
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/\bauthorization\b/);
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('answers a preflight without an API key even when keys are required', async () => {
    const server = await start({ REQUIRE_API_KEY: 'true' });
    const pre = await preflight(server.url, 'https://clinic-a.example');
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('CORS_ORIGINS as a list', () => {
  const origins = 'https://clinic-a.example, https://cms.clinic-b.example:8443';

  it('echoes only listed origins, and every answer varies by Origin', async () => {
    const server = await start({ CORS_ORIGINS: origins });
    const a = await post(server.url, NAME, { origin: 'https://clinic-a.example' });
    expect(a.headers.get('access-control-allow-origin')).toBe('https://clinic-a.example');
    expect(a.headers.get('vary')).toMatch(/\bOrigin\b/);
    expect(a.headers.get('access-control-allow-credentials')).toBeNull();
    const b = await post(server.url, NAME, { origin: 'https://cms.clinic-b.example:8443' });
    expect(b.headers.get('access-control-allow-origin')).toBe('https://cms.clinic-b.example:8443');

    const stranger = await post(server.url, NAME, { origin: 'https://elsewhere.example' });
    expect(stranger.status).toBe(200);
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    expect(stranger.headers.get('vary')).toMatch(/\bOrigin\b/);
    // The same cacheable answer without any Origin still says it varies by Origin.
    const none = await post(server.url, NAME);
    expect(none.headers.get('cache-control')).toMatch(/^public/);
    expect(none.headers.get('vary')).toMatch(/\bOrigin\b/);

    const refused = await preflight(server.url, 'https://elsewhere.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('access-control-allow-methods')).toBeNull();
  });
});
