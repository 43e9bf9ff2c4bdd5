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
  /** Citation column and claim type of the entity's own citations. */
  citationColumn: string;
  claimType: string;
  fields: Record<string, FieldSpec>;
  /** Fields an entity cannot be created without. */
  required: string[];
  /** Present input fields → columns. */
  columns(input: Record<string, unknown>): Row;
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
    else row[field] = (input[field] as string | null) ?? null;
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
  columns: (input) => columnsOf(treatmentSpec, input),
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
    columns: (input) => columnsOf({ fields }, input),
  };
}

/** Treatments, then the vocabulary kinds in registry order. */
export const entitySpecs: readonly EntitySpec[] = [treatmentSpec, ...vocabularyKinds.map(vocabularySpec)];

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
function keyedSpec(model: string, noun: string, fields: Record<string, FieldSpec>): FactSpec {
  return {
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
  keyedSpec('ProtocolClaim', 'protocol claim', {
    kind: {
      kind: 'enum',
      enum: 'ProtocolKind',
      description: 'What the claim is about (sessions, interval…).',
    },
    text: text('claim'),
    min: { kind: 'number', nullable: true, description: 'Lower bound, when the claim gives a number.' },
    max: { kind: 'number', nullable: true, description: 'Upper bound (equal to min for one value).' },
    unit: { kind: 'enum', enum: 'ProtocolUnit', nullable: true, description: 'Unit of min and max.' },
  }),
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
