// Screening: for patient conditions (contraindication slugs), which treatments they speak against,
// how strongly, and on whose word. Informational only. A page is cut in SQL, in one order on both
// engines: the most severe match first (ABSOLUTE, RELATIVE, PRECAUTION, then no match), then slug
// in byte order; `after` is a keyset cursor on that order, so a page costs its size, not the base.
import { config } from '../config.ts';
import { InvalidCursorError } from '../errors.ts';
import { resolveSlugs } from './slugs.ts';
import { placeholders, queryRows, type SqlRow } from './sql.ts';

/** Strictest first: ABSOLUTE, RELATIVE, PRECAUTION. */
export const severityRank = { ABSOLUTE: 0, RELATIVE: 1, PRECAUTION: 2 } as const;
const rank = severityRank;
export type SeverityName = keyof typeof rank;
/** The rank of a treatment no given condition contraindicates: after every severity. */
const NO_MATCH = 3;

/** A link of a page's treatment to a given condition; its condition and citations load by id. */
export type ScreeningMatch = SqlRow & {
  id: number;
  treatmentId: number;
  contraindicationId: number;
  severity: SeverityName;
  noteFr: string | null;
  noteEn: string | null;
};

function loadLinks(treatmentIds: number[], conditionIds: number[]): Promise<ScreeningMatch[]> {
  return queryRows<ScreeningMatch>(
    `SELECT * FROM "TreatmentContraindication"
     WHERE "treatmentId" IN (${placeholders(treatmentIds.length)})
       AND "contraindicationId" IN (${placeholders(conditionIds.length)})
     ORDER BY id`,
    [...treatmentIds, ...conditionIds],
  );
}

export interface ScreeningRow {
  treatment: SqlRow & { id: number; slug: string };
  matches: ScreeningMatch[];
  worst: SeverityName | null;
  /** How many contraindications its sources list at all (0: absence of a match says nothing). */
  documented: number;
  /** Where the next page starts (pass as `after`). */
  cursor: string;
}

const encodeCursor = (worst: number, slug: string) =>
  Buffer.from(JSON.stringify([worst, slug]), 'utf8').toString('base64url');

function decodeCursor(cursor: string): [number, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && Number.isInteger(value[0]) && typeof value[1] === 'string') {
      return [value[0] as number, value[1] as string];
    }
  } catch {
    // fall through: not one of ours
  }
  throw new InvalidCursorError(cursor);
}

/** Slugs compared as bytes on PostgreSQL too, whatever the database's collation. */
const bytes = () => (config.engine === 'postgresql' ? ' COLLATE "C"' : '');

/** One page of treatments with the given conditions that contraindicate them; most severe first. */
export async function screen(
  conditions: readonly string[],
  first: number,
  after?: string | null,
): Promise<ScreeningRow[]> {
  const conditionIds = await resolveSlugs('contraindication', conditions, 'conditions');
  const start = after == null ? null : decodeCursor(after);
  const severity = `MIN(CASE severity ${Object.entries(rank)
    .map(([name, value]) => `WHEN '${name}' THEN ${value}`)
    .join(' ')} END)`;
  const worst = `COALESCE(m.worst, ${NO_MATCH})`;
  const rows = await queryRows<SqlRow & { id: number; slug: string; worst__: number; documented__: number }>(
    `SELECT t.*, ${worst} AS "worst__",
       (SELECT COUNT(*) FROM "TreatmentContraindication" d WHERE d."treatmentId" = t.id) AS "documented__"
     FROM "Treatment" t
     LEFT JOIN (
       SELECT "treatmentId", ${severity} AS worst FROM "TreatmentContraindication"
       WHERE "contraindicationId" IN (${placeholders(conditionIds.length)}) GROUP BY "treatmentId"
     ) m ON m."treatmentId" = t.id
     ${start ? `WHERE (${worst} > ? OR (${worst} = ? AND t.slug${bytes()} > ?))` : ''}
     ORDER BY ${worst}, t.slug${bytes()} LIMIT ?`,
    [...conditionIds, ...(start ? [start[0], start[0], start[1]] : []), first],
  );
  const links =
    rows.length && conditionIds.length
      ? await loadLinks(
          rows.map((r) => r.id),
          conditionIds,
        )
      : [];
  const byTreatment = new Map<number, ScreeningMatch[]>();
  for (const l of links) {
    const id = Number(l.treatmentId);
    byTreatment.set(id, [...(byTreatment.get(id) ?? []), l]);
  }
  return rows.map(({ worst__, documented__, ...treatment }) => {
    const matches = (byTreatment.get(treatment.id as number) ?? []).sort(
      (a, b) => rank[a.severity] - rank[b.severity],
    );
    return {
      treatment: treatment as ScreeningRow['treatment'],
      matches,
      worst: matches[0]?.severity ?? null,
      documented: Number(documented__),
      cursor: encodeCursor(Number(worst__), treatment.slug as string),
    };
  });
}
