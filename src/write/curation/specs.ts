// What can be curated, as data: for each entity kind (treatment, every vocabulary kind) and each
// fact kind (every link kind of the registry, regulatory statuses) its input fields and how they
// map to columns. The GraphQL inputs (src/schema/mutations) and the validation (inputs.ts) are both
// derived from these descriptors, so a field is declared once. No zod here: the schema loads this
// module at start, the validators load with the first mutation.
import { getDatamodel } from '../../generated/pothos-types.ts';
import * as enums from '../../generated/sqlite/enums.ts';
import {
  type LinkKind,
  linkKinds,
  ownerColumn,
  type VocabularyKind,
  vocabularyKinds,
} from '../../model/kinds.ts';
import type { Row } from '../rows.ts';
import type { Writer } from '../unitOfWork.ts';
import { findOne } from './rows.ts';

const datamodel = getDatamodel().datamodel;

export type FieldSpec = { description: string; nullable?: boolean } & (
  | { kind: 'localized'; max: number }
  | { kind: 'enum'; enum: string }
  | { kind: 'slug' }
  | { kind: 'text'; max: number }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'choice'; values: readonly string[] }
  | { kind: 'list'; max: number; items: number }
);

/** The values of a Prisma enum (the GraphQL enum of the same name); the same on both engines. */
export const enumValues = (name: string): string[] => {
  const values = (enums as Record<string, Record<string, string> | undefined>)[name];
  if (!values) throw new Error(`curation: no enum ${name} in the Prisma schema`);
  return Object.values(values);
};

export interface EntitySpec {
  model: string;
  noun: string;
  /** GraphQL field names: `treatment`, `createTreatment`… */
  one: string;
  /** The column clients know it by, also its input field: `slug`, or `code` for a jurisdiction. */
  keyColumn: 'slug' | 'code';
  /** Citation column and claim type of the entity's own citations; null for what is not cited (sources, jurisdictions). */
  citationColumn: string | null;
  claimType: string;
  fields: Record<string, FieldSpec>;
  /** Fields an entity cannot be created without. */
  required: string[];
  /** Present input fields → columns (may read: a jurisdiction's id from its code). */
  columns(w: Writer, input: Record<string, unknown>): Promise<Row>;
  /** Deleting needs `admin` (sources: everything cites them), else `write`. */
  deleteScope: 'write' | 'admin';
  /** Validates the key of a new entity beyond "kebab-case slug" (a jurisdiction's ISO code). */
  keyPattern?: { regex: RegExp; message: string };
}

export interface FactSpec {
  model: string;
  noun: string;
  claimType: string;
  citationColumn: string;
  /**
   * The input field naming the other end, and where that end is found; `target` null for a fact
   * known by its own `key` within its treatment (protocol claims, limitations, settings…).
   */
  targetField: string;
  target: { model: string; column: string; keyColumn: 'slug' | 'code'; noun: string } | null;
  fields: Record<string, FieldSpec>;
  required: string[];
  /** Present input fields → columns (may read: an authority's id from its slug). */
  columns(w: Writer, input: Record<string, unknown>): Promise<Row>;
  /**
   * A rule across fields, checked on the row as it would be written (stored values merged with
   * those sent): the offending input field (one that was sent) and why, or nothing.
   */
  check?(row: Row, sent: (field: string) => boolean): { field: string; message: string } | undefined;
}

/** `name: { fr, en }` → `{ nameFr, nameEn }`; a NOT NULL French column gets '' when only English is given. */
export function localizedColumns(
  prefix: string,
  value: { fr?: string | null; en?: string | null } | null | undefined,
  frRequired = false,
): Row {
  return { [`${prefix}Fr`]: value?.fr ?? (frRequired ? '' : null), [`${prefix}En`]: value?.en ?? null };
}

/** Copies the present fields of `input` into columns: localized pairs, everything else as is. */
function columnsOf(spec: { fields: Record<string, FieldSpec> }, input: Record<string, unknown>): Row {
  const row: Row = {};
  for (const [field, f] of Object.entries(spec.fields)) {
    if (!(field in input)) continue;
    if (f.kind === 'localized')
      Object.assign(row, localizedColumns(field, input[field] as never, !f.nullable));
    else if (f.kind === 'date') row[field] = input[field] ? new Date(input[field] as string) : null;
    else row[field] = (input[field] as string | number | boolean | null) ?? null;
  }
  return row;
}

/** "a technique", "an active ingredient". */
export const a = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const nounOf = (model: string) => model.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

const treatmentSpec: EntitySpec = {
  model: 'Treatment',
  noun: 'treatment',
  one: 'treatment',
  citationColumn: 'treatmentId',
  claimType: 'treatment',
  fields: {
    name: { kind: 'localized', max: 200, description: 'Name of the treatment.' },
    summary: {
      kind: 'localized',
      max: 4000,
      description: 'Short summary, in your own words, of what the sources say.',
    },
    mechanism: {
      kind: 'localized',
      max: 4000,
      nullable: true,
      description: 'How it works, according to the sources.',
    },
  },
  required: ['name', 'summary'],
  keyColumn: 'slug',
  deleteScope: 'write',
  columns: async (_w, input) => columnsOf(treatmentSpec, input),
};

function vocabularySpec(kind: VocabularyKind): EntitySpec {
  const category = datamodel.models[kind.model]?.fields.find((f) => f.name === 'category');
  const fields: Record<string, FieldSpec> = {
    name: { kind: 'localized', max: 200, description: `Name of the ${kind.noun}.` },
    description: {
      kind: 'localized',
      max: 4000,
      nullable: true,
      description: `Short description of the ${kind.noun}.`,
    },
  };
  if (category)
    fields.category = { kind: 'enum', enum: category.type, description: `Broad family of the ${kind.noun}.` };
  return {
    model: kind.model,
    noun: kind.noun,
    one: kind.one,
    citationColumn: kind.citationColumn,
    claimType: kind.one,
    fields,
    required: category ? ['name', 'category'] : ['name'],
    keyColumn: 'slug',
    deleteScope: 'write',
    columns: async (_w, input) => columnsOf({ fields }, input),
  };
}

const sourceFields: Record<string, FieldSpec> = {
  title: { kind: 'text', max: 300, description: 'Title of the document.' },
  language: { kind: 'choice', values: ['fr', 'en'], description: 'Language of the document: fr or en.' },
  kind: {
    kind: 'enum',
    enum: 'SourceKind',
    description: 'Clinic page, patient information sheet or article.',
  },
  fileName: { kind: 'text', max: 200, description: 'File name of the document as archived.' },
  lastUpdated: { kind: 'date', nullable: true, description: 'Last update the document states (ISO date).' },
  sections: {
    kind: 'list',
    max: 300,
    items: 500,
    description:
      'Its sections in reading order: headings, or "§N topic" labels. On update, the full list: sections cited by facts cannot be removed.',
  },
};

const sourceSpec: EntitySpec = {
  model: 'Source',
  noun: 'source',
  one: 'source',
  keyColumn: 'slug',
  citationColumn: null,
  claimType: 'source',
  fields: sourceFields,
  required: ['title', 'language', 'kind', 'fileName', 'sections'],
  deleteScope: 'admin',
  // Sections are rows of their own, written by the operation (entities.ts).
  columns: async (_w, { sections: _, ...input }) => columnsOf({ fields: sourceFields }, input),
};

const jurisdictionFields: Record<string, FieldSpec> = {
  name: { kind: 'localized', max: 200, description: 'Name of the country or region.' },
};

const jurisdictionSpec: EntitySpec = {
  model: 'Jurisdiction',
  noun: 'jurisdiction',
  one: 'jurisdiction',
  keyColumn: 'code',
  citationColumn: null,
  claimType: 'jurisdiction',
  fields: jurisdictionFields,
  required: ['name'],
  deleteScope: 'write',
  keyPattern: { regex: /^[A-Z]{2}$/, message: 'must be an ISO 3166-1 alpha-2 code (two capital letters)' },
  columns: async (_w, input) => columnsOf({ fields: jurisdictionFields }, input),
};

const authorityFields: Record<string, FieldSpec> = {
  name: { kind: 'localized', max: 300, description: 'Name of the authority.' },
  acronym: { kind: 'text', max: 30, nullable: true, description: 'Its acronym (ANSM).' },
  jurisdiction: { kind: 'text', max: 2, description: 'Code of its jurisdiction (FR).' },
};

const authoritySpec: EntitySpec = {
  model: 'Authority',
  noun: 'authority',
  one: 'authority',
  keyColumn: 'slug',
  citationColumn: ownerColumn('Authority'),
  claimType: 'authority',
  fields: authorityFields,
  required: ['name', 'jurisdiction'],
  deleteScope: 'write',
  columns: async (w, { jurisdiction, ...input }) => {
    const row = columnsOf({ fields: authorityFields }, input);
    if (typeof jurisdiction === 'string') {
      const path = ['input', 'jurisdiction'];
      row.jurisdictionId = (await findOne(w, 'jurisdiction', 'code', jurisdiction, path, 'jurisdiction'))
        .id as number;
    }
    return row;
  },
};

/** Treatments, the vocabulary kinds in registry order, then sources, jurisdictions and authorities. */
export const entitySpecs: readonly EntitySpec[] = [
  treatmentSpec,
  ...vocabularyKinds.map(vocabularySpec),
  sourceSpec,
  jurisdictionSpec,
  authoritySpec,
];

/** A link kind's data columns as input fields: `noteFr`/`noteEn` → `note: { fr en }`, enums as is. */
function linkSpec(kind: LinkKind): FactSpec {
  const fields: Record<string, FieldSpec> = {};
  const required: string[] = [];
  const model = datamodel.models[kind.joinModel];
  for (const column of kind.dataColumns) {
    const pair = /^(.*)(Fr|En)$/.exec(column);
    if (pair) {
      const prefix = pair[1] as string;
      fields[prefix] ??= {
        kind: 'localized',
        max: 1000,
        nullable: true,
        description: `The link's ${nounOf(prefix)}.`,
      };
      continue;
    }
    const field = model?.fields.find((f) => f.name === column);
    fields[column] =
      field?.kind === 'enum'
        ? {
            kind: 'enum',
            enum: field.type,
            nullable: !field.isRequired,
            description: `The link's ${nounOf(column)}.`,
          }
        : {
            kind: 'text',
            max: 300,
            nullable: !field?.isRequired,
            description: `The link's ${nounOf(column)}.`,
          };
    if (field?.isRequired) required.push(column);
  }
  const toTreatment = kind.nodeModel === 'Treatment';
  return {
    model: kind.joinModel,
    noun: `${toTreatment ? nounOf(kind.joinModel.replace('Treatment', '')) : nounOf(kind.nodeModel)} link`,
    claimType: lowerFirst(kind.joinModel),
    citationColumn: kind.citationColumn,
    targetField: toTreatment ? 'otherTreatment' : kind.nodeRelation,
    target: {
      model: kind.nodeModel,
      column: kind.nodeColumn,
      keyColumn: 'slug',
      noun: nounOf(kind.nodeModel),
    },
    fields,
    required,
    columns: async (_w, input) => columnsOf({ fields }, input),
  };
}

const statusFields: Record<string, FieldSpec> = {
  status: {
    kind: 'enum',
    enum: 'RegulatoryStatusKind',
    description: 'Permitted, restricted, suspended or prohibited.',
  },
  authority: {
    kind: 'slug',
    nullable: true,
    description: 'Slug of the authority that decided it (e.g. "ansm").',
  },
  reason: { kind: 'localized', max: 4000, description: 'Why, as the sources say.' },
  settingRestrictions: {
    kind: 'localized',
    max: 4000,
    nullable: true,
    description: 'Where it may be done, when restricted.',
  },
};

const regulatoryStatusSpec: FactSpec = {
  model: 'RegulatoryStatus',
  noun: 'regulatory status',
  claimType: 'regulatoryStatus',
  citationColumn: 'regulatoryStatusId',
  targetField: 'jurisdiction',
  target: { model: 'Jurisdiction', column: 'jurisdictionId', keyColumn: 'code', noun: 'jurisdiction' },
  fields: statusFields,
  required: ['status', 'reason'],
  columns: async (w, input) => {
    const { authority, ...rest } = input;
    const row = columnsOf({ fields: statusFields }, rest);
    if ('authority' in input) {
      row.authorityId = authority
        ? ((await findOne(w, 'authority', 'slug', authority as string, ['input', 'authority'], 'authority'))
            .id as number)
        : null;
    }
    return row;
  },
};

const text = (what: string): FieldSpec => ({
  kind: 'localized',
  max: 4000,
  description: `The ${what}, as the sources say it.`,
});

/** A fact known by its key within its treatment (`sessions`, `no-scars`…), with its citations. */
function keyedSpec(
  model: string,
  noun: string,
  fields: Record<string, FieldSpec>,
  check?: FactSpec['check'],
): FactSpec {
  return {
    check,
    model,
    noun,
    claimType: lowerFirst(model),
    citationColumn: ownerColumn(model),
    targetField: 'key',
    target: null,
    fields,
    required: Object.entries(fields)
      .filter(([, f]) => !f.nullable)
      .map(([name]) => name),
    columns: async (_w, input) => columnsOf({ fields }, input),
  };
}

const keyedSpecs = [
  keyedSpec(
    'ProtocolClaim',
    'protocol claim',
    {
      kind: {
        kind: 'enum',
        enum: 'ProtocolKind',
        description: 'What the claim is about (sessions, interval…).',
      },
      text: text('claim'),
      min: { kind: 'number', nullable: true, description: 'Lower bound, when the claim gives a number.' },
      max: { kind: 'number', nullable: true, description: 'Upper bound (equal to min for one value).' },
      unit: { kind: 'enum', enum: 'ProtocolUnit', nullable: true, description: 'Unit of min and max.' },
    },
    (row, sent) => {
      if (typeof row.min !== 'number' || typeof row.max !== 'number' || row.max >= row.min) return undefined;
      return sent('max')
        ? { field: 'max', message: `max (${row.max}) must not be less than min (${row.min})` }
        : { field: 'min', message: `min (${row.min}) must not be more than max (${row.max})` };
    },
  ),
  keyedSpec('Limitation', 'limitation', { text: text('limitation') }),
  keyedSpec('TreatmentSetting', 'setting', {
    setting: { kind: 'enum', enum: 'CareSetting', description: 'Office or clinic operating room.' },
    allowed: { kind: 'boolean', description: 'Whether it may be performed there.' },
    text: text('statement'),
  }),
  keyedSpec('AnaesthesiaOption', 'anaesthesia option', {
    kind: { kind: 'enum', enum: 'AnaesthesiaKind', description: 'Which kind of anaesthesia.' },
    text: text('option'),
  }),
];

/** Every link kind of the registry, regulatory statuses, then facts known by key. */
export const factSpecs: readonly FactSpec[] = [
  ...linkKinds.map(linkSpec),
  regulatoryStatusSpec,
  ...keyedSpecs,
];
