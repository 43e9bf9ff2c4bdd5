// /metrics tells who uses the API and how much: public only on an open API in development;
// behind its own token (METRICS_TOKEN) or on a port of its own (METRICS_PORT) otherwise.
import { describe, expect, it } from 'vitest';
import { appsForFile, freePort } from '../helpers/server.ts';

const start = appsForFile();
const TOKEN = 'metrics-token-0123456789';

describe('/metrics access', () => {
  it('is closed when API keys are required and nothing opens it, and says how to open it', async () => {
    const server = await start({ REQUIRE_API_KEY: 'true' });
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(403);
    const body = (await response.json()) as {
      errors: Array<{ message: string; extensions: { code: string } }>;
    };
    expect(body.errors[0]?.extensions.code).toBe('FORBIDDEN');
    expect(body.errors[0]?.message).toMatch(/METRICS_TOKEN/);
  });

  it('needs the bearer token when METRICS_TOKEN is set', async () => {
    const server = await start({ REQUIRE_API_KEY: 'true', METRICS_TOKEN: TOKEN });
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toMatch(/http_requests_total/);
  });

  it('moves to METRICS_PORT when set: not on the API port any more', async () => {
    const port = await freePort();
    const server = await start({ REQUIRE_API_KEY: 'true', METRICS_PORT: String(port), HOST: '127.0.0.1' });
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    const own = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(own.status).toBe(200);
    expect(await own.text()).toMatch(/process_resident_memory_bytes/);
    expect((await fetch(`http://127.0.0.1:${port}/graphql`)).status).toBe(404);
  });
});
