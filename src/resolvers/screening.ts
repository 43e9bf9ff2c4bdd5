// Screening: for patient conditions (contraindication slugs), which treatments they speak against,
// how strongly, and on whose word. Informational only.
import { db } from '../db.ts';
import { citationInclude } from './citations.ts';
import { resolveSlugs } from './slugs.ts';

const rank = { ABSOLUTE: 0, RELATIVE: 1, PRECAUTION: 2 } as const;
export type SeverityName = keyof typeof rank;

async function loadLinks(conditionIds: number[]) {
  return db.treatmentContraindication.findMany({
    where: { contraindicationId: { in: conditionIds } },
    include: { contraindication: true, citations: citationInclude },
    orderBy: { id: 'asc' },
  });
}

export type ScreeningMatch = Awaited<ReturnType<typeof loadLinks>>[number];
export type TreatmentRow = Awaited<ReturnType<typeof db.treatment.findMany>>[number];

export interface ScreeningRow {
  treatment: TreatmentRow;
  matches: ScreeningMatch[];
  worst: SeverityName | null;
}

/** Every treatment with the given conditions that contraindicate it; most severe first. */
export async function screen(conditions: readonly string[]): Promise<ScreeningRow[]> {
  const conditionIds = await resolveSlugs('contraindication', conditions, 'conditions');
  const [treatments, links] = await Promise.all([
    db.treatment.findMany({ orderBy: { slug: 'asc' } }),
    loadLinks(conditionIds),
  ]);
  const byTreatment = new Map<number, ScreeningMatch[]>();
  for (const l of links) byTreatment.set(l.treatmentId, [...(byTreatment.get(l.treatmentId) ?? []), l]);
  const rows = treatments.map((treatment) => {
    const matches = (byTreatment.get(treatment.id) ?? []).sort((a, b) => rank[a.severity] - rank[b.severity]);
    return { treatment, matches, worst: matches[0]?.severity ?? null };
  });
  const score = (r: ScreeningRow) => (r.worst === null ? 3 : rank[r.worst]);
  return rows.sort((a, b) => score(a) - score(b) || a.treatment.slug.localeCompare(b.treatment.slug));
}
