// The scopes an API key can hold. `read` serves queries; `write` and `admin` are for mutations and
// operator fields (fields require them with Pothos' `authScopes`).
export const SCOPES = ['read', 'write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export function parseScopes(text: string): Scope[] {
  const scopes = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0) {
    throw new Error(
      `unknown scope${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (allowed: ${SCOPES.join(', ')})`,
    );
  }
  if (scopes.length === 0) throw new Error(`at least one scope is needed (allowed: ${SCOPES.join(', ')})`);
  return [...new Set(scopes)] as Scope[];
}
