// "Did you mean": the closest keys to one that names nothing. A known name or alias (in French or
// English, any case or accents), or the slug with spaces, is taken as a hint and comes first; then
// slugs or names a few edits away; then slugs that contain it. Read only on the error path.
import { scalarColumns } from './columns.ts';
import { ident, queryRows } from './sql.ts';
import { foldText } from './text.ts';

/** Edit distance, giving up (returning `max + 1`) once it is over `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length] as number;
}

interface Entry {
  key: string;
  /** Folded names and aliases. */
  names: string[];
}

async function entries(model: string, keyColumn: string): Promise<Entry[]> {
  const columns = scalarColumns(model);
  const named = ['nameFr', 'nameEn'].filter((c) => columns.includes(c));
  const rows = await queryRows<Record<string, unknown>>(
    `SELECT id, ${[keyColumn, ...named].map(ident).join(', ')} FROM ${ident(model)}`,
    [],
  );
  const aliases = new Map<number, string[]>();
  if (model === 'Treatment') {
    for (const a of await queryRows<{ treatmentId: unknown; value: string }>(
      'SELECT "treatmentId", value FROM "TreatmentAlias"',
      [],
    )) {
      const list = aliases.get(Number(a.treatmentId)) ?? [];
      list.push(foldText(a.value));
      aliases.set(Number(a.treatmentId), list);
    }
  }
  return rows.map((row) => ({
    key: String(row[keyColumn]),
    names: [
      ...named
        .map((c) => row[c])
        .filter((v): v is string => typeof v === 'string' && v !== '')
        .map(foldText),
      ...(aliases.get(Number(row.id)) ?? []),
    ],
  }));
}

/** Up to `limit` keys of `model` close to `wanted`, best first. */
export async function closestKeys(
  model: string,
  wanted: string,
  keyColumn = 'slug',
  limit = 3,
): Promise<string[]> {
  const folded = foldText(wanted);
  if (!folded) return [];
  const asKey = keyColumn === 'slug' ? folded.replace(/[\s_]+/g, '-') : folded.toUpperCase();
  const all = await entries(model, keyColumn);
  const hinted = all.filter(
    (e) =>
      e.key === asKey || e.names.includes(folded) || e.names.some((n) => n.replace(/[\s-]+/g, '-') === asKey),
  );
  if (hinted.length > 0) return hinted.slice(0, limit).map((e) => e.key);
  const max = Math.max(2, Math.floor(asKey.length / 4));
  const near = all
    .map((e) => ({
      key: e.key,
      distance: Math.min(
        editDistance(asKey.toLowerCase(), e.key.toLowerCase(), max),
        ...e.names.map((n) => editDistance(folded, n, max)),
      ),
    }))
    .filter((e) => e.distance <= max)
    .sort((a, b) => a.distance - b.distance || (a.key < b.key ? -1 : 1));
  if (near.length > 0) return near.slice(0, limit).map((e) => e.key);
  if (asKey.length < 4) return [];
  return all
    .filter((e) => e.key.includes(asKey.toLowerCase()))
    .map((e) => e.key)
    .sort()
    .slice(0, limit);
}
