// The kind registry: every vocabulary kind and every link kind of a treatment, once. Schema fields,
// loaders, filters, slug lookups, search, the seed writer, the scale generator, the bulk loader and
// the bench floor all derive from these lists, so adding a kind is one entry here plus a migration.
// Only names are written by hand; columns, foreign keys and citation owners come from the Prisma
// datamodel (DMMF) and are checked when this module loads.
import { getDatamodel } from '../generated/pothos-types.ts';

const models = getDatamodel().datamodel.models;

/** Vocabulary kinds: the things treatments link to, each with its own slug lookup and list. */
export type VocabularyModel =
  | 'Technique'
  | 'ActiveIngredient'
  | 'Indication'
  | 'Contraindication'
  | 'SideEffect'
  | 'BodyArea';

export type JoinModel =
  | 'TreatmentTechnique'
  | 'TreatmentActiveIngredient'
  | 'TreatmentIndication'
  | 'TreatmentContraindication'
  | 'TreatmentSideEffect'
  | 'TreatmentBodyArea'
  | 'TreatmentComponent'
  | 'TreatmentCombination';

/** Kinds a slug argument can name (UNKNOWN_SLUGS says which). */
export type SlugKind = 'treatment' | VocabularyKind['one'];

export interface VocabularyKind {
  /** Prisma model and GraphQL type name. */
  model: VocabularyModel;
  /** Root lookup field (`technique(slug:)`), Prisma delegate and slug kind. */
  one: 'technique' | 'activeIngredient' | 'indication' | 'contraindication' | 'sideEffect' | 'bodyArea';
  /** Root list field (`techniques`) and the Treatment connection and filter field. */
  many:
    | 'techniques'
    | 'activeIngredients'
    | 'indications'
    | 'contraindications'
    | 'sideEffects'
    | 'bodyAreas';
  /** In prose: "active ingredient". */
  noun: string;
  /** `seed/data/vocabulary/<seedFile>.yaml`. */
  seedFile:
    | 'techniques'
    | 'active-ingredients'
    | 'indications'
    | 'contraindications'
    | 'side-effects'
    | 'body-areas';
  /** Whether `search` looks in this kind. */
  searchable: boolean;
  /** Whether the treatment filter takes `{ any all none }` slugs of this kind. */
  filterable: boolean;
  /** Whether entries carry terminology codes (from the DMMF: a `codes` relation). */
  codes: boolean;
  /** Column of Citation (and TerminologyCode) pointing at an entry (from the DMMF). */
  citationColumn: string;
  /** Its link to treatments. */
  link: LinkKind;
}

export interface LinkKind {
  /** The Treatment field listing these links (`techniques`, `combinableWith`). */
  field: string;
  /** That field's GraphQL description. */
  description: string;
  /** Safety-relevant data: its descriptions carry the "informational, no substitute" notice. */
  informational: boolean;
  joinModel: JoinModel;
  /** Prisma delegate of the join model (`treatmentTechnique`). */
  delegate: string;
  /** Join relation and column pointing at the treatment that owns the link (from the DMMF). */
  treatmentRelation: string;
  treatmentColumn: string;
  /** Join relation to the entity at the other end (`technique`, `other`). */
  nodeRelation: string;
  /** Join column pointing at the entity at the other end (from the DMMF). */
  nodeColumn: string;
  /** Model at the other end (from the DMMF). */
  nodeModel: string;
  /** Column of Citation pointing at a link row (from the DMMF). */
  citationColumn: string;
  /** The join model's own data columns (note, severity, frequency…), from the DMMF. */
  dataColumns: string[];
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function fieldsOf(model: string) {
  const found = models[model];
  if (!found) throw new Error(`kinds: no model ${model} in the Prisma datamodel`);
  return found.fields;
}

/** The column of `owner` whose relation points at `target`, e.g. Citation → TreatmentTechnique. */
function foreignKey(owner: string, target: string): string {
  const relation = fieldsOf(owner).find((f) => f.kind === 'object' && f.type === target);
  const column = relation?.relationFromFields?.[0];
  if (!column) throw new Error(`kinds: ${owner} has no relation to ${target}`);
  return column;
}

/** Link columns that are bookkeeping or keys, not data a client reads on the edge. */
const notData = new Set(['id', 'createdAt', 'updatedAt', 'version', 'searchText']);

function link(
  field: string,
  joinModel: JoinModel,
  nodeRelation: string,
  description: string,
  informational = false,
): LinkKind {
  const fields = fieldsOf(joinModel);
  const node = fields.find((f) => f.name === nodeRelation);
  const nodeColumn = node?.relationFromFields?.[0];
  if (!node || !nodeColumn) throw new Error(`kinds: ${joinModel}.${nodeRelation} is not a relation`);
  const owner = fields.find((f) => f.kind === 'object' && f.type === 'Treatment' && f.name !== nodeRelation);
  const treatmentColumn = owner?.relationFromFields?.[0];
  if (!owner || !treatmentColumn) throw new Error(`kinds: ${joinModel} has no treatment side`);
  const keys = new Set([treatmentColumn, nodeColumn]);
  return {
    field,
    description,
    informational,
    joinModel,
    delegate: lowerFirst(joinModel),
    treatmentRelation: owner.name,
    treatmentColumn,
    nodeRelation,
    nodeColumn,
    nodeModel: node.type,
    citationColumn: foreignKey('Citation', joinModel),
    dataColumns: fields
      .filter((f) => (f.kind === 'scalar' || f.kind === 'enum') && !notData.has(f.name) && !keys.has(f.name))
      .map((f) => f.name),
  };
}

function vocabulary(
  model: VocabularyModel,
  many: VocabularyKind['many'],
  noun: string,
  seedFile: VocabularyKind['seedFile'],
  options: { searchable: boolean; filterable: boolean; description: string; informational?: boolean },
): VocabularyKind {
  const { description, informational, ...flags } = options;
  const one = lowerFirst(model) as VocabularyKind['one'];
  return {
    model,
    one,
    many,
    noun,
    seedFile,
    ...flags,
    codes: fieldsOf(model).some((f) => f.name === 'codes' && f.type === 'TerminologyCode'),
    citationColumn: foreignKey('Citation', model),
    link: link(many, `Treatment${model}` as JoinModel, one, description, informational),
  };
}

/** Every vocabulary kind, in the order the schema, the seed and the docs list them. */
export const vocabularyKinds: readonly VocabularyKind[] = [
  vocabulary('Technique', 'techniques', 'technique', 'techniques', {
    searchable: true,
    filterable: true,
    description: 'How it is delivered; each edge carries its citations.',
  }),
  vocabulary('ActiveIngredient', 'activeIngredients', 'active ingredient', 'active-ingredients', {
    searchable: true,
    filterable: true,
    description: 'What it delivers; each edge carries its citations.',
  }),
  vocabulary('Indication', 'indications', 'indication', 'indications', {
    searchable: true,
    filterable: true,
    description: 'What it is used for; each edge carries its citations.',
  }),
  vocabulary('Contraindication', 'contraindications', 'contraindication', 'contraindications', {
    searchable: true,
    filterable: true,
    description: 'Conditions that speak against it, with severity and citations on each edge.',
    informational: true,
  }),
  vocabulary('SideEffect', 'sideEffects', 'side effect', 'side-effects', {
    searchable: true,
    filterable: false,
    description: 'Adverse effects, with frequency and duration as the sources word them, and citations.',
  }),
  vocabulary('BodyArea', 'bodyAreas', 'body area', 'body-areas', {
    searchable: false,
    filterable: true,
    description: 'Where on the body it is done; each edge carries its citations.',
  }),
];

/** Links from a treatment to another treatment. */
export const treatmentLinkKinds: readonly LinkKind[] = [
  link(
    'components',
    'TreatmentComponent',
    'component',
    'For a combined treatment (e.g. microneedling with PRP): the treatments it combines.',
  ),
  link(
    'combinableWith',
    'TreatmentCombination',
    'other',
    'Treatments the sources say it can be associated with.',
  ),
];

/** Every link kind of a treatment: the vocabularies' links, then treatment-to-treatment links. */
export const linkKinds: readonly LinkKind[] = [...vocabularyKinds.map((k) => k.link), ...treatmentLinkKinds];

const byModel = new Map(vocabularyKinds.map((k) => [k.model, k]));
const byOne = new Map(vocabularyKinds.map((k) => [k.one, k]));

/** The vocabulary kind of a model name (throws for anything else: a programming error). */
export function vocabularyKind(model: string): VocabularyKind {
  const kind = byModel.get(model as VocabularyModel) ?? byOne.get(model as VocabularyKind['one']);
  if (!kind) throw new Error(`kinds: ${model} is not a vocabulary kind`);
  return kind;
}

/** The column of Citation (or of another owned model, e.g. TerminologyCode) pointing at `model`. */
export const ownerColumn = (model: string, owned = 'Citation'): string => foreignKey(owned, model);

/**
 * Entities: what clients know by a slug (or a jurisdiction's code), each with its own version and
 * change-log entries; every other row is a fact of one of them. In full-sync order.
 */
export const entityKinds: ReadonlyArray<{ model: string; keyColumn: 'slug' | 'code' }> = [
  { model: 'Treatment', keyColumn: 'slug' },
  ...vocabularyKinds.map((k) => ({ model: k.model, keyColumn: 'slug' as const })),
  { model: 'Source', keyColumn: 'slug' },
  { model: 'Jurisdiction', keyColumn: 'code' },
  { model: 'Authority', keyColumn: 'slug' },
];

/** The column clients know an entity model by (undefined for a model that is no entity). */
export const entityKeyColumn = (model: string) => entityKinds.find((k) => k.model === model)?.keyColumn;

/** Models `search` looks in: treatments first, then the searchable vocabularies. */
export const searchModels = [
  'Treatment',
  ...vocabularyKinds.filter((k) => k.searchable).map((k) => k.model),
] as const;
