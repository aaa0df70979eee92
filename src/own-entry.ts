/**
 * A table's own entry for a key, or undefined. Tables keyed by outside text (a word of a transcript or a
 * question, a command line, a meta file, a template placeholder) must not read Object.prototype's members:
 * `table['constructor']` is the Object function, which once put "function Object() { [native code] }"
 * into a retold quote and crashed `gomez constructor`.
 */
export function ownEntry<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
