// What the seed must leave alone once curators write to the database: every entity whose last
// change (in the change log) was not the seed's — created, edited or deleted through the API —
// with all of its facts, links and citations. The seed stays the source of what it alone wrote.
import { entityKinds, vocabularyKinds } from '../src/model/kinds.ts';
import { modelName, type Row } from '../src/write/rows.ts';
import type { Writer } from '../src/write/unitOfWork.ts';

export const SEED_ACTOR = 'seed';

/** Entity models with the column clients know them by. */
const keyColumns: Record<string, string> = Object.fromEntries(entityKinds.map((k) => [k.model, k.keyColumn]));

/** Citation claim types naming an entity itself (`treatment:prp-injection`), by model. */
const entityOfClaim: Record<string, string> = Object.fromEntries(
  Object.keys(keyColumns).map((model) => [model.charAt(0).toLowerCase() + model.slice(1), model]),
);

/** Facts linking two treatments: both ends own them. */
const otherEnd: Record<string, string> = {
  treatmentComponent: 'componentId',
  treatmentCombination: 'otherId',
};

export class CuratedGuard {
  private readonly keysById = new Map<string, string>();
  /** Curated entities (`Model:key`) the seed would have written to, and the entities it holds. */
  private readonly touched = new Set<string>();
  private readonly held = new Set<string>();

  private constructor(private readonly curated: ReadonlySet<string>) {}

  static async load(w: Writer): Promise<CuratedGuard> {
    // The last entry per entity: curated when its actor is not the seed (nor a bulk RESET).
    const rows = await w.query(
      `SELECT c."entity", c."entityKey" FROM "ChangeLog" c
       WHERE c."actor" <> ? AND c."entity" <> 'Knowledge'
         AND c."seq" = (SELECT MAX(d."seq") FROM "ChangeLog" d WHERE d."entity" = c."entity" AND d."entityKey" = c."entityKey")`,
      [SEED_ACTOR],
    );
    return new CuratedGuard(new Set(rows.map((r) => `${r.entity}:${r.entityKey}`)));
  }

  get active(): boolean {
    return this.curated.size > 0;
  }

  /** Remembers entity ids → keys (existing rows and rows the seed just created). */
  learn(model: string, rows: readonly Row[]): void {
    const column = keyColumns[modelName(model)];
    if (!column) return;
    for (const r of rows)
      this.keysById.set(`${modelName(model)}:${r.id}`, `${modelName(model)}:${r[column]}`);
  }

  private byId(model: string, id: unknown): string | undefined {
    return typeof id === 'number' ? this.keysById.get(`${model}:${id}`) : undefined;
  }

  /** The entities (`Model:key`) a row belongs to. */
  ownersOf(model: string, row: Row): string[] {
    const name = modelName(model);
    const column = keyColumns[name];
    if (column) return [`${name}:${row[column]}`];
    if (name === 'SourceSection') return [this.byId('Source', row.sourceId)].filter(Boolean) as string[];
    if (name === 'Citation') {
      const type = row.claimType as string;
      const subject = String(row.claimSubject);
      const entity = entityOfClaim[type];
      if (entity) return [`${entity}:${subject}`];
      const [treatment, other] = subject.split('/');
      return type in otherEnd ? [`Treatment:${treatment}`, `Treatment:${other}`] : [`Treatment:${treatment}`];
    }
    if (name === 'TerminologyCode') {
      return vocabularyKinds.flatMap((k) => {
        const key = this.byId(k.model, row[`${k.one}Id`]);
        return key ? [key] : [];
      });
    }
    const owners = [this.byId('Treatment', row.treatmentId)];
    const end = otherEnd[model.charAt(0).toLowerCase() + model.slice(1)];
    if (end) owners.push(this.byId('Treatment', row[end]));
    return owners.filter(Boolean) as string[];
  }

  /** Whether the seed must not write this row; notes its curated owners (see `conflicts`). */
  protects(model: string, row: Row): boolean {
    const hit = this.ownersOf(model, row).filter((k) => this.curated.has(k));
    for (const k of hit) this.touched.add(k);
    return hit.length > 0;
  }

  /** Notes the entities the seed holds (rows of an entity model as the seed has them). */
  holds(model: string, rows: readonly Row[]): void {
    const column = keyColumns[modelName(model)];
    if (column) for (const r of rows) this.held.add(`${modelName(model)}:${r[column]}`);
  }

  /**
   * Curated entities the seed would have changed, sorted. An entity the seed does not hold at all
   * (created through the API) is never one: the seed never knew it.
   */
  get conflicts(): string[] {
    return [...this.touched].filter((k) => this.held.has(k)).sort();
  }
}
