// What a client selected below a connection, read from the query's syntax tree: the node fields
// under `nodes { … }` and `edges { node { … } }`, so a link page reads only the node columns
// those fields need (src/resolvers/linkRows.ts: selectedColumns).
import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** Parsed documents are cached by Yoga, so a field node is the same object on every request. */
const cache = new WeakMap<FieldNode, ReadonlySet<string>>();

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

/** Names of the node fields selected below this connection field (every alias and fragment). */
export function connectionNodeFields(info: GraphQLResolveInfo): ReadonlySet<string> {
  const single = info.fieldNodes.length === 1 ? info.fieldNodes[0] : undefined;
  const cached = single && cache.get(single);
  if (cached) return cached;
  const names = new Set<string>();
  const addNodeFields = (node: FieldNode) =>
    collect(node.selectionSet, info.fragments, (f) => names.add(f.name.value));
  for (const field of info.fieldNodes) {
    collect(field.selectionSet, info.fragments, (f) => {
      if (f.name.value === 'nodes') addNodeFields(f);
      else if (f.name.value === 'edges')
        collect(f.selectionSet, info.fragments, (e) => {
          if (e.name.value === 'node') addNodeFields(e);
        });
    });
  }
  if (single) cache.set(single, names);
  return names;
}
