// Helpers for the specs: which exported TypeScript numbers stand for which C
// expressions. A key is "module:path" with the module under src/ (as built
// into build/src) and the path into its exports ("FREEBSD_RLIMITS.RLIMIT_AS").

/** Exports whose names are the C macros they stand for. */
export function named(module, ...names) {
  return names.map((name) => ({ key: `${module}:${name}`, expr: name }));
}

/** An export under another name than the C macro. */
export function renamed(module, name, expr) {
  return [{ key: `${module}:${name}`, expr }];
}

/**
 * Every key of an exported object, each key being a C macro; the keys are
 * read from the built module when the check runs, so a resource added to the
 * table is probed without a change here. `optional` maps the keys the tree's
 * release may lack to the reason, as optional() does for one macro.
 */
export function keysOf(module, objectName, { optional = {} } = {}) {
  return [{ keysOf: { module, objectName, optional } }];
}

/** A macro defined only under _KERNEL, read from the text of the header named. */
export function kernelOnly(module, name, header) {
  return [{ key: `${module}:${name}`, expr: name, kernelOnly: header }];
}

/**
 * A macro the tree's release may lack (it came in a later one): its absence is
 * recorded with the reason instead of failing the check.
 */
export function optional(module, name, reason) {
  return [{ key: `${module}:${name}`, expr: name, optional: reason }];
}

/** Exports that stand for enumerators (not macros): probed without an #ifdef guard. */
export function enumerators(module, ...names) {
  return names.map((name) => ({ key: `${module}:${name}`, expr: name, enumerator: true }));
}
