// Measures an operation before it runs: depth, aliases and cost, in one walk over the selected
// operation with its fragments inlined. Runs after validation, so fragments exist and do not cycle.
//
// Cost counts the objects the database may have to produce. A leaf field (scalar, enum) is free; an
// object field costs 1 for each time it is reached, a list of objects 1 per item. A field with a `first`/`last` argument (every
// connection, and `search`) multiplies what is below it by its page size (the default page size
// when the argument is absent); any other list of objects multiplies by LIST_FACTOR, an estimate.
// Lists inside a connection (`edges`, `nodes`) are the page itself and do not multiply again.
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../schema/connections.ts';

export const LIST_FACTOR = 10;

export interface OperationMeasure {
  depth: number;
  aliases: number;
  cost: number;
}

type Fragments = Map<string, FragmentDefinitionNode>;
type Variables = Record<string, unknown>;

export function selectOperation(
  document: DocumentNode,
  operationName?: string | null,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  return operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
}

/**
 * Measures of documents sent without variables, by document and operation name: Yoga's parser cache
 * hands the same document object to every request with the same text, so a repeated query (an
 * app's detail page, a CMS pull) is walked once. With variables, page sizes can differ: walked each time.
 */
const measured = new WeakMap<DocumentNode, Map<string, OperationMeasure>>();

export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables,
): OperationMeasure {
  if (Object.keys(variables).length > 0) return walkOperation(schema, document, operationName, variables);
  let byName = measured.get(document);
  if (!byName) {
    byName = new Map();
    measured.set(document, byName);
  }
  const key = operationName ?? '';
  let measure = byName.get(key);
  if (!measure) {
    measure = walkOperation(schema, document, operationName, variables);
    byName.set(key, measure);
  }
  // A copy: callers may not change what later requests read.
  return { ...measure };
}

function walkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables,
): OperationMeasure {
  const operation = selectOperation(document, operationName);
  const measure: OperationMeasure = { depth: 0, aliases: 0, cost: 0 };
  if (!operation) return measure;
  const fragments: Fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const root = schema.getRootType(operation.operation);
  if (!root) return measure;
  walk(
    operation.selectionSet,
    { parentType: root, depth: 1, multiplier: 1, insideConnection: false },
    { schema, fragments, variables, measure },
  );
  return measure;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Fragments;
  variables: Variables;
  measure: OperationMeasure;
}

/** Where a selection sits: its parent type, depth, how many times it is reached, and whether
 * it is inside a connection (whose lists are the page already counted). */
interface At {
  parentType: GraphQLNamedType;
  depth: number;
  multiplier: number;
  insideConnection: boolean;
}

function walk(selectionSet: SelectionSetNode, at: At, w: Walk): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      visitField(selection, at, w);
    } else {
      const set = selection.kind === Kind.INLINE_FRAGMENT ? selection : w.fragments.get(selection.name.value);
      if (!set) continue;
      const typeName = set.typeCondition?.name.value;
      const parentType = (typeName && w.schema.getType(typeName)) || at.parentType;
      walk(set.selectionSet, { ...at, parentType }, w);
    }
  }
}

function visitField(node: FieldNode, at: At, w: Walk): void {
  if (node.alias) w.measure.aliases++;
  w.measure.depth = Math.max(w.measure.depth, at.depth);
  // Introspection reads the schema, not the database: it costs nothing.
  if (node.name.value.startsWith('__')) return;
  const parent = at.parentType;
  // On a union only __typename is selectable without a fragment, and it was skipped above.
  const field =
    isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined;
  if (!field) return;
  const returnType = getNamedType(field.type);
  if (isLeafType(returnType)) return;

  const hasPageArgs = field.args.some((a) => a.name === 'first' || a.name === 'last');
  const isList = isListType(getNullableType(field.type));
  let factor = 1;
  if (hasPageArgs) factor = pageSize(node, w.variables);
  else if (isList && !at.insideConnection) factor = LIST_FACTOR;
  // A list produces one object per item (e.g. `search`); a connection object is one object whose
  // `edges` / `nodes` are the page.
  w.measure.cost += isList ? at.multiplier * factor : at.multiplier;
  if (!node.selectionSet) return;
  walk(
    node.selectionSet,
    {
      parentType: returnType,
      depth: at.depth + 1,
      multiplier: at.multiplier * factor,
      insideConnection: returnType.name.endsWith('Connection') || returnType.name.endsWith('Edge'),
    },
    w,
  );
}

function pageSize(node: FieldNode, variables: Variables): number {
  let size: number | undefined;
  for (const arg of node.arguments ?? []) {
    if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
    const value = valueFromASTUntyped(arg.value, variables);
    if (typeof value === 'number') size = Math.max(size ?? 0, value);
  }
  return size ?? DEFAULT_PAGE_SIZE;
}
