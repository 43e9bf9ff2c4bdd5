// API keys: `akt_` + 32 random bytes (base64url). Only the SHA-256 of a key is stored, so a leaked
// database does not leak usable keys; the first characters are kept to tell keys apart.
import { createHash, randomBytes } from 'node:crypto';
import { type Db, sqlReader } from '../db.ts';
import { parseScopes, type Scope } from './scopes.ts';

const PREFIX_LENGTH = 12;

export interface ApiKeyIdentity {
  id: number;
  name: string;
  prefix: string;
  scopes: Scope[];
}

export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** Creates a key; the secret is returned once and never stored. */
export async function createApiKey(
  db: Db,
  name: string,
  scopes: Scope[],
): Promise<{ key: string; identity: ApiKeyIdentity }> {
  if (!name.trim()) throw new Error('a key needs a name (who or what uses it)');
  const key = `akt_${randomBytes(32).toString('base64url')}`;
  const row = await db.apiKey.create({
    data: {
      name: name.trim(),
      prefix: key.slice(0, PREFIX_LENGTH),
      hash: hashKey(key),
      scopes: scopes.join(','),
    },
  });
  return { key, identity: toIdentity(row) };
}

/** Revokes by id, whole key or prefix; returns the revoked keys (none when nothing matched). */
export async function revokeApiKey(db: Db, idOrPrefix: string): Promise<ApiKeyIdentity[]> {
  const where = /^\d+$/.test(idOrPrefix)
    ? { id: Number(idOrPrefix), revokedAt: null }
    : idOrPrefix.length > PREFIX_LENGTH
      ? { hash: hashKey(idOrPrefix), revokedAt: null }
      : { prefix: { startsWith: idOrPrefix }, revokedAt: null };
  const rows = await db.apiKey.findMany({ where });
  if (rows.length > 1) {
    throw new Error(`"${idOrPrefix}" matches ${rows.length} keys; give the id or a longer prefix`);
  }
  await db.apiKey.updateMany({
    where: { id: { in: rows.map((r) => r.id) } },
    data: { revokedAt: new Date() },
  });
  return rows.map(toIdentity);
}

export async function listApiKeys(db: Db) {
  const rows = await db.apiKey.findMany({ orderBy: { id: 'asc' } });
  return rows.map((r) => ({ ...toIdentity(r), createdAt: r.createdAt, revokedAt: r.revokedAt }));
}

/** The live key matching a presented secret, or null for unknown and revoked keys alike. */
export async function findApiKey(db: Db, key: string): Promise<ApiKeyIdentity | null> {
  // Plain SQL like every read of a request (on the request's replica when there are replicas).
  const [row] = (await sqlReader(db)(
    'SELECT id, name, prefix, scopes, "revokedAt" FROM "ApiKey" WHERE hash = ?',
    [hashKey(key)],
  )) as Array<{ id: number; name: string; prefix: string; scopes: string; revokedAt: unknown }>;
  return row && row.revokedAt == null ? toIdentity({ ...row, id: Number(row.id) }) : null;
}

function toIdentity(row: { id: number; name: string; prefix: string; scopes: string }): ApiKeyIdentity {
  return { id: row.id, name: row.name, prefix: row.prefix, scopes: parseScopes(row.scopes) };
}
