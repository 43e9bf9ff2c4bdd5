// What a client selected below a connection, read from the query's syntax tree: the node fields
// under `nodes { … }` and `edges { node { … } }` and the edge's own fields, so a link page reads
// only the columns those fields need (src/resolvers/columns.ts: selectedColumns).
import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** What a connection's selection reads: fields of its nodes, and fields of its edges besides `node`. */
export interface ConnectionFields {
  node: ReadonlySet<string>;
  /** Edge fields (`severity`, `note`, `citations`…); `cursor` and `__typename` need no column. */
  edge: ReadonlySet<string>;
}

/** Parsed documents are cached by Yoga, so a field node is the same object on every request. */
const cache = new WeakMap<FieldNode, ConnectionFields>();

function collect(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  visit: (field: FieldNode) => void,
): void {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === 'Field') visit(selection);
    else if (selection.kind === 'InlineFragment') collect(selection.selectionSet, fragments, visit);
    else collect(fragments[selection.name.value]?.selectionSet, fragments, visit);
  }
}

/**
 * What `compute` reads from a field's selection, kept per field node when the field has one (an
 * aliased field asked twice under one parent has several, and is computed each time).
 */
function perField<T>(store: WeakMap<FieldNode, T>, info: GraphQLResolveInfo, compute: () => T): T {
  const single = info.fieldNodes.length === 1 ? info.fieldNodes[0] : undefined;
  const cached = single && store.get(single);
  if (cached) return cached;
  const value = compute();
  if (single) store.set(single, value);
  return value;
}

const noColumn = new Set(['node', 'cursor', '__typename']);

/** The node and edge fields selected below this connection field (every alias and fragment). */
export function connectionFields(info: GraphQLResolveInfo): ConnectionFields {
  return perField(cache, info, () => {
    const node = new Set<string>();
    const edge = new Set<string>();
    const addNodeFields = (field: FieldNode) =>
      collect(field.selectionSet, info.fragments, (f) => node.add(f.name.value));
    for (const field of info.fieldNodes) {
      collect(field.selectionSet, info.fragments, (f) => {
        if (f.name.value === 'nodes') addNodeFields(f);
        else if (f.name.value === 'edges')
          collect(f.selectionSet, info.fragments, (e) => {
            if (e.name.value === 'node') addNodeFields(e);
            else if (!noColumn.has(e.name.value)) edge.add(e.name.value);
          });
      });
    }
    return { node, edge };
  });
}

const objectCache = new WeakMap<FieldNode, ReadonlySet<string>>();

/** The fields selected directly below this field (every alias and fragment): a to-one object's. */
export function objectFields(info: GraphQLResolveInfo): ReadonlySet<string> {
  return perField(objectCache, info, () => {
    const fields = new Set<string>();
    for (const field of info.fieldNodes) {
      collect(field.selectionSet, info.fragments, (f) => fields.add(f.name.value));
    }
    return fields;
  });
}
