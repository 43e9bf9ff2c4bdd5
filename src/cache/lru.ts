// A Map used as a least-recently-used cache: insertion order is use order, so the first key is
// the one to drop. Shared by the prepared-statement cache and compiled execution.

/** The value under `key`, made by `make` when missing; at most `max` entries are kept. */
export function lruGet<K, V>(map: Map<K, V>, key: K, make: () => V, max: number): V {
  let value = map.get(key);
  if (value !== undefined) {
    // Most recently used last.
    map.delete(key);
  } else {
    value = make();
    if (map.size >= max) map.delete(map.keys().next().value as K);
  }
  map.set(key, value);
  return value;
}
