// The documentation stays true: every error code the API can answer with is in the table of
// docs/api.md, and every relative link in the README and docs/ leads to a file that exists.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/server.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Codes Yoga answers with itself (GraphQL over HTTP, parsing, validation). */
const LIBRARY_CODES = ['BAD_REQUEST', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED'];

function errorCodes(): Set<string> {
  const codes = new Set(LIBRARY_CODES);
  const patterns = [
    // new AppError('message', 'CODE' …) and super('message', 'CODE' …) in error classes
    /(?:new AppError|super)\(\s*(?:`[^`]*`|'[^']*'|[\w.]+)\s*,\s*'([A-Z][A-Z_]+)'/g,
    // new LimitExceededError('CODE', …)
    /new LimitExceededError\(\s*'([A-Z][A-Z_]+)'/g,
    // custom error extensions: { code: 'CODE' }
    /\bcode: '([A-Z][A-Z_]+)'/g,
    // limit codes, passed around before they reach an error (src/limits/plugin.ts)
    /'([A-Z]+(?:_[A-Z]+)*_EXCEEDED)'/g,
  ];
  for (const file of sources(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) codes.add(match[1] as string);
  }
  return codes;
}

describe('documentation', () => {
  it('docs/api.md lists every error code', () => {
    const table = readFileSync(join(root, 'docs', 'api.md'), 'utf8');
    const documented = new Set([...table.matchAll(/`([A-Z][A-Z_]+)`/g)].map((m) => m[1]));
    const codes = errorCodes();
    // The scan finds what it should (a regression in the patterns would make this test vacuous).
    expect(codes).toContain('RATE_LIMITED');
    expect(codes).toContain('PERSISTED_QUERY_ID_REQUIRED');
    expect(codes).toContain('MAX_COST_EXCEEDED');
    expect([...codes].filter((code) => !documented.has(code))).toEqual([]);
  });

  it('every relative link in README.md and docs/ leads to an existing file', () => {
    const pages = ['README.md', ...readdirSync(join(root, 'docs')).map((f) => join('docs', f))];
    const broken: string[] = [];
    for (const page of pages) {
      const text = readFileSync(join(root, page), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (!target || /^[a-z]+:/.test(target)) continue;
        if (!existsSync(join(root, dirname(page), target))) broken.push(`${page} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
