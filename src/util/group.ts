/** Append `value` to the list of `key` in `m` (the list is created on the key's first value). */
export function addTo<K, V>(m: Map<K, V[]>, key: K, value: V): void {
  const list = m.get(key);
  if (list) list.push(value);
  else m.set(key, [value]);
}

/** The items grouped by `key`: groups in the order of their first item, items in their order. */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const item of items) addTo(m, key(item), item);
  return m;
}

/** How many items have each value of `key`, in the order each value is first seen (one pass). */
export function countBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, number> {
  const m = new Map<K, number>();
  for (const item of items) {
    const k = key(item);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}
