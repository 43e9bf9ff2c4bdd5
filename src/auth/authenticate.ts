// Who is asking: the API key in `Authorization: Bearer <key>` (or `X-API-Key`), or nobody. Unknown,
// revoked and malformed keys are refused (401), never downgraded to anonymous.
import { type Auth, anonymous } from '../context.ts';
import type { Db } from '../db.ts';
import { UnauthenticatedError } from '../errors.ts';
import { findApiKey } from './keys.ts';

export function presentedKey(headers: Record<string, string | string[] | undefined>): string | undefined {
  const header = headers['x-api-key'];
  if (typeof header === 'string' && header.trim()) return header.trim();
  const authorization = headers.authorization;
  if (typeof authorization !== 'string' || !authorization.trim()) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match?.[1]) {
    throw new UnauthenticatedError('The Authorization header must be "Bearer <api key>".');
  }
  return match[1];
}

export async function authenticate(
  db: Db,
  headers: Record<string, string | string[] | undefined>,
  requireKey: boolean,
): Promise<Auth> {
  const key = presentedKey(headers);
  if (!key) {
    if (requireKey) {
      throw new UnauthenticatedError(
        'This API requires an API key: send it as "Authorization: Bearer <api key>".',
      );
    }
    return anonymous;
  }
  const apiKey = await findApiKey(db, key);
  if (!apiKey) throw new UnauthenticatedError('The API key is unknown or has been revoked.');
  return { apiKey, scopes: new Set(apiKey.scopes) };
}
