// What an export holds: one table per entity kind and per fact kind (links, claims, statuses,
// sections, codes, aliases), every citation, and the contraindication overlap matrix. Derived from
// the Prisma datamodel, so a new model or column is exported without a line here. Each table is
// read with one parameterised SELECT per page (src/export/read.ts); rows carry keys (slugs, codes,
// a fact's `key`), never database ids, so two databases with the same knowledge export the same.
import { getDatamodel } from '../generated/pothos-types.ts';
import { entityKeyColumn } from '../model/kinds.ts';
import { relationsOf } from '../model/relations.ts';

const models = getDatamodel().datamodel.models;

/** How a value is normalised across engines (SQLite gives 0/1 and ISO text, PostgreSQL booleans and Dates). */
export type ValueType = 'string' | 'int' | 'float' | 'boolean' | 'datetime';

export interface Column {
  /** Name in CSV headers and JSON objects (`nameFr` in CSV; JSON nests it as `name.fr`). */
  name: string;
  /** The SQL expression selecting it (identifiers from the datamodel only). */
  sql: string;
  type: ValueType;
  /** For a localized text column: its stem and language (`name`, `fr`). */
  localized?: { stem: string; locale: 'fr' | 'en' };
}

export interface ExportTable {
  /** File and URL name: `treatments`, `treatment-contraindications`, `citations`. */
  name: string;
  /** What a row is, for the index. */
  description: string;
  columns: Column[];
  /** `FROM … JOIN …` with the table aliased `t`. */
  from: string;
  /** Keyset paging columns of `t`: together unique, read in ascending order. */
  pageBy: string[];
  /** Column of Citation pointing at this table's rows, when its rows carry citations. */
  citedBy?: string;
}

/** Internal models: credentials, counters and the logs (the change feed and audit log serve those). */
const notExported = new Set(['ApiKey', 'DataVersion', 'ChangeLog', 'AuditLog', 'ContraindicationOverlap']);

/** Bookkeeping columns: database ids, derived search and sort text, creation time. */
const internal = (name: string) => name === 'id' || name === 'searchText' || /^sort[A-Z]/.test(name);

/** Keys written only so the seed can update in place (`Citation.key`, `TerminologyCode.key`). */
const seedKeys = new Set(['Citation.key', 'TerminologyCode.key']);

const q = (name: string) => `"${name}"`;

const kebab = (s: string) => s.replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase());

/** `TreatmentContraindication` → `treatment-contraindications`, `RegulatoryStatus` → `regulatory-statuses`. */
export function tableName(model: string): string {
  const base = kebab(model);
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(base)) return `${base}es`;
  return `${base}s`;
}

const scalarType = (type: string, kind: string): ValueType => {
  if (kind === 'enum') return 'string';
  switch (type) {
    case 'Int':
    case 'BigInt':
      return 'int';
    case 'Float':
    case 'Decimal':
      return 'float';
    case 'Boolean':
      return 'boolean';
    case 'DateTime':
      return 'datetime';
    default:
      return 'string';
  }
};

function modelTable(model: string): ExportTable {
  const fields = models[model]?.fields ?? [];
  const foreignKeys = new Set<string>();
  const joins: string[] = [];
  const columns: Column[] = [];
  const localizedStems = new Set(
    fields.flatMap((f) => {
      const m = /^(.+)(Fr|En)$/.exec(f.name);
      return m && fields.some((o) => o.name === `${m[1]}${m[2] === 'Fr' ? 'En' : 'Fr'}`)
        ? [m[1] as string]
        : [];
    }),
  );
  for (const { name, type, column } of relationsOf(model)) {
    foreignKeys.add(column);
    // A reference to an entity is exported as its key; one to a section as its locator. A
    // citation's owner columns are left out: its claimType and claimSubject name the fact.
    const target = entityKeyColumn(type) ?? (type === 'SourceSection' ? 'locator' : undefined);
    if (!target || (model === 'Citation' && type !== 'Source' && type !== 'SourceSection')) continue;
    const alias = `j${joins.length}`;
    joins.push(`LEFT JOIN ${q(type)} ${alias} ON ${alias}."id" = t.${q(column)}`);
    columns.push({
      name: type === 'SourceSection' ? 'locator' : name,
      sql: `${alias}.${q(target)}`,
      type: 'string',
    });
  }
  const own: Column[] = [];
  for (const f of fields) {
    if ((f.kind !== 'scalar' && f.kind !== 'enum') || internal(f.name) || foreignKeys.has(f.name)) continue;
    if (f.name === 'createdAt' || seedKeys.has(`${model}.${f.name}`)) continue;
    const m = /^(.+)(Fr|En)$/.exec(f.name);
    const localized =
      m && localizedStems.has(m[1] as string)
        ? { stem: m[1] as string, locale: (m[2] === 'Fr' ? 'fr' : 'en') as 'fr' | 'en' }
        : undefined;
    own.push({ name: f.name, sql: `t.${q(f.name)}`, type: scalarType(f.type, f.kind), localized });
  }
  // What identifies a row first: an entity's key, or the fact a citation supports; then the
  // references (the treatment, the entity linked), then a fact's own key, then its data.
  const leading: (string | undefined)[] =
    model === 'Citation' ? ['claimType', 'claimSubject'] : [entityKeyColumn(model)];
  const first = own.filter((c) => leading.includes(c.name));
  const key = own.filter((c) => c.name === 'key' && !first.includes(c));
  const rest = own.filter((c) => !first.includes(c) && !key.includes(c));
  // Sources and sections are what citations point to, not facts they support.
  const cited =
    model !== 'Source' &&
    model !== 'SourceSection' &&
    fields.some((f) => f.name === 'citations' && f.type === 'Citation');
  return {
    name: tableName(model),
    description: `One row per ${kebab(model).replace(/-/g, ' ')}${cited ? ', with its citations' : ''}`,
    columns: [...first, ...columns, ...key, ...rest],
    from: [`${q(model)} t`, ...joins].join(' '),
    pageBy: ['id'],
    citedBy: cited ? citationColumnFor(model) : undefined,
  };
}

/** The Citation column pointing at `model` (from the datamodel). */
const citationColumnFor = (model: string) => relationsOf('Citation').find((r) => r.type === model)?.column;

/** The overlap matrix as pairs: symmetric, so each unordered pair once, and pairs sharing nothing left out. */
const overlaps: ExportTable = {
  name: 'contraindication-overlaps',
  description:
    'The treatment × treatment contraindication overlap matrix as pairs: each pair sharing at least one contraindication once (the matrix is symmetric), with the shared count and Jaccard index',
  columns: [
    { name: 'treatmentA', sql: 'a."slug"', type: 'string' },
    { name: 'treatmentB', sql: 'b."slug"', type: 'string' },
    { name: 'shared', sql: 't."shared"', type: 'int' },
    { name: 'jaccard', sql: 't."jaccard"', type: 'float' },
    { name: 'independentShared', sql: 't."independentShared"', type: 'int' },
    { name: 'severityWeight', sql: 't."severityWeight"', type: 'int' },
  ],
  from: '"ContraindicationOverlap" t JOIN "Treatment" a ON a."id" = t."treatmentAId" JOIN "Treatment" b ON b."id" = t."treatmentBId"',
  pageBy: ['treatmentAId', 'treatmentBId'],
};

const described: Record<string, string> = {
  citations: 'One row per citation: the fact it supports (claimType, claimSubject), its source and section',
};

/** Every export, entities first, in the datamodel's order. */
export const exportTables: readonly ExportTable[] = [
  ...Object.keys(models)
    .filter((m) => !notExported.has(m))
    .map(modelTable)
    .map((t) => ({ ...t, description: described[t.name] ?? t.description })),
  overlaps,
];

export const exportTable = (name: string) => exportTables.find((t) => t.name === name);
