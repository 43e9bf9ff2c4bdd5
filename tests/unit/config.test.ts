// The configuration an operator gets by default, and what a bad value tells them.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';

describe('configuration defaults', () => {
  it('listens on 127.0.0.1 by default, and on every interface only in production', () => {
    expect(parseConfig({}).HOST).toBe('127.0.0.1');
    expect(parseConfig({ NODE_ENV: 'development' }).HOST).toBe('127.0.0.1');
    expect(parseConfig({ NODE_ENV: 'production' }).HOST).toBe('0.0.0.0');
    expect(parseConfig({ NODE_ENV: 'production', HOST: '10.0.0.5' }).HOST).toBe('10.0.0.5');
  });

  it('names each bad variable', () => {
    expect(() => parseConfig({ SHUTDOWN_DELAY_MS: '-1', PORT: 'x' })).toThrow(
      /Invalid configuration:\n\s+PORT: [^\n]+\n\s+SHUTDOWN_DELAY_MS: /,
    );
  });

  it('reads CORS_ORIGINS as * or a list of origins, and names a bad one', () => {
    expect(parseConfig({}).CORS_ORIGINS).toBe('*');
    expect(parseConfig({ CORS_ORIGINS: 'https://a.example, http://localhost:3000/' }).CORS_ORIGINS).toEqual([
      'https://a.example',
      'http://localhost:3000',
    ]);
    expect(() => parseConfig({ CORS_ORIGINS: 'a.example' })).toThrow(/CORS_ORIGINS.*: each origin is scheme/);
  });
});
