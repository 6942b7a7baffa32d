/**
 * The key an entity goes by in a dataset (graph.json node keys, entity records, neighbour lists,
 * the explorer's URL): its entity key, except where that key names a property every plain
 * object inherits (`constructor`, `__proto__`, `toString`...). graphology keeps each node's
 * neighbours in plain objects, so a node keyed `constructor` "already has" an edge to every node
 * and the build crashes; sigma's caches are plain objects too. Those keys, and any key that
 * already starts with the escape, get a `~` in front: the mapping is one-to-one, leaves every
 * ordinary key (and so every ordinary dataset) unchanged, and `entityKey` of an escaped key is
 * the entity key again (it drops leading punctuation), so search normalises both alike.
 */

const ESCAPE = '~';

/**
 * Object.prototype's own property names, written out rather than read at run time so the output
 * never depends on the engine; `prototype` too, which functions carry.
 */
const INHERITED = new Set([
  '__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
  'constructor', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString',
  'toString', 'valueOf', 'prototype',
]);

export function datasetKey(entityKey: string): string {
  return INHERITED.has(entityKey) || entityKey.startsWith(ESCAPE) ? ESCAPE + entityKey : entityKey;
}

/** The entity key behind a dataset key (inverse of `datasetKey`). */
export function entityKeyOfDatasetKey(key: string): string {
  return key.startsWith(ESCAPE) ? key.slice(ESCAPE.length) : key;
}
