// PostGraphile 5 declares Node >= 22 and uses a few of its built-ins; this benchmark also runs on
// Node 20, so the ones it reaches are added here when missing (imported first by server.mjs).
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
const groupBy = (items, key, make, add) => {
  const out = make();
  let i = 0;
  for (const item of items) add(out, key(item, i++), item);
  return out;
};
if (typeof Object.groupBy !== 'function') {
  Object.groupBy = (items, key) =>
    groupBy(
      items,
      key,
      () => Object.create(null),
      (o, k, v) => {
        if (!o[k]) o[k] = [];
        o[k].push(v);
      },
    );
}
if (typeof Map.groupBy !== 'function') {
  Map.groupBy = (items, key) =>
    groupBy(
      items,
      key,
      () => new Map(),
      (m, k, v) => {
        const list = m.get(k);
        if (list) list.push(v);
        else m.set(k, [v]);
      },
    );
}
