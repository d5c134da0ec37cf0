/**
 * `record[key]` when `key` is the record's own property, else undefined. A name users choose (a metric, a column,
 * a group) such as "constructor" or "toString" would otherwise find Object.prototype's function.
 */
export function ownEntry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Sets `record[key]` as an own property: plain assignment of "__proto__" would replace the record's prototype. */
export function setOwnEntry<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
